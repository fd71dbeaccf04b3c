import { randomBytes } from 'node:crypto';
import { type CredentialRow, principalFromRow, type TokenPrincipal } from './api-tokens.js';
import type { Queryable } from './database.js';
import { hashSecretToken } from './secret-tokens.js';

/**
 * Browser sessions (migration 0011): the cookie carries a random id, the database only its sha256.
 * A session speaks for its user exactly as an API token does.
 */

/** Makes a session for a user; the clear id goes into the cookie and is never stored. */
export async function createSession(
  db: Queryable,
  params: { userId: string; expiresAt: Date },
): Promise<{ sessionId: string; cookieValue: string }> {
  const cookieValue = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO sessions (id_sha256, user_id, expires_at) VALUES ($1, $2, $3) RETURNING id',
    [hashSecretToken(cookieValue), params.userId, params.expiresAt],
  );
  return { sessionId: rows[0]!.id, cookieValue };
}

/** The principal of a live session given the sha256 of its cookie value, with its expiry, or null. */
export async function findPrincipalBySessionHash(
  db: Queryable,
  idHash: string,
): Promise<{ principal: TokenPrincipal; expiresAt: Date } | null> {
  const { rows } = await db.query<CredentialRow<Date>>({
    name: 'find-principal-by-session',
    text: `SELECT s.id, s.user_id, u.name, u.team_id, u.role, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_sha256 = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    values: [idHash],
  });
  return principalFromRow(rows[0]);
}

/** Ends a session (sign-out); false when it was not live. */
export async function revokeSession(db: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [sessionId],
  );
  return (rowCount ?? 0) > 0;
}

/** How many sessions a user has (live or not): for tests that check none was made. */
export async function countSessions(db: Queryable, userName: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    'SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = $1',
    [userName],
  );
  return Number(rows[0]!.count);
}
