import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { LifecycleRequestError } from '../../../temporal/errors.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { statusQuery, workflowIds } from '../../../workflows/contracts.js';
import { MAX_DURATION } from '../../../workflows/duration.js';
import { stackEnv } from '../../support/stack-env.js';
import { json, startTestApi, type TestApi } from './harness.js';

const blueprint = (ttl?: string) =>
  [
    'name: bounded',
    ...(ttl ? [`ttl: ${ttl}`] : []),
    'services:',
    '  - name: web',
    '    image: ghcr.io/acme/web:1.0',
    '    expose: 8080',
    '',
  ].join('\n');

interface Env {
  id: string;
  phase: string;
  expiresAt: string | null;
}

/**
 * Bounded durations (issue 15 item 7) on the real stack: an over-cap ttl is refused before anything is
 * stored, and an over-cap extend is refused by the API and, sent straight to the workflow, by its
 * Update validator, while the environment's workflow keeps running and still extends.
 */
describe('durations are bounded: API and workflow (real stack, real worker)', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;

  beforeAll(async () => {
    api = await startTestApi('durations');
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({ temporal: temporal.client, env: await stackEnv() });
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue: api.taskQueue,
      config: temporal.config,
      activities: createActivities(dependencies),
    });
    workerRun = worker.run();
  });
  afterAll(async () => {
    await api?.close();
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    api.app.inject({
      method,
      url,
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      ...(payload ? { payload } : {}),
    });
  const versions = async () =>
    Number((await api.app.db.query('SELECT count(*)::int AS n FROM blueprint_versions')).rows[0].n);
  const environments = async () =>
    Number((await api.app.db.query('SELECT count(*)::int AS n FROM environments')).rows[0].n);
  // The harness API does not mirror workflow status into its rows: ask the workflow itself.
  const workflow = (id: string) => temporal.client.workflow.getHandle(workflowIds.environment(id));
  const waitForReady = async (id: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    let phase = '';
    while (Date.now() < deadline) {
      phase =
        (
          await workflow(id)
            .query(statusQuery)
            .catch(() => undefined)
        )?.phase ?? '';
      if (phase === 'ready') return;
      if (phase === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`environment ${id} did not become ready; last phase: ${phase || 'unknown'}`);
  };

  it('refuses ttl: 30000d in the blueprint or the request, naming ttl and the cap, and stores nothing', async () => {
    const before = { versions: await versions(), environments: await environments() };
    const inBlueprint = await call('POST', '/v1/environments', {
      blueprint: { source: blueprint('30000d') },
    });
    expect(inBlueprint.statusCode).toBeGreaterThanOrEqual(400);
    expect(inBlueprint.statusCode).toBeLessThan(500);
    expect(inBlueprint.body).toContain('ttl');
    expect(inBlueprint.body).toContain(`at most ${MAX_DURATION}`);

    const inRequest = await call('POST', '/v1/environments', {
      blueprint: { source: blueprint() },
      ttl: '30000d',
    });
    expect(inRequest.statusCode).toBe(400);
    expect(json<{ error: { field: string; message: string } }>(inRequest).error).toMatchObject({
      field: 'body.ttl',
      message: expect.stringContaining(`at most ${MAX_DURATION}`),
    });
    const registered = await call('POST', '/v1/blueprints', { source: blueprint('30000d') });
    expect(registered.statusCode).toBe(422);
    expect(registered.body).toContain(`at most ${MAX_DURATION}`);
    expect({ versions: await versions(), environments: await environments() }).toEqual(before);
  });

  it('refuses an over-cap extend at the API and in the workflow; the workflow keeps running and extends', async () => {
    const created = await call('POST', '/v1/environments', { blueprint: { source: blueprint('1h') } });
    expect(created.statusCode).toBe(201);
    const { id } = json<Env>(created);
    try {
      await waitForReady(id, 150_000);

      const huge = await call('POST', `/v1/environments/${id}/extend`, { by: '99999999999999999999d' });
      expect(huge.statusCode).toBe(400);
      expect(json<{ error: { field: string; message: string } }>(huge).error).toMatchObject({
        field: 'body.by',
        message: expect.stringContaining(`at most ${MAX_DURATION}`),
      });
      // Each within the cap, together past it: the expiry may lie at most MAX_DURATION ahead.
      const far = await call('POST', `/v1/environments/${id}/extend`, { by: '364d' });
      expect(far.statusCode).toBe(200);
      const past = await call('POST', `/v1/environments/${id}/extend`, { by: '2d' });
      expect(past.statusCode).toBe(422);
      expect(json<{ error: { field: string; message: string } }>(past).error).toMatchObject({
        field: 'body.by',
        message: expect.stringContaining(`more than ${MAX_DURATION} ahead`),
      });

      // Straight to the workflow, past the API: its validator refuses; the workflow task does not fail.
      const refused = await api.lifecycle.extendTtl(id, '99999999999999999999d').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LifecycleRequestError);
      expect(String((refused as Error).message)).toContain(`longer than ${MAX_DURATION}`);
      const handle = workflow(id);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      const failedTasks = (await handle.fetchHistory()).events?.filter(
        (e) => e.workflowTaskFailedEventAttributes,
      );
      expect(failedTasks).toEqual([]);
      const small = await call('POST', `/v1/environments/${id}/extend`, { by: '1m' });
      expect(small.statusCode).toBe(200);
      expect((await handle.query(statusQuery)).phase).toBe('ready');
    } finally {
      const teardown = await call('DELETE', `/v1/environments/${id}`);
      expect(teardown.statusCode).toBe(202);
      // The workflow ends once the namespace is gone.
      await workflow(id).result();
    }
  }, 300_000);
});
