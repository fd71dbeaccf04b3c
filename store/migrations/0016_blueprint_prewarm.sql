-- Up Migration

-- A blueprint version's warm-pool opt-in (its `prewarm`, resolved to {min, max}); NULL: not opted in.
-- The pre-warm Schedule keeps pools for blueprints whose latest version opts in.
ALTER TABLE blueprint_versions ADD COLUMN prewarm jsonb;

-- Down Migration

ALTER TABLE blueprint_versions DROP COLUMN prewarm;
