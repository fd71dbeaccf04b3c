import type { Queryable } from './database.js';

/** A branch somewhere below an environment; `depth` 1 is a direct branch, 2 a branch of one, ... */
export interface DescendantBranch {
  id: string;
  phase: string;
  depth: number;
}

/**
 * Nesting is capped well below this (MAX_BRANCH_DEPTH in the API); the bound only keeps a corrupted
 * parent chain (a cycle written by hand) from recursing forever.
 */
const WALK_LIMIT = 32;

/**
 * Every branch below `environmentId` (children, their children, ...) whose phase is not one of
 * `finishedPhases`, deepest first: the order to tear them down in. The walk passes through finished
 * branches, so a live grandchild of a deleted child is still found.
 */
export async function listLiveDescendants(
  db: Queryable,
  params: { environmentId: string; finishedPhases: readonly string[] },
): Promise<DescendantBranch[]> {
  const { rows } = await db.query<DescendantBranch>(
    `WITH RECURSIVE tree (id, phase, depth) AS (
       SELECT id, phase, 1 FROM environments WHERE parent_id = $1
       UNION ALL
       SELECT e.id, e.phase, t.depth + 1 FROM environments e JOIN tree t ON e.parent_id = t.id
        WHERE t.depth < $3
     )
     SELECT id, phase, depth FROM tree WHERE NOT (phase = ANY($2)) ORDER BY depth DESC, id`,
    [params.environmentId, params.finishedPhases, WALK_LIMIT],
  );
  return rows;
}
