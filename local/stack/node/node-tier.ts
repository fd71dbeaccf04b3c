import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig, StorageV1Api } from '@kubernetes/client-node';
import { type BinaryName, binaryPath } from '../binaries.js';
import type { StackConfig } from '../config.js';
import { ensureDebianPackages } from '../debian-packages.js';
import { StackError } from '../errors.js';
import { writeClientKubeconfig } from '../kubernetes/cluster.js';
import { clusterLayout } from '../kubernetes/components.js';
import { CLIENT_IDENTITIES, ensurePki } from '../kubernetes/pki.js';
import { startHealthy } from '../part-process.js';
import { httpGet, waitUntil } from '../probes.js';
import { executableOf, isRunning, runsBinary, stopDaemon } from '../processes.js';
import type { Progress } from '../progress.js';
import type { NodesPart, ProcessRecord } from '../state.js';
import { VERSIONS } from '../versions.js';
import { ensureClusterAccess } from './cluster-access.js';
import {
  kubeletArgs,
  renderCniConfig,
  renderCorefile,
  renderKubeletConfig,
  renderKubeProxyConfig,
} from './configs.js';
import { renderContainerdConfig, renderRegistryHosts } from './containerd.js';
import { ensureHostNetwork, removeHostNetwork, removeStaleNetworkNamespaces } from './host-network.js';
import { removeLeftoverChains } from './iptables-leftovers.js';
import { type NodeLayout, nodeLayout, REAL_NODE_NAME, REAL_NODE_STORAGE_CLASS } from './layout.js';
import {
  checkNetworkPolicies,
  ensureNetworkPolicyAccess,
  networkPolicyArgs,
  removeNetworkPolicyRules,
} from './network-policies.js';

/**
 * The real node tier: containerd (with runc and the CNI bridge), CoreDNS, the kubelet,
 * kube-proxy and kube-network-policies (NetworkPolicy enforcement), started in that order and kept when healthy, like the cluster's own components.
 * Pods on this node really run; Service names resolve and Service IPs answer, from pods and from
 * the host.
 */

const run = promisify(execFile);

/** Debian packages the node needs: runc (containerd is built), the CNI plugins, the tools kube-proxy calls. */
export const NODE_DEBIAN_PACKAGES = ['runc', 'containernetworking-plugins', 'iptables', 'conntrack'];

/** Built binaries the node needs. */
export const NODE_BINARIES: readonly BinaryName[] = [
  'containerd',
  'containerd-shim-runc-v2',
  'ctr',
  'kubelet',
  'kube-proxy',
  'coredns',
  'kube-network-policies',
];

/** containerd's namespace for the kubelet's containers. */
const CRI_NAMESPACE = 'k8s.io';

interface NodeComponent {
  name: 'containerd' | 'coredns' | 'kubelet' | 'kube-proxy' | 'kube-network-policies';
  binary: string;
  args: string[];
  ports: number[];
  healthCheck: () => Promise<void>;
  timeoutMs: number;
  /** The config file it reads at start: written by `up`, which restarts the component when it changed. */
  config?: { file: string; content: string };
}

