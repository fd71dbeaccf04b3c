import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, ErrorCode } from '../errors.js';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/** Fastify's own 4xx errors, mapped to our stable codes. */
const FASTIFY_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  406: ErrorCode.ValidationFailed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

/** Turns a request validation failure into the message and dotted field of its first issue. */
function describeValidation(error: FastifyError): { message: string; field?: string } {
  const context = error.validationContext ?? 'body';
  const issue = hasZodFastifySchemaValidationErrors(error) ? error.validation[0] : error.validation?.[0];
  if (!issue) return { message: error.message, field: context };
  const path = issue.instancePath.split('/').filter(Boolean);
  // Unknown keys are reported on the object holding them: name the key itself.
  const keys = (issue.params as { keys?: unknown }).keys;
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
    path.push(String(keys[0]));
    return { message: `unknown field "${keys[0]}"`, field: [context, ...path].join('.') };
  }
  return { message: issue.message ?? 'invalid value', field: [context, ...path].join('.') };
}

/**
 * One error handler for the whole API: validation errors become 400 naming the failing field, other
 * client errors keep their message, and server errors answer a generic message while the details are
 * logged with the request id. Every body has the shape `{ error: { code, message, field? } }`.
 */
async function errorHandlerPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    let status: number;
    let body: ErrorBody;
    if (error instanceof ApiError) {
      status = error.statusCode;
      body = {
        error: { code: error.code, message: error.message, field: error.field, details: error.details },
      };
    } else if ((error as FastifyError).validation) {
      status = 400;
      body = { error: { code: ErrorCode.ValidationFailed, ...describeValidation(error as FastifyError) } };
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { error: { code: FASTIFY_CODES[status] ?? ErrorCode.ValidationFailed, message: error.message } };
    } else {
      status = error.statusCode === 503 ? 503 : 500;
      request.log.error({ err: error }, 'request failed');
      body = {
        error: {
          code: status === 503 ? ErrorCode.Unavailable : ErrorCode.Internal,
          message: `internal error; quote request id ${request.id} when reporting it`,
        },
      };
    }
    if (status < 500) request.log.info({ code: body.error.code, field: body.error.field }, 'request refused');
    // Bypass the route's response schema: error bodies have their own, fixed shape.
    return reply.code(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.code(404).send({
      error: {
        code: ErrorCode.NotFound,
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

export default fp(errorHandlerPlugin, { name: 'error-handler' });
