import { ApplicationFailure } from '@temporalio/common';
import { LifecycleErrorType as ErrorType, type LifecycleErrorType } from '../workflows/contracts.js';

/** An error the caller cannot fix by retrying: becomes a non-retryable ApplicationFailure of this type. */
export function permanentFailure(params: {
  type: LifecycleErrorType;
  message: string;
  details?: unknown;
}): ApplicationFailure {
  return ApplicationFailure.create({
    type: params.type,
    message: params.message,
    nonRetryable: true,
    details: params.details === undefined ? undefined : [params.details],
  });
}

/**
 * Maps an error of the runtime (the deploy layer) to what Temporal should do with it: the deploy layer
 * marks each error retryable or not; permanent ones end the step so the workflow can compensate.
 */
export function toActivityFailure(
  error: unknown,
  type: LifecycleErrorType = ErrorType.DeployFailed,
): unknown {
  if (error instanceof ApplicationFailure) return error;
  const retryable = (error as { retryable?: unknown })?.retryable;
  if (retryable === false) {
    const e = error as Error & { type?: string; toJSON?: () => unknown };
    return permanentFailure({
      type,
      message: e.message,
      details: typeof e.toJSON === 'function' ? e.toJSON() : { type: e.type },
    });
  }
  return error;
}
