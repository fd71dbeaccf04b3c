/**
 * What the planner produces. The deploy layer, the workflows, the API and the CLI read these shapes.
 */

/** deploy: new or changed; fork: unchanged but must run in the branch; reuse: served by the baseline. */
export type ServiceAction = 'deploy' | 'fork' | 'reuse';

export interface ServicePlan {
  name: string;
  action: ServiceAction;
  /** Sentences a person understands, each naming its evidence (changed fields, the dependency that forced a fork). */
  reasons: string[];
}

export interface BranchPlan {
  services: ServicePlan[];
  summary: { deploy: number; fork: number; reuse: number; removed: string[] };
}

export interface ServicePlacement {
  service: string;
  pool: string;
  zone: string;
  capacityType: 'on-demand' | 'spot';
  /** This service's share of the hourly cost, in the pools' currency. */
  hourlyCost: number;
  /** Node labels of the chosen pool (the pool the pods prefer; see `fallbacks`). */
  nodeSelector: Record<string, string>;
  /**
   * The other pools the service may run in by its hard rules (no spot for data services, each replica
   * fits a node), cheapest first, each with the node-affinity weight the pods prefer it by. The chosen
   * pool is preferred with weight 100; when it is full the scheduler uses these instead of leaving the
   * pods unschedulable. Absent in plans made before fallbacks existed: the pods are pinned to `pool`.
   */
  fallbacks?: PoolPreference[];
}

/** A node pool a service's pods may fall back to, and how strongly they prefer it (1-100). */
export interface PoolPreference {
  pool: string;
  weight: number;
}

export interface PlacementPlan {
  services: ServicePlacement[];
  hourlyCost: number;
  /** Everything on the cheapest on-demand pool, for comparison. */
  naiveHourlyCost: number;
  /** The proven optimum, for inputs small enough to solve exactly. */
  optimalHourlyCost?: number;
  solver: 'milp' | 'heuristic';
  /**
   * Why that solver answered, e.g. "exact: proven optimal", "heuristic: exact model too large (...)",
   * "heuristic: the exact solve ran past its 12 s time limit".
   */
  solverReason?: string;
  /**
   * Hourly cost of running every service of the blueprint in this environment (no reuse of the
   * baseline's services), on the same pools: what branch reuse saves against. Set for branches.
   */
  cloneAllHourlyCost?: number;
  /** The pools the plan saw: live free room (what already runs subtracted) or the pools' full size. */
  capacity?: 'live' | 'full';
}
