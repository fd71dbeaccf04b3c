import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { getEnvironment } from '../../store/environments.js';
import { TERMINAL_PHASES } from '../../workflows/contracts.js';
import { mirrorEnvironmentStatus } from '../status-mirror.js';

/** At most this many environments are refreshed per tick, so one tick never runs long. */
const BATCH = 50;

/**
 * A background loop that refreshes environments still in flight from their workflows, so reads are
 * served from Postgres (fast) yet stay current. After an API restart it simply picks up where the
 * rows say things stand: nothing is lost.
 */
async function statusSyncPlugin(app: FastifyInstance, opts: { intervalMs: number }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closing = false;

  const tick = async () => {
    const { rows } = await app.db.query<{ id: string }>(
      'SELECT id FROM environments WHERE NOT (phase = ANY($1)) ORDER BY updated_at LIMIT $2',
      [TERMINAL_PHASES, BATCH],
    );
    for (const { id } of rows) {
      if (closing) return;
      const env = await getEnvironment(app.db, id);
      if (env) await mirrorEnvironmentStatus({ db: app.db, lifecycle: app.lifecycle, env, log: app.log });
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
  // preClose runs before the database pool closes (onClose), so a tick in flight finishes cleanly.
  app.addHook('preClose', async () => {
    closing = true;
    clearTimeout(timer);
    await running;
  });
}

export default fp(statusSyncPlugin, { name: 'status-sync', dependencies: ['database', 'lifecycle'] });
