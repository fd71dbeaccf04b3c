import {
  type Agent,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ROUTING_BAGGAGE_KEY, ROUTING_HEADER } from '../deploy/manifests/routing-table.js';
import { parseBaggage } from '../router/baggage.js';
import { forwardRequest, forwardUpgrade } from '../router/forward.js';
import { ROUTED_TO_HEADER } from '../router/server.js';
import type { AccessCheck, AccessDecision } from './access/check-access.js';
import { stripCredentials } from './access/credentials.js';
import type { EnvironmentActivity } from './activity.js';
import type { ClusterView } from './cluster-view.js';
import { decideRoute, type GatewayDecision } from './decide.js';
import type { WakeError } from './errors.js';
import type { GatewayMetrics, RequestOutcome } from './metrics.js';
import { isOwnHost } from './own-host.js';
import { resolveServiceBackend } from './service-backend.js';
import { type SleepingEnvironment, servicesReachedBy } from './sleep-index.js';
import type { TlsMaterial } from './tls-files.js';
import type { TrafficCapture } from './traffic-capture.js';
import type { WakeCoordinator } from './wake-coordinator.js';
import { renderWakingPage, wantsHtml } from './waking-page.js';

/** Paths under this prefix are the gateway's own, on every host: no environment can shadow them. */
export const RESERVED_PATH_PREFIX = '/__microstax/';
export const HEALTH_PATH = `${RESERVED_PATH_PREFIX}healthz`;
export const METRICS_PATH = `${RESERVED_PATH_PREFIX}metrics`;

