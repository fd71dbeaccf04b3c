-- Up Migration

-- Teams own environments and blueprints; the id is a short slug users type (e.g. "payments").
CREATE TABLE teams (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,39}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id text NOT NULL REFERENCES teams (id),
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('member', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the sha256 of a token is kept; the token itself is shown once, when it is created.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_sha256 text NOT NULL UNIQUE,
  prefix text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

CREATE TABLE blueprints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id text NOT NULL REFERENCES teams (id),
  name text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, name)
);

-- The source is kept so environments can be created from it later; responses only ever show the
-- resolved form with secret values masked.
CREATE TABLE blueprint_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  blueprint_id uuid NOT NULL REFERENCES blueprints (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  file_name text NOT NULL,
  source text NOT NULL,
  scripts jsonb NOT NULL DEFAULT '{}'::jsonb,
  resolved_digest text NOT NULL,
  service_count integer NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (blueprint_id, version),
  UNIQUE (blueprint_id, resolved_digest)
);

CREATE TABLE environments (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  owner_id uuid NOT NULL REFERENCES users (id),
  blueprint_version_id uuid NOT NULL REFERENCES blueprint_versions (id),
  -- Overlays and context applied at create time, so the same resolved blueprint can be rebuilt later.
  overlays jsonb NOT NULL DEFAULT '[]'::jsonb,
  context jsonb NOT NULL DEFAULT '{}'::jsonb,
  phase text NOT NULL,
  -- Lineage: parent is the environment this one branched from, baseline the root that serves reused services.
  parent_id text REFERENCES environments (id),
  baseline_id text REFERENCES environments (id),
  ttl_seconds integer,
  expires_at timestamptz,
  urls jsonb NOT NULL DEFAULT '{}'::jsonb,
  services jsonb NOT NULL DEFAULT '[]'::jsonb,
  plan jsonb,
  cost_per_hour double precision,
  workflow_id text NOT NULL UNIQUE,
  idempotency_key text,
  request_digest text NOT NULL,
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, idempotency_key)
);
CREATE INDEX environments_team_phase ON environments (team_id, phase);
CREATE INDEX environments_owner ON environments (owner_id);

-- The audit log: who did what, to which environment. Details never hold secret values.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  team_id text REFERENCES teams (id),
  actor_id uuid REFERENCES users (id),
  actor text NOT NULL,
  action text NOT NULL,
  environment_id text REFERENCES environments (id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX events_environment ON events (environment_id, id);
CREATE INDEX events_team ON events (team_id, id);

-- Lets event streams wake up at once instead of polling.
CREATE FUNCTION notify_event() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('microstax_events', COALESCE(NEW.environment_id, ''));
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION notify_event();

CREATE TABLE snapshots (
  id text PRIMARY KEY,
  environment_id text NOT NULL REFERENCES environments (id),
  team_id text NOT NULL REFERENCES teams (id),
  created_by uuid REFERENCES users (id),
  name text NOT NULL,
  phase text NOT NULL CHECK (phase IN ('pending', 'ready', 'failed')),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (environment_id, name)
);

-- A share is a read-only credential for one environment's URLs and status; only its hash is kept.
CREATE TABLE shares (
  id text PRIMARY KEY,
  environment_id text NOT NULL REFERENCES environments (id),
  team_id text NOT NULL REFERENCES teams (id),
  created_by uuid REFERENCES users (id),
  token_sha256 text NOT NULL UNIQUE,
  note text NOT NULL DEFAULT '',
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shares_environment ON shares (environment_id);

-- Down Migration
DROP TABLE shares;
DROP TABLE snapshots;
DROP TRIGGER events_notify ON events;
DROP FUNCTION notify_event();
DROP TABLE events;
DROP TABLE environments;
DROP TABLE blueprint_versions;
DROP TABLE blueprints;
DROP TABLE api_tokens;
DROP TABLE users;
DROP TABLE teams;
