import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { postgresActivityLog } from '../../../activities/postgres-activity-log.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../../local/stack/node/layout.js';
import type { createPool } from '../../../store/database.js';
import { activityOf } from '../../../store/environment-activity.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { ensureSchedules } from '../../../temporal/schedules.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import type { EnvironmentOutcome } from '../../../workflows/contracts.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { resolvedService } from '../../support/resolved-service.js';
import { stackEnv } from '../../support/stack-env.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { get } from '../gateway/support.js';
import { createMigratedDatabase, type MigratedDatabase } from '../store/test-database.js';

/**
 * Idle decisions from real use, end to end: an environment on the real node with a short idleAfter,
 * the idle-sweep Schedule running often, and plain HTTP requests through a gateway built from this
 * checkout (recording activity into its own database, which the worker's idle sweep reads). Requests
 * keep it ready well past idleAfter; once they stop, it is torn down within idleAfter + one sweep.
 */
// Short, with margin: a request's activity is at most REQUEST_EVERY_S + the 2 s flush old at a sweep.
const IDLE_AFTER_S = 20;
const SWEEP_EVERY_S = 5;
const REQUEST_EVERY_S = 5;
/** Requests go on for this long: twice idleAfter, so without them the sweep would have taken it. */
const BUSY_FOR_S = 2 * IDLE_AFTER_S;

describe('idle from real use (real node, gateway, idle-sweep Schedule)', () => {
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let lifecycle: LifecycleClient;
  let gateway: RunningGateway;
  let database: MigratedDatabase;
  let pool: ReturnType<typeof createPool>;
  let taskQueue: string;
  let scheduleId: string | undefined;
  const environmentId = uniqueId('rn-idle');

  beforeAll(async () => {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode) {
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    }
    installTemporalRuntimeLogger();
    database = await createMigratedDatabase('idle_traffic');
    pool = database.pool;
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({
      temporal: temporal.client,
      env: { ...(await stackEnv()), ...realNodeDeployEnv(endpoints.realNode) },
    });
    taskQueue = `real-idle-${randomUUID()}`;
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      config: temporal.config,
      activities: createActivities({
        ...dependencies,
        activity: postgresActivityLog(pool),
        heartbeatEveryMs: 2000,
      }),
    });
    workerRun = worker.run();
    lifecycle = new LifecycleClient(temporal.client, taskQueue);
    gateway = await startGateway({
      kube: await stackKube(),
      log: pino({ level: 'warn' }),
      port: 0,
      wake: false,
      // The service is `access: public`: this test is about activity (credentials: gateway/access.test.ts).
      access: { databaseUrl: database.url, secureCookies: false },
      activity: { flushEveryMs: 2000 },
    });
  }, 120_000);

  afterAll(async () => {
    if (scheduleId)
      await temporal.client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => {});
    if (lifecycle) {
      const handle = temporal.client.workflow.getHandle(workflowIds.environment(environmentId));
      const running = await handle
        .describe()
        .then((d) => d.status.name === 'RUNNING')
        .catch(() => false);
      if (running) {
        await lifecycle.teardown(environmentId, { reason: 'requested', requestedBy: 'test' });
        await handle.result().catch(() => {});
      }
    }
    await gateway?.close();
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
    await database?.close();
  }, 300_000);

  it(`requests every ${REQUEST_EVERY_S} s keep an environment with idleAfter ${IDLE_AFTER_S}s ready; once they stop it goes within idleAfter + one sweep`, {
    timeout: 330_000,
  }, async () => {
    const blueprint: ResolvedBlueprint = {
      name: 'idle-traffic',
      routing: 'dns',
      services: [
        resolvedService({
          name: 'web',
          image: 'ghcr.io/microstax/hello:1',
          exposedPorts: [8080],
          access: 'public',
          resources: { requests: { cpu: '10m', memory: '16Mi' } },
        }),
      ],
    };
    await lifecycle.createEnvironment({
      environmentId,
      blueprint,
      owner: 'ana@acme.io',
      team: 'payments',
      idleAfter: `${IDLE_AFTER_S}s`,
      claimWarm: false,
    });
    const ready = await lifecycle.waitReady(environmentId);
    expect(ready.phase).toBe('ready');
    const host = new URL(ready.urls.web!).hostname;
    // Ready means its pod is; kube-proxy may take a moment more to route its Service.
    const answering = Date.now() + 60_000;
    for (;;) {
      const answer = await get({ base: gateway.url, host, path: '/' }).catch(() => undefined);
      if (answer?.status === 200) break;
      if (Date.now() > answering)
        throw new Error(`${host} never answered 200: ${answer?.status} ${answer?.body}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const before = (await activityOf(pool, [environmentId])).get(environmentId)?.requests ?? 0;
    [scheduleId] = await ensureSchedules({
      client: temporal.client,
      taskQueue,
      idSuffix: taskQueue,
      schedules: { idleSweepEvery: `${SWEEP_EVERY_S}s` },
    });

    // In use: a request every REQUEST_EVERY_S for twice idleAfter. Each one answers, and the environment stays ready.
    const busyUntil = Date.now() + BUSY_FOR_S * 1000;
    let lastRequestAt = 0;
    let requests = 0;
    while (Date.now() < busyUntil) {
      const answer = await get({ base: gateway.url, host, path: '/' });
      lastRequestAt = Date.now();
      requests++;
      expect(answer.status, answer.body).toBe(200);
      expect((await lifecycle.getStatus(environmentId))?.phase).toBe('ready');
      await new Promise((r) => setTimeout(r, REQUEST_EVERY_S * 1000));
    }
    expect((await lifecycle.getStatus(environmentId))?.phase).toBe('ready');
    // The gateway recorded them (by the namespace's environment id).
    const recorded = (await activityOf(pool, [environmentId])).get(environmentId);
    expect(Number(recorded?.requests) - before).toBeGreaterThanOrEqual(requests);
    expect(recorded?.lastSource).toBe('gateway');
    // The workflow's own clock never moved: only the recorded requests kept it.
    const status = await lifecycle.getStatus(environmentId);
    expect(Date.now() - Date.parse(status!.lastActivityAt)).toBeGreaterThan(IDLE_AFTER_S * 1000);

    // Requests stop: it leaves `ready` within idleAfter + one sweep period (+ the sweep's own run).
    const limitMs = (IDLE_AFTER_S + SWEEP_EVERY_S + 5) * 1000;
    let goneAfterMs: number | undefined;
    while (goneAfterMs === undefined) {
      const phase = (await lifecycle.getStatus(environmentId).catch(() => undefined))?.phase;
      if (phase !== 'ready') goneAfterMs = Date.now() - lastRequestAt;
      else if (Date.now() - lastRequestAt > limitMs + 30_000) break;
      else await new Promise((r) => setTimeout(r, 500));
    }
    expect(goneAfterMs, 'still ready long after the requests stopped').toBeDefined();
    expect(goneAfterMs!).toBeGreaterThanOrEqual(IDLE_AFTER_S * 1000);
    expect(goneAfterMs!).toBeLessThanOrEqual(limitMs);
    const outcome = (await temporal.client.workflow
      .getHandle(workflowIds.environment(environmentId))
      .result()) as EnvironmentOutcome;
    expect(outcome).toMatchObject({ phase: 'deleted', reason: 'idle' });
    process.stderr.write(
      `idle-from-traffic: ${requests} requests over ${BUSY_FOR_S} s kept it ready; left ready ${(goneAfterMs! / 1000).toFixed(1)} s after the last (limit ${limitMs / 1000} s)\n`,
    );
  });
});
