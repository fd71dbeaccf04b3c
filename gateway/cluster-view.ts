import type {
  KubernetesObject,
  V1ConfigMap,
  V1Deployment,
  V1EndpointSlice,
  V1Ingress,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { DEFAULT_INGRESS_CLASS } from '../deploy/config.js';
import type { KubeClient, ListOptions, WatchedList } from '../deploy/kube-client.js';
import { LABELS, MANAGED_BY } from '../deploy/labels.js';
import type { RoutingTable } from '../deploy/manifests/routing-table.js';
import { tablesFromConfigMaps } from '../router/table-source.js';
import type { RoutingSnapshot } from './decide.js';
import { createEndpointIndex } from './endpoint-index.js';
import { type EndpointLoss, trackEndpointLosses } from './endpoint-losses.js';
import { freshReads } from './fresh-reads.js';
import { buildHostTable, type HostTable, type RouteConflict } from './host-table.js';
import { buildSleepIndex, type SleepIndex } from './sleep-index.js';

/**
 * The gateway's live view of the cluster: Ingresses, Services, the routing-table ConfigMaps and the
 * environments' workloads (to see which sleep) of every namespace, each kept current by a list+watch. Derived tables are rebuilt lazily, once per
 * change, on the next request that needs them. EndpointSlices give each Service's ready pod
 * endpoints (kept per event: they change with every pod) and say when a Service lost one.
 */

/** Something the view could not read or keep watching; routing goes on with what it has. */
export type ViewProblem = (problem: { source: string; message: string }) => void;

export interface ClusterView {
  snapshot(): RoutingSnapshot;
  /** Environments whose workloads sleep (scaled to zero by deploy/sleep.ts), by namespace. */
  sleeping(): SleepIndex;
  /** Counts for /healthz and logs. */
  status(): ClusterViewStatus;
  /**
   * Asks the API server whether Ingresses exist that the watch has not delivered (one created a
   * moment ago, or a watch that fell behind); when so, re-opens the watch from a fresh list and
   * resolves true. Call it before answering that a host is unknown, then decide again.
   */
  confirmMiss(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface ClusterViewStatus {
  ingresses: number;
  hosts: number;
  services: number;
  /** Services with EndpointSlices (routed to their ready pods). */
  endpointServices: number;
  routingTables: number;
  /** Namespaces whose environment sleeps. */
  sleeping: number;
  /** Watches currently re-opening after an error (0 when all are live). */
  reconnecting: number;
  conflicts: RouteConflict[];
}

const REOPEN_MIN_MS = 500;
const REOPEN_MAX_MS = 30_000;
/** Unknown-host confirmations start at most this often (a scan of random hosts costs a few lists a second). */
const CONFIRM_SPACING_MS = 250;
/** An Ingress older than this that the watch has not delivered means the watch fell behind. */
const LATE_DELIVERY_MS = 5_000;

interface KeptWatch<T> {
  list(): readonly T[];
  reconnecting(): boolean;
  /** Starts again from a fresh list now (the old watch stops once the new one serves). */
  reopen(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A list+watch that never gives up: when the client's own reconnects fail, it re-opens with
 * backoff and serves the last list it had meanwhile. The first open must succeed (fail loudly).
 */
async function keepWatching<T extends KubernetesObject>(params: {
  kube: KubeClient;
  options: ListOptions;
  onChange: (event?: 'add' | 'update' | 'delete', object?: KubernetesObject) => void;
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
      onChange: (event, object) => params.onChange(event, object),
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
    const previous = current;
    current = handle;
    if (previous) void previous.stop().catch(() => {});
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
    reopen: async () => {
      clearTimeout(timer);
      await open();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current?.stop();
    },
  };
}

/** Opens the watches (the first list of each must succeed) and returns the view. */
export async function watchCluster(params: {
  kube: KubeClient;
  /** Serve only MicroStax's Ingresses of this class (default `microstax`). */
  ingressClass?: string;
  onProblem: ViewProblem;
  /** Told when a Service loses a ready endpoint (the gateway retires its connections to it). */
  onEndpointLoss?: EndpointLoss;
  /** Route to Services' ready pods (default true); false: every backend is its ClusterIP. */
  podEndpoints?: boolean;
}): Promise<ClusterView> {
  let version = 0;
  const endpoints = createEndpointIndex();
  const onChange = () => {
    version++;
  };
  const common = { kube: params.kube, onChange, onProblem: params.onProblem };
  const ingressClass = params.ingressClass ?? DEFAULT_INGRESS_CLASS;
  // Only MicroStax's own Ingresses are even read; the class is checked in buildHostTable.
  const ingressOptions = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    labelSelector: `${LABELS.managedBy}=${MANAGED_BY}`,
  };
  const watches: KeptWatch<KubernetesObject>[] = [];
  let slices: KeptWatch<V1EndpointSlice> | undefined;
  try {
    watches.push(
      await keepWatching<V1Ingress>({ ...common, options: ingressOptions }),
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
    // No table is rebuilt for them: each event updates the endpoint index and feeds the loss tracker.
    const onLoss = params.onEndpointLoss;
    const onSliceEvent = onLoss ? trackEndpointLosses(onLoss) : undefined;
    slices = await keepWatching<V1EndpointSlice>({
      kube: params.kube,
      options: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
      onChange: (event, object) => {
        if (event && object) {
          endpoints.apply(event, object);
          onSliceEvent?.(event, object);
        } else if (slices) {
          // A re-opened watch lists afresh: slices deleted meanwhile sent no event.
          endpoints.reset(slices.list());
        }
      },
      onProblem: params.onProblem,
    });
    endpoints.reset(slices.list());
    watches.push(slices);
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
    ({ table: hosts, conflicts } = buildHostTable(ingresses.list(), { ingressClass }));
    serviceIndex = new Map(
      services.list().map((s) => [`${s.metadata?.namespace}/${s.metadata?.name}`, s] as const),
    );
    tables = tablesFromConfigMaps(configMaps.list(), params.onProblem);
    sleeping = buildSleepIndex([...deployments.list(), ...statefulSets.list()]);
  };
  const lookup = (namespace: string, name: string) => serviceIndex.get(`${namespace}/${name}`);

  const ingressKey = (i: V1Ingress) => `${i.metadata?.namespace}/${i.metadata?.name}@${i.metadata?.uid}`;
  const confirmMiss = freshReads(async () => {
    const fresh = await params.kube.list<V1Ingress>(ingressOptions);
    const known = new Set(ingresses.list().map(ingressKey));
    const undelivered = fresh.items.filter((ingress) => !known.has(ingressKey(ingress)));
    if (undelivered.length === 0) return false;
    // Seconds old and still not delivered: the watch fell behind, which is worth an operator's look.
    const oldest = Math.min(
      ...undelivered.map((i) => new Date(i.metadata?.creationTimestamp ?? Date.now()).getTime()),
    );
    if (Date.now() - oldest > LATE_DELIVERY_MS) {
      params.onProblem({
        source: 'watch Ingress',
        message: `the watch had not delivered ${undelivered.map((i) => `${i.metadata?.namespace}/${i.metadata?.name}`).join(', ')}; re-opened`,
      });
    }
    await ingresses.reopen();
    return true;
  }, CONFIRM_SPACING_MS);

  return {
    snapshot: () => {
      rebuild();
      return {
        hosts,
        services: lookup,
        // While the EndpointSlice watch re-opens, pods may have gone unseen: ClusterIPs until it lists again.
        ...(params.podEndpoints !== false && !slices?.reconnecting() && { endpoints: endpoints.lookup }),
        tables,
      };
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
        endpointServices: endpoints.size(),
        routingTables: tables.length,
        sleeping: sleeping.size,
        reconnecting: watches.filter((w) => w.reconnecting()).length,
        conflicts,
      };
    },
    confirmMiss,
    stop: async () => {
      await Promise.all(watches.map((w) => w.stop()));
    },
  };
}
