import type { Queryable } from './database.js';

/** Where a use of an environment was seen. */
export type ActivitySource = 'gateway' | 'api';

/** Uses of one environment since the last flush. */
export interface ActivityBatchEntry {
  environmentId: string;
  /** The latest use in the batch. */
  lastUsedAt: Date;
  requests: number;
}

/**
 * Adds a batch of uses in one statement. Safe from several replicas at once: the last use only moves
 * forward (GREATEST), the counts add.
 */
export async function recordActivity(
  db: Queryable,
  params: { source: ActivitySource; entries: readonly ActivityBatchEntry[] },
): Promise<void> {
  if (params.entries.length === 0) return;
  // Sorted, so two replicas flushing overlapping batches lock rows in the same order (no deadlock).
  const entries = [...params.entries].sort((a, b) => (a.environmentId < b.environmentId ? -1 : 1));
  await db.query(
    `INSERT INTO environment_activity (environment_id, last_used_at, requests, last_source)
     SELECT id, at, n, $4 FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) AS b(id, at, n)
     ON CONFLICT (environment_id) DO UPDATE SET
       last_used_at = GREATEST(environment_activity.last_used_at, EXCLUDED.last_used_at),
       requests = environment_activity.requests + EXCLUDED.requests,
       last_source = CASE WHEN EXCLUDED.last_used_at >= environment_activity.last_used_at
                          THEN EXCLUDED.last_source ELSE environment_activity.last_source END,
       updated_at = now()`,
    [
      entries.map((e) => e.environmentId),
      entries.map((e) => e.lastUsedAt.toISOString()),
      entries.map((e) => String(e.requests)),
      params.source,
    ],
  );
}

/** What the store knows of an environment's use. */
export interface EnvironmentActivity {
  environmentId: string;
  lastUsedAt: Date;
  requests: number;
  lastSource: ActivitySource;
}

/** The recorded use of each of these environments (those never used are absent). */
export async function activityOf(
  db: Queryable,
  environmentIds: readonly string[],
): Promise<Map<string, EnvironmentActivity>> {
  const found = new Map<string, EnvironmentActivity>();
  if (environmentIds.length === 0) return found;
  const { rows } = await db.query<{
    environment_id: string;
    last_used_at: Date;
    requests: string;
    last_source: ActivitySource;
  }>(
    `SELECT environment_id, last_used_at, requests, last_source
       FROM environment_activity WHERE environment_id = ANY($1::text[])`,
    [[...new Set(environmentIds)]],
  );
  for (const row of rows) {
    found.set(row.environment_id, {
      environmentId: row.environment_id,
      lastUsedAt: row.last_used_at,
      requests: Number(row.requests),
      lastSource: row.last_source,
    });
  }
  return found;
}