export interface GatewayServerOptions {
  /** `sleeping` is optional: without it no environment counts as asleep. */
  view: Pick<ClusterView, 'snapshot' | 'status'> & Partial<Pick<ClusterView, 'sleeping' | 'confirmMiss'>>;
  log: Logger;
  /** Keep-alive connection pool to the backends. */
  agent: Agent;
  /**
   * How long a refused connection to a backend (its address, its Service's `namespace/name`) is
   * tried again (default: never).
   */
  retryRefusedForMs?: (backend: { address: string; service: string }) => number;
  metrics?: GatewayMetrics;
  /** A backend connection idle this long is dropped (default 60 s). */
  idleTimeoutMs?: number;
  /** The baggage member naming the environment (default microstax-env). */
  baggageKey?: string;
  /** Wakes sleeping environments on their first request; absent: such requests get 503 at once. */
  wake?: WakeCoordinator;
  /** Retry-After (and the waking page's reload) in seconds, for requests to a waking environment (default 5). */
  retryAfterSeconds?: number;
  /**
   * Host names on which the gateway answers its own endpoints (health, metrics), besides IP literals
   * and `localhost` (probes and scrapers use the pod's or loopback address). Never an environment host.
   */
  ownHosts?: readonly string[];
  /**
   * Who may use each environment's URLs (access/check-access.ts), checked before anything is
   * forwarded or woken. Absent: every route counts as public (unit tests of routing only;
   * `startGateway` always passes one).
   */
  access?: AccessCheck;
  /** Records a sample of forwarded requests for traffic diffs (traffic-capture.ts); absent: none. */
  capture?: Pick<TrafficCapture, 'observe'>;
  /** Told of every request let through to an environment (activity.ts); absent: nothing is counted. */
  activity?: EnvironmentActivity;
  /** Serve HTTPS with this certificate and key (swap them later with `setSecureContext`); absent: HTTP. */
  tls?: TlsMaterial;
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
  /** A page for browsers (Accept: text/html), instead of the text line. */
  html?: string;
  /** Why a wake failed, in full (addresses, workflow ids, the scale's error): for the log only. */
  wakeError?: { type: string; message: string };
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

type RoutedDecision = Extract<GatewayDecision, { kind: 'proxy' | 'no-backend' }>;

/** The answer to a request the access check did not let through (or a share link's 303). */
function accessRefusal(
  decision: RoutedDecision,
  access: Exclude<AccessDecision, { kind: 'allow' }>,
): Refusal {
  const environment = decision.environment;
  if (access.kind === 'exchange') {
    return {
      status: 303,
      error: 'share-exchanged',
      message: `access to environment ${environment} granted; continue at ${access.location}`,
      // The token must not travel on in a Referer, nor stay in a cache.
      headers: {
        location: access.location,
        'set-cookie': access.setCookie,
        'referrer-policy': 'no-referrer',
      },
      outcome: 'share-exchange',
      routedTo: environment,
    };
  }
  const how =
    'open a share link of it (`microstax env share <id>` by a member of its team), or send "Authorization: Bearer <API token>" of a member of its team';
  const message =
    access.status === 403
      ? `environment ${environment} is not open to this credential (it is for another environment or team); ${how}`
      : access.reason === 'invalid'
        ? `environment ${environment} is private and this credential is unknown, revoked or expired; ${how}`
        : `environment ${environment} is private; ${how}`;
  return {
    status: access.status,
    error: access.status === 403 ? 'forbidden' : 'unauthorized',
    message,
    headers: {
      ...(access.status === 401 && { 'www-authenticate': 'Bearer realm="microstax"' }),
      ...(access.setCookie && { 'set-cookie': access.setCookie }),
    },
    details: { environment },
    outcome: 'unauthorized',
    routedTo: environment,
  };
}

/** The refusal's body and headers: JSON when the client's Accept asks for it, else one text line. */
function renderRefusal(
  req: IncomingMessage,
  refusal: Refusal,
): { headers: Record<string, string>; body: string } {
  const wantsJson = /\bjson\b/.test(req.headers.accept ?? '');
  if (refusal.html && !wantsJson && wantsHtml(req.headers.accept)) {
    return {
      headers: {
        ...refusal.headers,
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      },
      body: refusal.html,
    };
  }
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
  wakeError?: { type: string; message: string };
  /** Why the backend did not answer, with its address: for operators, never in the answer. */
  backendError?: string;
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
 * The gateway: routes each request by its Host header to the Service an Ingress names (one of its
 * ready pods, else its ClusterIP, reached through kube-proxy), and for header-routed baselines to
 * the branch copy that the request's `baggage: microstax-env=<branch>` names. Bodies stream both ways; Upgrade requests
 * (WebSockets) are tunnelled.
 */
export function createGatewayServer(options: GatewayServerOptions): Server | HttpsServer {
  const baggageKey = options.baggageKey ?? ROUTING_BAGGAGE_KEY;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const decide = (req: IncomingMessage) =>
    decideRoute({
      snapshot: options.view.snapshot(),
      host: req.headers.host,
      path: req.url ?? '/',
      environment: parseBaggage(req.headers[ROUTING_HEADER]).get(baggageKey),
    });
  /**
   * The decision, with an unknown host confirmed against the API server first: an environment that
   * just said "ready" must not get a 404 because the watch event for its Ingress is still on its way.
   * Known hosts are decided at once; `then` runs synchronously for them.
   */
  const decideConfirmed = (req: IncomingMessage, then: (decision: GatewayDecision) => void) => {
    const decision = decide(req);
    const confirmMiss = options.view.confirmMiss;
    if (decision.kind !== 'unknown-host' || !confirmMiss) {
      then(decision);
      return;
    }
    // Decide again either way: the watch may have delivered the Ingress while the list was read.
    confirmMiss().then(
      () => then(decide(req)),
      (error: unknown) => {
        options.log.warn({ error: String(error) }, 'could not confirm an unknown host with the API server');
        then(decision);
      },
    );
  };

  const retryAfterSeconds = options.retryAfterSeconds ?? 5;
  /** The environment whose pods would answer, when it sleeps or this gateway is waking it. */
  const asleep = (decision: ProxyDecision): SleepingEnvironment | undefined =>
    options.view.sleeping?.().get(decision.backendNamespace) ??
    options.wake?.waking(decision.backendNamespace);

  /**
   * The ClusterIP and first port of the Services of the sleeping services the request's service
   * depends on (every other one when the environment's graph is unknown): it reaches them through
   * kube-proxy, whose rules lag their pods' readiness.
   */
  const siblingBackends = (sleeping: SleepingEnvironment, own: string) => {
    const { services } = options.view.snapshot();
    return servicesReachedBy(sleeping, serviceName(sleeping, own)).flatMap((name) => {
      const port = services(sleeping.namespace, name)?.spec?.ports?.[0]?.port;
      if (port === undefined) return [];
      const resolved = resolveServiceBackend({
        services,
        namespace: sleeping.namespace,
        service: name,
        port,
      });
      return resolved.ok ? [{ address: resolved.address, port: resolved.port }] : [];
    });
  };

  const proxy = (params: {
    req: IncomingMessage;
    res: ServerResponse;
    decision: ProxyDecision;
    record: (entry: RecordEntry) => void;
    outcome: 'proxied' | 'woken';
  }) => {
    const { req, res, decision, record } = params;
    const routed = {
      routedTo: decision.routedTo,
      service: decision.service,
      headerRouted: decision.headerRouted,
    };
    let backendError: string | undefined;
    forwardRequest({
      req,
      res,
      host: decision.address,
      port: decision.port,
      edge: true,
      agent: options.agent,
      retryRefusedForMs: options.retryRefusedForMs?.(decision),
      retarget: () => {
        const again = decide(req);
        return again.kind === 'proxy' && again.service === decision.service
          ? { host: again.address, port: again.port }
          : undefined;
      },
      idleTimeoutMs,
      responseHeaders: { [ROUTED_TO_HEADER]: decision.routedTo },
      onUnreachable: (error) => {
        backendError = backendFailure(decision, error);
        reply(req, res, unreachableRefusal(decision));
      },
      onDone: (status) =>
        record({
          outcome: backendError ? 'backend-error' : params.outcome,
          status,
          ...routed,
          ...(backendError && { backendError }),
        }),
    });
    options.capture?.observe(req, { environment: decision.routedTo, service: decision.service });
  };

  /** Holds a request to a sleeping environment while it wakes, then forwards it or explains. */
  const holdThenProxy = async (params: {
    req: IncomingMessage;
    res: ServerResponse;
    decision: ProxyDecision;
    sleeping: SleepingEnvironment;
    record: (entry: RecordEntry) => void;
  }) => {
    const { req, res, decision, sleeping, record } = params;
    const wake = options.wake;
    if (!wake) {
      const refusal = asleepRefusal({ decision, retryAfterSeconds, reason: 'no-waker' });
      reply(req, res, refusal);
      record(refusalEntry(refusal));
      return;
    }
    const gone = new AbortController();
    const onClose = () => gone.abort();
    res.once('close', onClose);
    /** The request decided again: its Service's ready pod once the EndpointSlice names one. */
    const now = (): ProxyDecision => {
      const again = decide(req);
      return again.kind === 'proxy' && again.service === decision.service ? again : decision;
    };
    const outcome = await wake.hold({
      sleeping,
      service: serviceName(sleeping, decision.service),
      backend: {
        address: decision.address,
        port: decision.port,
        current: () => {
          const { address, port } = now();
          return { address, port };
        },
      },
      siblings: siblingBackends(sleeping, decision.service),
      signal: gone.signal,
    });
    res.off('close', onClose);
    if (outcome.kind === 'ready') {
      proxy({ req, res, decision: now(), record, outcome: 'woken' });
      return;
    }
    if (outcome.kind === 'client-gone') {
      // nginx's 499: the client closed the connection before an answer.
      record({ outcome: 'asleep', status: 499, routedTo: decision.routedTo, service: decision.service });
      return;
    }
    const refusal =
      outcome.kind === 'still-waking'
        ? asleepRefusal({ decision, retryAfterSeconds, reason: 'still-waking', waitedMs: outcome.waitedMs })
        : outcome.kind === 'too-many-held'
          ? asleepRefusal({ decision, retryAfterSeconds, reason: 'too-many-held' })
          : asleepRefusal({ decision, retryAfterSeconds, reason: 'cannot-wake', error: outcome.error });
    reply(req, res, refusal);
    record(refusalEntry(refusal));
  };

  /**
   * Runs the access check for a routed request and calls `then` with undefined when it may go on
   * (MicroStax's credentials then removed from it), else with the answer: 401/403, a share link's
   * 303, or 503 when the check itself failed (closed, never open). Unrouted requests go on as they are.
   */
  const authorized = (
    req: IncomingMessage,
    decision: GatewayDecision,
    then: (refusal: Refusal | undefined) => void,
  ) => {
    const check = options.access;
    if (!check || (decision.kind !== 'proxy' && decision.kind !== 'no-backend')) {
      then(undefined);
      return;
    }
    check(req, { ...decision, routedTo: decision.routedTo }).then(
      (access) => {
        if (access.kind !== 'allow') {
          then(accessRefusal(decision, access));
          return;
        }
        if (access.via !== 'public') stripCredentials(req);
        then(undefined);
      },
      (error: unknown) => {
        options.log.error({ error: String(error), environment: decision.environment }, 'access check failed');
        then({
          status: 503,
          error: 'access-unavailable',
          message: 'access to this environment cannot be checked right now; retry in a moment',
          headers: { 'retry-after': '5' },
          outcome: 'access-error',
          routedTo: decision.environment,
        });
      },
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if ((req.url ?? '/').startsWith(RESERVED_PATH_PREFIX)) {
      serveOwn({ req, res, options });
      return;
    }
    const record = recorder(options, req);
    decideConfirmed(req, (decision) => {
      authorized(req, decision, (refusal) => {
        if (refusal) {
          reply(req, res, refusal);
          record(refusalEntry(refusal));
          return;
        }
        if (decision.kind !== 'proxy') {
          const refusal = refusalFor(decision);
          reply(req, res, refusal);
          record(refusalEntry(refusal));
          return;
        }
        options.activity?.used(decision);
        const sleeping = asleep(decision);
        if (sleeping) {
          void holdThenProxy({ req, res, decision, sleeping, record });
          return;
        }
        proxy({ req, res, decision, record, outcome: 'proxied' });
      });
    });
  };
  const server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handle)
    : createServer(handle);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const record = recorder(options, req);
    decideConfirmed(req, (decision) =>
      authorized(req, decision, (refusal) => {
        if (refusal) {
          replyOnSocket(req, socket, refusal);
          record(refusalEntry(refusal));
          return;
        }
        upgradeRouted(req, socket, head, decision, record);
      }),
    );
  });

