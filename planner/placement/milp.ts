import { PlannerError } from '../errors.js';
import { loadHighsSolver } from './highs-solver.js';
import type { PlacementProblem, ServiceAssignment } from './problem.js';

/**
 * The exact placement: a mixed-integer model solved by HiGHS.
 *   y[s,p]   service s runs in pool p            sum_p y[s,p] = 1
 *   x[s,p,n] one replica of s on node n of p     sum_n x[s,p,n] = replicas(s) * y[s,p]  (spread: x is 0/1)
 *   u[p,n]   node n of pool p is used (paid)     per node: sum_s req(s) * x[s,p,n] <= capacity(p) * u[p,n]
 *   minimise sum price(p) * u[p,n] + sum traffic(s,p) * y[s,p]
 * Node slots per pool are capped at what the services could ever use, and u[p,n] >= u[p,n+1]
 * removes symmetric solutions. The search is bounded by a node count (deterministic), with a time
 * limit only as a safety net.
 */

export interface MilpResult {
  assignment: ServiceAssignment[];
  /** True when HiGHS proved the assignment optimal. */
  optimal: boolean;
}

/** Model size (replica-slot variables) up to which the exact solver is used by default. */
export const MILP_MAX_SLOT_VARIABLES = 3000;

/**
 * Largest model solved even when the exact solver is asked for (`solver: milp`): beyond it HiGHS only
 * burns its time limit, and the model text alone grows past a solver thread's memory.
 */
export const MILP_FORCED_MAX_SLOT_VARIABLES = 30_000;

/**
 * Node slots per pool in the model: no pool needs more nodes than the replicas that may run there,
 * and, given a known solution's cost, no better solution pays for more nodes of a pool than that
 * cost buys. The bound keeps the model small without cutting off the optimum.
 */
function slotsPerPool(problem: PlacementProblem, costBound?: number): number[] {
  return problem.pools.map((pool, p) => {
    const replicas = problem.services.reduce(
      (sum, s, i) => sum + (problem.allowed[i]![p] ? s.replicas : 0),
      0,
    );
    const price = pool.pool.hourlyPrice;
    const affordable =
      costBound === undefined || price <= 0 ? Number.POSITIVE_INFINITY : Math.floor(costBound / price + 1e-9);
    return Math.min(pool.pool.nodes, replicas, affordable);
  });
}

/** Number of x[s,p,n] variables the model would have: the measure of its size. */
export function milpSize(problem: PlacementProblem, costBound?: number): number {
  const slots = slotsPerPool(problem, costBound);
  return problem.services.reduce(
    (sum, _, s) => sum + slots.reduce((acc, n, p) => acc + (problem.allowed[s]![p] ? n : 0), 0),
    0,
  );
}

const num = (value: number): string => {
  // LP format wants plain decimals; keep enough digits for prices and MiB.
  const text = Number(value.toPrecision(12)).toString();
  return text.includes('e') ? value.toFixed(12) : text;
};

