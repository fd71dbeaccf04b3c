import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { WakeProblem } from './errors.js';

/** What happened to a request, as a metric label: a small, fixed set. */
export type RequestOutcome =
  | 'proxied'
  /** Held while its sleeping environment woke, then proxied. */
  | 'woken'
  /** Its environment sleeps and could not be woken in time (or at all): answered 503. */
  | 'asleep'
  | 'unknown-host'
  | 'no-backend'
  | 'backend-error'
  | 'bad-request'
  /** No credential that opens the environment: 401 or 403, nothing forwarded or woken. */
  | 'unauthorized'
  /** A share link's token exchanged for a cookie: 303 to the same URL. */
  | 'share-exchange'
  /** The credential could not be checked (the database is unreachable): 503, nothing forwarded. */
  | 'access-error';

/** How a wake ended, as a metric label. */
export type WakeResult = 'woken' | WakeProblem;

/** The gateway's Prometheus metrics, in a registry of its own (several gateways may share a process). */
export interface GatewayMetrics {
  registry: Registry;
  observe(entry: { outcome: RequestOutcome; status: number; seconds: number; headerRouted: boolean }): void;
  /** One wake ended (once per environment, however many requests waited for it). */
  observeWake(entry: { result: WakeResult; seconds: number }): void;
  /** Requests held right now while their environments wake. */
  setHeld(count: number): void;
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
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 30, 60],
    registers: [registry],
  });
  const wakes = new Counter({
    name: 'microstax_gateway_wakes_total',
    help: 'Wakes of sleeping environments started by a request, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const wakeDuration = new Histogram({
    name: 'microstax_gateway_wake_seconds',
    help: 'Time from the first request to a sleeping environment until it was awake (or the wake failed)',
    labelNames: ['result'] as const,
    buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300],
    registers: [registry],
  });
  const held = new Gauge({
    name: 'microstax_gateway_held_requests',
    help: 'Requests held while their environment wakes',
    registers: [registry],
  });
  return {
    registry,
    observeWake: ({ result, seconds }) => {
      wakes.inc({ result });
      wakeDuration.observe({ result }, seconds);
    },
    setHeld: (count) => held.set(count),
    observe: ({ outcome, status, seconds, headerRouted }) => {
      requests.inc({ outcome, status: String(status), header_routed: String(headerRouted) });
      duration.observe({ outcome }, seconds);
    },
  };
}
