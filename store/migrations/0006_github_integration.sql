-- Up Migration

-- The GitHub integration: which repositories send pull-request webhooks, and where their environments go.
-- The webhook secret is stored sealed (AES-256-GCM under MICROSTAX_GITHUB_SECRETS_KEY, bound to the
-- repository's name), never in clear.
CREATE TABLE github_repositories (
  full_name text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  blueprint_name text NOT NULL,
  images jsonb NOT NULL DEFAULT '{}'::jsonb,
  branch_of text,
  ttl text,
  webhook_secret_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Deliveries acted on, by X-GitHub-Delivery: a redelivery of the same one is ignored.
CREATE TABLE github_deliveries (
  delivery_id text PRIMARY KEY,
  full_name text NOT NULL,
  event text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX github_deliveries_received_at ON github_deliveries (received_at);

-- Down Migration

DROP TABLE github_deliveries;
DROP TABLE github_repositories;
