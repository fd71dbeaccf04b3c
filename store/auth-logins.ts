import type { Queryable } from './database.js';
import { hashSecretToken } from './secret-tokens.js';

/**
 * Browser sign-ins in progress (migration 0011): the state is the key (only its sha256 is kept), the
 * nonce and PKCE verifier wait here until the callback takes them, once.
 */
export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Records a sign-in that has been sent to the provider. */
export async function savePendingLogin(
  db: Queryable,
  params: PendingLogin & { state: string; expiresAt: Date },
): Promise<void> {
  // Old, never-finished sign-ins go as new ones come (no sweeper needed).
  await db.query('DELETE FROM auth_logins WHERE expires_at < now()');
  await db.query(
    `INSERT INTO auth_logins (state_sha256, nonce, code_verifier, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashSecretToken(params.state), params.nonce, params.codeVerifier, params.returnTo, params.expiresAt],
  );
}

/** Takes (deletes and returns) the live sign-in of this state, or null: a state works once. */
export async function takePendingLogin(db: Queryable, state: string): Promise<PendingLogin | null> {
  const { rows } = await db.query<{ nonce: string; code_verifier: string; return_to: string }>(
    `DELETE FROM auth_logins WHERE state_sha256 = $1 AND expires_at > now()
     RETURNING nonce, code_verifier, return_to`,
    [hashSecretToken(state)],
  );
  const row = rows[0];
  return row ? { nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to } : null;
}
