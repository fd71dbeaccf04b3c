/** What went wrong with the local stack; `type` lets callers and `--json` output tell errors apart. */
export type StackErrorType =
  /** The stack was never started (or was stopped): there is no usable state file. */
  | 'stack-not-up'
  /** A part did not start or failed its health check. */
  | 'part-failed'
  /** Building a pinned binary from its Go module failed. */
  | 'build-failed'
  /** A setting (environment variable, node-pools file) is invalid. */
  | 'invalid-config';

export interface StackErrorParams {
  /** The part concerned, e.g. `temporal`, `postgres`, `kube-apiserver`. */
  part?: string;
  /** The log file to read for details. */
  logFile?: string;
  /** What to do about it, as a command or a sentence. */
  fix?: string;
}

/**
 * An error that says what failed, where its log is and how to fix it; `type` tells callers and
 * `--json` output apart. The stack's and the image builder's errors are both of this shape.
 */
export class ActionableError<
  Type extends string,
  Params extends { logFile?: string; fix?: string },
> extends Error {
  readonly type: Type;
  readonly params: Params;

  constructor(type: Type, message: string, params: Params, options?: ErrorOptions) {
    const details = [
      message,
      params.logFile ? `log: ${params.logFile}` : undefined,
      params.fix ? `fix: ${params.fix}` : undefined,
    ].filter(Boolean);
    super(details.join('\n  '), options);
    this.type = type;
    this.params = params;
  }

  toJSON(): { type: Type; message: string } & Params {
    return { type: this.type, message: this.message, ...this.params };
  }
}

/** An error of the local stack: says what failed, where its log is, and how to fix it. */
export class StackError extends ActionableError<StackErrorType, StackErrorParams> {
  override readonly name = 'StackError';

  constructor(type: StackErrorType, message: string, params: StackErrorParams = {}, options?: ErrorOptions) {
    super(type, message, params, options);
  }
}
