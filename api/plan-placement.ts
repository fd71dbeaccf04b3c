import type { z } from 'zod';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { PlannerError } from '../planner/errors.js';
import { NODE_POOL_LABELS, type NodePool } from '../planner/node-pools.js';
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
  clusterPools: () => Promise<NodePool[]>;
  solvers: PlacementSolvers;
}): Promise<PlacementPlan> {
  const options = typeof params.request === 'object' ? params.request : {};
  const pools = options.pools ?? (await readClusterPools(params.clusterPools));
  try {
    return await planPlacement({
      blueprint: params.blueprint,
      plan: params.plan,
      pools,
      baselineZone: options.baselineZone,
      crossZoneHourlyCost: options.crossZoneHourlyCost,
      allowDataOnSpot: options.allowDataOnSpot,
      solver: options.solver,
      solvers: params.solvers,
    });
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

async function readClusterPools(read: () => Promise<NodePool[]>): Promise<NodePool[]> {
  let pools: NodePool[];
  try {
    pools = await read();
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
  if (pools.length === 0) {
    throw new ApiError({
      statusCode: 422,
      code: ErrorCode.ValidationFailed,
      message: `no node of the cluster carries the ${NODE_POOL_LABELS.pool} label; pass placement.pools`,
      field: 'body.placement',
    });
  }
  return pools;
}
