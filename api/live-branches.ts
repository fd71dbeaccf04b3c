import type { Queryable } from '../store/database.js';
import { type DescendantBranch, listLiveDescendants } from '../store/environment-lineage.js';
import { TERMINAL_PHASES } from '../workflows/contracts.js';
import { ApiError, ErrorCode } from './errors.js';

/**
 * Branches reach the services they reuse in their baseline's namespace directly, so a baseline that
 * goes away (or to sleep) cuts them off. These guard the routes that would do that.
 */

/** Every live branch below the environment, deepest first (the order to tear them down in). */
export function liveBranchesBelow(db: Queryable, environmentId: string): Promise<DescendantBranch[]> {
  return listLiveDescendants(db, { environmentId, finishedPhases: TERMINAL_PHASES });
}

/** Refuses with 409 `has_branches` while branches that are not already going away depend on it. */
export function assertNoBlockingBranches(params: {
  environmentId: string;
  branches: readonly DescendantBranch[];
  /** What the caller asked, e.g. "delete it". */
  action: string;
  /** What to do instead. */
  fix: string;
}): void {
  // Branches already tearing down do not hold their parent back.
  const blocking = params.branches.filter((b) => b.phase !== 'tearing-down').map((b) => b.id);
  if (blocking.length === 0) return;
  throw new ApiError({
    statusCode: 409,
    code: ErrorCode.HasBranches,
    message:
      `cannot ${params.action}: environment ${params.environmentId} has live branches that reuse its services: ` +
      `${blocking.join(', ')}; ${params.fix}`,
    details: { branches: blocking },
  });
}
