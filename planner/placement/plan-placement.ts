import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { PlannerError } from '../errors.js';
import { NODE_POOL_LABELS, type NodePool } from '../node-pools.js';
import type { BranchPlan, PlacementPlan, PoolPreference, ServicePlacement } from '../types.js';
import { branchDemands, type ServiceDemand } from './demand.js';
import { checkPlacementLimits } from './limits.js';
import { MILP_FORCED_MAX_SLOT_VARIABLES, MILP_MAX_SLOT_VARIABLES, milpSize } from './milp.js';
import {
  assignmentCost,
  buildProblem,
  checkAssignment,
  nodeShare,
  type PlacementProblem,
  poolMayHost,
  type ServiceAssignment,
} from './problem.js';
import { type ExactOutcome, inProcessSolvers, type PlacementSolvers } from './solvers.js';

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
  /**
   * Every pool of the cluster at full size, for the fallbacks each service may be scheduled on when its
   * chosen pool is full; default `pools`. Pass it when `pools` is the live free room.
   */
  fallbackPools?: NodePool[];
  /** What `pools` describes: the live free room of the cluster, or the pools' full size (default). */
  capacity?: 'live' | 'full';
  /** auto (default): heuristic always, plus the exact MILP when the model is small enough. */
  solver?: 'auto' | 'milp' | 'heuristic';
  /** Where the solvers run; default this thread. A server passes createOffThreadSolvers(). */
  solvers?: PlacementSolvers;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Chooses a node pool for every service that runs in the branch environment at the lowest hourly
 * cost, subject to capacity, no spot for data services, replicas on distinct nodes and cross-zone
 * traffic cost. Reports the naive cost beside it and, when solved exactly, the proven optimum.
 */
export async function planPlacement(input: PlacementInput): Promise<PlacementPlan> {
  const services = branchDemands({ blueprint: input.blueprint, plan: input.plan });
  checkPlacementLimits({ services, pools: input.pools });
  const problem = buildProblem({
    services,
    pools: input.pools,
    baselineZones: input.baselineZones,
    baselineZone: input.baselineZone,
    crossZoneHourlyCost: input.crossZoneHourlyCost ?? DEFAULT_CROSS_ZONE_HOURLY_COST,
    allowDataOnSpot: input.allowDataOnSpot ?? false,
  });
  if (problem.services.length === 0) {
    return {
      services: [],
      hourlyCost: 0,
      naiveHourlyCost: 0,
      optimalHourlyCost: 0,
      solver: 'heuristic',
      solverReason: 'nothing to place',
    };
  }
  const solvers = input.solvers ?? inProcessSolvers;
  const mode = input.solver ?? 'auto';
  // The heuristic runs in every mode: it is the answer whenever the exact solve is skipped or gives up.
  const { assignment: heuristic, naiveCost: naive } = await solvers.heuristic(problem);
  const costBound = heuristic ? assignmentCost(problem, heuristic) : undefined;
  const size = milpSize(problem, costBound);
  const cap = mode === 'milp' ? MILP_FORCED_MAX_SLOT_VARIABLES : MILP_MAX_SLOT_VARIABLES;
  let exact: ExactOutcome | undefined;
  let skipped: string | undefined;
  if (mode === 'heuristic') skipped = 'heuristic asked for';
  else if (size > cap) skipped = `exact model too large (${size} replica-slot variables; at most ${cap})`;
  else exact = await solvers.exact(problem, { costBound });

  const solved = exact?.status === 'solved' ? exact.result : undefined;
  const candidates: { assignment: ServiceAssignment[]; solver: 'milp' | 'heuristic' }[] = [];
  if (solved) candidates.push({ assignment: solved.assignment, solver: 'milp' });
  if (heuristic) candidates.push({ assignment: heuristic, solver: 'heuristic' });
  if (candidates.length === 0) {
    if (exact?.status === 'gave-up') {
      throw new PlannerError(
        'solver-busy',
        `no placement found: the heuristic found none and ${exact.reason}`,
      );
    }
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
  const fallbacks = poolFallbacks({
    services,
    pools: input.fallbackPools ?? input.pools,
    allowDataOnSpot: input.allowDataOnSpot ?? false,
  });
  const plan: PlacementPlan = {
    services: servicePlacements(problem, best.assignment).map((row) => ({
      ...row,
      fallbacks: fallbacks.get(row.service)!.filter((f) => f.pool !== row.pool),
    })),
    hourlyCost: round(cost),
    naiveHourlyCost: round(Number.isNaN(naive) ? cost : naive),
    solver: best.solver,
    solverReason: solverReason({ best: best.solver, skipped, exact, solved }),
  };
  if (input.capacity) plan.capacity = input.capacity;
  if (solved?.optimal) plan.optimalHourlyCost = round(assignmentCost(problem, solved.assignment));
  return plan;
}

/** Weight of a fallback pool as cheap as the cheapest; dearer ones get less, down to 1. */
const FALLBACK_MAX_WEIGHT = 50;

/**
 * Per service, the pools its hard rules allow, cheapest first, weighted by price (the cheapest 50, a
 * pool twice as dear 25), so a full chosen pool spills to the cheapest pool that still has room.
 */
function poolFallbacks(params: {
  services: ServiceDemand[];
  pools: NodePool[];
  allowDataOnSpot: boolean;
}): Map<string, PoolPreference[]> {
  const byPrice = [...params.pools].sort(
    (a, b) => a.hourlyPrice - b.hourlyPrice || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return new Map(
    params.services.map((service) => {
      const allowed = byPrice.filter((pool) =>
        poolMayHost({ service, pool, allowDataOnSpot: params.allowDataOnSpot }),
      );
      const cheapest = allowed[0]?.hourlyPrice ?? 0;
      return [
        service.name,
        allowed.map((pool) => ({
          pool: pool.name,
          weight:
            pool.hourlyPrice <= 0
              ? FALLBACK_MAX_WEIGHT
              : Math.max(1, Math.round((FALLBACK_MAX_WEIGHT * cheapest) / pool.hourlyPrice)),
        })),
      ];
    }),
  );
}

/** Why the plan's solver answered: which solver ran, and why the exact one did not win. */
function solverReason(params: {
  best: 'milp' | 'heuristic';
  skipped?: string;
  exact?: ExactOutcome;
  solved?: { optimal: boolean };
}): string {
  const { best, skipped, exact, solved } = params;
  if (best === 'milp')
    return solved?.optimal ? 'exact: proven optimal' : 'exact: best found within its limits';
  if (skipped) return `heuristic: ${skipped}`;
  if (exact?.status === 'gave-up') return `heuristic: ${exact.reason}`;
  if (!solved) return 'heuristic: the exact solve found no solution within its limits';
  return 'heuristic: cheaper than what the exact solve found within its limits';
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
