import type {
  KubernetesObject,
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { KubeClient, ListOptions, WatchedList } from '../deploy/kube-client.js';
import { LABELS } from '../deploy/labels.js';
import type { RoutingTable } from '../deploy/manifests/routing-table.js';
import { tablesFromConfigMaps } from '../router/table-source.js';
import type { RoutingSnapshot } from './decide.js';
import { buildHostTable, type HostTable, type RouteConflict } from './host-table.js';
import { buildSleepIndex, type SleepIndex } from './sleep-index.js';

/**
 * The gateway's live view of the cluster: Ingresses, Services, the routing-table ConfigMaps and the
 * environments' workloads (to see which sleep) of every namespace, each kept current by a list+watch. Derived tables are rebuilt lazily, once per
 * change, on the next request that needs them.
 */

/** Something the view could not read or keep watching; routing goes on with what it has. */
export type ViewProblem = (problem: { source: string; message: string }) => void;

export interface ClusterView {
  snapshot(): RoutingSnapshot;
  /** Environments whose workloads sleep (scaled to zero by deploy/sleep.ts), by namespace. */
  sleeping(): SleepIndex;
  /** Counts for /healthz and logs. */
  status(): ClusterViewStatus;
  stop(): Promise<void>;
}

export interface ClusterViewStatus {
  ingresses: number;
  hosts: number;
  services: number;
  routingTables: number;
  /** Namespaces whose environment sleeps. */
  sleeping: number;
  /** Watches currently re-opening after an error (0 when all are live). */
  reconnecting: number;
  conflicts: RouteConflict[];
}

const REOPEN_MIN_MS = 500;
const REOPEN_MAX_MS = 30_000;

interface KeptWatch<T> {
  list(): readonly T[];
  reconnecting(): boolean;
  stop(): Promise<void>;
}

/**
 * A list+watch that never gives up: when the client's own reconnects fail, it re-opens with
 * backoff and serves the last list it had meanwhile. The first open must succeed (fail loudly).
 */
async function keepWatching<T extends KubernetesObject>(params: {
  kube: KubeClient;
  options: ListOptions;
  onChange: () => void;
  onProblem: ViewProblem;
}): Promise<KeptWatch<T>> {
  const source = `watch ${params.options.kind}`;
  let current: WatchedList<T> | undefined;
  let last: readonly T[] = [];
  let stopped = false;
  let delay = REOPEN_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    const handle: WatchedList<T> = await params.kube.watchList<T>({
      ...params.options,
      onChange: () => params.onChange(),
      onError: (error) => {
        params.onProblem({ source, message: `${error.message}; re-opening` });
        if (current !== handle) return;
        last = handle.list();
        current = undefined;
        void handle.stop().catch(() => {});
        reopenLater();
      },
    });
    if (stopped) {
      await handle.stop();
      return;
    }
    current = handle;
    params.onChange();
  };
  const reopenLater = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      open().then(
        () => {
          delay = REOPEN_MIN_MS;
        },
        (error: unknown) => {
          params.onProblem({
            source,
            message: `${error instanceof Error ? error.message : error}; retrying`,
          });
          delay = Math.min(delay * 2, REOPEN_MAX_MS);
          reopenLater();
        },
      );
    }, delay);
  };

  await open();
  return {
    list: () => current?.list() ?? last,
    reconnecting: () => current === undefined && !stopped,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current?.stop();
    },
  };
}

/** Opens the three watches (the first list of each must succeed) and returns the view. */
export async function watchCluster(params: {
  kube: KubeClient;
  /** Serve only Ingresses of this class (and those without a class); default: every Ingress. */
  ingressClass?: string;
  onProblem: ViewProblem;
}): Promise<ClusterView> {
  let version = 0;
  const onChange = () => {
    version++;
  };
  const common = { kube: params.kube, onChange, onProblem: params.onProblem };
  const watches: KeptWatch<KubernetesObject>[] = [];
  try {
    watches.push(
      await keepWatching<V1Ingress>({
        ...common,
        options: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
      }),
      await keepWatching<V1Service>({ ...common, options: { apiVersion: 'v1', kind: 'Service' } }),
      await keepWatching<V1ConfigMap>({
        ...common,
        options: { apiVersion: 'v1', kind: 'ConfigMap', labelSelector: `${LABELS.role}=routing-table` },
      }),
      // Only the environments' own workloads: sleep marks them, and nothing else needs watching.
      await keepWatching<V1Deployment>({
        ...common,
        options: { apiVersion: 'apps/v1', kind: 'Deployment', labelSelector: `${LABELS.role}=workload` },
      }),
      await keepWatching<V1StatefulSet>({
        ...common,
        options: { apiVersion: 'apps/v1', kind: 'StatefulSet', labelSelector: `${LABELS.role}=workload` },
      }),
    );
  } catch (error) {
    await Promise.all(watches.map((w) => w.stop()));
    throw error;
  }
  const [ingresses, services, configMaps, deployments, statefulSets] = watches as [
    KeptWatch<V1Ingress>,
    KeptWatch<V1Service>,
    KeptWatch<V1ConfigMap>,
    KeptWatch<V1Deployment>,
    KeptWatch<V1StatefulSet>,
  ];

  let builtAt = -1;
  let hosts: HostTable = new Map();
  let conflicts: RouteConflict[] = [];
  let serviceIndex = new Map<string, V1Service>();
  let tables: RoutingTable[] = [];
  let sleeping: SleepIndex = new Map();
  const rebuild = () => {
    if (builtAt === version) return;
    builtAt = version;
    ({ table: hosts, conflicts } = buildHostTable(ingresses.list(), { ingressClass: params.ingressClass }));
    serviceIndex = new Map(
      services.list().map((s) => [`${s.metadata?.namespace}/${s.metadata?.name}`, s] as const),
    );
    tables = tablesFromConfigMaps(configMaps.list(), params.onProblem);
    sleeping = buildSleepIndex([...deployments.list(), ...statefulSets.list()]);
  };
  const lookup = (namespace: string, name: string) => serviceIndex.get(`${namespace}/${name}`);

  return {
    snapshot: () => {
      rebuild();
      return { hosts, services: lookup, tables };
    },
    sleeping: () => {
      rebuild();
      return sleeping;
    },
    status: () => {
      rebuild();
      return {
        ingresses: ingresses.list().length,
        hosts: hosts.size,
        services: serviceIndex.size,
        routingTables: tables.length,
        sleeping: sleeping.size,
        reconnecting: watches.filter((w) => w.reconnecting()).length,
        conflicts,
      };
    },
    stop: async () => {
      await Promise.all(watches.map((w) => w.stop()));
    },
  };
}
