import { createServer, type Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { KubeClient } from '../deploy/kube-client.js';
import { createPool, type Queryable } from '../store/database.js';
import { type AccessStore, cachedAccessStore, postgresAccessStore } from './access/access-store.js';
import { createAccessCheck, type SessionVerifier } from './access/check-access.js';
import { createGatewayActivity } from './activity.js';
import { BackendPool } from './backend-pool.js';
import { type ClusterView, watchCluster } from './cluster-view.js';
import { GatewayStartError } from './errors.js';
import { createGatewayMetrics } from './metrics.js';
import { createGatewayServer, RESERVED_PATH_PREFIX } from './server.js';
import { createTemporalWaker, type EnvironmentWaker } from './temporal-waker.js';
import { readTlsMaterial, type TlsFiles, watchTlsFiles } from './tls-files.js';
import { createTrafficCapture } from './traffic-capture.js';
import { createWakeCoordinator } from './wake-coordinator.js';

export interface StartGatewayOptions {
  kube: KubeClient;
  log: Logger;
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on (default 127.0.0.1: the gateway is for this machine's browsers and tests). */
  host?: string;
  /** Serve only MicroStax's Ingresses of this IngressClass (default `microstax`). */
  ingressClass?: string;
  /** Names on which health and metrics answer, besides IP literals and localhost (see own-host.ts). */
  ownHosts?: readonly string[];
  idleTimeoutMs?: number;
  /** Serve Prometheus metrics at /__microstax/metrics (default true). */
  metrics?: boolean;
  /** Who may use environment URLs: credentials are checked against the API's tables. */
  access: AccessOptions;
  /**
   * Wake sleeping environments on their first request (default on, through Temporal: TEMPORAL_ADDRESS
   * or the local stack's, connected at the first wake). `false`: such requests get 503 at once.
   */
  wake?: false | WakeOptions;
  /**
   * Traffic capture for diffs (traffic-capture.ts), per environment in `traffic_capture_settings`
   * (default on, through the access check's database; `false`: never captures).
   */
  capture?: false | { db?: Queryable; settingsEveryMs?: number; flushEveryMs?: number };
  /**
   * Record each environment's use in the metadata database for the idle sweep (default on, flushed every
   * 5 s) in the database the access check uses, or `db` (needed when `access.store` is given instead of a
   * database URL). `false`: nothing is recorded.
   */
  activity?: false | { flushEveryMs?: number; db?: Queryable };
  /**
   * Connect to Services' ready pods, from their EndpointSlices (default true): routable the moment a
   * pod is ready. False: always the ClusterIP, through kube-proxy (a gateway that cannot reach pod
   * addresses).
   */
  podEndpoints?: boolean;
  /** Serve HTTPS with these files, re-read when they change (cert-manager renewals); absent: HTTP. */
  tls?: TlsOptions;
}

export interface TlsOptions extends TlsFiles {
  /** How often the files are checked for a new certificate (default 10 s). */
  reloadEveryMs?: number;
  /** Also listen on this plain-HTTP port and redirect every request to HTTPS (0 picks a free port). */
  redirectPort?: number;
  /** The HTTPS port clients use, put in redirects (default 443: none in the URL). */
  publicPort?: number;
}

export interface AccessOptions {
  /** The metadata database (the API's DATABASE_URL); or `store`, e.g. one already open. */
  databaseUrl?: string;
  store?: AccessStore;
  /** Environment URLs are https: share cookies get `Secure` (MICROSTAX_INGRESS_SCHEME=https). */
  secureCookies: boolean;
  /** How long an answer about a credential is reused (default 2 s; at most 5 s, the revocation bound). */
  cacheMs?: number;
  /** The dashboard's sessions, once it exists. */
  sessions?: SessionVerifier;
}

export interface WakeOptions {
  /** Default: the environments' workflows in Temporal. */
  waker?: EnvironmentWaker;
  /** How long a request waits for its environment to wake (default 60 s). */
  holdTimeoutMs?: number;
  /** How many requests may wait at once (default 256). */
  maxHeld?: number;
  /** Retry-After seconds on a 503 while waking (default 5). */
  retryAfterSeconds?: number;
  /** The default waker's Temporal and codec settings (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface RunningGateway {
  /** e.g. http://127.0.0.1:18081, https://... with TLS */
  url: string;
  port: number;
  /** The plain-HTTP port that redirects to HTTPS, when asked for. */
  redirectPort?: number;
  /** Stops listening, waits for open requests, closes the watches and backend connections. */
  close(): Promise<void>;
}

/** Backend connections kept open between requests; enough for a busy laptop, bounded per backend. */
const MAX_SOCKETS_PER_BACKEND = 256;
const IDLE_BACKEND_SOCKET_MS = 4_000;
/**
 * After a Service lost an endpoint, how long it settles: no connection to it is kept alive and a
 * refused one is tried again. kube-proxy syncs its rules at most once a second (slower when busy),
 * and a new pod without a readiness probe may not listen yet.
 */
const ENDPOINTS_SETTLE_MS = 5_000;

/**
 * Starts the gateway: opens the cluster watches (their first lists must succeed, so a wrong
 * kubeconfig fails here, not on the first request), then listens.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { log } = options;
  if (!options.access.store && !options.access.databaseUrl?.match(/^postgres(ql)?:\/\//)) {
    throw new GatewayStartError('no-database', {
      cause: 'DATABASE_URL (a postgres:// URL of the metadata database) is not set',
    });
  }
  const tlsFiles = options.tls;
  const tls =
    tlsFiles &&
    (await readTlsMaterial(tlsFiles).catch((error: unknown) => {
      throw new GatewayStartError('tls-unusable', { cause: messageOf(error) });
    }));
  // Idle backend connections close before the usual 5 s server keep-alive timeout, so a request
  // rarely meets a connection the backend is closing.
  const agent = new BackendPool({
    keepAlive: true,
    maxSockets: MAX_SOCKETS_PER_BACKEND,
    scheduling: 'lifo',
    timeout: IDLE_BACKEND_SOCKET_MS,
    settleMs: ENDPOINTS_SETTLE_MS,
  });
  let watched: ClusterView | undefined;
  const view = await watchCluster({
    kube: options.kube,
    ingressClass: options.ingressClass,
    podEndpoints: options.podEndpoints,
    onProblem: (problem) => log.warn(problem, 'cluster view problem'),
    // A kept-alive connection stays on the pod it first reached: one that left must not keep answering,
    // whether it was opened to the pod itself or through the ClusterIP.
    onEndpointLoss: ({ namespace, name, lost }) => {
      const clusterIP = watched?.snapshot().services(namespace, name)?.spec?.clusterIP;
      if (clusterIP && clusterIP !== 'None') agent.retire(clusterIP);
      for (const address of lost) agent.retire(address);
      agent.settle(`${namespace}/${name}`);
    },
  }).catch((error: unknown) => {
    agent.destroy();
    throw new GatewayStartError('watch-failed', { cause: messageOf(error) });
  });
  watched = view;
  const metrics = options.metrics === false ? undefined : createGatewayMetrics();
  const pool = options.access.store
    ? undefined
    : createPool({
        databaseUrl: options.access.databaseUrl ?? '',
        max: 4,
        applicationName: 'microstax-gateway',
      });
  const access = createAccessCheck({
    store: cachedAccessStore(options.access.store ?? postgresAccessStore(pool!), {
      ttlMs: options.access.cacheMs ?? 2_000,
    }),
    secureCookies: options.access.secureCookies,
    sessions: options.access.sessions,
  });
  const activityDb = options.activity === false ? undefined : (options.activity?.db ?? pool);
  const activity =
    activityDb && options.activity !== false
      ? createGatewayActivity({ db: activityDb, log, flushEveryMs: options.activity?.flushEveryMs })
      : undefined;
  const wakeOptions = options.wake === false ? undefined : (options.wake ?? {});
  const wake =
    wakeOptions &&
    createWakeCoordinator({
      waker: wakeOptions.waker ?? createTemporalWaker({ log, env: wakeOptions.env }),
      log,
      metrics,
      holdTimeoutMs: wakeOptions.holdTimeoutMs,
      maxHeld: wakeOptions.maxHeld,
    });
  const captureDb = options.capture === false ? undefined : (options.capture?.db ?? pool);
  const capture =
    captureDb &&
    createTrafficCapture({
      db: captureDb,
      log,
      settingsEveryMs: options.capture ? options.capture.settingsEveryMs : undefined,
      flushEveryMs: options.capture ? options.capture.flushEveryMs : undefined,
    });
  await capture?.refresh();
  const server = createGatewayServer({
    view,
    log,
    agent,
    retryRefusedForMs: ({ address, service }) =>
      Math.max(agent.settlingFor(address), agent.settlingFor(service)),
    idleTimeoutMs: options.idleTimeoutMs,
    metrics,
    wake,
    retryAfterSeconds: wakeOptions?.retryAfterSeconds,
    ownHosts: options.ownHosts,
    access,
    capture,
    activity,
    tls,
  });
  const host = options.host ?? '127.0.0.1';
  const redirect =
    tlsFiles?.redirectPort === undefined ? undefined : createRedirectServer(server, tlsFiles.publicPort);
  let redirectPort: number | undefined;
  try {
    await listen(server, options.port, host);
    if (redirect && tlsFiles?.redirectPort !== undefined) {
      const address = `${host}:${tlsFiles.redirectPort}`;
      redirectPort = await listen(redirect, tlsFiles.redirectPort, host).catch((error: unknown) => {
        server.close();
        throw new GatewayStartError('listen-failed', { address, cause: messageOf(error) });
      });
    }
  } catch (error) {
    if (error instanceof GatewayStartError) {
      await closeAll();
      throw error;
    }
    await closeAll();
    throw new GatewayStartError('listen-failed', {
      address: `${host}:${options.port}`,
      cause: messageOf(error),
    });
  }
  async function closeAll(): Promise<void> {
    agent.destroy();
    await wake?.close();
    await capture?.close();
    await activity?.close();
    await view.stop();
    await pool?.end();
  }
  const { port } = server.address() as AddressInfo;
  const scheme = tls ? 'https' : 'http';
  const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const tlsWatch =
    tlsFiles &&
    tls &&
    watchTlsFiles({
      files: tlsFiles,
      initial: tls,
      everyMs: tlsFiles.reloadEveryMs ?? 10_000,
      onChange: (material) => {
        (server as HttpsServer).setSecureContext({ cert: material.cert, key: material.key });
        log.info({ certFile: tlsFiles.certFile }, 'serving a new TLS certificate');
      },
      onProblem: (message) =>
        log.warn({ problem: message }, 'new TLS certificate not used; still serving the last good one'),
    });
  log.info(
    {
      url,
      ...view.status(),
      wakes: wake ? `on (hold ${wake.holdTimeoutMs} ms)` : 'off',
      ...(redirectPort !== undefined && { redirectPort }),
      activity: activity ? 'recorded' : 'off',
    },
    'gateway listening',
  );
  return {
    url,
    port,
    redirectPort,
    close: async () => {
      tlsWatch?.stop();
      if (redirect) {
        const redirectClosed = new Promise<void>((resolve) => redirect.close(() => resolve()));
        redirect.closeIdleConnections();
        await redirectClosed;
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Held requests are answered (503) rather than kept waiting for a wake this gateway will not see.
      await wake?.close();
      await closed;
      agent.destroy();
      await capture?.close();
      await activity?.close();
      await view.stop();
      await pool?.end();
    },
  };
}

function listen(server: Server | HttpsServer, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The plain-HTTP listener of a TLS gateway: every request is redirected (308 keeps the method and
 * body) to the same host and path over HTTPS, except the gateway's own paths (health, metrics),
 * which answer here too so probes and scrapers need no TLS.
 */
function createRedirectServer(gateway: Server | HttpsServer, publicPort: number | undefined): Server {
  return createServer((req, res) => {
    if ((req.url ?? '/').startsWith(RESERVED_PATH_PREFIX)) {
      gateway.emit('request', req, res);
      return;
    }
    const host = req.headers.host?.replace(/:\d+$/, '');
    // Only a plain DNS name goes into the Location: anything else could point the client elsewhere.
    if (!host || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(host)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('the request has no usable Host header: the gateway routes by host name\n');
      return;
    }
    // Behind a Service the pod's port is not the client's, so the port comes from the settings.
    const port = publicPort === undefined || publicPort === 443 ? '' : `:${publicPort}`;
    res.writeHead(308, { location: `https://${host}${port}${req.url ?? '/'}`, 'cache-control': 'no-store' });
    res.end();
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
