-- Up Migration

-- A browser sign-in in progress (OpenID Connect authorization code + PKCE): the state travels in a
-- short-lived cookie, only its sha256 is kept here with the nonce and the PKCE verifier. A row is
-- used once (deleted by the callback) and is worthless after expires_at.
CREATE TABLE auth_logins (
  state_sha256 text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- A signed-in browser: the cookie holds a random id, only its sha256 is kept.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id_sha256 text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- A signed-out session leaves every API instance's principal cache at once (as a revoked token does).
CREATE TRIGGER sessions_principal_change
  AFTER UPDATE OF revoked_at, expires_at OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principal_change();

-- Down Migration

DROP TRIGGER sessions_principal_change ON sessions;
DROP TABLE sessions;
DROP TABLE auth_logins;
