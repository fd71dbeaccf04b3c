import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../../local/stack/node/layout.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';
import { EXAMPLE_DIR, firstOk, httpAt } from './support.js';

/**
 * Snapshot and restore through the API, on a real data service: the production worker (pg_dump and
 * pg_restore against the environment's Postgres on the real node) behind the real API.
 */
describe('API snapshot and restore of the founding example on the real node', () => {
  let db: TestDatabase;
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let app: FastifyInstance;
  let token: string;
  const taskQueue = `real-snapshot-${randomUUID()}`;

  const call = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(method === 'POST' && { 'idempotency-key': randomUUID() }),
      },
      ...(payload !== undefined && { payload: payload as object }),
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as T };
  };
  const until = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) => {
    const deadline = Date.now() + 240_000;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (done(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`${what} did not happen in 240 s; last: ${JSON.stringify(last)}`);
  };

  beforeAll(async () => {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode)
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    installTemporalRuntimeLogger();
    db = await createTestDatabase('real-snapshot');
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({
      temporal: temporal.client,
      env: { ...(await stackEnv()), ...realNodeDeployEnv(endpoints.realNode) },
    });
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      config: temporal.config,
      activities: createActivities(dependencies),
    });
    workerRun = worker.run();
    const lifecycle = await TemporalLifecycle.connect({ env: await stackEnv(), taskQueue });
    app = await createApiInstance({
      config: loadApiConfig({}, { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 300 }),
      lifecycle,
      env: await stackEnv(),
    });
    app.addHook('onClose', () => lifecycle.close());
    await app.ready();
    await ensureTeam(app.db, { id: 'payments' });
    const user = await upsertUser(app.db, { name: 'ada', teamId: 'payments', role: 'member' });
    token = (await createApiToken(app.db, { userId: user.id })).token;
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => {});
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
    await db?.drop();
  }, 120_000);

  it('a row written before the snapshot is back after a restore, one written after is gone', async () => {
    const source = await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8');
    const seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
    const created = await call<{ id: string }>('POST', '/v1/environments', {
      blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
      ttl: '1h',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    try {
      const env = await until(
        `${id} ready`,
        async () =>
          (
            await call<{ phase: string; urls: Record<string, string>; error?: unknown; services: unknown }>(
              'GET',
              `/v1/environments/${id}`,
            )
          ).body,
        (e) => e.phase === 'ready' || e.phase === 'failed',
      );
      expect(env.phase, JSON.stringify({ error: env.error, services: env.services })).toBe('ready');
      const api = env.urls.api!;
      await firstOk(`${api}/products`);
      const kept = (
        await httpAt(`${api}/carts`, { method: 'POST', body: { customer: 'kept@example.com' } })
      ).json().cart;

      const snapshot = await call<{ id: string }>('POST', `/v1/environments/${id}/snapshots`, {
        name: 'with-kept',
      });
      expect(snapshot.status).toBe(202);
      const ready = await until(
        'snapshot ready',
        async () =>
          (
            await call<{ items: { name: string; phase: string }[] }>(
              'GET',
              `/v1/environments/${id}/snapshots`,
            )
          ).body,
        (list) => list.items.some((s) => s.name === 'with-kept' && s.phase !== 'pending'),
      );
      expect(ready.items.find((s) => s.name === 'with-kept')?.phase).toBe('ready');

      const lost = (
        await httpAt(`${api}/carts`, { method: 'POST', body: { customer: 'lost@example.com' } })
      ).json().cart;
      const restore = await call('POST', `/v1/environments/${id}/restore`, { snapshot: 'with-kept' });
      expect(restore.status).toBe(202);
      await until(
        'the cart written after the snapshot to be gone',
        async () => (await httpAt(`${api}/carts/${lost.id}`)).status,
        (status) => status === 404,
      );
      expect((await httpAt(`${api}/carts/${kept.id}`)).json().cart).toMatchObject({
        customer: 'kept@example.com',
      });
    } finally {
      await call('DELETE', `/v1/environments/${id}`);
      await until(
        `${id} torn down`,
        async () => (await call<{ phase: string }>('GET', `/v1/environments/${id}`)).body,
        (e) => e.phase === 'deleted',
      );
    }
  }, 600_000);
});
