/**
 * Temporal's OpenTelemetry workflow interceptors behind `patched('opentelemetry-tracing')`. Their spans
 * take ids from the workflow's seeded random numbers, so a run recorded without them would replay with
 * other child-workflow ids (a non-determinism error): runs started before this change replay untouched,
 * new runs are traced (or, with traces off, their spans go to a sink that drops them).
 */
import { interceptors as tracingInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js';
import { patched, type WorkflowInterceptors } from '@temporalio/workflow';

/** Calls that may not record a marker (read-only handlers): before the decision they pass through. */
const READ_ONLY = new Set(['handleQuery', 'validateUpdate']);

export const interceptors = (): WorkflowInterceptors => {
  let traced: boolean | undefined;
  let inner: ReturnType<typeof tracingInterceptors> | undefined;
  /** Decided on the first call (the workflow's start): the marker sits at the same point on replay. */
  const active = (method: string): boolean => {
    if (traced === undefined) {
      if (READ_ONLY.has(method)) return false;
      traced = patched('opentelemetry-tracing');
    }
    if (traced) inner ??= tracingInterceptors();
    return traced;
  };
  type Kind = 'inbound' | 'outbound' | 'internals';
  const gate = (kind: Kind) =>
    new Proxy(
      {},
      {
        get(_target, method: string) {
          return (input: unknown, next: (input: unknown) => unknown) => {
            if (!active(method)) return next(input);
            const target = inner![kind]?.[0] as Record<string, unknown> | undefined;
            const call = target?.[method] as ((i: unknown, n: unknown) => unknown) | undefined;
            return call ? call.call(target, input, next) : next(input);
          };
        },
      },
    );
  return {
    inbound: [gate('inbound') as never],
    outbound: [gate('outbound') as never],
    internals: [gate('internals') as never],
  };
};
