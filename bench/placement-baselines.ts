import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { NODE_POOL_LABELS, type NodeLike, type NodePool } from '../planner/node-pools.js';
import { serviceRequests } from '../planner/placement/demand.js';
import { freeRoomByNode, type PodLike } from '../planner/placement/live-pools.js';
import { poolMayHost } from '../planner/placement/problem.js';
import { cpuMillicores, memoryBytes } from '../planner/quantity.js';

/**
 * The placements the live placement is compared with, played pod by pod on the cluster's free room as
 * it was before a run (no scheduler involved): every pod on the cheapest pool its hard rules allow
 * (`cheapest-pool-only`, the placement before it knew what runs), on the first node by name with room
 * (`first-fit`), on the least-allocated node (`spread`, the default scheduler without hints), or on the
 * node where it costs least among those with room (`cheapest-with-room`: the best any placement of these
 * identical pods can do, a lower bound). An
 * environment whose pods do not all fit fails and frees what it took. Pods are priced as they are
 * billed: the node's hourly price times the larger of the CPU and memory share of the node they take.
 */
export type BaselineStrategy = 'cheapest-pool-only' | 'first-fit' | 'spread' | 'cheapest-with-room';

export interface BaselineOutcome {
  ready: number;
  failed: number;
  /** Hourly cost of the environments that fit. */
  hourlyCost: number;
  podsPerPool: Record<string, number>;
}

interface NodeSlot {
  name: string;
  pool: NodePool;
  allocatable: { cpu: number; memory: number };
  free: { cpu: number; memory: number; pods: number };
}

export function playBaseline(params: {
  strategy: BaselineStrategy;
  blueprint: ResolvedBlueprint;
  environments: number;
  pools: readonly NodePool[];
  nodes: readonly NodeLike[];
  pods: readonly PodLike[];
}): BaselineOutcome {
  const slots = nodeSlots(params);
  const pods = params.blueprint.services.flatMap((service) => {
    const requests = serviceRequests(service);
    const demand = { ...requests, isDataService: service.isDataService };
    const allowed = params.pools.filter((pool) =>
      poolMayHost({ service: demand, pool, allowDataOnSpot: false }),
    );
    const cheapest = Math.min(...allowed.map((pool) => pool.hourlyPrice));
    const pools = new Set(
      (params.strategy === 'cheapest-pool-only'
        ? allowed.filter((pool) => pool.hourlyPrice === cheapest)
        : allowed
      ).map((pool) => pool.name),
    );
    return Array.from({ length: service.replicas }, () => ({ requests, pools }));
  });
  const outcome: BaselineOutcome = { ready: 0, failed: 0, hourlyCost: 0, podsPerPool: {} };
  for (let e = 0; e < params.environments; e++) {
    const taken: { slot: NodeSlot; requests: { cpu: number; memory: number } }[] = [];
    for (const pod of pods) {
      const fits = slots.filter(
        (slot) =>
          pod.pools.has(slot.pool.name) &&
          slot.free.pods >= 1 &&
          slot.free.cpu >= pod.requests.cpu &&
          slot.free.memory >= pod.requests.memory,
      );
      const slot =
        params.strategy === 'first-fit'
          ? fits[0]
          : params.strategy === 'cheapest-with-room'
            ? cheapestFor(fits, pod.requests)
            : leastAllocated(fits);
      if (!slot) break;
      slot.free.cpu -= pod.requests.cpu;
      slot.free.memory -= pod.requests.memory;
      slot.free.pods -= 1;
      taken.push({ slot, requests: pod.requests });
    }
    if (taken.length < pods.length) {
      for (const { slot, requests } of taken) {
        slot.free.cpu += requests.cpu;
        slot.free.memory += requests.memory;
        slot.free.pods += 1;
      }
      outcome.failed++;
      continue;
    }
    outcome.ready++;
    for (const { slot, requests } of taken) {
      outcome.hourlyCost += podPrice(slot, requests);
      outcome.podsPerPool[slot.pool.name] = (outcome.podsPerPool[slot.pool.name] ?? 0) + 1;
    }
  }
  return outcome;
}

/** Nodes of the pools with their allocatable and free room, by name (first-fit's order). */
function nodeSlots(params: {
  pools: readonly NodePool[];
  nodes: readonly NodeLike[];
  pods: readonly PodLike[];
}): NodeSlot[] {
  const free = freeRoomByNode({ pools: params.pools, nodes: params.nodes, pods: params.pods });
  const slots: NodeSlot[] = [];
  for (const node of params.nodes) {
    const poolName = node.metadata?.labels?.[NODE_POOL_LABELS.pool];
    const pool = params.pools.find((p) => p.name === poolName);
    const room = pool ? free.get(pool.name)?.get(node.metadata?.name ?? '') : undefined;
    const allocatable = node.status?.allocatable;
    if (!pool || !room || !allocatable) continue;
    slots.push({
      name: node.metadata!.name!,
      pool,
      allocatable: {
        cpu: cpuMillicores(allocatable.cpu ?? '0'),
        memory: memoryBytes(allocatable.memory ?? '0'),
      },
      free: { ...room },
    });
  }
  return slots.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The node whose larger CPU/memory share is most free: the default scheduler's least-allocated score. */
function leastAllocated(slots: NodeSlot[]): NodeSlot | undefined {
  const freeShare = (slot: NodeSlot) =>
    Math.min(slot.free.cpu / slot.allocatable.cpu, slot.free.memory / slot.allocatable.memory);
  let best: NodeSlot | undefined;
  for (const slot of slots) if (!best || freeShare(slot) > freeShare(best)) best = slot;
  return best;
}

/** Hourly price of one pod with these requests on the slot's node (as billed). */
function podPrice(slot: NodeSlot, requests: { cpu: number; memory: number }): number {
  return (
    slot.pool.hourlyPrice *
    Math.max(requests.cpu / slot.allocatable.cpu, requests.memory / slot.allocatable.memory)
  );
}

function cheapestFor(slots: NodeSlot[], requests: { cpu: number; memory: number }): NodeSlot | undefined {
  let best: NodeSlot | undefined;
  for (const slot of slots) if (!best || podPrice(slot, requests) < podPrice(best, requests)) best = slot;
  return best;
}

/**
 * The hourly cost of pods counted per pool, priced like the played placements (each pod with the
 * blueprint's planned requests on a node of the pool's capacity), so a real run compares like with like.
 */
export function priceOfPodsPerPool(params: {
  podsPerPool: Record<string, number>;
  pools: readonly NodePool[];
  blueprint: ResolvedBlueprint;
}): number {
  const pods = params.blueprint.services.flatMap((s) =>
    Array.from({ length: s.replicas }, () => serviceRequests(s)),
  );
  const each = {
    cpu: pods.reduce((n, p) => n + p.cpu, 0) / pods.length,
    memory: pods.reduce((n, p) => n + p.memory, 0) / pods.length,
  };
  let total = 0;
  for (const [name, count] of Object.entries(params.podsPerPool)) {
    const pool = params.pools.find((p) => p.name === name);
    if (!pool) continue;
    total +=
      count *
      pool.hourlyPrice *
      Math.max(each.cpu / cpuMillicores(pool.capacity.cpu), each.memory / memoryBytes(pool.capacity.memory));
  }
  return total;
}
