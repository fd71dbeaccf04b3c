import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { createPool } from '../../../store/database.js';
import { migrateUp } from '../../../store/migrate.js';

/** A fresh, empty database on the local stack's Postgres, for one test file. */
export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database (closing its other connections first). */
  drop(): Promise<void>;
}

/**
 * Creates a database named after the test plus a random suffix on the stack's Postgres, so test files
 * never see each other's rows. Fails loudly (no skip) when the stack is not up.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const { databaseUrl } = await readStackEndpoints();
  const name = `mstx_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh database with MicroStax's schema, and a pool on it. */
export interface MigratedDatabase extends TestDatabase {
  pool: pg.Pool;
  /** Ends the pool, then drops the database. */
  close(): Promise<void>;
}

/** `createTestDatabase` with every migration applied and a pool of `poolSize` connections. */
export async function createMigratedDatabase(label: string, poolSize = 2): Promise<MigratedDatabase> {
  const database = await createTestDatabase(label);
  await migrateUp({ databaseUrl: database.url });
  const pool = createPool({ databaseUrl: database.url, max: poolSize });
  return {
    ...database,
    pool,
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
