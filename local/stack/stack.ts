import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { type BinaryName, binaryPath, ensureBinaries } from './binaries.js';
import {
  candidatePortOffsets,
  DEFAULT_PORTS,
  resolveStackConfig,
  type StackConfig,
  withPortOffset,
} from './config.js';
import { controlPlaneHealth } from './control-plane.js';
import { readStackEndpoints, type StackEndpoints } from './endpoints.js';
import { StackError } from './errors.js';
import { checkGateway, startGatewayPart } from './gateway.js';
import {
  CLUSTER_BINARIES,
  checkLocalKubernetes,
  externalKubernetes,
  upLocalKubernetes,
} from './kubernetes/cluster.js';
import { withStackLock } from './lock.js';
import { forgetNodeImages } from './node/node-images.js';
import { checkRealNode, downRealNode, NODE_BINARIES, upRealNode } from './node/node-tier.js';
import { checkObjectStore, startObjectStore } from './object-store.js';
import { checkOidc, checkOidcConfigCurrent, startOidc, TEST_USERS } from './oidc.js';
import {
  checkPostgres,
  externalPostgres,
  fallbackPostgresDataDir,
  redactUrl,
  startPostgres,
} from './postgres.js';
import { isPortOpen } from './probes.js';
import { isRunning, stopDaemon } from './processes.js';
import { lineProgress, type Progress } from './progress.js';
import { ensurePythonTool } from './python-tools.js';
import { checkRegistry, startRegistry } from './registry.js';
import {
  emptyStackState,
  type NodesPart,
  type PartName,
  type ProcessRecord,
  readStackState,
  type StackState,
  writeStackState,
} from './state.js';
import { checkTemporal, startTemporal } from './temporal.js';
import { checkTracingBackend, startTracingBackend } from './tracing-backend.js';

/**
 * `stack up | down | status`: the local stack as a whole. `up` is idempotent: a part that runs and
 * passes its health check is left alone, anything else is (re)started. The state file records
 * every process as soon as it starts, so `down` stops exactly those, even after a failed `up`.
 */

export interface StackCommandOptions {
  config?: StackConfig;
  progress?: Progress;
  /** Also run the real node tier (once started, later `up`s keep it). */
  realNodes?: boolean;
}

/** Health of a recorded part (processes running, health check passing); throws what is wrong. */
async function checkPart(config: StackConfig, state: StackState, name: PartName): Promise<void> {
  const part = state.parts[name];
  if (!part) throw new Error('not started');
  for (const record of part.processes) {
    if (!(await isRunning(record))) throw new Error(`${record.name} (pid ${record.pid}) is not running`);
  }
  if (name === 'temporal' && state.parts.temporal) await checkTemporal(state.parts.temporal);
  if (name === 'postgres' && state.parts.postgres) await checkPostgres(state.parts.postgres.databaseUrl);
  if (name === 'objects' && state.parts.objects) await checkObjectStore(state.parts.objects.endpoint);
  if (name === 'kubernetes' && state.parts.kubernetes) {
    if (state.parts.kubernetes.external) await externalKubernetes(state.parts.kubernetes.kubeconfigPath);
    else await checkLocalKubernetes(config, state.parts.kubernetes);
  }
  if (name === 'oidc' && state.parts.oidc) {
    await checkOidc(state.parts.oidc.issuer);
    if (!state.parts.oidc.external) await checkOidcConfigCurrent(config);
  }
  if (name === 'tracing' && state.parts.tracing) await checkTracingBackend(state.parts.tracing.queryUrl);
  if (name === 'nodes' && state.parts.nodes) {
    const nodes = state.parts.nodes;
    await checkRegistry(nodes.registry);
    await checkRealNode(config, nodes);
    if (nodes.gatewayUrl) await checkGateway(nodes.gatewayUrl);
  }
}

const isHealthy = (config: StackConfig, state: StackState, name: PartName) =>
  checkPart(config, state, name).then(
    () => true,
    () => false,
  );

/** The stop signal per program: Postgres shuts down fast (and cleanly) on SIGINT. */
function stopSignal(record: ProcessRecord): NodeJS.Signals {
  return record.name === 'postgres' ? 'SIGINT' : 'SIGTERM';
}

