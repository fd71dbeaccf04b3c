-- Up Migration

-- What each environment cost, as intervals of one state at one hourly rate: running (billed at
-- hourly_cost) or asleep (no compute cost; hourly_cost is what it would cost awake). A new interval
-- starts whenever the state or a rate changes; the open one has no ended_at.
CREATE TABLE environment_cost_intervals (
  id bigserial PRIMARY KEY,
  environment_id text NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  team_id text NOT NULL REFERENCES teams (id),
  state text NOT NULL CHECK (state IN ('running', 'asleep')),
  hourly_cost double precision NOT NULL CHECK (hourly_cost >= 0),
  -- A branch's cost per hour had it cloned every service instead of reusing the baseline's.
  clone_all_hourly_cost double precision CHECK (clone_all_hourly_cost >= 0),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX environment_cost_intervals_open ON environment_cost_intervals (environment_id)
  WHERE ended_at IS NULL;
CREATE INDEX environment_cost_intervals_team ON environment_cost_intervals (team_id, started_at);

-- Down Migration
DROP TABLE environment_cost_intervals;
