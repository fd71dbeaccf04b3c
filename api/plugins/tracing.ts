import type { Span } from '@opentelemetry/api';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    traceSpan?: Span;
  }
}

/**
 * One server span per request (continuing an incoming W3C `traceparent`), active for the rest of the
 * request: a workflow the handler starts joins its trace through Temporal's client interceptor.
 * Without a tracer provider (traces off) the spans are no-ops.
 */
async function tracingPlugin(app: FastifyInstance): Promise<void> {
  const tracer = trace.getTracer('microstax-api');
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const route = request.routeOptions.url ?? 'unknown route';
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'microstax.request_id': request.id,
        },
      },
      parent,
    );
    request.traceSpan = span;
    // The rest of the request runs inside `done`: the span is the active one for the handler.
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = request.traceSpan;
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

export default fp(tracingPlugin, { name: 'tracing' });
