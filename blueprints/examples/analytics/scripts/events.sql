-- The events table the collector writes into.
CREATE TABLE IF NOT EXISTS events (
  ts         DateTime64(3),
  project    LowCardinality(String),
  name       LowCardinality(String),
  user_id    String,
  properties String
) ENGINE = MergeTree ORDER BY (project, name, ts);
