import { naiveCost, placeHeuristically } from './heuristic.js';
import { type MilpResult, placeExactly } from './milp.js';
import type { PlacementProblem, ServiceAssignment } from './problem.js';

/**
 * The two solvers behind one interface, so a caller chooses where they run: in this thread (the CLI,
 * tests) or in a worker thread with time and memory limits (the API: off-thread-solvers.ts).
 */

export interface HeuristicOutcome {
  /** Undefined when the heuristic finds no assignment that fits. */
  assignment?: ServiceAssignment[];
  /** Everything on the cheapest on-demand pool, for comparison; NaN when no pool holds every replica. */
  naiveCost: number;
}

/** The exact solver either answered (undefined: no solution) or gave up on a limit, saying which. */
export type ExactOutcome =
  | { status: 'solved'; result: MilpResult | undefined }
  | { status: 'gave-up'; reason: string };

export interface PlacementSolvers {
  heuristic(problem: PlacementProblem): Promise<HeuristicOutcome>;
  exact(problem: PlacementProblem, options: { costBound?: number }): Promise<ExactOutcome>;
}

/** The heuristic and the naive comparison, as one unit of work. */
export function solveHeuristically(problem: PlacementProblem): HeuristicOutcome {
  return { assignment: placeHeuristically(problem), naiveCost: naiveCost(problem) };
}

/** Both solvers in the calling thread: fine for a CLI, blocking for a server. */
export const inProcessSolvers: PlacementSolvers = {
  heuristic: async (problem) => solveHeuristically(problem),
  exact: async (problem, options) => ({
    status: 'solved',
    result: await placeExactly(problem, { costBound: options.costBound }),
  }),
};