async function stopAll(records: ProcessRecord[], progress: Progress): Promise<ProcessRecord[]> {
  const stopped: ProcessRecord[] = [];
  for (const record of records) {
    if (await stopDaemon(record, { signal: stopSignal(record) })) {
      progress.info(`stopped ${record.name} (pid ${record.pid})`);
      stopped.push(record);
    }
  }
  return stopped;
}

/** The recorded stack keeps its ports; MICROSTAX_STACK_PORT_OFFSET, when set, always wins. */
export function recordedPorts(config: StackConfig, state: StackState | undefined): StackConfig {
  if (config.portOffsetFromEnv || !state) return config;
  return withPortOffset(config, state.portOffset);
}

async function allPortsFree(config: StackConfig): Promise<boolean> {
  const ports = Object.entries(config.ports).filter(([name]) => name !== 'api');
  const open = await Promise.all(ports.map(([, port]) => isPortOpen(port)));
  return !open.some(Boolean);
}

/**
 * Picks the ports of a stack that has nothing running: the recorded (or default) ones when free,
 * otherwise the first free candidate offset, so a second checkout (e.g. CI's clone) still comes up.
 */
async function settlePorts(config: StackConfig, state: StackState, progress: Progress): Promise<StackConfig> {
  const hasParts = Object.values(state.parts).some(Boolean) || state.starting.length > 0;
  if (config.portOffsetFromEnv || hasParts) return recordedPorts(config, state);
  const offsets = [...new Set([state.portOffset, ...candidatePortOffsets()])];
  for (const offset of offsets) {
    const candidate = withPortOffset(config, offset);
    if (!(await allPortsFree(candidate))) continue;
    if (offset !== state.portOffset) {
      progress.info(
        `ports from ${DEFAULT_PORTS.temporal + state.portOffset} are taken (another stack?); using port offset ${offset} (Temporal on ${candidate.ports.temporal})`,
      );
    }
    return candidate;
  }
  throw new StackError('part-failed', `No free set of stack ports: tried offsets ${offsets.join(', ')}.`, {
    fix: 'stop other stacks (`stack down` in their checkouts) or set MICROSTAX_STACK_PORT_OFFSET to a free range',
  });
}

export interface StackUpResult {
  /** The parts that were started or restarted (empty when everything was already up). */
  changed: PartName[];
  state: StackState;
  endpoints: StackEndpoints;
}

