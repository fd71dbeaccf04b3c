import {
  type Agent,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ROUTING_BAGGAGE_KEY, ROUTING_HEADER } from '../deploy/manifests/routing-table.js';
import { parseBaggage } from '../router/baggage.js';
import { forwardRequest, forwardUpgrade } from '../router/forward.js';
import { ROUTED_TO_HEADER } from '../router/server.js';
import type { ClusterView } from './cluster-view.js';
import { decideRoute, type GatewayDecision } from './decide.js';
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

/** An answer the gateway gives itself: status, a machine-readable type and a one-line message. */
interface Refusal {
  status: number;
  error: string;
  message: string;
  headers?: Record<string, string>;
  details?: Record<string, string>;
  outcome: RequestOutcome;
  routedTo?: string;
  service?: string;
}

/** The answer for a request the gateway does not proxy. */
function refusalFor(decision: Exclude<GatewayDecision, { kind: 'proxy' }>): Refusal {
  switch (decision.kind) {
    case 'no-host':
      return {
        status: 400,
        error: 'no-host',
        message: 'the request has no Host header: the gateway routes by host',
        outcome: 'bad-request',
      };
    case 'unknown-host':
      return {
        status: 404,
        error: 'unknown-host',
        message: `no environment serves host "${decision.host}" (no Ingress has a rule for it)`,
        details: { host: decision.host },
        outcome: 'unknown-host',
      };
    case 'no-backend':
      return {
        status: 502,
        error: 'no-backend',
        message: `service ${decision.service} of environment ${decision.routedTo} cannot be reached: ${decision.reason}`,
        headers: { [ROUTED_TO_HEADER]: decision.routedTo },
        details: { host: decision.host, service: decision.service, environment: decision.routedTo },
        outcome: 'no-backend',
        routedTo: decision.routedTo,
        service: decision.service,
      };
  }
}

/** The refusal's body and headers: JSON when the client's Accept asks for it, else one text line. */
function renderRefusal(
  req: IncomingMessage,
  refusal: Refusal,
): { headers: Record<string, string>; body: string } {
  const wantsJson = /\bjson\b/.test(req.headers.accept ?? '');
  const body = wantsJson
    ? `${JSON.stringify({ error: refusal.error, message: refusal.message, ...refusal.details })}\n`
    : `${refusal.message}\n`;
  return {
    headers: {
      ...refusal.headers,
      'content-type': wantsJson ? 'application/json' : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    },
    body,
  };
}

function reply(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const { headers, body } = renderRefusal(req, refusal);
  res.writeHead(refusal.status, headers);
  res.end(body);
}

/** The same answer written raw on the socket of an Upgrade request, which has no ServerResponse. */
function replyOnSocket(req: IncomingMessage, socket: Duplex, refusal: Refusal): void {
  const { headers, body } = renderRefusal(req, refusal);
  const head = [`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`];
  for (const [name, value] of Object.entries({ ...headers, connection: 'close' }))
    head.push(`${name}: ${value}`);
  head.push(`content-length: ${Buffer.byteLength(body)}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

type RecordEntry = {
  outcome: RequestOutcome;
  status: number;
  routedTo?: string;
  service?: string;
  headerRouted?: boolean;
};

/** Metrics and the access log line of one request, timed from now. */
function recorder(options: GatewayServerOptions, req: IncomingMessage): (entry: RecordEntry) => void {
  const started = process.hrtime.bigint();
  return (entry) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    options.metrics?.observe({
      outcome: entry.outcome,
      status: entry.status,
      seconds,
      headerRouted: entry.headerRouted ?? false,
    });
    // No query string and no headers in logs: either may carry credentials.
    options.log.info(
      {
        method: req.method,
        host: req.headers.host,
        path: (req.url ?? '/').split('?')[0],
        ...entry,
        ms: Math.round(seconds * 1e4) / 10,
      },
      'request',
    );
  };
}

/**
 * The gateway: routes each request by its Host header to the Service an Ingress names (its
 * ClusterIP, reached through kube-proxy), and for header-routed baselines to the branch copy that
 * the request's `baggage: microstax-env=<branch>` names. Bodies stream both ways; Upgrade requests
 * (WebSockets) are tunnelled.
 */
export function createGatewayServer(options: GatewayServerOptions): Server {
  const baggageKey = options.baggageKey ?? ROUTING_BAGGAGE_KEY;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const decide = (req: IncomingMessage) =>
    decideRoute({
      snapshot: options.view.snapshot(),
      host: req.headers.host,
      path: req.url ?? '/',
      environment: parseBaggage(req.headers[ROUTING_HEADER]).get(baggageKey),
    });

  const server = createServer((req, res) => {
    if ((req.url ?? '/').startsWith(RESERVED_PATH_PREFIX)) {
      serveOwn({ req, res, options });
      return;
    }
    const record = recorder(options, req);
    const decision = decide(req);
    if (decision.kind !== 'proxy') {
      const refusal = refusalFor(decision);
      reply(req, res, refusal);
      record(refusalEntry(refusal));
      return;
    }
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
        reply(req, res, unreachableRefusal(decision, error));
      },
      onDone: (status) => record({ outcome: unreachable ? 'backend-error' : 'proxied', status, ...routed }),
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const record = recorder(options, req);
    const decision = decide(req);
    if (decision.kind !== 'proxy') {
      const refusal = refusalFor(decision);
      replyOnSocket(req, socket, refusal);
      record(refusalEntry(refusal));
      return;
    }
    forwardUpgrade({
      req,
      socket,
      head,
      host: decision.address,
      port: decision.port,
      edge: true,
      onUnreachable: (error) => replyOnSocket(req, socket, unreachableRefusal(decision, error)),
      onDone: (outcome) =>
        record({
          outcome: outcome === 'tunnel' ? 'proxied' : 'backend-error',
          status: outcome === 'tunnel' ? 101 : 502,
          routedTo: decision.routedTo,
          service: decision.service,
          headerRouted: decision.headerRouted,
        }),
    });
  });
  return server;
}

/** What the access log and metrics keep of a refusal (not its body or headers). */
function refusalEntry(refusal: Refusal): RecordEntry {
  return {
    outcome: refusal.outcome,
    status: refusal.status,
    routedTo: refusal.routedTo,
    service: refusal.service,
  };
}

function unreachableRefusal(decision: Extract<GatewayDecision, { kind: 'proxy' }>, error: Error): Refusal {
  return {
    status: 502,
    error: 'backend-unreachable',
    message: `service ${decision.service} of environment ${decision.routedTo} did not answer (${decision.address}:${decision.port}): ${error.message}`,
    headers: { [ROUTED_TO_HEADER]: decision.routedTo },
    details: { service: decision.service, environment: decision.routedTo },
    outcome: 'backend-error',
    routedTo: decision.routedTo,
    service: decision.service,
  };
}

/** The gateway's own endpoints: health (with what it routes) and Prometheus metrics. */
function serveOwn(params: { req: IncomingMessage; res: ServerResponse; options: GatewayServerOptions }) {
  const { req, res, options } = params;
  const path = (req.url ?? '/').split('?')[0];
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
      (error: unknown) =>
        reply(req, res, { status: 500, error: 'metrics', message: String(error), outcome: 'bad-request' }),
    );
    return;
  }
  reply(req, res, {
    status: 404,
    error: 'not-found',
    message: `the gateway has no endpoint ${path}`,
    outcome: 'bad-request',
  });
}
