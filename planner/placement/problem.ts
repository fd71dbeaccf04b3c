import { PlannerError } from '../errors.js';
import type { NodePool } from '../node-pools.js';
import { cpuMillicores, memoryBytes } from '../quantity.js';
import type { ServiceDemand } from './demand.js';

/**
 * The placement problem in numbers, shared by the exact (MILP) and the heuristic solver, and the
 * one place that says what a placement costs and whether it is valid.
 *
 * Model: each service runs all its replicas in one pool (its pods get that pool's nodeSelector),
 * each replica on a different node (spread), and a pool's nodes are paid per hour only when used.
 * Cross-zone traffic costs a fixed hourly amount per call edge from a branch service to a baseline
 * service in another zone.
 */

export interface PoolCapacity {
  pool: NodePool;
  /** Per node, millicores / bytes / pods. */
  cpu: number;
  memory: number;
  pods: number;
}

export interface PlacementProblem {
  services: ServiceDemand[];
  pools: PoolCapacity[];
  /** allowed[s][p]: service s may run in pool p (spot rule, spread, per-replica fit). */
  allowed: boolean[][];
  /** traffic[s][p]: hourly cross-zone traffic cost of putting service s in pool p. */
  traffic: number[][];
}

/** Where one service runs: a pool index and one distinct node index per replica. */
export interface ServiceAssignment {
  pool: number;
  nodes: number[];
}

export interface ProblemOptions {
  services: ServiceDemand[];
  pools: NodePool[];
  /** Zone of each baseline service the branch calls; falls back to `baselineZone`. */
  baselineZones?: Record<string, string>;
  baselineZone?: string;
  /** Hourly cost of one call edge crossing zones. */
  crossZoneHourlyCost: number;
  /** Let data services run on spot nodes (off by default: a reclaimed node loses the branch's data). */
  allowDataOnSpot: boolean;
}

/**
 * The hard rules alone: data services stay off spot (unless allowed) and one replica fits a node of
 * the pool. Whatever else a plan weighs (price, room left, node count) is a preference.
 */
export function poolMayHost(params: {
  service: Pick<ServiceDemand, 'cpu' | 'memory' | 'isDataService'>;
  pool: NodePool;
  allowDataOnSpot: boolean;
}): boolean {
  const { service, pool } = params;
  return (
    (params.allowDataOnSpot || !service.isDataService || pool.capacityType !== 'spot') &&
    service.cpu <= cpuMillicores(pool.capacity.cpu) &&
    service.memory <= memoryBytes(pool.capacity.memory)
  );
}

export function buildProblem(options: ProblemOptions): PlacementProblem {
  const pools = options.pools.map((pool) => ({
    pool,
    cpu: cpuMillicores(pool.capacity.cpu, `pools.${pool.name}.capacity.cpu`),
    memory: memoryBytes(pool.capacity.memory, `pools.${pool.name}.capacity.memory`),
    pods: pool.capacity.pods,
  }));
  const allowed = options.services.map((s) =>
    pools.map(
      (p) =>
        (options.allowDataOnSpot || !s.isDataService || p.pool.capacityType !== 'spot') &&
        p.pool.nodes >= s.replicas &&
        s.cpu <= p.cpu &&
        s.memory <= p.memory,
    ),
  );
  options.services.forEach((s, i) => {
    if (!allowed[i]!.some(Boolean)) {
      throw new PlannerError(
        'placement-infeasible',
        `service ${s.name} (${s.replicas} replica(s) of ${s.cpu}m CPU, ${Math.ceil(s.memory / 2 ** 20)}Mi memory${s.isDataService ? ', data service: no spot' : ''}) fits no node pool`,
        { service: s.name },
      );
    }
  });
  const traffic = options.services.map((s) =>
    pools.map((p) => {
      const crossings = s.callsBaseline.filter((dep) => {
        const zone = options.baselineZones?.[dep] ?? options.baselineZone;
        return zone !== undefined && zone !== p.pool.zone;
      }).length;
      return crossings * options.crossZoneHourlyCost;
    }),
  );
  return { services: options.services, pools, allowed, traffic };
}

/** The size of one replica of service s as a fraction of a node of pool p: its dominant resource. */
export function nodeShare(problem: PlacementProblem, s: number, p: number): number {
  const service = problem.services[s]!;
  const pool = problem.pools[p]!;
  return Math.max(service.cpu / pool.cpu, service.memory / pool.memory, 1 / pool.pods);
}

/** Hourly cost of a complete assignment: nodes used times their price, plus cross-zone traffic. */
export function assignmentCost(problem: PlacementProblem, assignment: readonly ServiceAssignment[]): number {
  const used = new Set<string>();
  let cost = 0;
  assignment.forEach((a, s) => {
    cost += problem.traffic[s]![a.pool]!;
    for (const n of a.nodes) {
      const key = `${a.pool}/${n}`;
      if (!used.has(key)) {
        used.add(key);
        cost += problem.pools[a.pool]!.pool.hourlyPrice;
      }
    }
  });
  return cost;
}

/** Throws unless the assignment respects every constraint; a guard on both solvers' output. */
export function checkAssignment(problem: PlacementProblem, assignment: readonly ServiceAssignment[]): void {
  const load = new Map<string, { cpu: number; memory: number; pods: number }>();
  assignment.forEach((a, s) => {
    const service = problem.services[s]!;
    const pool = problem.pools[a.pool]!;
    const fail = (why: string) => {
      throw new PlannerError('solver-failed', `placement of ${service.name} in ${pool.pool.name}: ${why}`, {
        service: service.name,
        pool: pool.pool.name,
      });
    };
    if (!problem.allowed[s]![a.pool]) fail('pool not allowed');
    if (a.nodes.length !== service.replicas || new Set(a.nodes).size !== a.nodes.length)
      fail('replicas not spread');
    for (const n of a.nodes) {
      if (n < 0 || n >= pool.pool.nodes) fail(`node ${n} does not exist`);
      const key = `${a.pool}/${n}`;
      const l = load.get(key) ?? { cpu: 0, memory: 0, pods: 0 };
      l.cpu += service.cpu;
      l.memory += service.memory;
      l.pods += 1;
      load.set(key, l);
      if (l.cpu > pool.cpu || l.memory > pool.memory || l.pods > pool.pods) fail(`node ${n} over capacity`);
    }
  });
}
