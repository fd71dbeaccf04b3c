import { BLUEPRINT_LIMITS } from '../../blueprints/limits.js';
import { PlannerError } from '../errors.js';
import type { NodePool } from '../node-pools.js';
import type { ServiceDemand } from './demand.js';

/**
 * Caps on what one placement may be asked to solve. The heuristic's work grows with services x
 * replicas x pools x nodes per pool; at the caps it takes about 1.5 s on one core (bench: planner),
 * so no request can hold a solver thread for long or exhaust its memory.
 */
export const PLACEMENT_LIMITS = {
  /** Services placed (those a branch runs: deploy and fork, with at least one replica). */
  maxServices: 100,
  /** Replicas of one placed service (the blueprint schema allows no more either). */
  maxReplicas: BLUEPRINT_LIMITS.maxReplicas,
  /** Node pools to choose from. */
  maxPools: 50,
  /** Nodes in one pool. */
  maxNodesPerPool: 1000,
  /** services x largest replica count x pools x largest node count: the bound on the heuristic's work. */
  maxWork: 500_000,
} as const;

export type PlacementLimit = keyof typeof PLACEMENT_LIMITS;

/** Where a limit's input comes from: the services of the branch, or the pools. */
export const LIMIT_SOURCE: Record<PlacementLimit, 'services' | 'pools'> = {
  maxServices: 'services',
  maxReplicas: 'services',
  maxPools: 'pools',
  maxNodesPerPool: 'pools',
  maxWork: 'services',
};

/** The first limit the input exceeds, with the value asked for; undefined when it is within every cap. */
export function exceededPlacementLimit(input: {
  services: readonly Pick<ServiceDemand, 'name' | 'replicas'>[];
  pools: readonly Pick<NodePool, 'name' | 'nodes'>[];
}): { limit: PlacementLimit; value: number; max: number; what: string } | undefined {
  const { services, pools } = input;
  const over = (limit: PlacementLimit, value: number, what: string) =>
    value > PLACEMENT_LIMITS[limit] ? { limit, value, max: PLACEMENT_LIMITS[limit], what } : undefined;
  const mostReplicas = services.reduce((a, s) => (s.replicas > a.replicas ? s : a), {
    name: '',
    replicas: 0,
  });
  const mostNodes = pools.reduce((a, p) => (p.nodes > a.nodes ? p : a), { name: '', nodes: 0 });
  const work = services.length * mostReplicas.replicas * pools.length * mostNodes.nodes;
  return (
    over('maxServices', services.length, `${services.length} services to place`) ??
    over(
      'maxReplicas',
      mostReplicas.replicas,
      `service ${mostReplicas.name} has ${mostReplicas.replicas} replicas`,
    ) ??
    over('maxPools', pools.length, `${pools.length} node pools`) ??
    over('maxNodesPerPool', mostNodes.nodes, `pool ${mostNodes.name} has ${mostNodes.nodes} nodes`) ??
    over(
      'maxWork',
      work,
      `services x replicas x pools x nodes is ${services.length} x ${mostReplicas.replicas} x ${pools.length} x ${mostNodes.nodes} = ${work}`,
    )
  );
}

/** Throws a `placement-too-large` PlannerError naming the limit and the value asked for. */
export function checkPlacementLimits(input: Parameters<typeof exceededPlacementLimit>[0]): void {
  const exceeded = exceededPlacementLimit(input);
  if (!exceeded) return;
  throw new PlannerError(
    'placement-too-large',
    `placement is over the ${exceeded.limit} limit: ${exceeded.what}; at most ${exceeded.max} allowed`,
    { limit: exceeded.limit, value: exceeded.value, max: exceeded.max, source: LIMIT_SOURCE[exceeded.limit] },
  );
}