  const upgradeRouted = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    decision: GatewayDecision,
    record: (entry: RecordEntry) => void,
  ) => {
    if (decision.kind !== 'proxy') {
      const refusal = refusalFor(decision);
      replyOnSocket(req, socket, refusal);
      record(refusalEntry(refusal));
      return;
    }
    options.activity?.used(decision);
    const sleeping = asleep(decision);
    if (sleeping) {
      // A raw socket is not held: the wake starts, and the client's reconnect finds the service awake.
      options.wake?.wakeInBackground(sleeping, serviceName(sleeping, decision.service));
      const refusal = asleepRefusal({
        decision,
        retryAfterSeconds,
        reason: options.wake ? 'still-waking' : 'no-waker',
        waitedMs: 0,
      });
      replyOnSocket(req, socket, refusal);
      record(refusalEntry(refusal));
      return;
    }
    let backendError: string | undefined;
    forwardUpgrade({
      req,
      socket,
      head,
      host: decision.address,
      port: decision.port,
      edge: true,
      onUnreachable: (error) => {
        backendError = backendFailure(decision, error);
        replyOnSocket(req, socket, unreachableRefusal(decision));
      },
      onDone: (outcome) =>
        record({
          outcome: outcome === 'tunnel' ? 'proxied' : 'backend-error',
          status: outcome === 'tunnel' ? 101 : 502,
          routedTo: decision.routedTo,
          service: decision.service,
          headerRouted: decision.headerRouted,
          ...(backendError && { backendError }),
        }),
    });
  };
  return server;
}

