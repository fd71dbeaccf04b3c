/**
 * Every error the API answers with has this shape: `{ error: { code, message, field? } }`.
 * Codes are stable (clients and the CLI branch on them); messages are for people.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  InvalidBlueprint: 'invalid_blueprint',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  PolicyViolation: 'policy_violation',
  NotFound: 'not_found',
  Conflict: 'conflict',
  HasBranches: 'has_branches',
  IdempotencyKeyReused: 'idempotency_key_reused',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  RateLimited: 'rate_limited',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error a route raises on purpose; the error handler turns it into the standard response. */
export class ApiError extends Error {
  readonly type = 'api-error';
  readonly statusCode: number;
  readonly code: ErrorCode;
  /** Dotted path of the failing input field, e.g. `body.ttl` or `services.1.image`. */
  readonly field?: string;
  /** Extra machine-readable detail (e.g. blueprint problems). Must never hold secrets. */
  readonly details?: unknown;

  constructor(params: {
    statusCode: number;
    code: ErrorCode;
    message: string;
    field?: string;
    details?: unknown;
  }) {
    super(params.message);
    this.name = 'ApiError';
    this.statusCode = params.statusCode;
    this.code = params.code;
    this.field = params.field;
    this.details = params.details;
  }
}

/** 404 for anything the caller may not see as well as what does not exist: no existence leaks. */
export function notFound(what: string): ApiError {
  return new ApiError({ statusCode: 404, code: ErrorCode.NotFound, message: `${what} not found` });
}

export function forbidden(message: string): ApiError {
  return new ApiError({ statusCode: 403, code: ErrorCode.Forbidden, message });
}

export function badRequest(message: string, field?: string): ApiError {
  return new ApiError({ statusCode: 400, code: ErrorCode.ValidationFailed, message, field });
}

export function conflict(message: string, code: ErrorCode = ErrorCode.Conflict): ApiError {
  return new ApiError({ statusCode: 409, code, message });
}
