import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CoreV1Api, KubeConfig, type V1Node, VersionApi } from '@kubernetes/client-node';
import type { BinaryName } from '../binaries.js';
import { NODE_POOLS_FILE, type StackConfig } from '../config.js';
import { StackError } from '../errors.js';
import { startHealthy } from '../part-process.js';
import { waitUntil } from '../probes.js';
import { isRunning, stopDaemon } from '../processes.js';
import type { Progress } from '../progress.js';
import type { KubernetesPart, ProcessRecord } from '../state.js';
import { VERSIONS } from '../versions.js';
import { type ClusterLayout, type ComponentSpec, clusterLayout, componentSpecs } from './components.js';
import { renderKubeconfig } from './kubeconfig.js';
import { nodesFromPools, readNodePools, STACK_NODE_LABEL } from './nodes.js';
import { CLIENT_IDENTITIES, type ClientIdentity, ensurePki } from './pki.js';

/**
 * Kubernetes: the user's cluster when KUBECONFIG is set, otherwise a local one made of etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler and kwok, with simulated nodes from
 * stack/node-pools.yaml. Each component is kept when it runs and is healthy, restarted otherwise.
 */

/** The binaries the local cluster needs. */
export const CLUSTER_BINARIES: readonly BinaryName[] = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok',
];

function kubeClient(kubeconfigPath: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  return kubeConfig;
}

/** Describes the user's own cluster (KUBECONFIG), after checking that its API server answers. */
export async function externalKubernetes(kubeconfigPath: string): Promise<KubernetesPart> {
  try {
    const kubeConfig = kubeClient(kubeconfigPath);
    const version = await kubeConfig.makeApiClient(VersionApi).getCode();
    return {
      version: version.gitVersion,
      external: true,
      processes: [],
      kubeconfigPath,
      server: kubeConfig.getCurrentCluster()?.server ?? '',
    };
  } catch (error) {
    throw new StackError(
      'part-failed',
      `The cluster in KUBECONFIG (${kubeconfigPath}) does not answer: ${String(error)}`,
      {
        part: 'kubernetes',
        fix: 'start that cluster, fix KUBECONFIG, or unset it to let the stack run a local cluster',
      },
    );
  }
}

async function writeIfChanged(file: string, content: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== content) await writeFile(file, content, { mode: 0o600 });
}

/**
 * Writes one identity's kubeconfig (when changed). The node tier calls it too, so an identity added
 * later gets its file without restarting a healthy cluster.
 */
export async function writeClientKubeconfig(layout: ClusterLayout, identity: ClientIdentity): Promise<void> {
  const { pki } = layout;
  await writeIfChanged(
    layout.kubeconfigs[identity],
    renderKubeconfig({
      server: layout.server,
      user: CLIENT_IDENTITIES[identity].commonName,
      caPem: await readFile(pki.caCert, 'utf8'),
      certPem: await readFile(pki.cert(identity), 'utf8'),
      keyPem: await readFile(pki.key(identity), 'utf8'),
    }),
  );
}

async function prepareLayout(
  config: StackConfig,
): Promise<{ layout: ClusterLayout; specs: ComponentSpec[] }> {
  const pki = await ensurePki(path.join(config.stateDir, 'kubernetes', 'pki'));
  const layout = clusterLayout(config, pki);
  await mkdir(layout.etcdDataDir, { recursive: true, mode: 0o700 });
  const caPem = await readFile(pki.caCert, 'utf8');
  for (const identity of Object.keys(CLIENT_IDENTITIES) as ClientIdentity[]) {
    await writeClientKubeconfig(layout, identity);
  }
  const specs = componentSpecs(layout, {
    caPem,
    adminCertPem: await readFile(pki.cert('admin'), 'utf8'),
    adminKeyPem: await readFile(pki.key('admin'), 'utf8'),
  });
  return { layout, specs };
}

/**
 * Brings the local cluster up: keeps each component of `previous` that runs and is healthy,
 * (re)starts the others in order, then makes the simulated nodes match the node-pools file.
 */
