import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createPool } from '../../store/database.js';
import { getEnvironment } from '../../store/environments.js';
import { TERMINAL_PHASES } from '../../workflows/contracts.js';
import { mirrorEnvironmentStatus } from '../status-mirror.js';

/** At most this many environments are refreshed per tick, so one tick never runs long. */
const BATCH = 50;

/** Connections the loop may hold: it works one environment at a time. */
const POOL_SIZE = 2;

/**
 * A background loop that refreshes environments still in flight from their workflows, so reads are
 * served from Postgres (fast) yet stay current. After an API restart it simply picks up where the
 * rows say things stand: nothing is lost. It has a small pool of its own, so a burst of refreshes
 * never makes requests wait for a connection.
 */
async function statusSyncPlugin(
  app: FastifyInstance,
  opts: { databaseUrl: string; intervalMs: number },
): Promise<void> {
  const db = createPool({
    databaseUrl: opts.databaseUrl,
    max: POOL_SIZE,
    applicationName: 'microstax-api-status-sync',
  });
  db.on('error', (error: Error & { code?: string }) =>
    app.log.warn({ code: error.code, message: error.message }, 'idle status-sync connection failed'),
  );
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closing = false;

  const tick = async () => {
    const { rows } = await db.query<{ id: string }>(
      'SELECT id FROM environments WHERE NOT (phase = ANY($1)) ORDER BY updated_at LIMIT $2',
      [TERMINAL_PHASES, BATCH],
    );
    for (const { id } of rows) {
      if (closing) return;
      const env = await getEnvironment(db, id);
      if (env) await mirrorEnvironmentStatus({ db, lifecycle: app.lifecycle, env, log: app.log });
    }
  };
  const schedule = () => {
    if (closing) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => app.log.warn({ err: error }, 'status sync failed'))
        .finally(schedule);
    }, opts.intervalMs);
  };

  app.addHook('onReady', async () => schedule());
  // preClose runs before the app's pool closes (onClose): a tick in flight finishes, then our pool closes.
  app.addHook('preClose', async () => {
    closing = true;
    clearTimeout(timer);
    await running;
    await db.end();
  });
}

export default fp(statusSyncPlugin, { name: 'status-sync', dependencies: ['database', 'lifecycle'] });
