import type { Queryable } from './database.js';

/** A repository whose pull requests get environments. The sealed secret stays in the store layer's callers. */
export interface GitHubRepositoryRecord {
  fullName: string;
  teamId: string;
  blueprintName: string;
  images: Record<string, string>;
  branchOf: string | null;
  ttl: string | null;
  /** How long a closed pull request's environment sleeps before it is deleted (null: the default). */
  deleteAfterClose: string | null;
  /** Sleep after this long without requests (null: the default). */
  idleAfter: string | null;
  webhookSecretSealed: string;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  full_name: string;
  team_id: string;
  blueprint_name: string;
  images: Record<string, string>;
  branch_of: string | null;
  ttl: string | null;
  delete_after_close: string | null;
  idle_after: string | null;
  webhook_secret_sealed: string;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: Row): GitHubRepositoryRecord => ({
  fullName: row.full_name,
  teamId: row.team_id,
  blueprintName: row.blueprint_name,
  images: row.images,
  branchOf: row.branch_of,
  ttl: row.ttl,
  deleteAfterClose: row.delete_after_close,
  idleAfter: row.idle_after,
  webhookSecretSealed: row.webhook_secret_sealed,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS =
  'full_name, team_id, blueprint_name, images, branch_of, ttl, delete_after_close, idle_after, webhook_secret_sealed, created_at, updated_at';

/** Creates or replaces a repository's settings. Repository names are matched case-insensitively, as GitHub does. */
export async function upsertGitHubRepository(
  db: Queryable,
  repo: Omit<GitHubRepositoryRecord, 'createdAt' | 'updatedAt'>,
): Promise<GitHubRepositoryRecord> {
  const { rows } = await db.query<Row>(
    `INSERT INTO github_repositories
       (full_name, team_id, blueprint_name, images, branch_of, ttl, webhook_secret_sealed, delete_after_close, idle_after)
     VALUES (lower($1), $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (full_name) DO UPDATE SET team_id = EXCLUDED.team_id, blueprint_name = EXCLUDED.blueprint_name,
       images = EXCLUDED.images, branch_of = EXCLUDED.branch_of, ttl = EXCLUDED.ttl,
       delete_after_close = EXCLUDED.delete_after_close, idle_after = EXCLUDED.idle_after,
       webhook_secret_sealed = EXCLUDED.webhook_secret_sealed, updated_at = now()
     RETURNING ${COLUMNS}`,
    [
      repo.fullName,
      repo.teamId,
      repo.blueprintName,
      JSON.stringify(repo.images),
      repo.branchOf,
      repo.ttl,
      repo.webhookSecretSealed,
      repo.deleteAfterClose,
      repo.idleAfter,
    ],
  );
  return toRecord(rows[0]!);
}

export async function getGitHubRepository(
  db: Queryable,
  fullName: string,
): Promise<GitHubRepositoryRecord | null> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM github_repositories WHERE full_name = lower($1)`,
    [fullName],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listGitHubRepositories(db: Queryable): Promise<GitHubRepositoryRecord[]> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM github_repositories ORDER BY full_name`);
  return rows.map(toRecord);
}

/** True when it existed. */
export async function deleteGitHubRepository(db: Queryable, fullName: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM github_repositories WHERE full_name = lower($1)', [
    fullName,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Records a delivery; false when it was already recorded (a redelivery: ignore it). */
export async function recordGitHubDelivery(
  db: Queryable,
  delivery: { deliveryId: string; fullName: string; event: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO github_deliveries (delivery_id, full_name, event) VALUES ($1, lower($2), $3)
     ON CONFLICT (delivery_id) DO NOTHING`,
    [delivery.deliveryId, delivery.fullName, delivery.event],
  );
  return (rowCount ?? 0) > 0;
}

/** Forgets a delivery whose hand-off failed, so GitHub's redelivery of it is acted on. */
export async function forgetGitHubDelivery(db: Queryable, deliveryId: string): Promise<void> {
  await db.query('DELETE FROM github_deliveries WHERE delivery_id = $1', [deliveryId]);
}

/** Drops delivery ids older than `days` (GitHub redelivers within days, not months). */
export async function pruneGitHubDeliveries(db: Queryable, days: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM github_deliveries WHERE received_at < now() - make_interval(days => $1)`,
    [days],
  );
  return rowCount ?? 0;
}
