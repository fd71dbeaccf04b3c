import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, ErrorCode } from '../errors.js';

/**
 * Per-client rate limit: keyed by a hash of the bearer token (so one noisy CI token cannot starve a
 * team) or by IP without one. Health and metrics routes opt out.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: { perMinute: number }): Promise<void> {
  await app.register(rateLimit, {
    max: opts.perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const header = request.headers.authorization;
      return header ? createHash('sha256').update(header).digest('hex').slice(0, 32) : request.ip;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError({
        statusCode: context.statusCode,
        code: ErrorCode.RateLimited,
        message: `rate limit of ${context.max} requests per minute reached; retry in ${context.after}`,
      }),
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });
