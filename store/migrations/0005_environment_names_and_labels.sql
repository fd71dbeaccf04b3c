-- Up Migration

-- Human-readable names (`pr-42`): DNS labels, unique per team among the environments still alive, so a
-- name comes free again once its environment is deleted (the next apply creates a new one).
ALTER TABLE environments
  ADD COLUMN name text CHECK (name ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
  -- The caller's labels (Kubernetes label syntax, checked by the API), selected with labelSelector.
  ADD COLUMN labels jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE UNIQUE INDEX environments_live_name ON environments (team_id, name)
  WHERE name IS NOT NULL AND phase NOT IN ('deleted', 'failed', 'claimed');

CREATE INDEX environments_labels ON environments USING gin (labels jsonb_path_ops);

-- Down Migration

DROP INDEX environments_labels;
DROP INDEX environments_live_name;
ALTER TABLE environments DROP COLUMN labels, DROP COLUMN name;
