import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** A request slower than this is logged at warn. */
export const SLOW_REQUEST_MS = 1_000;

/**
 * Fastify's per-request log lines, made quiet for a busy API: at 500 req/s two info lines per status
 * read cost more than the read itself. Each finished request gets one line by route template (no ids
 * in the message): debug normally, warn when slow, error when the response itself failed. Every line
 * carries the request id; refusals (4xx) and failures (5xx) are also logged by the error handler.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.trace({ method: request.method, url: request.url }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const ms = reply.elapsedTime;
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      ms: Math.round(ms),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (ms >= SLOW_REQUEST_MS) reply.log.warn(line, 'slow request');
    else reply.log.debug(line, 'request completed');
  }
}
