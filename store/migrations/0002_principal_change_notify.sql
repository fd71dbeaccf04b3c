-- Up Migration

-- The API keeps a short-lived in-process cache of token -> principal. Any change that could make a
-- cached principal wrong (a token revoked, expired early, deleted; a user moved, re-roled, deleted)
-- sends a notification on this channel, whoever makes it (the API, the CLI, psql, another replica),
-- and every API instance listening drops its cache. INSERTs need none: misses are never cached.
CREATE FUNCTION notify_principal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('microstax_principal_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER api_tokens_principal_change
  AFTER UPDATE OF user_id, token_sha256, expires_at, revoked_at OR DELETE OR TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principal_change();

CREATE TRIGGER users_principal_change
  AFTER UPDATE OF team_id, name, role OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_principal_change();

-- Down Migration

DROP TRIGGER users_principal_change ON users;
DROP TRIGGER api_tokens_principal_change ON api_tokens;
DROP FUNCTION notify_principal_change();
