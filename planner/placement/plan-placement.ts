import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { PlannerError } from '../errors.js';
import { NODE_POOL_LABELS, type NodePool } from '../node-pools.js';
import type { BranchPlan, PlacementPlan, ServicePlacement } from '../types.js';
import { branchDemands } from './demand.js';
import { naiveCost, placeHeuristically } from './heuristic.js';
import { MILP_MAX_SLOT_VARIABLES, milpSize, placeExactly } from './milp.js';
import {
  assignmentCost,
  buildProblem,
  checkAssignment,
  nodeShare,
  type PlacementProblem,
  type ServiceAssignment,
} from './problem.js';

/** Hourly cost assumed for one branch-to-baseline call edge that crosses zones, when none is given. */
export const DEFAULT_CROSS_ZONE_HOURLY_COST = 0.02;

export interface PlacementInput {
  /** The branch blueprint, resolved. */
  blueprint: ResolvedBlueprint;
  plan: BranchPlan;
  pools: NodePool[];
  /** Zone of each baseline service; services not listed are in `baselineZone` (unknown: no traffic cost). */
  baselineZones?: Record<string, string>;
  baselineZone?: string;
  crossZoneHourlyCost?: number;
  /** Let data services run on spot nodes. Off by default. */
  allowDataOnSpot?: boolean;
  /** auto (default): heuristic always, plus the exact MILP when the model is small enough. */
  solver?: 'auto' | 'milp' | 'heuristic';
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Chooses a node pool for every service that runs in the branch environment at the lowest hourly
 * cost, subject to capacity, no spot for data services, replicas on distinct nodes and cross-zone
 * traffic cost. Reports the naive cost beside it and, when solved exactly, the proven optimum.
 */
export async function planPlacement(input: PlacementInput): Promise<PlacementPlan> {
  const problem = buildProblem({
    services: branchDemands({ blueprint: input.blueprint, plan: input.plan }),
    pools: input.pools,
    baselineZones: input.baselineZones,
    baselineZone: input.baselineZone,
    crossZoneHourlyCost: input.crossZoneHourlyCost ?? DEFAULT_CROSS_ZONE_HOURLY_COST,
    allowDataOnSpot: input.allowDataOnSpot ?? false,
  });
  const naive = problem.services.length === 0 ? 0 : naiveCost(problem);
  if (problem.services.length === 0) {
    return { services: [], hourlyCost: 0, naiveHourlyCost: 0, optimalHourlyCost: 0, solver: 'heuristic' };
  }
  const mode = input.solver ?? 'auto';
  const heuristic = mode === 'milp' ? undefined : placeHeuristically(problem);
  const costBound = heuristic ? assignmentCost(problem, heuristic) : undefined;
  const exact =
    mode === 'milp' || (mode === 'auto' && milpSize(problem, costBound) <= MILP_MAX_SLOT_VARIABLES)
      ? await placeExactly(problem, { costBound })
      : undefined;

  const candidates: { assignment: ServiceAssignment[]; solver: 'milp' | 'heuristic' }[] = [];
  if (exact) candidates.push({ assignment: exact.assignment, solver: 'milp' });
  if (heuristic) candidates.push({ assignment: heuristic, solver: 'heuristic' });
  if (candidates.length === 0) {
    throw new PlannerError(
      'placement-infeasible',
      `the node pools cannot hold the ${problem.services.length} services of the branch environment (capacity or node count too small)`,
      { services: problem.services.map((s) => s.name) },
    );
  }
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) {
    if (assignmentCost(problem, c.assignment) < assignmentCost(problem, best.assignment) - 1e-9) best = c;
  }
  checkAssignment(problem, best.assignment);
  const cost = assignmentCost(problem, best.assignment);
  const plan: PlacementPlan = {
    services: servicePlacements(problem, best.assignment),
    hourlyCost: round(cost),
    naiveHourlyCost: round(Number.isNaN(naive) ? cost : naive),
    solver: best.solver,
  };
  if (exact?.optimal) plan.optimalHourlyCost = round(assignmentCost(problem, exact.assignment));
  return plan;
}

/**
 * One row per service. A node's price is split among the replicas on it by the share of the node
 * each takes (its dominant resource), so the rows add up to the plan's cost.
 */
function servicePlacements(problem: PlacementProblem, assignment: ServiceAssignment[]): ServicePlacement[] {
  const shareOnNode = new Map<string, number>();
  assignment.forEach((a, s) => {
    for (const n of a.nodes) {
      const key = `${a.pool}/${n}`;
      shareOnNode.set(key, (shareOnNode.get(key) ?? 0) + nodeShare(problem, s, a.pool));
    }
  });
  return assignment.map((a, s) => {
    const pool = problem.pools[a.pool]!.pool;
    const nodeCost = a.nodes.reduce(
      (sum, n) =>
        sum + (pool.hourlyPrice * nodeShare(problem, s, a.pool)) / shareOnNode.get(`${a.pool}/${n}`)!,
      0,
    );
    return {
      service: problem.services[s]!.name,
      pool: pool.name,
      zone: pool.zone,
      capacityType: pool.capacityType,
      hourlyCost: round(nodeCost + problem.traffic[s]![a.pool]!),
      nodeSelector: { [NODE_POOL_LABELS.pool]: pool.name },
    };
  });
}
