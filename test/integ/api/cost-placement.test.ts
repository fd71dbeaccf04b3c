import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { KubeClient, LABELS } from '../../../deploy/index.js';
import { NODE_POOL_LABELS } from '../../../planner/node-pools.js';
import { cpuMillicores, memoryBytes } from '../../../planner/quantity.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';

interface Cost {
  accrued: number;
  runningHours: number;
  asleepHours: number;
  neverSleeping: number;
  savedBySleeping: number;
}
interface Env {
  id: string;
  phase: string;
  costPerHour: number | null;
  cost: Cost;
  services: { name: string; state: string; pools?: Record<string, number>; hourlyCost?: number }[];
  plan?: { placement?: { services: { service: string; pool: string }[] } };
}

/** Two services with known requests, on the local cluster's kwok nodes (pools with known prices). */
const BLUEPRINT = `name: priced
services:
  - name: web
    image: ghcr.io/acme/web:1.0
    replicas: 2
    resources:
      requests: { cpu: 500m, memory: 512Mi }
  - name: api
    image: ghcr.io/acme/api:1.0
    resources:
      requests: { cpu: "1", memory: 1Gi }
`;

/** How long the environment runs before it is put to sleep: 1% of it is the tolerance. */
const RUN_MS = 30_000;

/**
 * Placement and cost on the real stack: the API, a real lifecycle worker and the local cluster. The
 * pool each pod runs on is recorded and matches the node it is bound to; after a measured time the
 * reported cost matches requests x price x time within 1%; asleep costs nothing; the daily report
 * adds up; and the report refuses callers and input it must refuse.
 */
