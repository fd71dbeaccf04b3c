import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../../activities/planner-adapter.js';
import { createHistory } from '../../../store/create-history.js';
import type { createPool } from '../../../store/database.js';
import { environmentRow, teamMember } from '../../support/access-fixture.js';
import { resolvedService } from '../../support/resolved-service.js';
import { createMigratedDatabase, type MigratedDatabase } from './test-database.js';

/** The create history in Postgres feeds the warm-pool forecast (real Postgres, the real planner). */
describe('create history → warm-pool forecast', () => {
  let db: MigratedDatabase;
  let pool: ReturnType<typeof createPool>;
  beforeAll(async () => {
    db = await createMigratedDatabase('create_history');
    pool = db.pool;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads the creates of a blueprint, and a busy hour of past weeks sizes the pool above the default', async () => {
    const blueprint = {
      name: 'access-test',
      routing: 'dns' as const,
      services: [resolvedService({ name: 'api' })],
    };
    const planner = createPlanner({ requestHistory: (name) => createHistory(pool, { blueprint: name }) });
    const now = new Date();
    // No history: the default pool of one.
    expect(await planner.warmPoolSize!({ blueprint, now })).toBe(1);

    const member = await teamMember(pool, { team: 'payments', user: 'ana' });
    // Two weeks of history: 12 creates in this clock hour of each past day (the forecast's first hour is
    // the current clock hour, so they start at its beginning whatever minute the test runs), one at other hours.
    const hourStart = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
    let n = 0;
    for (let day = 1; day <= 14; day++) {
      const busy = hourStart - day * 86_400_000 + 60_000;
      const times = [...Array.from({ length: 12 }, (_, i) => busy + i * 3 * 60_000), busy + 6 * 3_600_000];
      for (const at of times) {
        const id = `hist-${n++}`;
        await environmentRow(pool, { id, team: 'payments', ownerId: member.userId });
        await pool.query('UPDATE environments SET created_at = $2 WHERE id = $1', [id, new Date(at)]);
      }
    }
    const history = await createHistory(pool, { blueprint: 'access-test' });
    expect(history).toHaveLength(n);
    expect(history[0]).toMatchObject({ blueprint: 'access-test', team: 'payments' });
    expect(await createHistory(pool, { blueprint: 'other' })).toEqual([]);
    // A team's pool counts only that team's creates.
    expect(await createHistory(pool, { blueprint: 'access-test', team: 'search' })).toEqual([]);
    expect(await createHistory(pool, { blueprint: 'access-test', team: 'payments' })).toHaveLength(n);
    const size = await planner.warmPoolSize!({ blueprint, now });
    expect(size).toBeGreaterThan(1);
    process.stderr.write(
      `create-history: ${n} creates over 14 days → warm pool of ${size} for the coming hour\n`,
    );
  });
});