async function expectOk(url: string): Promise<void> {
  const response = await httpGet(url, { timeoutMs: 3000 });
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${response.body.slice(0, 200)}`);
}

/** Writes the file unless it already holds this content; true when it wrote. */
async function writeIfChanged(file: string, content: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await writeFile(file, content, { mode: 0o600 });
  return true;
}

/** True when the component's config file on disk is what it would be written as now. */
async function configCurrent(component: NodeComponent): Promise<boolean> {
  if (!component.config) return true;
  const current = await readFile(component.config.file, 'utf8').catch(() => undefined);
  return current === component.config.content;
}

function adminApi(kubeconfigPath: string): CoreV1Api {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  return kubeConfig.makeApiClient(CoreV1Api);
}

/** Throws unless the real node is registered and Ready. */
export async function checkRealNodeReady(adminKubeconfig: string): Promise<void> {
  const node = await adminApi(adminKubeconfig).readNode({ name: REAL_NODE_NAME });
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  if (ready?.status !== 'True') {
    throw new Error(`node ${REAL_NODE_NAME} is not Ready: ${ready?.message ?? 'no Ready condition yet'}`);
  }
}

/**
 * The kubelet's reads, granted by RBAC besides the Node authorizer: under load the authorizer's graph
 * learns of a newly bound pod a moment after the kubelet does, so the kubelet's first read of the pod's
 * Secrets and ConfigMaps is refused ("no relationship found") and its watch backs off, and the pod's
 * containers start a second or two late. This stack's one real node runs every real pod anyway.
 */
async function ensureNodeReadAccess(adminKubeconfig: string): Promise<void> {
  await ensureClusterAccess({
    adminKubeconfig,
    name: 'microstax:real-node-reads',
    rules: [
      {
        apiGroups: [''],
        resources: ['pods', 'secrets', 'configmaps', 'persistentvolumeclaims', 'persistentvolumes'],
        verbs: ['get', 'list', 'watch'],
      },
    ],
    user: CLIENT_IDENTITIES.node.commonName,
  });
}

/** The real node's StorageClass (create-if-absent; its fields are immutable anyway). */
async function ensureStorageClass(adminKubeconfig: string): Promise<void> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(adminKubeconfig);
  const storage = kubeConfig.makeApiClient(StorageV1Api);
  const existing = await storage.readStorageClass({ name: REAL_NODE_STORAGE_CLASS }).catch(() => undefined);
  if (existing) return;
  await storage.createStorageClass({
    body: {
      metadata: { name: REAL_NODE_STORAGE_CLASS },
      provisioner: 'kubernetes.io/host-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    },
  });
}

/**
 * Writes the node's shared config files and returns its components in start order; each component's
 * own config file is written by `upRealNode`, which restarts the component when it changed.
 */
async function prepareNode(options: {
  config: StackConfig;
  binaries: Record<BinaryName, string>;
  registryAddress: string;
  registries: readonly string[];
}): Promise<{ layout: NodeLayout; components: NodeComponent[]; adminKubeconfig: string }> {
  const { config, binaries } = options;
  const { ports } = config;
  const pki = await ensurePki(path.join(config.stateDir, 'kubernetes', 'pki'));
  const cluster = clusterLayout(config, pki);
  const layout = nodeLayout(config);
  for (const dir of [layout.containerdRoot, layout.containerdState, layout.cniDataDir, layout.kubeletRoot]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
  for (const hosts of renderRegistryHosts({
    registries: options.registries,
    registryAddress: options.registryAddress,
  })) {
    await writeIfChanged(path.join(layout.registryHostsDir, hosts.file), hosts.content);
  }
  await writeIfChanged(path.join(layout.cniConfDir, '10-microstax.conflist'), renderCniConfig(layout));
  await writeIfChanged(layout.kubeletResolvConf, 'options ndots:5\n');
  await writeClientKubeconfig(cluster, 'kube-network-policies');

  const components: NodeComponent[] = [
    {
      name: 'containerd',
      binary: binaries.containerd,
      args: ['--config', layout.containerdConfig],
      ports: [],
      healthCheck: async () => {
        await run(binaryPath(config.binDir, 'ctr'), ['--address', layout.containerdSocket, 'version'], {
          timeout: 5000,
        });
      },
      timeoutMs: 60_000,
      config: {
        file: layout.containerdConfig,
        content: renderContainerdConfig(layout, {
          shim: binaryPath(config.binDir, 'containerd-shim-runc-v2'),
        }),
      },
    },
    {
      name: 'coredns',
      binary: binaries.coredns,
      args: ['-conf', layout.corefile],
      ports: [ports.corednsHealth, ports.corednsReady],
      healthCheck: () => expectOk(`http://127.0.0.1:${ports.corednsReady}/ready`),
      timeoutMs: 60_000,
      config: {
        file: layout.corefile,
        content: renderCorefile({ kubeconfig: cluster.kubeconfigs.admin, ports }),
      },
    },
    {
      name: 'kubelet',
      binary: binaries.kubelet,
      args: kubeletArgs({ layout, configFile: layout.kubeletConfig, kubeconfig: cluster.kubeconfigs.node }),
      ports: [ports.kubeletHealthz],
      healthCheck: async () => {
        await expectOk(`http://127.0.0.1:${ports.kubeletHealthz}/healthz`);
        await checkRealNodeReady(cluster.kubeconfigs.admin);
      },
      timeoutMs: 120_000,
      config: {
        file: layout.kubeletConfig,
        content: renderKubeletConfig({ layout, ports, caFile: pki.caCert }),
      },
    },
    {
      name: 'kube-proxy',
      binary: binaries['kube-proxy'],
      args: [`--config=${layout.kubeProxyConfig}`, '--v=1'],
      ports: [ports.kubeProxyHealthz, ports.kubeProxyMetrics],
      healthCheck: () => expectOk(`http://127.0.0.1:${ports.kubeProxyHealthz}/healthz`),
      timeoutMs: 60_000,
      config: {
        file: layout.kubeProxyConfig,
        content: renderKubeProxyConfig({ kubeconfig: cluster.kubeconfigs['kube-proxy'], ports }),
      },
    },
    {
      name: 'kube-network-policies',
      binary: binaries['kube-network-policies'],
      args: networkPolicyArgs({
        kubeconfig: cluster.kubeconfigs['kube-network-policies'],
        port: ports.networkPolicies,
      }),
      ports: [ports.networkPolicies],
      healthCheck: () => checkNetworkPolicies(ports.networkPolicies),
      timeoutMs: 60_000,
    },
  ];
  return { layout, components, adminKubeconfig: cluster.kubeconfigs.admin };
}