/** What the access log and metrics keep of a refusal (not its body or headers). */
function refusalEntry(refusal: Refusal): RecordEntry {
  return {
    outcome: refusal.outcome,
    status: refusal.status,
    routedTo: refusal.routedTo,
    service: refusal.service,
    ...(refusal.wakeError && { wakeError: refusal.wakeError }),
  };
}

type ProxyDecision = Extract<GatewayDecision, { kind: 'proxy' }>;

/**
 * The 503 for a request to a sleeping environment that is not forwarded: still waking after the hold
 * timeout, too many requests held, the wake impossible or failed, or no waker configured. Browsers get
 * the self-reloading page; everyone gets Retry-After.
 */
function asleepRefusal(params: {
  decision: ProxyDecision;
  retryAfterSeconds: number;
  reason: 'still-waking' | 'too-many-held' | 'cannot-wake' | 'no-waker';
  waitedMs?: number;
  error?: WakeError;
}): Refusal {
  const { decision, retryAfterSeconds } = params;
  const environment = decision.routedTo;
  const waking = params.reason === 'still-waking' || params.reason === 'too-many-held';
  const message = (() => {
    switch (params.reason) {
      case 'still-waking':
        return `environment ${environment} is waking up (waited ${Math.round((params.waitedMs ?? 0) / 1000)} s); retry in ${retryAfterSeconds} s`;
      case 'too-many-held':
        return `environment ${environment} is waking up and the gateway holds as many requests as it may; retry in ${retryAfterSeconds} s`;
      // The reason stays in the log: it names Temporal's address, workflow ids, raw scale errors.
      case 'cannot-wake':
        return `environment ${environment} is asleep and could not be woken; try again in ${retryAfterSeconds} s or ask its owner`;
      case 'no-waker':
        return `environment ${environment} is asleep and this gateway does not wake environments (it was started with --no-wake)`;
    }
  })();
  return {
    status: 503,
    error: waking ? 'waking' : 'asleep',
    message,
    headers: { [ROUTED_TO_HEADER]: environment, 'retry-after': String(retryAfterSeconds) },
    details: {
      environment,
      service: decision.service,
      ...(params.error && { wakeError: params.error.type }),
    },
    outcome: 'asleep',
    routedTo: environment,
    service: decision.service,
    ...(params.error && { wakeError: { type: params.error.type, message: params.error.message } }),
    html: renderWakingPage({
      environment,
      service: decision.service,
      refreshSeconds: retryAfterSeconds,
      detail: message,
      waking,
    }),
  };
}

