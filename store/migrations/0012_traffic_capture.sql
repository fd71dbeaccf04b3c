-- Up Migration

-- Traffic capture for diffs (diff/, gateway/traffic-capture.ts): off unless an environment has a row
-- here. The gateway reads this table every few seconds; the API writes it.
CREATE TABLE traffic_capture_settings (
  environment_id text PRIMARY KEY REFERENCES environments (id) ON DELETE CASCADE,
  sample_rate double precision NOT NULL CHECK (sample_rate > 0 AND sample_rate <= 1),
  max_body_bytes integer NOT NULL CHECK (max_body_bytes BETWEEN 0 AND 65536),
  max_requests integer NOT NULL CHECK (max_requests BETWEEN 1 AND 10000),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Requests the gateway sampled on their way to an environment, sensitive headers already replaced by a
-- placeholder. Bounded per environment (the gateway deletes the oldest beyond max_requests).
CREATE TABLE captured_requests (
  id bigserial PRIMARY KEY,
  environment_id text NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  captured_at timestamptz NOT NULL DEFAULT now(),
  service text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}'::jsonb,
  body text,
  -- The body was larger than max_body_bytes: kept without it, and never replayed.
  body_truncated boolean NOT NULL DEFAULT false
);
CREATE INDEX captured_requests_environment ON captured_requests (environment_id, id);

-- Down Migration

DROP TABLE captured_requests;
DROP TABLE traffic_capture_settings;