/** Which stack's real node owns this machine's pod network (one per machine). */
const OWNER_FILE = '/run/microstax/real-node-owner.json';

/**
 * The state dir of another stack whose real node runs here, if any: both would program the same
 * bridge, iptables chains and DNS address. A dead owner (its kubelet gone) does not count.
 */
async function otherLiveOwner(config: StackConfig): Promise<string | undefined> {
  const owner = await readFile(OWNER_FILE, 'utf8')
    .then((text) => JSON.parse(text) as { stateDir: string; kubelet?: ProcessRecord })
    .catch(() => undefined);
  const alive = owner?.kubelet ? await isRunning(owner.kubelet) : false;
  return owner && owner.stateDir !== config.stateDir && alive ? owner.stateDir : undefined;
}

/** Refuses while another stack's real node runs on this machine. */
async function assertMachineFree(config: StackConfig): Promise<void> {
  const other = await otherLiveOwner(config);
  if (!other) return;
  throw new StackError(
    'part-failed',
    `Another stack's real node runs on this machine (state dir ${other}).`,
    {
      part: 'nodes',
      fix: 'run `stack down` in that checkout first (one real node per machine), or leave out --real-nodes',
    },
  );
}

/** Records the running kubelet as the machine's owner, so another stack can tell it is alive. */
async function recordOwner(config: StackConfig, kubelet: ProcessRecord | undefined): Promise<void> {
  await mkdir(path.dirname(OWNER_FILE), { recursive: true });
  await writeFile(OWNER_FILE, JSON.stringify({ stateDir: config.stateDir, kubelet }));
}

/**
 * Brings the real node up: Debian packages, host network, then each component (kept when it runs
 * and is healthy). The registry must already serve: the kubelet pulls the sandbox image from it.
 */