export async function upLocalKubernetes(options: {
  config: StackConfig;
  binaries: Record<BinaryName, string>;
  previous: KubernetesPart | undefined;
  progress: Progress;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<KubernetesPart> {
  const { config, progress } = options;
  const { layout, specs } = await prepareLayout(config);
  const processes: ProcessRecord[] = [];
  for (const spec of specs) {
    const previous = options.previous?.processes.find((record) => record.name === spec.name);
    if (
      previous &&
      (await isRunning(previous)) &&
      (await spec.healthCheck().then(
        () => true,
        () => false,
      ))
    ) {
      processes.push(previous);
      continue;
    }
    if (previous) await stopDaemon(previous);
    progress.info(`starting ${spec.name}`);
    const { record } = await startHealthy({
      daemon: {
        name: spec.name,
        binary: options.binaries[spec.binary],
        args: spec.args,
        logsDir: config.logsDir,
      },
      ports: spec.ports,
      healthCheck: spec.healthCheck,
      timeoutMs: spec.timeoutMs,
      fix: `read the log; to start the cluster from scratch, \`stack down --purge\``,
      onStarted: options.onStarted,
    });
    processes.push(record);
  }
  await syncNodes({ kubeconfigPath: layout.kubeconfigs.admin, poolsFile: NODE_POOLS_FILE, progress });
  return {
    version: VERSIONS.kubernetes,
    external: false,
    processes,
    kubeconfigPath: layout.kubeconfigs.admin,
    server: layout.server,
  };
}

/** Health of a recorded local cluster: every component healthy and every simulated node Ready. */
export async function checkLocalKubernetes(config: StackConfig, part: KubernetesPart): Promise<void> {
  const { layout, specs } = await prepareLayout(config);
  for (const spec of specs) {
    const record = part.processes.find((candidate) => candidate.name === spec.name);
    if (!record || !(await isRunning(record))) throw new Error(`${spec.name} is not running`);
    await spec.healthCheck().catch((error: unknown) => {
      throw new Error(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  await checkNodesReady(layout.kubeconfigs.admin);
}

/** Whether two nodes agree on what the stack sets: labels and capacity. */
function sameShape(desired: V1Node, actual: V1Node): boolean {
  const labels = desired.metadata?.labels ?? {};
  const sameLabels = Object.entries(labels).every(([key, value]) => actual.metadata?.labels?.[key] === value);
  const capacity = desired.status?.capacity ?? {};
  const sameCapacity = Object.entries(capacity).every(
    ([key, value]) => actual.status?.capacity?.[key] === value,
  );
  return sameLabels && sameCapacity;
}

/** Creates missing simulated nodes, recreates changed ones, deletes those no pool describes. */
async function syncNodes(options: {
  kubeconfigPath: string;
  poolsFile: string;
  progress: Progress;
}): Promise<void> {
  const desired = nodesFromPools(await readNodePools(options.poolsFile));
  const api = kubeClient(options.kubeconfigPath).makeApiClient(CoreV1Api);
  const existing = (await api.listNode({ labelSelector: `${STACK_NODE_LABEL}=true` })).items;
  const byName = new Map(existing.map((node) => [node.metadata!.name!, node]));
  let changes = 0;
  for (const node of desired) {
    const actual = byName.get(node.metadata!.name!);
    byName.delete(node.metadata!.name!);
    if (actual && sameShape(node, actual)) continue;
    if (actual) await api.deleteNode({ name: node.metadata!.name!, gracePeriodSeconds: 0 });
    await api.createNode({ body: node });
    changes++;
  }
  for (const name of byName.keys()) {
    await api.deleteNode({ name, gracePeriodSeconds: 0 });
    changes++;
  }
  if (changes > 0) options.progress.info(`simulated nodes: ${changes} created, changed or removed`);
  await waitUntil(() => checkNodesReady(options.kubeconfigPath), {
    timeoutMs: 60_000,
    intervalMs: 500,
  }).catch((error: unknown) => {
    throw new StackError('part-failed', `Simulated nodes did not become Ready: ${String(error)}`, {
      part: 'kwok',
      fix: 'read the kwok log; `stack down` then `stack up` restarts it',
    });
  });
}

/** Throws unless every simulated node reports Ready. */
export async function checkNodesReady(kubeconfigPath: string): Promise<void> {
  const api = kubeClient(kubeconfigPath).makeApiClient(CoreV1Api);
  const nodes = (await api.listNode({ labelSelector: `${STACK_NODE_LABEL}=true` })).items;
  if (nodes.length === 0) throw new Error('there are no simulated nodes');
  const notReady = nodes
    .filter((node) => !node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .map((node) => node.metadata?.name);
  if (notReady.length > 0) throw new Error(`nodes not Ready: ${notReady.join(', ')}`);
}
