import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, ErrorCode } from '../errors.js';
import { principalKey } from './auth.js';

/**
 * Per-caller rate limit, counted in this replica's memory (with R replicas a caller gets up to R times
 * the limit). Keyed by the authenticated principal (its token id, or share id), so the same token
 * written with other spacing or case shares one bucket; calls without a valid credential by their
 * client address (the connecting address unless `trustProxy` names the proxies in front). Runs after
 * the auth hook has resolved the principal and before a refused credential's 401 is answered. Health
 * and metrics routes opt out.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: { perMinute: number }): Promise<void> {
  await app.register(rateLimit, {
    max: opts.perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      request.principal ? principalKey(request.principal) : `address:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new ApiError({
        statusCode: context.statusCode,
        code: ErrorCode.RateLimited,
        message: `rate limit of ${context.max} requests per minute reached; retry in ${context.after}`,
      }),
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });
