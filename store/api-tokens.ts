import type { Queryable } from './database.js';
import { generateSecretToken, hashSecretToken } from './secret-tokens.js';
import type { UserRole } from './users.js';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  /** The first characters of the token, enough to tell tokens apart in a list. */
  prefix: string;
  description: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Who a valid API token speaks for. */
export interface TokenPrincipal {
  tokenId: string;
  userId: string;
  userName: string;
  teamId: string;
  role: UserRole;
}

interface ApiTokenRow {
  id: string;
  user_id: string;
  prefix: string;
  description: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = 'id, user_id, prefix, description, created_at, expires_at, revoked_at, last_used_at';

const toToken = (row: ApiTokenRow): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  prefix: row.prefix,
  description: row.description,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

/** Issues a token for a user. The clear token is returned here once and never stored. */
export async function createApiToken(
  db: Queryable,
  params: { userId: string; description?: string; expiresAt?: Date | null },
): Promise<{ token: string; record: ApiTokenRecord }> {
  const token = generateSecretToken('api');
  const { rows } = await db.query<ApiTokenRow>(
    `INSERT INTO api_tokens (user_id, token_sha256, prefix, description, expires_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [
      params.userId,
      hashSecretToken(token),
      token.slice(0, 8),
      params.description ?? '',
      params.expiresAt ?? null,
    ],
  );
  return { token, record: toToken(rows[0]!) };
}

/**
 * The Postgres NOTIFY channel a trigger (migration 0002) signals on whenever a token or user changes in
 * a way that could make a cached principal wrong; API instances listen to it to empty their cache.
 */
export const PRINCIPAL_CHANGES_CHANNEL = 'microstax_principal_changes';

/** The principal of a live (unrevoked, unexpired) token, or null. */
export async function findPrincipalByToken(db: Queryable, token: string): Promise<TokenPrincipal | null> {
  return (await findPrincipalByTokenHash(db, hashSecretToken(token)))?.principal ?? null;
}

/** A credential's row (a token's or a session's) joined with its user, as both lookups read it. */
export interface CredentialRow<Expiry> {
  id: string;
  user_id: string;
  name: string;
  team_id: string;
  role: UserRole;
  expires_at: Expiry;
}

/** The principal a credential row speaks for, with the credential's expiry; null when there is no row. */
export function principalFromRow<Expiry>(
  row: CredentialRow<Expiry> | undefined,
): { principal: TokenPrincipal; expiresAt: Expiry } | null {
  if (!row) return null;
  return {
    principal: {
      tokenId: row.id,
      userId: row.user_id,
      userName: row.name,
      teamId: row.team_id,
      role: row.role,
    },
    expiresAt: row.expires_at,
  };
}

/**
 * The principal of a live token given its sha256, with the token's expiry (so a cache never keeps it
 * past that), or null.
 */
export async function findPrincipalByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<{ principal: TokenPrincipal; expiresAt: Date | null } | null> {
  const { rows } = await db.query<CredentialRow<Date | null>>({
    // A named (prepared) statement: this runs on every uncached API call, so Postgres plans it once per connection.
    name: 'find-principal-by-token',
    text: `SELECT t.id, t.user_id, u.name, u.team_id, u.role, t.expires_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    values: [tokenHash],
  });
  return principalFromRow(rows[0]);
}

/** Tokens of one user, newest first (hashes are never read back). */
export async function listApiTokens(db: Queryable, userId: string): Promise<ApiTokenRecord[]> {
  const { rows } = await db.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC`,
    [userId],
  );
  return rows.map(toToken);
}

/** Revokes a token; returns false when no live token has that id. */
export async function revokeApiToken(db: Queryable, tokenId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [tokenId],
  );
  return (rowCount ?? 0) > 0;
}

/** One token by id (live or not), or null. */
export async function findApiToken(db: Queryable, tokenId: string): Promise<ApiTokenRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return null;
  const { rows } = await db.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [tokenId]);
  return rows[0] ? toToken(rows[0]) : null;
}
