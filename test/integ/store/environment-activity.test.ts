import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresActivityLog } from '../../../activities/postgres-activity-log.js';
import { createActivityRecorder } from '../../../store/activity-recorder.js';
import { createPool } from '../../../store/database.js';
import { activityOf, recordActivity } from '../../../store/environment-activity.js';
import { migrateUp } from '../../../store/migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Environments' recorded use (real Postgres): batched writes from several replicas, and reads. */
describe('environment activity (real Postgres)', () => {
  let db: TestDatabase;
  let pool: ReturnType<typeof createPool>;
  beforeAll(async () => {
    db = await createTestDatabase('activity');
    pool = createPool({ databaseUrl: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('a flush that fails keeps its counts, and writes them once the table is there', async () => {
    const errors: unknown[] = [];
    const recorder = createActivityRecorder({
      db: pool,
      source: 'gateway',
      flushEveryMs: 60_000,
      onError: (error) => errors.push(error),
    });
    recorder.note('early');
    recorder.note('early');
    // Not migrated yet: the table is missing, the write fails.
    await recorder.flush();
    expect(String(errors[0])).toMatch(/environment_activity/);
    await migrateUp({ databaseUrl: db.url });
    recorder.note('early');
    await recorder.close();
    expect((await activityOf(pool, ['early'])).get('early')).toMatchObject({
      requests: 3,
      lastSource: 'gateway',
    });
  });

  it('two replicas flushing at once: counts add up, the last use only moves forward', async () => {
    const replicas = [0, 1].map(() =>
      createActivityRecorder({ db: pool, source: 'gateway', flushEveryMs: 60_000 }),
    );
    const ids = Array.from({ length: 50 }, (_, i) => `env-${i}`);
    for (let round = 0; round < 20; round++) {
      for (const replica of replicas) for (const id of ids) replica.note(id);
      await Promise.all(replicas.map((r) => r.flush()));
    }
    await Promise.all(replicas.map((r) => r.close()));
    const found = await activityOf(pool, ids);
    expect(found.size).toBe(50);
    for (const id of ids) expect(found.get(id)?.requests).toBe(40);

    // An older batch (a slow replica) never moves the last use back; the API's newer use wins the source.
    const newest = found.get('env-0')!.lastUsedAt;
    await recordActivity(pool, {
      source: 'api',
      entries: [{ environmentId: 'env-0', lastUsedAt: new Date(newest.getTime() - 60_000), requests: 1 }],
    });
    const after = (await activityOf(pool, ['env-0'])).get('env-0')!;
    expect(after.lastUsedAt).toEqual(newest);
    expect(after.lastSource).toBe('gateway');
    expect(after.requests).toBe(41);
    const later = new Date(newest.getTime() + 1000);
    await recordActivity(pool, {
      source: 'api',
      entries: [{ environmentId: 'env-0', lastUsedAt: later, requests: 1 }],
    });
    expect((await activityOf(pool, ['env-0'])).get('env-0')).toMatchObject({
      lastUsedAt: later,
      lastSource: 'api',
    });

    // What the idle sweep reads: only the ids asked for, unknown ones absent.
    const log = postgresActivityLog(pool);
    const seen = await log.lastUsedAt(['env-1', 'never-used']);
    expect([...seen.keys()]).toEqual(['env-1']);
  });

  it('flushes on its timer without being asked', async () => {
    const recorder = createActivityRecorder({ db: pool, source: 'api', flushEveryMs: 100 });
    recorder.note('timed');
    const deadline = Date.now() + 5_000;
    while (!(await activityOf(pool, ['timed'])).has('timed')) {
      if (Date.now() > deadline) throw new Error('the timer never flushed');
      await new Promise((r) => setTimeout(r, 50));
    }
    await recorder.close();
  });
});
