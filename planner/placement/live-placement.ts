import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { PlannerError } from '../errors.js';
import { type NodeLike, type NodePool, nodePoolsFromNodes } from '../node-pools.js';
import type { BranchPlan, PlacementPlan } from '../types.js';
import { branchDemands } from './demand.js';
import { freeRoomByNode, livePools, type PodLike, type PoolAsk } from './live-pools.js';
import { type PlacementInput, planPlacement } from './plan-placement.js';

/** What placement reads of a cluster: its labelled pools, their nodes, and the pods holding room. */
export interface ClusterView {
  pools: NodePool[];
  nodes: NodeLike[];
  pods: PodLike[];
}

/** A cluster view from its nodes and its unfinished pods (pools derived from the node labels). */
export function clusterView(nodes: NodeLike[], pods: PodLike[]): ClusterView {
  return { pools: nodePoolsFromNodes(nodes), nodes, pods };
}

/**
 * Plans on the pools' live free room (what runs, what is about to run and `reserved` subtracted), with
 * every pool at full size for the fallbacks; when that room cannot hold the environment, on the pools'
 * full size: its pods then wait for room or spill to their fallback pools, as the scheduler decides.
 */
export async function placeOnLiveRoom(
  params: {
    blueprint: ResolvedBlueprint;
    plan: BranchPlan;
    cluster: ClusterView;
    reserved?: PoolAsk[];
  } & Omit<PlacementInput, 'blueprint' | 'plan' | 'pools' | 'fallbackPools' | 'capacity'>,
): Promise<PlacementPlan> {
  const { cluster, reserved, ...input } = params;
  const demands = branchDemands({ blueprint: input.blueprint, plan: input.plan });
  const ask = {
    cpu: Math.max(0, ...demands.map((d) => d.cpu)),
    memory: Math.max(0, ...demands.map((d) => d.memory)),
  };
  const free = freeRoomByNode({ ...cluster, reserved });
  const live = livePools({ pools: cluster.pools, free, ask });
  if (live.length > 0) {
    try {
      return await planPlacement({ ...input, pools: live, fallbackPools: cluster.pools, capacity: 'live' });
    } catch (error) {
      if (!(error instanceof PlannerError && error.type === 'placement-infeasible')) throw error;
    }
  }
  return planPlacement({ ...input, pools: cluster.pools, capacity: 'full' });
}
