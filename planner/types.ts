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
  /** Node labels that pin the service's pods to the chosen pool. */
  nodeSelector: Record<string, string>;
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
}
