import type { Queryable } from './database.js';
import { generateSecretToken, hashSecretToken } from './secret-tokens.js';

export interface ShareRecord {
  id: string;
  environmentId: string;
  teamId: string;
  createdBy: string | null;
  note: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

interface ShareRow {
  id: string;
  environment_id: string;
  team_id: string;
  created_by: string | null;
  note: string;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, environment_id, team_id, created_by, note, expires_at, revoked_at, created_at';

const toShare = (row: ShareRow): ShareRecord => ({
  id: row.id,
  environmentId: row.environment_id,
  teamId: row.team_id,
  createdBy: row.created_by,
  note: row.note,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
});

/** Creates a share. The clear share token is returned here once; only its hash is stored. */
export async function createShare(
  db: Queryable,
  share: {
    id: string;
    environmentId: string;
    teamId: string;
    createdBy: string | null;
    note: string;
    expiresAt: Date;
  },
): Promise<{ token: string; share: ShareRecord }> {
  const token = generateSecretToken('share');
  const { rows } = await db.query<ShareRow>(
    `INSERT INTO shares (id, environment_id, team_id, created_by, token_sha256, note, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [
      share.id,
      share.environmentId,
      share.teamId,
      share.createdBy,
      hashSecretToken(token),
      share.note,
      share.expiresAt,
    ],
  );
  return { token, share: toShare(rows[0]!) };
}

/**
 * The Postgres NOTIFY channel a trigger (migration 0004) signals on whenever a share is revoked, its expiry
 * or token changes, or it is deleted; API instances listen to it to empty their share cache.
 */
export const SHARE_CHANGES_CHANNEL = 'microstax_share_changes';

/** The live share (not revoked, not expired) a token grants, or null. */
export async function findLiveShareByToken(db: Queryable, token: string): Promise<ShareRecord | null> {
  return findLiveShareByTokenHash(db, hashSecretToken(token));
}

/** The live share (not revoked, not expired) whose token has this sha256, or null. */
export async function findLiveShareByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<ShareRecord | null> {
  const { rows } = await db.query<ShareRow>({
    // Prepared once per connection: every uncached share-token call runs it.
    name: 'find-live-share-by-token',
    text: `SELECT ${COLUMNS} FROM shares WHERE token_sha256 = $1 AND revoked_at IS NULL AND expires_at > now()`,
    values: [tokenHash],
  });
  return rows[0] ? toShare(rows[0]) : null;
}

/** Shares of one environment, newest first, including expired and revoked ones. */
export async function listShares(db: Queryable, environmentId: string): Promise<ShareRecord[]> {
  const { rows } = await db.query<ShareRow>(
    `SELECT ${COLUMNS} FROM shares WHERE environment_id = $1 ORDER BY created_at DESC, id`,
    [environmentId],
  );
  return rows.map(toShare);
}

/** Revokes a share of an environment. Returns the share, or null when that environment has no such share. */
export async function revokeShare(
  db: Queryable,
  params: { environmentId: string; shareId: string },
): Promise<ShareRecord | null> {
  const { rows } = await db.query<ShareRow>(
    `UPDATE shares SET revoked_at = COALESCE(revoked_at, now())
      WHERE environment_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [params.environmentId, params.shareId],
  );
  return rows[0] ? toShare(rows[0]) : null;
}
