-- Up Migration

-- The API serves status reads from a short-lived in-process copy of environment rows. Every change to
-- a row (the status mirror, a teardown, an extend, psql) names the environment on this channel, and
-- every API instance listening drops its copy. INSERTs need none: misses are never cached.
CREATE FUNCTION notify_environment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('microstax_environment_changes', OLD.id);
  RETURN NULL;
END;
$$;

-- An empty payload means "everything".
CREATE FUNCTION notify_environments_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('microstax_environment_changes', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER environments_change
  AFTER UPDATE OR DELETE ON environments
  FOR EACH ROW EXECUTE FUNCTION notify_environment_change();

CREATE TRIGGER environments_truncate
  AFTER TRUNCATE ON environments
  FOR EACH STATEMENT EXECUTE FUNCTION notify_environments_truncated();

-- Down Migration

DROP TRIGGER environments_truncate ON environments;
DROP TRIGGER environments_change ON environments;
DROP FUNCTION notify_environments_truncated();
DROP FUNCTION notify_environment_change();
