import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateUp } from '../../../store/migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const EXPECTED_TABLES = [
  'api_tokens',
  'auth_logins',
  'blueprint_versions',
  'blueprints',
  'captured_requests',
  'diff_runs',
  'environment_activity',
  'environment_cost_intervals',
  'environment_resources',
  'environments',
  'events',
  'github_deliveries',
  'github_repositories',
  'policy_versions',
  'schema_migrations',
  'sessions',
  'shares',
  'snapshots',
  'teams',
  'traffic_capture_settings',
  'users',
];

describe('metadata migrations (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrations');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates every table on an empty database', async () => {
    const applied = await migrateUp({ databaseUrl: db.url });
    expect(applied.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(rows.map((r) => r.table_name)).toEqual(EXPECTED_TABLES);
    } finally {
      await client.end();
    }
  });

  it('is a no-op the second time, and two concurrent runs do not fail', async () => {
    expect(await migrateUp({ databaseUrl: db.url })).toEqual([]);
    const both = await Promise.all([migrateUp({ databaseUrl: db.url }), migrateUp({ databaseUrl: db.url })]);
    expect(both).toEqual([[], []]);
  });
});