/** Brings every part up (idempotent) and returns the endpoints. */
export async function stackUp(options: StackCommandOptions = {}): Promise<StackUpResult> {
  const requested = options.config ?? resolveStackConfig();
  const progress = options.progress ?? lineProgress();
  return withStackLock(requested, async () => {
    const state = (await readStackState(requested.stateFile)) ?? emptyStackState(requested.stateDir);
    const config = await settlePorts(requested, state, progress);
    const portsChanged = state.portOffset !== config.portOffset;
    state.portOffset = config.portOffset;
    const changed: PartName[] = [];
    const save = async () => {
      state.updatedAt = new Date().toISOString();
      await writeStackState(config.stateFile, state);
    };
    // Record each process the moment it starts, so `down` can stop it even if `up` fails later.
    const onStarted = async (record: ProcessRecord) => {
      state.starting.push(record);
      await save();
    };
    const settle = async (name: PartName, part: NonNullable<StackState['parts'][PartName]>) => {
      (state.parts as Record<PartName, unknown>)[name] = part;
      state.starting = state.starting.filter(
        (record) => !part.processes.some((kept) => kept.pid === record.pid),
      );
      changed.push(name);
      await save();
    };
    if (portsChanged) await save();
    // Leftovers of an `up` that failed half-way.
    if (state.starting.length > 0) {
      await stopAll(state.starting, progress);
      state.starting = [];
      await save();
    }

    const recordedTemporal = state.parts.temporal;
    if (!(await isHealthy(config, state, 'temporal'))) {
      progress.step('Temporal');
      if (recordedTemporal) await stopAll(recordedTemporal.processes, progress);
      const { temporal } = await ensureBinaries({ binDir: config.binDir, names: ['temporal'], progress });
      await settle('temporal', await startTemporal({ config, binary: temporal, onStarted }));
    }

    const recordedPostgres = state.parts.postgres;
    const postgresModeChanged =
      recordedPostgres && recordedPostgres.external !== Boolean(config.externalDatabaseUrl);
    const externalUrlChanged =
      config.externalDatabaseUrl &&
      recordedPostgres?.external &&
      recordedPostgres.databaseUrl !== config.externalDatabaseUrl;
    if (postgresModeChanged || externalUrlChanged || !(await isHealthy(config, state, 'postgres'))) {
      progress.step(
        config.externalDatabaseUrl
          ? `Postgres (DATABASE_URL ${redactUrl(config.externalDatabaseUrl)})`
          : 'Postgres',
      );
      if (recordedPostgres) await stopAll(recordedPostgres.processes, progress);
      await settle(
        'postgres',
        config.externalDatabaseUrl
          ? await externalPostgres(config.externalDatabaseUrl)
          : await startPostgres({ config, progress, onStarted }),
      );
    }

    if (!(await isHealthy(config, state, 'objects'))) {
      progress.step('Object store');
      if (state.parts.objects) await stopAll(state.parts.objects.processes, progress);
      const { versitygw } = await ensureBinaries({ binDir: config.binDir, names: ['versitygw'], progress });
      await settle('objects', await startObjectStore({ config, binary: versitygw, onStarted }));
    }

    if (!(await isHealthy(config, state, 'tracing'))) {
      progress.step('Tracing backend');
      if (state.parts.tracing) await stopAll(state.parts.tracing.processes, progress);
      const { jaeger } = await ensureBinaries({ binDir: config.binDir, names: ['jaeger'], progress });
      await settle('tracing', await startTracingBackend({ config, binary: jaeger, onStarted }));
    }

    const recordedKube = state.parts.kubernetes;
    const kubeModeChanged = recordedKube && recordedKube.external !== Boolean(config.externalKubeconfig);
    const externalKubeChanged =
      config.externalKubeconfig &&
      recordedKube?.external &&
      recordedKube.kubeconfigPath !== config.externalKubeconfig;
    if (kubeModeChanged || externalKubeChanged || !(await isHealthy(config, state, 'kubernetes'))) {
      progress.step(
        config.externalKubeconfig ? `Kubernetes (KUBECONFIG ${config.externalKubeconfig})` : 'Kubernetes',
      );
      if (kubeModeChanged && recordedKube) await stopAll([...recordedKube.processes].reverse(), progress);
      if (config.externalKubeconfig) {
        await settle('kubernetes', await externalKubernetes(config.externalKubeconfig));
      } else {
        const binaries = await ensureBinaries({ binDir: config.binDir, names: CLUSTER_BINARIES, progress });
        const previous = kubeModeChanged ? undefined : recordedKube;
        await settle(
          'kubernetes',
          await upLocalKubernetes({ config, binaries, previous, progress, onStarted }),
        );
      }
    }
    const recordedOidc = state.parts.oidc;
    if (!(await isHealthy(config, state, 'oidc'))) {
      progress.step('OpenID Connect provider (Dex)');
      if (recordedOidc) await stopAll(recordedOidc.processes, progress);
      const { dex } = await ensureBinaries({ binDir: config.binDir, names: ['dex'], progress });
      await settle('oidc', await startOidc({ config, binary: dex, onStarted }));
    }
    if (options.realNodes || state.parts.nodes) {
      await upNodesPart({ config, state, progress, onStarted, settle, isHealthy });
    }
    // Not a part: the Helm the chart tests use (charts/), built once when missing so `npm test` has it.
    await ensureBinaries({ binDir: config.binDir, names: ['helm'], progress });
    // Not a part either: the API fuzzer `npm test` runs (test/integ/api/fuzz.test.ts).
    await ensurePythonTool({ cacheDir: config.cacheDir, name: 'schemathesis', progress });
    const endpoints = await readStackEndpoints({
      ...process.env,
      MICROSTAX_STATE_DIR: config.stateDir,
      DATABASE_URL: config.externalDatabaseUrl ?? '',
      KUBECONFIG: config.externalKubeconfig ?? '',
    });
    return { changed, state, endpoints };
  });
}

export interface StackDownResult {
  stopped: ProcessRecord[];
  purged: boolean;
}

