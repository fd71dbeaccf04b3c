import type { Queryable } from './database.js';

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

/** Records a snapshot request; a second request with the same name returns the first (`created: false`). */
export async function insertSnapshot(
  db: Queryable,
  snapshot: { id: string; environmentId: string; teamId: string; createdBy: string | null; name: string },
): Promise<{ snapshot: SnapshotRecord; created: boolean }> {
  const inserted = await db.query<SnapshotRow>(
    `INSERT INTO snapshots (id, environment_id, team_id, created_by, name, phase)
     VALUES ($1, $2, $3, $4, $5, 'pending')
     ON CONFLICT (environment_id, name) DO NOTHING RETURNING *`,
    [snapshot.id, snapshot.environmentId, snapshot.teamId, snapshot.createdBy, snapshot.name],
  );
  if (inserted.rows[0]) return { snapshot: toSnapshot(inserted.rows[0]), created: true };
  const { rows } = await db.query<SnapshotRow>(
    'SELECT * FROM snapshots WHERE environment_id = $1 AND name = $2',
    [snapshot.environmentId, snapshot.name],
  );
  return { snapshot: toSnapshot(rows[0]!), created: false };
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
