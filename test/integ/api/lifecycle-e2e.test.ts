import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';

const EXAMPLE_DIR = 'blueprints/examples/checkout-dev';

interface Env {
  id: string;
  phase: string;
  services: { name: string; state: string }[];
  urls: Record<string, string>;
}

/**
 * The whole path on the real stack: the API starts the real lifecycle worker's workflow, which deploys
 * the founding example onto the local Kubernetes cluster; the API is restarted in the middle of the
 * create, and the new instance reports the environment correctly once the workflow finishes.
 */
describe('API + real worker + local cluster: create survives an API restart, then teardown', () => {
  let db: TestDatabase;
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let token: string;
  const taskQueue = `api-e2e-${randomUUID()}`;
  const apps: FastifyInstance[] = [];

  const startApp = async () => {
    const lifecycle = await TemporalLifecycle.connect({ env: await stackEnv(), taskQueue });
    const config = loadApiConfig({}, { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 300 });
    const app = await createApiInstance({ config, lifecycle, env: await stackEnv() });
    app.addHook('onClose', () => lifecycle.close());
    await app.ready();
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    db = await createTestDatabase('e2e');
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({ temporal: temporal.client, env: await stackEnv() });
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      config: temporal.config,
      activities: createActivities(dependencies),
    });
    workerRun = worker.run();
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => {});
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
    await db?.drop();
  });

  const waitForPhase = async (
    app: FastifyInstance,
    id: string,
    phases: string[],
    timeoutMs: number,
  ): Promise<Env> => {
    const deadline = Date.now() + timeoutMs;
    let env: Env | undefined;
    while (Date.now() < deadline) {
      const response = await app.inject({
        url: `/v1/environments/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      env = JSON.parse(response.body) as Env;
      if (phases.includes(env.phase)) return env;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(
      `environment ${id} did not reach ${phases.join('/')} in ${timeoutMs} ms; last: ${JSON.stringify(env)}`,
    );
  };

  it('creates the founding example, restarts the API mid-create, and reports it ready, then deleted', async () => {
    const first = await startApp();
    await ensureTeam(first.db, { id: 'payments' });
    const user = await upsertUser(first.db, { name: 'ada', teamId: 'payments', role: 'member' });
    token = (await createApiToken(first.db, { userId: user.id })).token;
    const source = await readFile(`${EXAMPLE_DIR}/checkout-dev.yaml`, 'utf8');
    const seed = await readFile(`${EXAMPLE_DIR}/scripts/seed.sql`, 'utf8');
    const created = await first.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
        ttl: '1h',
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body) as Env;

    // Restart: the first instance goes away while the workflow is still creating.
    await first.close();
    const second = await startApp();
    const ready = await waitForPhase(second, id, ['ready', 'failed'], 170_000);
    expect(ready.phase).toBe('ready');
    expect(ready.services.map((s) => s.name).sort()).toEqual(['api', 'cache', 'db']);
    expect(ready.services.every((s) => s.state === 'ready')).toBe(true);
    expect(Object.keys(ready.urls)).toContain('api');

    const events = await second.inject({
      url: `/v1/environments/${id}/events`,
      headers: { authorization: `Bearer ${token}` },
    });
    const actions = (JSON.parse(events.body) as { items: { action: string; details: { to?: string } }[] })
      .items;
    expect(actions.some((e) => e.action === 'environment.phase' && e.details.to === 'ready')).toBe(true);

    const teardown = await second.inject({
      method: 'DELETE',
      url: `/v1/environments/${id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(teardown.statusCode).toBe(202);
    const deleted = await waitForPhase(second, id, ['deleted', 'failed'], 120_000);
    expect(deleted.phase).toBe('deleted');
  });

  it('drives the same path from the CLI: create --wait with progress, share, snapshot, delete --wait', async () => {
    const app = apps[apps.length - 1]!;
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const cli = async (args: string[]) => {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/microstax.js', ...args], {
        env: { ...process.env, MICROSTAX_URL: url, MICROSTAX_TOKEN: token, MICROSTAX_CONFIG: '/nonexistent' },
      });
      return { stdout, stderr };
    };
    const created = await cli([
      'env',
      'create',
      '-f',
      `${EXAMPLE_DIR}/checkout-dev.yaml`,
      '--wait',
      '--json',
    ]);
    const { environment } = JSON.parse(created.stdout) as { environment: Env };
    expect(environment.phase).toBe('ready');
    expect(created.stderr).toMatch(/\[\d\/3\] db: /);
    expect(created.stderr).toContain(`${environment.id}: ready`);

    const share = await cli(['env', 'share', environment.id, '--ttl', '1h']);
    expect(share.stdout.trim()).toMatch(/^msxs_/);
    const snapshot = await cli(['env', 'snapshot', environment.id, '--name', 'before-demo', '--json']);
    expect(JSON.parse(snapshot.stdout)).toMatchObject({ ok: true, snapshot: { name: 'before-demo' } });

    const deleted = await cli(['env', 'delete', environment.id, '--wait', '--json']);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ ok: true, phase: 'deleted' });
  });
});