/** Stops exactly the recorded processes; keeps the data unless `purge`. */
export async function stackDown(
  options: StackCommandOptions & { purge?: boolean } = {},
): Promise<StackDownResult> {
  const config = options.config ?? resolveStackConfig();
  const progress = options.progress ?? lineProgress();
  return withStackLock(config, async () => {
    const state = await readStackState(config.stateFile);
    // The control plane first (it talks to the parts below), then the node and its containers.
    const stopped = await stopAll(state?.controlPlane?.processes ?? [], progress);
    if (state?.parts.nodes || options.purge) {
      stopped.push(
        ...(await downRealNode({
          config,
          part: state?.parts.nodes,
          binaries: await cachedBinaries(config, NODE_BINARIES),
          purge: Boolean(options.purge),
          progress,
        })),
      );
    }
    const records = state
      ? [
          ...(state.parts.nodes?.processes ?? []),
          ...state.starting,
          ...(state.parts.oidc?.processes ?? []),
          ...[...(state.parts.kubernetes?.processes ?? [])].reverse(),
          ...(state.parts.tracing?.processes ?? []),
          ...(state.parts.objects?.processes ?? []),
          ...(state.parts.postgres?.processes ?? []),
          ...(state.parts.temporal?.processes ?? []),
        ]
      : [];
    stopped.push(...(await stopAll(records, progress)));
    if (state && !options.purge) {
      // Keep the port offset, so the next `up` comes back on the same ports.
      await writeStackState(config.stateFile, {
        ...emptyStackState(config.stateDir),
        portOffset: state.portOffset,
      });
    } else {
      await rm(config.stateFile, { force: true });
    }
    if (options.purge) {
      for (const entry of [
        'temporal',
        'postgres',
        'objects',
        'tracing',
        'kubernetes',
        'oidc',
        'registry',
        'kubeconfig',
        'logs',
      ]) {
        await rm(path.join(config.stateDir, entry), { recursive: true, force: true });
      }
      await rm(path.dirname(fallbackPostgresDataDir(config.stateDir)), { recursive: true, force: true });
      progress.info(`removed the stack's data in ${config.stateDir}`);
    }
    return { stopped, purged: Boolean(options.purge) };
  });
}

export interface PartStatus {
  part: PartName;
  version: string | null;
  endpoint: string | null;
  external: boolean;
  healthy: boolean;
  /** What is wrong when not healthy. */
  problem: string | null;
  processes: Array<{ name: string; pid: number; running: boolean; logFile: string }>;
}

export interface ControlPlaneStatus {
  apiUrl: string | null;
  healthy: boolean;
  problem: string | null;
  processes: PartStatus['processes'];
}

export interface StackStatus {
  stateDir: string;
  /** True when every part is healthy (the control plane does not count: only `demo` starts it). */
  up: boolean;
  parts: PartStatus[];
  /** The worker and API `microstax demo` started, when any. */
  controlPlane: ControlPlaneStatus;
}

/** Each part's version, endpoint and live health. */
export async function stackStatus(options: { config?: StackConfig } = {}): Promise<StackStatus> {
  const requested = options.config ?? resolveStackConfig();
  const state = await readStackState(requested.stateFile);
  const config = recordedPorts(requested, state);
  const parts: PartStatus[] = [];
  const names: PartName[] = ['temporal', 'postgres', 'objects', 'tracing', 'kubernetes', 'oidc'];
  if (state?.parts.nodes) names.push('nodes');
  for (const name of names) {
    const part = state?.parts[name];
    const problem = state
      ? await checkPart(config, state, name).then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
        )
      : 'the stack is not up';
    parts.push({
      part: name,
      version: part?.version ?? null,
      endpoint: !part
        ? null
        : 'address' in part
          ? `${part.address} (UI ${part.uiUrl}, namespace ${part.namespace})`
          : 'issuer' in part
            ? `${part.issuer} (test users ${TEST_USERS.map((user) => user.username).join(', ')})`
            : 'databaseUrl' in part
              ? redactUrl(part.databaseUrl)
              : 'bucket' in part
                ? `${part.endpoint} (bucket ${part.bucket})`
                : 'queryUrl' in part
                  ? `OTLP ${part.otlpEndpoint} (query ${part.queryUrl})`
                  : 'nodeName' in part
                    ? `node ${part.nodeName}, registry ${part.registry}${part.gatewayUrl ? `, ingress ${part.gatewayUrl}` : ''}`
                    : `${part.server} (kubeconfig ${part.kubeconfigPath})`,
      external: part?.external ?? false,
      healthy: problem === null,
      problem,
      processes: await Promise.all(
        (part?.processes ?? []).map(async (record) => ({
          name: record.name,
          pid: record.pid,
          running: await isRunning(record),
          logFile: record.logFile,
        })),
      ),
    });
  }
  const health = await controlPlaneHealth(state?.controlPlane);
  const controlPlane: ControlPlaneStatus = {
    apiUrl: state?.controlPlane?.apiUrl ?? null,
    ...health,
    processes: await Promise.all(
      (state?.controlPlane?.processes ?? []).map(async (record) => ({
        name: record.name,
        pid: record.pid,
        running: await isRunning(record),
        logFile: record.logFile,
      })),
    ),
  };
  return { stateDir: config.stateDir, up: parts.every((part) => part.healthy), parts, controlPlane };
}

