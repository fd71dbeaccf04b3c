import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_CONFIG_ENV, DEFAULT_API_PORT } from '../../api/config.js';
import { TEMPORAL_NAMESPACE } from '../../temporal/config.js';

/**
 * The local stack's ports, paths and names, in one place. Ports avoid every server's default
 * (5432, 7233, 8233, 6443, 2379...) so the stack never clashes with something already running.
 */

/** The repository root (this file lives in `<repo>/local/stack/`). */
const moduleRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The checkout's root, also when this runs compiled from `dist/` (one level further down). */
export const REPO_ROOT = path.basename(moduleRoot) === 'dist' ? path.dirname(moduleRoot) : moduleRoot;

/** Default ports; `MICROSTAX_STACK_PORT_OFFSET` shifts all of them (a second stack, e.g. in tests). */
export const DEFAULT_PORTS = {
  /** Temporal frontend (gRPC). */
  temporal: 17233,
  /** Temporal web UI. */
  temporalUi: 18233,
  /** Temporal frontend HTTP API. */
  temporalHttp: 17243,
  /** Temporal dev-server Prometheus metrics. */
  temporalMetrics: 17244,
  postgres: 15433,
  etcdClient: 12379,
  etcdPeer: 12380,
  kubeApiserver: 16443,
  kubeControllerManager: 20257,
  kubeScheduler: 20259,
  /** kwok's health/metrics server. */
  kwok: 20247,
  /** The MicroStax control-plane API (MICROSTAX_API_PORT); not started by the stack. */
  api: DEFAULT_API_PORT,
  /**
   * The first of API_TEST_PORT_COUNT ports tests run an API on when a browser signs in through Dex:
   * Dex only redirects to callbacks it knows, so these are registered with it beside the API's own.
   */
  apiTests: 18090,
  /** The local gateway (`microstax gateway`): exposed services by Host header, for `stack up --real-nodes`. */
  gateway: 18081,
  /** The real node's kubelet API (logs, exec) and health endpoints (`stack up --real-nodes`). */
  kubelet: 20250,
  kubeletHealthz: 20248,
  kubeProxyHealthz: 20256,
  kubeProxyMetrics: 20249,
  /** CoreDNS's health (`/health`) and readiness (`/ready`) endpoints. */
  corednsHealth: 20281,
  corednsReady: 20282,
  /** kube-network-policies' /healthz and /metrics (the real node's NetworkPolicy enforcement). */
  networkPolicies: 20283,
  /** Dex, the OpenID Connect provider the API signs people in with (issuer http://127.0.0.1:<port>/dex). */
  oidc: 15556,
  /** The local image registry (Debian's docker-registry) the real nodes pull through. */
  registry: 15000,
  /** The object store's S3 API (versitygw): snapshot artifacts. */
  objectStore: 19000,
  /** The tracing backend (Jaeger v2): OTLP/HTTP in, the query API out, its health, its query gRPC. */
  tracingOtlp: 14318,
  tracingQuery: 16686,
  tracingHealth: 13134,
  tracingQueryGrpc: 16685,
} as const;

/** How many ports from `apiTests` on tests may run a sign-in API on (one per test run at a time). */
export const API_TEST_PORT_COUNT = 4;

export type StackPorts = { [K in keyof typeof DEFAULT_PORTS]: number };

/** The Temporal namespace the stack creates: the product's default. */
export { TEMPORAL_NAMESPACE };
/** Postgres database and role the stack creates (loopback-only, trust auth: no secret to leak). */
export const POSTGRES_DATABASE = 'microstax';
export const POSTGRES_USER = 'microstax';
/** The OS user Postgres runs as: it refuses to run as root. */
export const POSTGRES_OS_USER = 'postgres';
/** Node pools the local cluster simulates with kwok (format: planner/node-pools.ts). */
export const NODE_POOLS_FILE = path.join(REPO_ROOT, 'local', 'stack', 'node-pools.yaml');
/** Go wrapper modules that pin Kubernetes and etcd. */
export const GO_MODULES_DIR = path.join(REPO_ROOT, 'local', 'stack', 'go');
/** The state file `stack up` writes and everything else reads (see stack/state.ts). */
export const STATE_FILE_NAME = 'stack.json';
/** The command to run when the stack is not up; quoted in every error that says so. */
export const STACK_UP_COMMAND = 'node bin/microstax.js stack up';

