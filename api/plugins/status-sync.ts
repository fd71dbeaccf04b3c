import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { createPool } from '../../store/database.js';
import { getEnvironment } from '../../store/environments.js';
import { TERMINAL_PHASES } from '../../workflows/contracts.js';
import { mirrorEnvironmentStatus } from '../status-mirror.js';

/** At most this many environments are refreshed per tick, so one tick never runs long. */
const BATCH = 50;

/** Connections the loop may hold: the leader's lock, and one for its work (one environment at a time). */
const POOL_SIZE = 2;

/**
 * The session-level advisory lock that makes one API replica the status-sync leader: it takes the lock
 * on a connection it keeps, and only it refreshes; the others try again at each tick. A leader that
 * stops or dies loses its session and with it the lock, and another replica takes over at its next tick.
 */
export const STATUS_SYNC_LOCK = 0x6d73785f73796e63n; // "msx_sync"

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
  let leader: pg.PoolClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closing = false;

  const refresh = async () => {
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
  /** True when this replica leads: it holds the lock, or has just taken it. */
  const lead = async (): Promise<boolean> => {
    if (leader) return true;
    const client = await db.connect();
    const { rows } = await client
      .query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [STATUS_SYNC_LOCK])
      .catch((error: unknown) => {
        client.release(true);
        throw error;
      });
    if (!rows[0]?.held) {
      client.release();
      return false;
    }
    // A broken connection has lost the lock with its session: step down, and try again next tick.
    client.on('error', () => {
      if (leader !== client) return; // already released by preClose
      leader = undefined;
      client.release(true);
    });
    leader = client;
    app.log.info('status sync: this replica leads');
    return true;
  };
  const tick = async () => {
    if (await lead()) await refresh();
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
    leader?.release(true); // closing the session frees the lock for another replica
    leader = undefined;
    await db.end();
  });
}

export default fp(statusSyncPlugin, { name: 'status-sync', dependencies: ['database', 'lifecycle'] });
