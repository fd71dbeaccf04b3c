import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { Queryable } from './database.js';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/** The table node-pg-migrate records applied migrations in. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Brings the metadata database up to the latest migration. Safe to call on every start-up: applied
 * migrations are skipped, and a Postgres advisory lock keeps two starting processes from racing.
 * Returns the names of the migrations it applied.
 */
export async function migrateUp(opts: {
  databaseUrl: string;
  log?: (line: string) => void;
}): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runMigrations(opts.databaseUrl, opts.log ?? (() => {}));
    } catch (error) {
      // node-pg-migrate refuses rather than waits when another process holds the lock: wait for it.
      const locked = error instanceof Error && error.message.includes('Another migration is already running');
      if (!locked || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function runMigrations(databaseUrl: string, log: (line: string) => void): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    count: Number.POSITIVE_INFINITY,
    checkOrder: true,
    singleTransaction: true,
    log,
    logger: { debug: () => {}, info: log, warn: log, error: log },
  });
  return applied.map((m) => m.name);
}

/**
 * The migrations not yet applied to the database `db` talks to, oldest first (every one when the
 * migrations table does not exist). Reads only: tools that must not change a schema check with it.
 */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
  const table = await db.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    MIGRATIONS_TABLE,
  ]);
  const applied = new Set<string>();
  if (table.rows[0]?.exists) {
    const rows = await db.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    for (const row of rows.rows) applied.add(row.name);
  }
  return files.map((file) => file.replace(/\.sql$/, '')).filter((name) => !applied.has(name));
}