/** Environment variables the stack and the rest of the code read, by name. */
export const ENV = {
  stateDir: 'MICROSTAX_STATE_DIR',
  cacheDir: 'MICROSTAX_CACHE_DIR',
  portOffset: 'MICROSTAX_STACK_PORT_OFFSET',
  databaseUrl: API_CONFIG_ENV.databaseUrl,
  kubeconfig: 'KUBECONFIG',
  apiPort: API_CONFIG_ENV.port,
} as const;

/** Where one stack keeps its data, logs and binaries, and which ports it listens on. */
export interface StackConfig {
  /** Data, logs, certs, kubeconfig and the state file. Default `<repo>/.microstax/stack`. */
  stateDir: string;
  /** The state file inside `stateDir`. */
  stateFile: string;
  /** Process logs, one file per part. */
  logsDir: string;
  /** Cached builds and installs shared by every checkout. Default `~/.cache/microstax`. */
  cacheDir: string;
  /** Cached binaries `<name>-<version>`. Default `<cacheDir>/bin`. */
  binDir: string;
  ports: StackPorts;
  /** How far `ports` are shifted from DEFAULT_PORTS. */
  portOffset: number;
  /** True when MICROSTAX_STACK_PORT_OFFSET chose the offset; otherwise `stack up` may pick one. */
  portOffsetFromEnv: boolean;
  /** Set when the user points the stack at an existing Postgres; nothing is started then. */
  externalDatabaseUrl: string | undefined;
  /** Set when the user points the stack at an existing cluster; nothing is started then. */
  externalKubeconfig: string | undefined;
}

/** Resolves the stack's configuration from the environment (pure: pass `env` in tests). */
export function resolveStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const stateDir = path.resolve(env[ENV.stateDir] || path.join(REPO_ROOT, '.microstax', 'stack'));
  const cacheDir = path.resolve(env[ENV.cacheDir] || path.join(homedir(), '.cache', 'microstax'));
  const offset = parsePortOffset(env[ENV.portOffset]);
  return {
    stateDir,
    stateFile: path.join(stateDir, STATE_FILE_NAME),
    logsDir: path.join(stateDir, 'logs'),
    cacheDir,
    binDir: path.join(cacheDir, 'bin'),
    ports: shiftedPorts(offset),
    portOffset: offset,
    portOffsetFromEnv: Boolean(env[ENV.portOffset]),
    externalDatabaseUrl: env[ENV.databaseUrl] || undefined,
    externalKubeconfig: env[ENV.kubeconfig] || undefined,
  };
}

/** DEFAULT_PORTS shifted by `offset`. */
export function shiftedPorts(offset: number): StackPorts {
  return Object.fromEntries(
    Object.entries(DEFAULT_PORTS).map(([name, port]) => [name, port + offset]),
  ) as StackPorts;
}

/** The same config with its ports shifted by `offset` instead. */
export function withPortOffset(config: StackConfig, offset: number): StackConfig {
  return { ...config, ports: shiftedPorts(offset), portOffset: offset };
}

/**
 * Offsets `stack up` may pick when the default ports are taken (e.g. another checkout's stack runs):
 * those whose shifted ports land on no default port, so two stacks never fight over one.
 */
export function candidatePortOffsets(count = 12): number[] {
  const defaults = new Set<number>(Object.values(DEFAULT_PORTS));
  const offsets: number[] = [0];
  for (let offset = 100; offsets.length < count; offset += 100) {
    if (Object.values(shiftedPorts(offset)).every((port) => !defaults.has(port))) offsets.push(offset);
  }
  return offsets;
}

function parsePortOffset(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  const highest = Math.max(...Object.values(DEFAULT_PORTS));
  if (!Number.isInteger(offset) || offset < 0 || highest + offset > 65535) {
    throw new Error(
      `${ENV.portOffset}=${raw} is not a usable port offset: expected an integer from 0 to ${65535 - highest}`,
    );
  }
  return offset;
}
