import { placeExactly } from './milp.js';
import type { PlacementProblem } from './problem.js';
import { type ExactOutcome, type HeuristicOutcome, solveHeuristically } from './solvers.js';

/**
 * The worker-thread entry of off-thread-solvers.ts (piscina calls the default export). It must stay
 * a separate file: the pool loads it by path, as .ts under tsx and as .js in dist/.
 */
export type SolverTask =
  | { kind: 'heuristic'; problem: PlacementProblem }
  | { kind: 'exact'; problem: PlacementProblem; costBound?: number; timeLimitSeconds: number };

export default async function solve(task: SolverTask): Promise<HeuristicOutcome | ExactOutcome> {
  if (task.kind === 'heuristic') return solveHeuristically(task.problem);
  const result = await placeExactly(task.problem, {
    costBound: task.costBound,
    timeLimitSeconds: task.timeLimitSeconds,
  });
  return { status: 'solved', result };
}
