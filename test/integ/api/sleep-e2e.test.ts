import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../../deploy/config.js';
import { LABELS } from '../../../deploy/labels.js';
import { namespaceFor } from '../../../deploy/names.js';
import { statusQuery, workflowIds } from '../../../workflows/contracts.js';
import { PLANTED_SECRETS, SHOP_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import {
  type EnvironmentBody,
  startWorkerBackedApi,
  type WorkerBackedApi,
} from './support/worker-backed-api.js';

type Env = EnvironmentBody;

/**
 * Sleep and wake through the real API and CLI, the real lifecycle worker and the local Kubernetes
 * cluster: a ready environment goes to sleep (no pods; Services, Secrets and claims kept), the API and
 * the audit log say so, a repeat is a harmless 200, and waking brings every pod back ready.
 */
describe('sleep and wake end to end (real API, CLI, worker, Temporal, Postgres, Kubernetes)', () => {
  let api: WorkerBackedApi;
  let app: WorkerBackedApi['app'];
  let url: string;
  let id: string | undefined;

  beforeAll(async () => {
    api = await startWorkerBackedApi({ name: 'sleep_e2e' });
    app = api.app;
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await api?.close({ environments: id ? [id] : [] });
  });

  const headers = () => api.headers();
  const waitForPhase = (envId: string, phases: string[], timeoutMs: number) =>
    api.waitForPhase(envId, phases, timeoutMs);
  const cli = async (args: string[]) => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/microstax.js', ...args], {
      env: {
        ...process.env,
        MICROSTAX_URL: url,
        MICROSTAX_TOKEN: api.token,
        MICROSTAX_CONFIG: '/nonexistent',
      },
    });
    return { stdout, stderr };
  };
  const inCluster = async (envId: string) => {
    const namespace = namespaceFor(envId, loadDeployConfig().namespacePrefix);
    const count = async (kind: string, labelSelector: string) =>
      (await api.kube.list({ apiVersion: 'v1', kind, namespace, labelSelector })).items.length;
    return {
      pods: await count('Pod', `${LABELS.service},${LABELS.role}!=init`),
      services: await count('Service', `${LABELS.environment}=${envId}`),
      secrets: await count('Secret', `${LABELS.environment}=${envId}`),
    };
  };

  it('sleeps (no pods, Services kept), says so, and wakes (pods back); repeats are harmless', {
    timeout: 420_000,
  }, async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...headers(), 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source: SHOP_BLUEPRINT, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
        ttl: '1h',
        // The idle sweep will put it to sleep rather than tear it down: the workflow is told so.
        idleAfter: '8h',
        idle: 'sleep',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    id = (JSON.parse(created.body) as Env).id;

    // Not ready yet: the create is still in flight, so sleep is refused with a stable code.
    const early = await app.inject({
      method: 'POST',
      url: `/v1/environments/${id}/sleep`,
      headers: headers(),
    });
    expect(early.statusCode, early.body).toBe(409);
    expect(JSON.parse(early.body)).toMatchObject({ error: { code: 'conflict' } });
    expect((await waitForPhase(id, ['ready', 'failed'], 170_000)).phase).toBe('ready');
    const workflowStatus = await api.temporal.client.workflow
      .getHandle(workflowIds.environment(id))
      .query(statusQuery);
    expect(workflowStatus).toMatchObject({ idle: 'sleep', idleAfterMs: 8 * 3_600_000 });
    const awakeBefore = await inCluster(id);
    expect(awakeBefore.pods).toBeGreaterThan(0);

    // Sleep from the CLI, following until asleep.
    const slept = await cli(['env', 'sleep', id, '--wait', '--json']);
    expect(JSON.parse(slept.stdout)).toMatchObject({ ok: true, environment: { id, phase: 'sleeping' } });
    expect((await api.get(id)).phase).toBe('sleeping');
    const asleep = await inCluster(id);
    expect(asleep).toEqual({ ...awakeBefore, pods: 0 });

    // Sleeping a sleeping environment: 200 with its status, nothing new asked of the workflow.
    const again = await app.inject({
      method: 'POST',
      url: `/v1/environments/${id}/sleep`,
      headers: headers(),
    });
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ id, phase: 'sleeping' });

    // Wake through the API: 202, then ready with every pod back.
    const wake = await app.inject({ method: 'POST', url: `/v1/environments/${id}/wake`, headers: headers() });
    expect(wake.statusCode, wake.body).toBe(202);
    const ready = await waitForPhase(id, ['ready', 'failed'], 170_000);
    expect(ready.phase).toBe('ready');
    expect(ready.services.every((s) => s.state === 'ready')).toBe(true);
    const deadline = Date.now() + 60_000;
    while ((await inCluster(id)).pods < awakeBefore.pods && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await inCluster(id)).toEqual(awakeBefore);

    // Waking an awake environment from the CLI: nothing to do, exit 0.
    const woke = await cli(['env', 'wake', id, '--wait', '--json']);
    expect(JSON.parse(woke.stdout)).toMatchObject({ ok: true, environment: { id, phase: 'ready' } });

    // The audit log names who asked, and the phases the workflow went through.
    const events = JSON.parse(
      (await app.inject({ url: `/v1/environments/${id}/events`, headers: headers() })).body,
    ) as { items: { actor: string; action: string; details: { to?: string } }[] };
    const actions = events.items.map((e) => (e.details.to ? `${e.action}:${e.details.to}` : e.action));
    expect(actions).toEqual(
      expect.arrayContaining(['environment.sleep', 'environment.wake', 'environment.phase:sleeping']),
    );
    expect(events.items.find((e) => e.action === 'environment.sleep')?.actor).toBe('ada');
    expect(JSON.stringify(events)).not.toContain(PLANTED_SECRETS[0]);

    const deleted = await cli(['env', 'delete', id, '--wait', '--json']);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ ok: true, phase: 'deleted' });
    id = undefined;
  });
});
