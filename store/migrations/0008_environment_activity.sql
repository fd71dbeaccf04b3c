-- Up Migration

-- When an environment was last used, from real use: requests through the gateway and API calls on it.
-- Written in batches (one upsert per flush per replica); several gateway replicas may write the same row,
-- so the time only moves forward and counts only add. No foreign key: the gateway sees namespace ids (a
-- claimed warm environment keeps its warm id) and environments made without the API have no row.
CREATE TABLE environment_activity (
  environment_id text PRIMARY KEY,
  last_used_at timestamptz NOT NULL,
  requests bigint NOT NULL DEFAULT 0 CHECK (requests >= 0),
  -- Which kind of use came last: 'gateway' or 'api'.
  last_source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration

DROP TABLE environment_activity;
