import { type Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { ROUTING_BAGGAGE_KEY, ROUTING_HEADER } from '../deploy/manifests/routing-table.js';
import { parseBaggage } from '../router/baggage.js';
import { forwardRequest } from '../router/forward.js';
import { ROUTED_TO_HEADER } from '../router/server.js';
import type { ClusterView } from './cluster-view.js';
import { decideRoute } from './decide.js';
import type { GatewayMetrics, RequestOutcome } from './metrics.js';

/** Paths under this prefix are the gateway's own, on every host: no environment can shadow them. */
export const RESERVED_PATH_PREFIX = '/__microstax/';
export const HEALTH_PATH = `${RESERVED_PATH_PREFIX}healthz`;
export const METRICS_PATH = `${RESERVED_PATH_PREFIX}metrics`;

export interface GatewayServerOptions {
  view: Pick<ClusterView, 'snapshot' | 'status'>;
  log: Logger;
  /** Keep-alive connection pool to the backends. */
  agent: Agent;
  metrics?: GatewayMetrics;
  /** A backend connection idle this long is dropped (default 60 s). */
  idleTimeoutMs?: number;
  /** The baggage member naming the environment (default microstax-env). */
  baggageKey?: string;
}

/** An error the gateway answers itself, with a one-line message and a machine-readable type. */
function reply(params: {
  req: IncomingMessage;
  res: ServerResponse;
  status: number;
  error: string;
  message: string;
  headers?: Record<string, string>;
  details?: Record<string, string>;
}): void {
  const { req, res } = params;
  const wantsJson = /\bjson\b/.test(req.headers.accept ?? '');
  const body = wantsJson
    ? `${JSON.stringify({ error: params.error, message: params.message, ...params.details })}\n`
    : `${params.message}\n`;
  res.writeHead(params.status, {
    ...params.headers,
    'content-type': wantsJson ? 'application/json' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * The gateway: routes each request by its Host header to the Service an Ingress names (its
 * ClusterIP, reached through kube-proxy), and for header-routed baselines to the branch copy that
 * the request's `baggage: microstax-env=<branch>` names. Bodies stream both ways.
 */
export function createGatewayServer(options: GatewayServerOptions): Server {
  const baggageKey = options.baggageKey ?? ROUTING_BAGGAGE_KEY;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const { log } = options;

  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = req.url ?? '/';
    const finish = (entry: {
      outcome: RequestOutcome;
      status: number;
      routedTo?: string;
      service?: string;
      headerRouted?: boolean;
    }) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      options.metrics?.observe({
        outcome: entry.outcome,
        status: entry.status,
        seconds,
        headerRouted: entry.headerRouted ?? false,
      });
      // No query string and no headers in logs: either may carry credentials.
      log.info(
        {
          method: req.method,
          host: req.headers.host,
          path: path.split('?')[0],
          ...entry,
          ms: Math.round(seconds * 1e4) / 10,
        },
        'request',
      );
    };

    if (path.startsWith(RESERVED_PATH_PREFIX)) {
      serveOwn({ req, res, path, options });
      return;
    }

    const environment = parseBaggage(req.headers[ROUTING_HEADER]).get(baggageKey);
    const decision = decideRoute({
      snapshot: options.view.snapshot(),
      host: req.headers.host,
      path,
      environment,
    });
    switch (decision.kind) {
      case 'no-host':
        reply({
          req,
          res,
          status: 400,
          error: 'no-host',
          message: 'the request has no Host header: the gateway routes by host',
        });
        finish({ outcome: 'bad-request', status: 400 });
        return;
      case 'unknown-host':
        reply({
          req,
          res,
          status: 404,
          error: 'unknown-host',
          message: `no environment serves host "${decision.host}" (no Ingress has a rule for it)`,
          details: { host: decision.host },
        });
        finish({ outcome: 'unknown-host', status: 404 });
        return;
      case 'no-backend':
        reply({
          req,
          res,
          status: 502,
          error: 'no-backend',
          message: `service ${decision.service} of environment ${decision.routedTo} cannot be reached: ${decision.reason}`,
          headers: { [ROUTED_TO_HEADER]: decision.routedTo },
          details: { host: decision.host, service: decision.service, environment: decision.routedTo },
        });
        finish({
          outcome: 'no-backend',
          status: 502,
          routedTo: decision.routedTo,
          service: decision.service,
        });
        return;
      case 'proxy': {
        const routed = {
          routedTo: decision.routedTo,
          service: decision.service,
          headerRouted: decision.headerRouted,
        };
        let unreachable = false;
        forwardRequest({
          req,
          res,
          host: decision.address,
          port: decision.port,
          edge: true,
          agent: options.agent,
          idleTimeoutMs,
          responseHeaders: { [ROUTED_TO_HEADER]: decision.routedTo },
          onUnreachable: (error) => {
            unreachable = true;
            reply({
              req,
              res,
              status: 502,
              error: 'backend-unreachable',
              message: `service ${decision.service} of environment ${decision.routedTo} did not answer (${decision.address}:${decision.port}): ${error.message}`,
              headers: { [ROUTED_TO_HEADER]: decision.routedTo },
              details: { service: decision.service, environment: decision.routedTo },
            });
          },
          onDone: (status) =>
            finish({ outcome: unreachable ? 'backend-error' : 'proxied', status, ...routed }),
        });
        return;
      }
    }
  });
}

/** The gateway's own endpoints: health (with what it routes) and Prometheus metrics. */
function serveOwn(params: {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  options: GatewayServerOptions;
}) {
  const { req, res, options } = params;
  const path = params.path.split('?')[0];
  if (path === HEALTH_PATH) {
    const status = options.view.status();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(`${JSON.stringify({ status: status.reconnecting > 0 ? 'degraded' : 'ok', ...status })}\n`);
    return;
  }
  if (path === METRICS_PATH && options.metrics) {
    const { registry } = options.metrics;
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      (error: unknown) => reply({ req, res, status: 500, error: 'metrics', message: String(error) }),
    );
    return;
  }
  reply({ req, res, status: 404, error: 'not-found', message: `the gateway has no endpoint ${path}` });
}
