import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import type { EnvironmentLifecycle } from '../../../api/lifecycle.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { stackEnv } from '../../support/stack-env.js';
import { insertEnvironmentRow } from '../store/environment-row.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';
import { smallBlueprint } from '../workflows/support/blueprints.js';

/**
 * Several API replicas share one database: the status sync refreshes in-flight environments from one
 * leader (a Postgres advisory lock held for its life), not from each. The real Temporal lifecycle is wrapped
 * only to count the status queries each replica makes.
 */
describe('status sync with several API replicas', () => {
  let db: TestDatabase;
  let lifecycle: TemporalLifecycle;
  const replicas: { app: FastifyInstance; queries: number }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sync-replicas');
    lifecycle = await TemporalLifecycle.connect({ env: await stackEnv(), taskQueue: 'status-sync-replicas' });
    for (let i = 0; i < 2; i++) {
      const replica = { app: undefined as unknown as FastifyInstance, queries: 0 };
      const counting: EnvironmentLifecycle = Object.create(lifecycle, {
        getStatus: {
          value: (id: string, timeoutMs: number) => {
            replica.queries++;
            return lifecycle.getStatus(id, timeoutMs);
          },
        },
      });
      const config = loadApiConfig({}, { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 100 });
      replica.app = await createApiInstance({ config, lifecycle: counting });
      await replica.app.ready();
      replicas.push(replica);
    }
    // One environment in flight, whose workflow does not exist: every refresh queries it.
    await insertEnvironmentRow(replicas[0]!.app.db, {
      id: 'in-flight',
      blueprint: smallBlueprint(),
      phase: 'provisioning',
      requestDigest: 'status-sync-replicas',
    });
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.app.close().catch(() => undefined)));
    await lifecycle?.close();
    await db?.drop();
  });

  const counts = () => replicas.map((r) => r.queries);

  it('one replica leads: only it queries the workflows, at each tick', async () => {
    await sleep(500); // a leader is elected at the first tick
    const before = counts();
    await sleep(2_000); // twenty ticks of each replica
    const added = counts().map((n, i) => n - before[i]!);
    expect(added.filter((n) => n > 0)).toHaveLength(1);
    expect(Math.max(...added)).toBeGreaterThanOrEqual(5);
  });

  it('when the leader stops, the other replica takes over', async () => {
    const leaderIndex = replicas.findIndex((r) => r.queries > 0);
    const follower = replicas[1 - leaderIndex]!;
    await replicas[leaderIndex]!.app.close();
    const before = follower.queries;
    const deadline = Date.now() + 5_000;
    while (follower.queries === before && Date.now() < deadline) await sleep(50);
    expect(follower.queries).toBeGreaterThan(before);
  });
});
