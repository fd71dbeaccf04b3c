import { NODE_POOL_LABELS, type NodeLike, type NodePool } from '../node-pools.js';
import { cpuMillicores, memoryBytes } from '../quantity.js';

/**
 * The pools' live free room: each node's allocatable minus the requests of the pods bound to it,
 * minus pods not yet bound (created moments ago by concurrent creates) and placements planned moments
 * ago whose pods do not exist yet, each counted on the roomiest node of the pool it prefers.
 */

/** Field selector for the pods that hold room on a node: every one not finished. */
export const UNFINISHED_PODS = 'status.phase!=Succeeded,status.phase!=Failed';

/** The parts of a Kubernetes Pod (V1Pod) that take room on a node. */
export interface PodLike {
  spec?: {
    nodeName?: string;
    nodeSelector?: Record<string, string>;
    affinity?: {
      nodeAffinity?: {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[];
        };
        preferredDuringSchedulingIgnoredDuringExecution?: {
          weight: number;
          preference: { matchExpressions?: { key: string; operator: string; values?: string[] }[] };
        }[];
      };
    };
    containers?: { resources?: { requests?: Record<string, string> } }[];
  };
  status?: { phase?: string };
}

/** Room asked on one node of a pool: one replica's requests. */
export interface PoolAsk {
  pool: string;
  cpu: number;
  memory: number;
}

interface NodeRoom {
  cpu: number;
  memory: number;
  pods: number;
}

/** Requests of a pod (the sum of its containers'), in millicores and bytes; none set counts 0. */
export function podRequests(pod: PodLike): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const container of pod.spec?.containers ?? []) {
    const requests = container.resources?.requests ?? {};
    if (requests.cpu) cpu += cpuMillicores(requests.cpu);
    if (requests.memory) memory += memoryBytes(requests.memory);
  }
  return { cpu, memory };
}

/** The pool an unbound pod will most likely land in: its selector, else its strongest preference. */
export function preferredPool(pod: PodLike): string | undefined {
  const selected = pod.spec?.nodeSelector?.[NODE_POOL_LABELS.pool];
  if (selected) return selected;
  const affinity = pod.spec?.affinity?.nodeAffinity;
  const poolIn = (expressions?: { key: string; operator: string; values?: string[] }[]) =>
    expressions?.find((e) => e.key === NODE_POOL_LABELS.pool && e.operator === 'In')?.values;
  const preferred = [...(affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])].sort(
    (a, b) => b.weight - a.weight,
  );
  for (const term of preferred) {
    const pools = poolIn(term.preference.matchExpressions);
    if (pools?.length) return pools[0];
  }
  const required = affinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return required.map((t) => poolIn(t.matchExpressions)).find((pools) => pools?.length === 1)?.[0];
}

/**
 * Free room per node of each pool, after what runs and what is about to run. Pods that finished
 * (Succeeded, Failed) hold no room.
 */
export function freeRoomByNode(params: {
  pools: readonly NodePool[];
  nodes: readonly NodeLike[];
  pods: readonly PodLike[];
  /** Placements planned moments ago whose pods may not exist yet. */
  reserved?: readonly PoolAsk[];
}): Map<string, Map<string, NodeRoom>> {
  const byPool = new Map<string, Map<string, NodeRoom>>(params.pools.map((p) => [p.name, new Map()]));
  const nodePool = new Map<string, string>();
  for (const node of params.nodes) {
    const pool = node.metadata?.labels?.[NODE_POOL_LABELS.pool];
    const name = node.metadata?.name;
    const allocatable = node.status?.allocatable;
    if (!pool || !name || !allocatable || !byPool.has(pool)) continue;
    nodePool.set(name, pool);
    byPool.get(pool)!.set(name, {
      cpu: cpuMillicores(allocatable.cpu ?? '0'),
      memory: memoryBytes(allocatable.memory ?? '0'),
      pods: Number.parseInt(allocatable.pods ?? '110', 10) || 110,
    });
  }
  const take = (room: NodeRoom, ask: { cpu: number; memory: number }) => {
    room.cpu -= ask.cpu;
    room.memory -= ask.memory;
    room.pods -= 1;
  };
  // The roomiest node of the pool: where the scheduler's least-allocated scoring most likely puts it.
  const takeInPool = (pool: string | undefined, ask: { cpu: number; memory: number }) => {
    const nodes = pool ? byPool.get(pool) : undefined;
    if (!nodes || nodes.size === 0) return;
    let roomiest: NodeRoom | undefined;
    for (const room of nodes.values()) if (!roomiest || room.cpu > roomiest.cpu) roomiest = room;
    take(roomiest!, ask);
  };
  const unbound: PodLike[] = [];
  for (const pod of params.pods) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const node = pod.spec?.nodeName;
    if (!node) {
      unbound.push(pod);
      continue;
    }
    const pool = nodePool.get(node);
    if (pool) take(byPool.get(pool)!.get(node)!, podRequests(pod));
  }
  for (const pod of unbound) takeInPool(preferredPool(pod), podRequests(pod));
  for (const ask of params.reserved ?? []) takeInPool(ask.pool, ask);
  return byPool;
}

/**
 * The pools as the planner should see them now: only the nodes with room for the largest replica the
 * environment asks for (`ask`), each as roomy as the tightest of them, so whatever the plan puts on a
 * node fits. A pool with no such node is left out; its full size still counts for fallbacks.
 */
export function livePools(params: {
  pools: readonly NodePool[];
  free: Map<string, Map<string, NodeRoom>>;
  ask: { cpu: number; memory: number };
}): NodePool[] {
  const live: NodePool[] = [];
  for (const pool of params.pools) {
    const rooms = [...(params.free.get(pool.name)?.values() ?? [])].filter(
      (r) => r.cpu >= params.ask.cpu && r.memory >= params.ask.memory && r.pods >= 1,
    );
    if (rooms.length === 0) continue;
    const least = (key: keyof NodeRoom) => Math.min(...rooms.map((r) => r[key]));
    live.push({
      ...pool,
      nodes: rooms.length,
      capacity: {
        cpu: `${Math.floor(least('cpu'))}m`,
        memory: String(Math.floor(least('memory'))),
        pods: least('pods'),
      },
    });
  }
  return live;
}
