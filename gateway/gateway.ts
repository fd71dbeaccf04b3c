import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { KubeClient } from '../deploy/kube-client.js';
import { createPool, type Queryable } from '../store/database.js';
import { type AccessStore, cachedAccessStore, postgresAccessStore } from './access/access-store.js';
import { createAccessCheck, type SessionVerifier } from './access/check-access.js';
import { createGatewayActivity } from './activity.js';
import { watchCluster } from './cluster-view.js';
import { GatewayStartError } from './errors.js';
import { createGatewayMetrics } from './metrics.js';
import { createGatewayServer } from './server.js';
import { createTemporalWaker, type EnvironmentWaker } from './temporal-waker.js';
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
  /** e.g. http://127.0.0.1:18081 */
  url: string;
  port: number;
  /** Stops listening, waits for open requests, closes the watches and backend connections. */
  close(): Promise<void>;
}

/** Backend connections kept open between requests; enough for a busy laptop, bounded per backend. */
const MAX_SOCKETS_PER_BACKEND = 256;
const IDLE_BACKEND_SOCKET_MS = 4_000;

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
  const view = await watchCluster({
    kube: options.kube,
    ingressClass: options.ingressClass,
    onProblem: (problem) => log.warn(problem, 'cluster view problem'),
  }).catch((error: unknown) => {
    throw new GatewayStartError('watch-failed', { cause: messageOf(error) });
  });
  // Idle backend connections close before the usual 5 s server keep-alive timeout, so a request
  // rarely meets a connection the backend is closing, and a moved endpoint is picked up soon.
  const agent = new Agent({
    keepAlive: true,
    maxSockets: MAX_SOCKETS_PER_BACKEND,
    scheduling: 'lifo',
    timeout: IDLE_BACKEND_SOCKET_MS,
  });
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
    idleTimeoutMs: options.idleTimeoutMs,
    metrics,
    wake,
    retryAfterSeconds: wakeOptions?.retryAfterSeconds,
    ownHosts: options.ownHosts,
    access,
    capture,
    activity,
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    agent.destroy();
    await wake?.close();
    await capture?.close();
    await activity?.close();
    await view.stop();
    await pool?.end();
    throw new GatewayStartError('listen-failed', {
      address: `${host}:${options.port}`,
      cause: messageOf(error),
    });
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(
    {
      url,
      ...view.status(),
      wakes: wake ? `on (hold ${wake.holdTimeoutMs} ms)` : 'off',
      activity: activity ? 'recorded' : 'off',
    },
    'gateway listening',
  );
  return {
    url,
    port,
    close: async () => {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