/** Where the backend was reached and how it failed: the access log's `backendError`. */
function backendFailure(decision: ProxyDecision, error: Error): string {
  return `${decision.address}:${decision.port}: ${error.message}`;
}

/** Says which service did not answer; where it was reached and how it failed go to the log only. */
function unreachableRefusal(decision: ProxyDecision): Refusal {
  return {
    status: 502,
    error: 'backend-unreachable',
    message: `service ${decision.service} of environment ${decision.routedTo} did not answer`,
    headers: { [ROUTED_TO_HEADER]: decision.routedTo },
    details: { service: decision.service, environment: decision.routedTo },
    outcome: 'backend-error',
    routedTo: decision.routedTo,
    service: decision.service,
  };
}

/**
 * The gateway's own endpoints, on its own hosts only: health (ok or degraded, nothing about what it
 * routes) and Prometheus metrics. On an environment's host these paths are nobody's: 404.
 */
function serveOwn(params: { req: IncomingMessage; res: ServerResponse; options: GatewayServerOptions }) {
  const { req, res, options } = params;
  const path = (req.url ?? '/').split('?')[0];
  if (!isOwnHost(req.headers.host, options.ownHosts ?? [])) {
    reply(req, res, { status: 404, error: 'not-found', message: 'not found', outcome: 'bad-request' });
    return;
  }
  if (path === HEALTH_PATH) {
    const status = options.view.status();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(`${JSON.stringify({ status: status.reconnecting > 0 ? 'degraded' : 'ok' })}\n`);
    return;
  }
  if (path === METRICS_PATH && options.metrics) {
    const { registry } = options.metrics;
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      (error: unknown) => {
        options.log.error({ error: String(error) }, 'could not render metrics');
        reply(req, res, {
          status: 500,
          error: 'metrics',
          message: 'metrics unavailable',
          outcome: 'bad-request',
        });
      },
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

/** A decision's service (`namespace/name` or `name`) as the sleep index names it. */
function serviceName(sleeping: SleepingEnvironment, service: string): string {
  return service.startsWith(`${sleeping.namespace}/`)
    ? service.slice(sleeping.namespace.length + 1)
    : service;
}