/** Writes the model in CPLEX LP format, one term per line so no line grows too long. */
export function placementModel(problem: PlacementProblem, costBound?: number): string {
  const slots = slotsPerPool(problem, costBound);
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const row = (name: string, terms: string[], rhs: string) => {
    rows.push(` ${name}: ${terms.join('\n   ')} ${rhs}`);
  };

  problem.pools.forEach((pool, p) => {
    for (let n = 0; n < slots[p]!; n++) {
      binaries.push(`u_${p}_${n}`);
      objective.push(`+ ${num(pool.pool.hourlyPrice)} u_${p}_${n}`);
      if (n > 0) row(`order_${p}_${n}`, [`u_${p}_${n}`, `- u_${p}_${n - 1}`], '<= 0');
    }
  });
  problem.services.forEach((service, s) => {
    const choose: string[] = [];
    problem.pools.forEach((_, p) => {
      if (!problem.allowed[s]![p]) return;
      binaries.push(`y_${s}_${p}`);
      choose.push(`+ y_${s}_${p}`);
      const traffic = problem.traffic[s]![p]!;
      if (traffic > 0) objective.push(`+ ${num(traffic)} y_${s}_${p}`);
      const replicas: string[] = [];
      for (let n = 0; n < slots[p]!; n++) {
        binaries.push(`x_${s}_${p}_${n}`);
        replicas.push(`+ x_${s}_${p}_${n}`);
      }
      row(`replicas_${s}_${p}`, [...replicas, `- ${service.replicas} y_${s}_${p}`], '= 0');
    });
    row(`one_pool_${s}`, choose, '= 1');
  });
  problem.pools.forEach((pool, p) => {
    for (let n = 0; n < slots[p]!; n++) {
      const cpu: string[] = [];
      const memory: string[] = [];
      const pods: string[] = [];
      problem.services.forEach((service, s) => {
        if (!problem.allowed[s]![p]) return;
        cpu.push(`+ ${num(service.cpu)} x_${s}_${p}_${n}`);
        memory.push(`+ ${num(service.memory / 2 ** 20)} x_${s}_${p}_${n}`);
        pods.push(`+ x_${s}_${p}_${n}`);
      });
      if (cpu.length === 0) continue;
      row(`cpu_${p}_${n}`, [...cpu, `- ${num(pool.cpu)} u_${p}_${n}`], '<= 0');
      row(`mem_${p}_${n}`, [...memory, `- ${num(pool.memory / 2 ** 20)} u_${p}_${n}`], '<= 0');
      row(`pods_${p}_${n}`, [...pods, `- ${pool.pods} u_${p}_${n}`], '<= 0');
    }
  });
  if (objective.length === 0) objective.push('0 u_0_0');
  return [
    'Minimize',
    ` cost: ${objective.join('\n   ')}`,
    'Subject To',
    ...rows,
    'Binaries',
    ...binaries.map((b) => ` ${b}`),
    'End',
    '',
  ].join('\n');
}

/**
 * Solves the placement exactly (or as far as the node limit allows); undefined when infeasible.
 * `costBound`, the cost of a known feasible solution, shrinks the model and keeps it feasible.
 */
export async function placeExactly(
  problem: PlacementProblem,
  limits: { maxSearchNodes?: number; timeLimitSeconds?: number; costBound?: number } = {},
): Promise<MilpResult | undefined> {
  const highs = await loadHighsSolver();
  const model = placementModel(problem, limits.costBound);
  const result = highs.solve(model, {
    output_flag: false,
    mip_max_nodes: limits.maxSearchNodes ?? 50_000,
    time_limit: limits.timeLimitSeconds ?? 10,
    mip_rel_gap: 1e-9,
    random_seed: 0,
  });
  if (result.Status === 'Infeasible') return undefined;
  const hasSolution =
    result.Status === 'Optimal' ||
    ((result.Status === 'Time limit reached' || result.Status === 'Unknown') &&
      Number.isFinite(result.ObjectiveValue));
  if (!hasSolution) {
    if (result.Status === 'Time limit reached') return undefined;
    throw new PlannerError('solver-failed', `HiGHS ended with status "${result.Status}"`, {
      status: result.Status,
    });
  }
  const value = (name: string): number =>
    (result.Columns[name] as { Primal?: number } | undefined)?.Primal ?? 0;
  const slots = slotsPerPool(problem, limits.costBound);
  const assignment = problem.services.map((_, s) => {
    const pool = problem.pools.findIndex((__, p) => problem.allowed[s]![p] && value(`y_${s}_${p}`) > 0.5);
    const nodes: number[] = [];
    for (let n = 0; n < (slots[pool] ?? 0); n++) if (value(`x_${s}_${pool}_${n}`) > 0.5) nodes.push(n);
    return { pool, nodes };
  });
  return { assignment, optimal: result.Status === 'Optimal' };
}