export { StackError };

/** The cached paths of binaries, without building any (for `down`, which must not build). */
async function cachedBinaries(
  config: StackConfig,
  names: readonly BinaryName[],
): Promise<Partial<Record<BinaryName, string>>> {
  const found: Partial<Record<BinaryName, string>> = {};
  for (const name of names) {
    const file = binaryPath(config.binDir, name);
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      found[name] = file;
  }
  return found;
}

/**
 * The real node tier: the registry (kept when healthy), the images published to it, the node
 * binaries, then the node itself. Recorded as one part, `nodes`.
 */
async function upNodesPart(params: {
  config: StackConfig;
  state: StackState;
  progress: Progress;
  onStarted: (record: ProcessRecord) => Promise<void>;
  settle: (name: PartName, part: NodesPart) => Promise<void>;
  isHealthy: (config: StackConfig, state: StackState, name: PartName) => Promise<boolean>;
}): Promise<void> {
  const { config, state, progress } = params;
  if (state.parts.kubernetes?.external) {
    throw new StackError(
      'invalid-config',
      'A real node joins only the local cluster, not the one in KUBECONFIG.',
      {
        part: 'nodes',
        fix: 'unset KUBECONFIG, or leave out --real-nodes (your cluster has nodes of its own)',
      },
    );
  }
  if (await params.isHealthy(config, state, 'nodes')) return;
  progress.step(
    'Real node (registry, images, containerd, CoreDNS, kubelet, kube-proxy, kube-network-policies)',
  );
  const recorded = state.parts.nodes;
  const registryRecord = recorded?.processes.find((record) => record.name === 'registry');
  const registryUp =
    registryRecord &&
    (await isRunning(registryRecord)) &&
    (await checkRegistry(recorded!.registry).then(
      () => true,
      () => false,
    ));
  if (registryRecord && !registryUp) await stopDaemon(registryRecord);
  const registry = registryUp
    ? { address: recorded!.registry, processes: [registryRecord!] }
    : await startRegistry({ config, progress, onStarted: params.onStarted });
  const { ensureImages, MIRRORED_REGISTRIES } = await import('../images/index.js');
  const images = await ensureImages({ registry: registry.address, progress });
  const binaries = await ensureBinaries({ binDir: config.binDir, names: NODE_BINARIES, progress });
  const node = await upRealNode({
    config,
    binaries,
    previous: recorded,
    registryAddress: registry.address,
    registries: MIRRORED_REGISTRIES,
    progress,
    onStarted: params.onStarted,
  });
  // The node's containerd keeps its images across restarts: a tag pushed again must be pulled anew.
  await forgetNodeImages(
    config,
    images.images.filter((image) => image.push === 'pushed').map((image) => image.reference),
  );
  const kubeconfigPath = state.parts.kubernetes!.kubeconfigPath;
  const gatewayRecord = recorded?.processes.find((record) => record.name === 'gateway');
  const gatewayUp =
    gatewayRecord &&
    recorded?.gatewayUrl &&
    (await isRunning(gatewayRecord)) &&
    (await checkGateway(recorded.gatewayUrl).then(
      () => true,
      () => false,
    ));
  if (gatewayRecord && !gatewayUp) await stopDaemon(gatewayRecord);
  const gateway = gatewayUp
    ? { url: recorded!.gatewayUrl!, processes: [gatewayRecord!] }
    : await startGatewayPart({
        config,
        kubeconfigPath,
        databaseUrl: config.externalDatabaseUrl ?? params.state.parts.postgres?.databaseUrl,
        onStarted: params.onStarted,
      });
  await params.settle('nodes', {
    ...node,
    gatewayUrl: gateway.url,
    processes: [...registry.processes, ...node.processes, ...gateway.processes],
  });
}
