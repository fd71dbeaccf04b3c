-- Up Migration

-- Pull-request environments' lifetime settings per repository: how long after a close the environment
-- sleeps before it is deleted (a reopen within it keeps it), and how long idle before it sleeps.
-- NULL: the integration's defaults (integrations/github/webhook.ts PULL_REQUEST_DEFAULTS).
ALTER TABLE github_repositories ADD COLUMN delete_after_close text, ADD COLUMN idle_after text;

-- Down Migration

ALTER TABLE github_repositories DROP COLUMN delete_after_close, DROP COLUMN idle_after;
