import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { createPool } from '../../store/database.js';
import { migrateUp } from '../../store/migrate.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The metadata database (store/ functions take it as their first argument). */
    db: pg.Pool;
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
  /** Run migrations before serving (the API does this at every start-up). */
  migrate: boolean;
  poolSize?: number;
}

/** Connects to Postgres, brings the schema up to date, and closes the pool when the app closes. */
async function databasePlugin(app: FastifyInstance, opts: DatabasePluginOptions): Promise<void> {
  if (opts.migrate) {
    const applied = await migrateUp({ databaseUrl: opts.databaseUrl });
    if (applied.length > 0) app.log.info({ applied }, 'database migrations applied');
  }
  const pool = createPool({
    databaseUrl: opts.databaseUrl,
    max: opts.poolSize,
    applicationName: 'microstax-api',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error: Error & { code?: string }) =>
    app.log.warn({ code: error.code, message: error.message }, 'idle database connection failed'),
  );
  app.decorate('db', pool);
  app.addHook('onClose', async () => {
    await pool.end();
  });
}

export default fp(databasePlugin, { name: 'database' });
