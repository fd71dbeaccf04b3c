import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** What happened to a request, as a metric label: a small, fixed set. */
export type RequestOutcome = 'proxied' | 'unknown-host' | 'no-backend' | 'backend-error' | 'bad-request';

/** The gateway's Prometheus metrics, in a registry of its own (several gateways may share a process). */
export interface GatewayMetrics {
  registry: Registry;
  observe(entry: { outcome: RequestOutcome; status: number; seconds: number; headerRouted: boolean }): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'microstax_gateway_' });
  const requests = new Counter({
    name: 'microstax_gateway_requests_total',
    help: 'Requests by outcome, status code and whether baggage routed them to a branch',
    labelNames: ['outcome', 'status', 'header_routed'] as const,
    registers: [registry],
  });
  // Time to the backend's response headers (or to the gateway's own answer): bodies stream on.
  const duration = new Histogram({
    name: 'microstax_gateway_response_seconds',
    help: 'Time from request to response headers, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    observe: ({ outcome, status, seconds, headerRouted }) => {
      requests.inc({ outcome, status: String(status), header_routed: String(headerRouted) });
      duration.observe({ outcome }, seconds);
    },
  };
}
