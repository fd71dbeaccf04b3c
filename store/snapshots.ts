import type pg from 'pg';
import { type Queryable, withTransaction } from './database.js';

export type SnapshotPhase = 'pending' | 'ready' | 'failed';

export interface SnapshotRecord {
  id: string;
  environmentId: string;
  teamId: string;
  createdBy: string | null;
  name: string;
  phase: SnapshotPhase;
  details: Record<string, unknown>;
  createdAt: Date;
}

interface SnapshotRow {
  id: string;
  environment_id: string;
  team_id: string;
  created_by: string | null;
  name: string;
  phase: SnapshotPhase;
  details: Record<string, unknown>;
  created_at: Date;
}

const toSnapshot = (row: SnapshotRow): SnapshotRecord => ({
  id: row.id,
  environmentId: row.environment_id,
  teamId: row.team_id,
  createdBy: row.created_by,
  name: row.name,
  phase: row.phase,
  details: row.details,
  createdAt: row.created_at,
});

/**
 * Records a snapshot request; a second request with the same name returns the first (`created: false`),
 * and a new one beyond `maxPerEnvironment` is not recorded (`capReached`). Serialised per environment
 * (an advisory lock), so concurrent requests cannot exceed the cap.
 */
export async function insertSnapshot(
  pool: pg.Pool,
  snapshot: {
    id: string;
    environmentId: string;
    teamId: string;
    createdBy: string | null;
    name: string;
    maxPerEnvironment: number;
  },
): Promise<{ snapshot: SnapshotRecord; created: boolean } | { capReached: true; count: number }> {
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('snapshots:' || $1, 0))", [
      snapshot.environmentId,
    ]);
    const existing = await client.query<SnapshotRow>(
      'SELECT * FROM snapshots WHERE environment_id = $1 AND name = $2',
      [snapshot.environmentId, snapshot.name],
    );
    if (existing.rows[0]) return { snapshot: toSnapshot(existing.rows[0]), created: false };
    const { rows: counted } = await client.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM snapshots WHERE environment_id = $1',
      [snapshot.environmentId],
    );
    const count = counted[0]!.count;
    if (count >= snapshot.maxPerEnvironment) return { capReached: true as const, count };
    const inserted = await client.query<SnapshotRow>(
      `INSERT INTO snapshots (id, environment_id, team_id, created_by, name, phase)
       VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING *`,
      [snapshot.id, snapshot.environmentId, snapshot.teamId, snapshot.createdBy, snapshot.name],
    );
    return { snapshot: toSnapshot(inserted.rows[0]!), created: true };
  });
}

/** Removes a snapshot's row; false when it was already gone. */
export async function deleteSnapshot(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM snapshots WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

/** One snapshot of an environment, by id or name; null when absent. */
export async function findSnapshot(
  db: Queryable,
  params: { environmentId: string; idOrName: string },
): Promise<SnapshotRecord | null> {
  const { rows } = await db.query<SnapshotRow>(
    'SELECT * FROM snapshots WHERE environment_id = $1 AND (id = $2 OR name = $2)',
    [params.environmentId, params.idOrName],
  );
  return rows[0] ? toSnapshot(rows[0]) : null;
}

/**
 * A snapshot of any environment of a team, by id or by name (the newest of that name); null when the
 * team has none: another team's snapshot is as absent as a missing one.
 */
export async function findTeamSnapshot(
  db: Queryable,
  params: { teamId: string; idOrName: string },
): Promise<SnapshotRecord | null> {
  const { rows } = await db.query<SnapshotRow>(
    `SELECT * FROM snapshots WHERE team_id = $1 AND (id = $2 OR name = $2)
     ORDER BY (id = $2) DESC, created_at DESC, id LIMIT 1`,
    [params.teamId, params.idOrName],
  );
  return rows[0] ? toSnapshot(rows[0]) : null;
}

/** Snapshots of an environment, newest first. */
export async function listSnapshots(db: Queryable, environmentId: string): Promise<SnapshotRecord[]> {
  const { rows } = await db.query<SnapshotRow>(
    'SELECT * FROM snapshots WHERE environment_id = $1 ORDER BY created_at DESC, id',
    [environmentId],
  );
  return rows.map(toSnapshot);
}

/** Mirrors a snapshot's progress from its workflow. */
export async function updateSnapshot(
  db: Queryable,
  params: { id: string; phase: SnapshotPhase; details?: Record<string, unknown> },
): Promise<void> {
  await db.query('UPDATE snapshots SET phase = $2, details = COALESCE($3::jsonb, details) WHERE id = $1', [
    params.id,
    params.phase,
    params.details ? JSON.stringify(params.details) : null,
  ]);
}