export async function upRealNode(options: {
  config: StackConfig;
  binaries: Record<BinaryName, string>;
  previous: NodesPart | undefined;
  registryAddress: string;
  registries: readonly string[];
  progress: Progress;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<NodesPart> {
  const { config, progress } = options;
  await assertMachineFree(config);
  await ensureDebianPackages({ part: 'node', packages: NODE_DEBIAN_PACKAGES, progress });
  const stale = await removeStaleNetworkNamespaces();
  if (stale > 0) progress.info(`removed ${stale} network namespaces of pods that no longer run`);
  await ensureHostNetwork(config.ports);
  const { layout, components, adminKubeconfig } = await prepareNode(options);
  await ensureNetworkPolicyAccess(adminKubeconfig);
  await ensureNodeReadAccess(adminKubeconfig);
  const processes: ProcessRecord[] = [];
  // Components after a restarted one restart too: the NetworkPolicy controller dials containerd's
  // NRI socket only when it starts.
  let restarted = false;
  for (const component of components) {
    const previous = options.previous?.processes.find((record) => record.name === component.name);
    // A process of another binary (a bumped pin) or of an older config is restarted on the new one.
    const configChanged = component.config
      ? await writeIfChanged(component.config.file, component.config.content)
      : false;
    const healthy =
      previous &&
      !configChanged &&
      (await isRunning(previous)) &&
      (await runsBinary(previous, component.binary)) &&
      (await component.healthCheck().then(
        () => true,
        () => false,
      ));
    if (previous && healthy && !restarted) {
      processes.push(previous);
      continue;
    }
    restarted = true;
    if (previous && component.name === 'containerd' && (await isRunning(previous))) {
      await replaceRuntime({
        config,
        layout,
        previous,
        processes: options.previous?.processes ?? [],
        progress,
      });
    }
    if (previous) await stopDaemon(previous);
    progress.info(`starting ${component.name}`);
    const { record } = await startHealthy({
      daemon: {
        name: component.name,
        binary: component.binary,
        args: component.args,
        logsDir: config.logsDir,
      },
      ports: component.ports,
      healthCheck: component.healthCheck,
      timeoutMs: component.timeoutMs,
      fix: 'read the log; `stack down` then `stack up --real-nodes` starts the node afresh',
      onStarted: options.onStarted,
    });
    processes.push(record);
  }
  await recordOwner(
    config,
    processes.find((record) => record.name === 'kubelet'),
  );
  await ensureStorageClass(adminKubeconfig);
  return {
    version: VERSIONS.kubernetes,
    external: false,
    processes,
    nodeName: REAL_NODE_NAME,
    registry: options.registryAddress,
  };
}

/**
 * Before containerd restarts on another binary or config: the kubelet stops and every container is
 * removed by the running containerd, so the new one starts from a clean state instead of adopting the
 * old one's tasks (which a containerd upgrade in place does not promise). The kubelet restarts after
 * it (every later component does) and starts the pods again; their volumes are kept.
 */
async function replaceRuntime(params: {
  config: StackConfig;
  layout: NodeLayout;
  previous: ProcessRecord;
  processes: readonly ProcessRecord[];
  progress: Progress;
}): Promise<void> {
  params.progress.info('containerd changes: stopping the kubelet and removing the running containers first');
  for (const kubelet of params.processes.filter((record) => record.name === 'kubelet'))
    await stopDaemon(kubelet);
  await removeContainers(params.layout, await ctrFor(params.config, params.previous));
}

/** Health of a recorded node tier: every component running its pinned binary and healthy, the node Ready. */
export async function checkRealNode(config: StackConfig, part: NodesPart): Promise<void> {
  const { components } = await prepareNode({
    config,
    binaries: Object.fromEntries(
      NODE_BINARIES.map((name) => [name, binaryPath(config.binDir, name)]),
    ) as Record<BinaryName, string>,
    registryAddress: part.registry,
    registries: [],
  });
  for (const component of components) {
    const record = part.processes.find((candidate) => candidate.name === component.name);
    if (!record || !(await isRunning(record))) throw new Error(`${component.name} is not running`);
    if (!(await runsBinary(record, component.binary))) {
      throw new Error(`${component.name} runs another binary than ${component.binary}`);
    }
    if (!(await configCurrent(component)))
      throw new Error(`${component.name} runs an older ${component.config?.file}`);
    await component.healthCheck().catch((error: unknown) => {
      throw new Error(`${component.name}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

/**
 * The `ctr` of the containerd a record runs: the cached one beside the pinned containerd, else the one
 * in the same directory (Debian's /usr/bin/ctr beside /usr/bin/containerd, on a node started before the pin).
 */
async function ctrFor(config: StackConfig, containerd: ProcessRecord): Promise<string> {
  const exe = await executableOf(containerd);
  if (!exe || (await runsBinary(containerd, binaryPath(config.binDir, 'containerd')))) {
    return binaryPath(config.binDir, 'ctr');
  }
  return path.join(path.dirname(exe), 'ctr');
}

/** containerd's containers of the kubelet, stopped and removed (they outlive containerd otherwise). */
async function removeContainers(layout: NodeLayout, ctrBinary: string): Promise<void> {
  const ctr = (args: string[]) =>
    run(ctrBinary, ['--address', layout.containerdSocket, '--namespace', CRI_NAMESPACE, ...args], {
      timeout: 30_000,
    });
  const listed = await ctr(['tasks', 'list', '--quiet']).catch(() => undefined);
  if (!listed) return;
  const tasks = listed.stdout.split('\n').filter(Boolean);
  for (const id of tasks) await ctr(['tasks', 'kill', '--signal', 'SIGKILL', id]).catch(() => undefined);
  await waitUntil(
    async () => {
      const { stdout } = await ctr(['tasks', 'list']);
      if (/RUNNING/.test(stdout)) throw new Error('tasks still running');
    },
    { timeoutMs: 20_000, intervalMs: 300 },
  ).catch(() => undefined);
  for (const id of tasks) await ctr(['tasks', 'delete', '--force', id]).catch(() => undefined);
  const containers = await ctr(['containers', 'list', '--quiet']).catch(() => undefined);
  for (const id of containers?.stdout.split('\n').filter(Boolean) ?? []) {
    await ctr(['containers', 'delete', id]).catch(() => undefined);
  }
}

/** Unmounts whatever the kubelet and containerd left mounted under a directory (deepest first). */
async function unmountUnder(dir: string): Promise<void> {
  const mounts = await readFile('/proc/self/mounts', 'utf8').catch(() => '');
  const targets = mounts
    .split('\n')
    .map((line) => line.split(' ')[1]?.replaceAll('\\040', ' '))
    .filter((target): target is string => Boolean(target && (target === dir || target.startsWith(`${dir}/`))))
    .sort((a, b) => b.length - a.length);
  for (const target of targets) await run('umount', ['-l', target]).catch(() => undefined);
}

/**
 * Stops the node tier: NetworkPolicy enforcement (and its nftables table), the kubelet and
 * kube-proxy, then every container, then containerd and CoreDNS; then removes its iptables rules,
 * mounts and the bridge. `purge` also deletes its images and pod data.
 */
export async function downRealNode(options: {
  config: StackConfig;
  part: NodesPart | undefined;
  binaries: Partial<Record<BinaryName, string>>;
  purge: boolean;
  progress: Progress;
}): Promise<ProcessRecord[]> {
  const layout = nodeLayout(options.config);
  const records = options.part?.processes ?? [];
  const byName = (name: string) => records.filter((record) => record.name === name);
  const stopped: ProcessRecord[] = [];
  const stop = async (name: string) => {
    for (const record of byName(name)) {
      if (await stopDaemon(record)) {
        options.progress.info(`stopped ${record.name} (pid ${record.pid})`);
        stopped.push(record);
      }
    }
  };
  // Enforcement first, and its steering with it: no rule of it may outlive the controller. The
  // steering chain is machine-wide: a throw-away stack's `down --purge` must leave the live node's.
  const otherOwner = await otherLiveOwner(options.config);
  await stop('kube-network-policies');
  const networkPolicies = options.binaries['kube-network-policies'];
  if (networkPolicies && !otherOwner) {
    await removeNetworkPolicyRules(networkPolicies).catch((error: unknown) => {
      options.progress.info(`could not remove kube-network-policies' steering chain: ${String(error)}`);
    });
  }
  await stop('kubelet');
  await stop('kube-proxy');
  for (const containerd of byName('containerd')) {
    await removeContainers(layout, await ctrFor(options.config, containerd));
  }
  await stop('containerd');
  await stop('coredns');
  // Shims exit a moment after their tasks are deleted; only then are the pods' namespaces stale.
  await waitUntil(
    async () => {
      if ((await removeStaleNetworkNamespaces()) < 0) throw new Error('containers still running');
    },
    { timeoutMs: 15_000, intervalMs: 500 },
  ).catch(() => undefined);
  await unmountUnder(layout.kubeletRoot);
  await unmountUnder(layout.containerdState);
  await unmountUnder(layout.containerdRoot);
  // The network is machine-wide: leave it to the stack whose node runs here now, if another's does.
  if (!otherOwner) {
    const kubeProxy = options.binaries['kube-proxy'];
    if (kubeProxy) await run(kubeProxy, ['--cleanup'], { timeout: 60_000 }).catch(() => undefined);
    const chains = await removeLeftoverChains().catch((error: unknown) => {
      options.progress.info(`could not remove the node's leftover iptables chains: ${String(error)}`);
      return 0;
    });
    if (chains > 0) options.progress.info(`removed ${chains} leftover iptables chains (CNI, kubelet)`);
    await removeHostNetwork();
    await rm(OWNER_FILE, { force: true });
  }
  if (options.purge) {
    await rm(layout.dir, { recursive: true, force: true });
    await rm(path.dirname(layout.containerdSocket), { recursive: true, force: true });
  }
  return stopped;
}
