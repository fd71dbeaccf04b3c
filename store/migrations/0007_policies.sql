-- Up Migration

-- Team admins manage their own team's policy; admins (company admins) every team's and the company's.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('member', 'team-admin', 'admin'));

-- Policies are versioned: a change inserts the next version, nothing is updated in place, so the history
-- says who set what, when. The current policy of a scope is its highest version. The company's has no team.
CREATE TABLE policy_versions (
  id bigserial PRIMARY KEY,
  layer text NOT NULL CHECK (layer IN ('company', 'team')),
  team_id text REFERENCES teams (id),
  version integer NOT NULL CHECK (version > 0),
  document jsonb NOT NULL,
  changed_by uuid REFERENCES users (id),
  changed_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((layer = 'company') = (team_id IS NULL))
);
CREATE UNIQUE INDEX policy_versions_scope_version ON policy_versions (layer, (COALESCE(team_id, '')), version);

-- What each environment asks of the cluster (requests x replicas, volumes), so a team's total is one sum.
-- Floating point: a blueprint may write quantities far beyond bigint (1000Ei), which must refuse, not overflow.
CREATE TABLE environment_resources (
  environment_id text PRIMARY KEY REFERENCES environments (id) ON DELETE CASCADE,
  cpu_millicores double precision NOT NULL CHECK (cpu_millicores >= 0),
  memory_bytes double precision NOT NULL CHECK (memory_bytes >= 0),
  storage_bytes double precision NOT NULL CHECK (storage_bytes >= 0)
);
CREATE INDEX environments_owner_phase ON environments (owner_id, phase);

-- Down Migration

DROP INDEX environments_owner_phase;
DROP TABLE environment_resources;
DROP TABLE policy_versions;
UPDATE users SET role = 'member' WHERE role = 'team-admin';
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('member', 'admin'));
