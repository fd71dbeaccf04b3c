import { ExitCode } from './exit-codes.js';

/** What kind of failure: scripts branch on it; the message is for people. */
export type CliErrorType =
  | 'api'
  | 'unreachable'
  | 'timeout'
  | 'invalid-input'
  | 'config'
  | 'database'
  | 'usage'
  | 'internal';

/**
 * A failure the CLI reports: one line for people (message, then what to do), one JSON document
 * for scripts (see {@link errorDocument}), and an exit code.
 */
export class CliError extends Error {
  readonly type: CliErrorType;
  readonly hint: string | undefined;
  readonly field: string | undefined;
  readonly exitCode: number;
  constructor(params: {
    type: CliErrorType;
    message: string;
    hint?: string;
    field?: string;
    exitCode?: number;
    cause?: unknown;
  }) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.name = 'CliError';
    this.type = params.type;
    this.hint = params.hint;
    this.field = params.field;
    this.exitCode = params.exitCode ?? ExitCode.Failure;
  }
}
