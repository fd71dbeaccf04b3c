-- Up Migration

-- The API caches share token -> share principal like API tokens (listening-cache.ts). Any change that
-- could make a cached share wrong (revoked, expiry moved, token or environment changed, deleted) sends a
-- notification on this channel, whoever makes it, and every API instance listening drops its share
-- cache. INSERTs need none: misses are never cached.
CREATE FUNCTION notify_share_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('microstax_share_changes', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER shares_change
  AFTER UPDATE OF environment_id, team_id, token_sha256, expires_at, revoked_at OR DELETE OR TRUNCATE ON shares
  FOR EACH STATEMENT EXECUTE FUNCTION notify_share_change();

-- Deleting an environment looks for live branches below it (a recursive walk down parent_id).
CREATE INDEX environments_parent ON environments (parent_id) WHERE parent_id IS NOT NULL;

-- Down Migration

DROP INDEX environments_parent;
DROP TRIGGER shares_change ON shares;
DROP FUNCTION notify_share_change();
