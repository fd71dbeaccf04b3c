import { ApiClientError } from '../api/client.js';
import { CliError } from './cli-error.js';
import { ExitCode } from './exit-codes.js';
import { isDocument, type OutputFormat } from './output.js';

/**
 * The one error document of every command, printed on stdout with `-o json|yaml` (the README's CLI
 * section documents it). `type` is what kind of failure; `code` the API's error code when the API
 * answered (otherwise the type again); the rest only when known.
 */
export interface ErrorDocument {
  ok: false;
  error: {
    type: string;
    code: string;
    message: string;
    hint?: string;
    status?: number;
    field?: string;
    url?: string;
    /** Blueprint problems (FILE:LINE:COL), for a blueprint refused locally. */
    problems?: unknown[];
  };
}

/** The error document of any failure. */
export function errorDocument(error: unknown, extra: { problems?: unknown[] } = {}): ErrorDocument {
  const base = (fields: ErrorDocument['error']): ErrorDocument => ({
    ok: false,
    error: Object.fromEntries(
      Object.entries({ ...fields, ...extra }).filter(([, value]) => value !== undefined),
    ) as ErrorDocument['error'],
  });
  if (error instanceof ApiClientError) {
    return base({
      type: error.status === 0 ? 'unreachable' : 'api',
      code: error.code,
      message: error.message,
      hint: error.hint,
      status: error.status || undefined,
      field: error.field,
      url: error.url,
    });
  }
  if (error instanceof CliError) {
    return base({
      type: error.type,
      code: error.type,
      message: error.message,
      hint: error.hint,
      field: error.field,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  // The product's typed errors (DeployError, StackError, PlannerError...) carry a `type` discriminator.
  const type = (error as { type?: unknown } | undefined)?.type;
  if (error instanceof Error && typeof type === 'string') return base({ type, code: type, message });
  return base({ type: 'internal', code: 'internal', message });
}

/** The exit code of a failure: 2 for a usage error, 1 for everything else. */
export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : ExitCode.Failure;
}

/**
 * Reports a failure: one line on stderr (message, field, code, then what to do) and, for
 * `-o json|yaml`, the error document on stdout. Returns the exit code.
 */
export async function reportError(
  error: unknown,
  format: OutputFormat,
  extra: { problems?: unknown[] } = {},
): Promise<number> {
  const document = errorDocument(error, extra);
  const { message, field, code, type, hint } = document.error;
  const codePart = type === 'api' ? ` (${code})` : '';
  process.stderr.write(
    `microstax: ${message}${field ? ` [${field}]` : ''}${codePart}${hint ? `; ${hint}` : ''}\n`,
  );
  if (isDocument(format)) {
    const text =
      format === 'yaml'
        ? (await import('yaml')).stringify(document).trimEnd()
        : JSON.stringify(document, null, 2);
    process.stdout.write(`${text}\n`);
  }
  return exitCodeOf(error);
}