describe('placement and cost of a running environment', () => {
  let db: TestDatabase;
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let app: FastifyInstance;
  let kube: KubeClient;
  const tokens: Record<string, string> = {};
  const team = `cost-${randomUUID().slice(0, 6)}`;
  const taskQueue = `api-cost-${randomUUID()}`;
  let id: string | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('cost');
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({ temporal: temporal.client, env: await stackEnv() });
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      config: temporal.config,
      activities: createActivities(dependencies),
    });
    workerRun = worker.run();
    const lifecycle = await TemporalLifecycle.connect({ env: await stackEnv(), taskQueue });
    const config = loadApiConfig({}, { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 200 });
    app = await createApiInstance({ config, lifecycle, env: await stackEnv() });
    app.addHook('onClose', () => lifecycle.close());
    await app.ready();
    kube = KubeClient.fromEnvironment(await stackEnv());
    for (const [name, teamId, role] of [
      ['ada', team, 'member'],
      ['eve', `${team}-x`, 'member'],
      ['root', 'platform', 'admin'],
    ] as const) {
      await ensureTeam(app.db, { id: teamId });
      const user = await upsertUser(app.db, { name: `${name}-${team}`, teamId, role });
      tokens[name] = (await createApiToken(app.db, { userId: user.id })).token;
    }
  }, 60_000);

  afterAll(async () => {
    if (id) {
      await app
        ?.inject({ method: 'DELETE', url: `/v1/environments/${id}`, headers: auth('ada') })
        .catch(() => undefined);
      await waitForPhase(id, ['deleted', 'failed'], 120_000).catch(() => undefined);
    }
    await app?.close().catch(() => undefined);
    await worker?.shutdown();
    await workerRun?.catch(() => undefined);
    await temporal?.close();
    await db?.drop();
  }, 180_000);

  const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const getEnv = async (envId: string): Promise<Env> =>
    JSON.parse((await app.inject({ url: `/v1/environments/${envId}`, headers: auth('ada') })).body) as Env;
  const waitForPhase = async (envId: string, phases: string[], timeoutMs: number): Promise<Env> => {
    const deadline = Date.now() + timeoutMs;
    let env: Env | undefined;
    while (Date.now() < deadline) {
      env = await getEnv(envId);
      if (phases.includes(env.phase)) return env;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`environment ${envId} did not reach ${phases.join('/')}; last: ${JSON.stringify(env)}`);
  };

  it('records the pool each pod runs on and bills requests x price x time, nothing asleep', {
    timeout: 400_000,
  }, async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...auth('ada'), 'idempotency-key': randomUUID() },
      payload: { blueprint: { source: BLUEPRINT, fileName: 'priced.yaml' }, ttl: '1h' },
    });
    expect(created.statusCode).toBe(201);
    id = (JSON.parse(created.body) as Env).id;
    const ready = await waitForPhase(id, ['ready', 'failed'], 170_000);
    const readyAt = performance.now();
    expect(ready.phase).toBe('ready');

    // Where the pods really run, and what they cost by the nodes' price labels.
    const namespace = `msx-${id}`;
    const pods = (await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace })).items;
    const nodes = new Map(
      (await kube.list<V1Node>({ apiVersion: 'v1', kind: 'Node' })).items.map((n) => [n.metadata!.name!, n]),
    );
    const expectedPools: Record<string, Record<string, number>> = {};
    let expectedRate = 0;
    for (const pod of pods) {
      const service = pod.metadata!.labels![LABELS.service]!;
      const node = nodes.get(pod.spec!.nodeName!)!;
      const pool = node.metadata!.labels![NODE_POOL_LABELS.pool]!;
      expectedPools[service] = {
        ...expectedPools[service],
        [pool]: (expectedPools[service]?.[pool] ?? 0) + 1,
      };
      const requests = pod.spec!.containers[0]!.resources!.requests!;
      const share = Math.max(
        cpuMillicores(requests.cpu!) / cpuMillicores(node.status!.allocatable!.cpu!),
        memoryBytes(requests.memory!) / memoryBytes(node.status!.allocatable!.memory!),
      );
      expectedRate += Number(node.metadata!.labels![NODE_POOL_LABELS.hourlyPrice]) * share;
    }
    expect(pods).toHaveLength(3);
    for (const service of ready.services) expect(service.pools).toEqual(expectedPools[service.name]);
    // Data-free services: each may run on any pool; with room, on the one the plan chose.
    const planned = new Map(ready.plan!.placement!.services.map((s) => [s.service, s.pool]));
    for (const service of ready.services) {
      expect(Object.keys(service.pools!)).toContain(planned.get(service.name));
    }
    expect(ready.costPerHour).toBeCloseTo(expectedRate, 5);

    await new Promise((resolve) => setTimeout(resolve, RUN_MS));
    const slept = await app.inject({
      method: 'POST',
      url: `/v1/environments/${id}/sleep`,
      headers: auth('ada'),
    });
    expect(slept.statusCode).toBe(202);
    const asleep = await waitForPhase(id, ['sleeping', 'failed'], 120_000);
    const ranMs = performance.now() - readyAt;
    expect(asleep.phase).toBe('sleeping');
    // The measured time: from the audit log's phase changes (written as the row changed), and as this
    // test saw it (its polls may lag on a busy machine: a looser bound).
    const events = JSON.parse(
      (await app.inject({ url: `/v1/environments/${id}/events`, headers: auth('ada') })).body,
    ) as { items: { at: string; action: string; details: { to?: string } }[] };
    const phaseAt = (to: string) =>
      Date.parse(events.items.find((e) => e.action === 'environment.phase' && e.details.to === to)!.at);
    const ranMsByAudit = phaseAt('sleeping') - phaseAt('ready');
    const expected = (expectedRate * ranMsByAudit) / 3_600_000;
    expect(Math.abs(asleep.cost.accrued - expected) / expected).toBeLessThan(0.01);
    expect(Math.abs(asleep.cost.runningHours * 3_600_000 - ranMsByAudit) / ranMsByAudit).toBeLessThan(0.01);
    // This test's own view lags by its polls and the sleep itself: 5%, or 3 s on a busy machine.
    expect(Math.abs(asleep.cost.runningHours * 3_600_000 - ranMs)).toBeLessThan(
      Math.max(0.05 * ranMs, 3_000),
    );
    expect(asleep.costPerHour).toBe(0);

    // Asleep: no compute cost; what never sleeping would have cost grows at the awake rate.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const later = await getEnv(id);
    expect(later.cost.accrued).toBeCloseTo(asleep.cost.accrued, 6);
    expect(later.cost.asleepHours).toBeGreaterThan(4 / 3600);
    expect(later.cost.savedBySleeping).toBeCloseTo(later.cost.asleepHours * expectedRate, 5);

    // The team's day adds up to the environment's cost.
    const report = await app.inject({ url: '/v1/costs', headers: auth('ada') });
    expect(report.statusCode).toBe(200);
    const body = JSON.parse(report.body) as {
      days: (Cost & { team: string; environments: number })[];
      total: Cost;
    };
    expect(body.days.every((d) => d.team === team)).toBe(true);
    expect(body.total.accrued).toBeCloseTo(later.cost.accrued, 5);
    expect(body.days.reduce((n, d) => n + d.environments, 0)).toBeGreaterThanOrEqual(1);

    // The CLI shows the same: `cost -o json`, and `env get` with the cost so far.
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const cli = async (args: string[]) =>
      (
        await promisify(execFile)(process.execPath, ['bin/microstax.js', ...args], {
          env: {
            ...process.env,
            MICROSTAX_URL: url,
            MICROSTAX_TOKEN: tokens.ada,
            MICROSTAX_CONFIG: '/nonexistent',
          },
        })
      ).stdout;
    const printed = JSON.parse(await cli(['cost', '-o', 'json'])) as { ok: boolean; total: Cost };
    expect(printed.ok).toBe(true);
    expect(printed.total.accrued).toBeCloseTo(body.total.accrued, 4);
    const shown = await cli(['env', 'get', id]);
    expect(shown).toMatch(/cost so far \d+\.\d{4} \(\d+\.\d{2} h running/);
  });

  it('refuses the cost report to callers and input it must refuse', async () => {
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
    expect((await get('/v1/costs')).statusCode).toBe(401);
    expect(
      (await get('/v1/costs', { authorization: 'Bearer msx_not-a-real-token-000000000000000000000' }))
        .statusCode,
    ).toBe(401);
    const otherTeam = await get(`/v1/costs?team=${team}`, auth('eve'));
    expect(otherTeam.statusCode).toBe(403);
    const badDay = await get('/v1/costs?from=2026-02-31', auth('ada'));
    expect(badDay.statusCode).toBe(400);
    expect(JSON.parse(badDay.body)).toMatchObject({ error: { field: 'query.from' } });
    const ancient = await get('/v1/costs?from=0000-01-01&to=0000-01-02', auth('ada'));
    expect(ancient.statusCode).toBe(400);
    expect((await get('/v1/costs?to=9999-12-31', auth('ada'))).statusCode).toBe(400);
    const malformed = await get(`/v1/costs?to=${'9'.repeat(5000)}`, auth('ada'));
    expect(malformed.statusCode).toBe(400);
    const tooLong = await get('/v1/costs?from=2020-01-01&to=2026-01-01', auth('ada'));
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(tooLong.body).error.message).toContain('at most 366');
    const unknown = await get('/v1/costs?currency=eur', auth('ada'));
    expect(unknown.statusCode).toBe(400);
    // An admin sees any team's, and a member's own report has nothing of other teams.
    const admin = await get(`/v1/costs?team=${team}-x`, auth('root'));
    expect(admin.statusCode).toBe(200);
    expect(JSON.parse(admin.body).days).toEqual([]);
  });
});
