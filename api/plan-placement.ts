import type { z } from 'zod';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { PlannerError } from '../planner/errors.js';
import { NODE_POOL_LABELS } from '../planner/node-pools.js';
import { type ClusterView, placeOnLiveRoom } from '../planner/placement/live-placement.js';
import { planPlacement } from '../planner/placement/plan-placement.js';
import type { PlacementSolvers } from '../planner/placement/solvers.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import { ApiError, ErrorCode } from './errors.js';
import type { PlanBody } from './schemas/blueprints.js';

type PlacementRequest = NonNullable<z.infer<typeof PlanBody>['placement']>;

/**
 * The placement of a planned branch, as `microstax plan --placement` computes it: on the pools the
 * request gives, else on the cluster's labelled node pools, with the solvers off the event loop.
 * Refusals are 422 naming `body.placement` (no pools, pools that cannot hold the branch) or, over a
 * placement cap, the input that is too large; an unreadable cluster or busy solvers are 503 (retry).
 */
export async function placeBranch(params: {
  request: PlacementRequest;
  blueprint: ResolvedBlueprint;
  plan: BranchPlan;
  clusterPools: () => Promise<ClusterView>;
  solvers: PlacementSolvers;
}): Promise<PlacementPlan> {
  const options = typeof params.request === 'object' ? params.request : {};
  const common = {
    blueprint: params.blueprint,
    plan: params.plan,
    baselineZone: options.baselineZone,
    crossZoneHourlyCost: options.crossZoneHourlyCost,
    allowDataOnSpot: options.allowDataOnSpot,
    solver: options.solver,
    solvers: params.solvers,
  };
  try {
    // Given pools are planned as given; the cluster's on their live free room, as a create would.
    if (options.pools) return await planPlacement({ ...common, pools: options.pools });
    return await placeOnLiveRoom({ ...common, cluster: await readClusterPools(params.clusterPools) });
  } catch (error) {
    if (error instanceof PlannerError && error.type === 'solver-busy') {
      throw new ApiError({ statusCode: 503, code: ErrorCode.Unavailable, message: error.message });
    }
    if (error instanceof PlannerError && error.type === 'placement-too-large') {
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.ValidationFailed,
        message: error.message,
        field: error.params.source === 'services' ? 'body.branch' : poolsField(options),
        details: { type: error.type, ...error.params },
      });
    }
    if (error instanceof PlannerError && error.type !== 'solver-failed') {
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.ValidationFailed,
        message: error.message,
        field: poolsField(options),
        details: { type: error.type },
      });
    }
    throw error;
  }
}

const poolsField = (options: { pools?: unknown }) =>
  options.pools ? 'body.placement.pools' : 'body.placement';

async function readClusterPools(read: () => Promise<ClusterView>): Promise<ClusterView> {
  let cluster: ClusterView;
  try {
    cluster = await read();
  } catch (error) {
    if (error instanceof PlannerError) {
      // Labels on the cluster's nodes are wrong: the caller can still pass pools.
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.ValidationFailed,
        message: `the cluster's node pools are invalid (${error.message}); pass placement.pools`,
        field: 'body.placement',
      });
    }
    throw new ApiError({
      statusCode: 503,
      code: ErrorCode.Unavailable,
      message: 'cannot read node pools from the cluster; retry, or pass placement.pools',
    });
  }
  if (cluster.pools.length === 0) {
    throw new ApiError({
      statusCode: 422,
      code: ErrorCode.ValidationFailed,
      message: `no node of the cluster carries the ${NODE_POOL_LABELS.pool} label; pass placement.pools`,
      field: 'body.placement',
    });
  }
  return cluster;
}
