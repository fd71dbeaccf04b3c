-- Up Migration

-- Traffic diff runs (workflows/traffic-diff.ts), kept after their workflow is gone: the API writes the
-- row when it starts the run, the workflow's last activity writes the outcome. The report is the
-- workflow's result (diff/diff-report.ts): values that look like credentials are already masked.
CREATE TABLE diff_runs (
  id uuid PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  branch_id text NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  baseline_id text NOT NULL,
  -- Where the requests came from: the baseline's captured traffic or the caller's request set.
  source text NOT NULL CHECK (source IN ('captured', 'request-set')),
  requests integer NOT NULL CHECK (requests >= 0),
  started_by uuid REFERENCES users (id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'completed', 'failed')),
  verdict text CHECK (verdict IN ('no-differences', 'differences', 'incomplete')),
  compared integer,
  equal integer,
  differing integer,
  failed integer,
  skipped integer,
  -- Why a failed run failed.
  message text,
  report jsonb,
  CHECK ((state = 'running') = (finished_at IS NULL))
);
CREATE INDEX diff_runs_branch ON diff_runs (branch_id, started_at DESC);

-- Down Migration
DROP TABLE diff_runs;
