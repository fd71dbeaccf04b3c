import { randomUUID } from 'node:crypto';
import type { V1Deployment } from '@kubernetes/client-node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { PLANNED_REPLICAS_ANNOTATION } from '../../../deploy/sleep.js';
import { type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../../local/stack/node/layout.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { WARM_POOL_OWNER, workflowIds } from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { until } from '../../support/until.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { get } from '../gateway/support.js';
import { checkoutDev, firstOk } from './support.js';

/**
 * Wake on first request, for real: checkout-dev created on the real node through the production
 * worker (its own task queue), put to sleep through its workflow, then plain HTTP requests through a
 * gateway built from this checkout (the stack's daemon may run older code) wake it via Temporal and
 * answer 200 with the rows the seed wrote before the sleep. Also timed beside a wake through the API's
 * path (the update directly, then the first 200), in the same run. A claimed warm environment, whose
 * namespace and URLs keep the warm id, wakes through its claimer's workflow.
 */

describe('a sleeping environment wakes on its first request through the gateway', () => {
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let lifecycle: LifecycleClient;
  let kube: KubeClient;
  let gateway: RunningGateway;
  const environmentId = uniqueId('rn-wake');
  const warmId = uniqueId('rn-wake-warm');
  const claimerId = uniqueId('rn-wake-claimer');

  beforeAll(async () => {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode) {
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    }
    installTemporalRuntimeLogger();
    kube = await stackKube();
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({
      temporal: temporal.client,
      env: { ...(await stackEnv()), ...realNodeDeployEnv(endpoints.realNode) },
    });
    const taskQueue = `real-wake-${randomUUID()}`;
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      config: temporal.config,
      activities: createActivities({ ...dependencies, heartbeatEveryMs: 2000 }),
    });
    workerRun = worker.run();
    lifecycle = new LifecycleClient(temporal.client, taskQueue);
    // The production waker, with the settings the daemon gets from the stack.
    gateway = await startGateway({
      kube,
      log: pino({ level: 'warn' }),
      port: 0,
      wake: { holdTimeoutMs: 240_000, env: await stackEnv() },
      // checkoutDev()'s api is `access: public`: these environments have no rows in the API's tables,
      // and this test is about waking (credentials: test/integ/gateway/access.test.ts).
      access: { databaseUrl: (await stackEnv()).DATABASE_URL, secureCookies: false },
    });
  }, 120_000);

  afterAll(async () => {
    if (lifecycle) {
      // Only running workflows: a claimed warm environment's ended, and its claimer's teardown removes
      // the namespace it took over (a teardown workflow on this test's queue would outlive the worker).
      const ids = [environmentId, claimerId, warmId];
      const running = await Promise.all(
        ids.map((id) =>
          temporal.client.workflow
            .getHandle(workflowIds.environment(id))
            .describe()
            .then((d) => d.status.name === 'RUNNING')
            .catch(() => false),
        ),
      );
      const live = ids.filter((_, i) => running[i]);
      for (const id of live) await lifecycle.teardown(id, { reason: 'requested', requestedBy: 'test' });
      for (const id of live) {
        await temporal.client.workflow
          .getHandle(workflowIds.environment(id))
          .result()
          .catch(() => {});
      }
    }
    await gateway?.close();
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
  }, 300_000);

  /** Puts `id` to sleep through its workflow and checks what the gateway sees: every workload at zero, marked. */
  const sleep = async (id: string, runtimeId = id) => {
    const asleep = await lifecycle.sleep(id, 'test');
    expect(asleep.phase).toBe('sleeping');
    const deployments = await kube.list<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      labelSelector: `${LABELS.environment}=${runtimeId}`,
    });
    expect(deployments.items.length).toBeGreaterThan(0);
    for (const d of deployments.items) {
      expect(d.spec?.replicas).toBe(0);
      expect(d.metadata?.annotations?.[PLANNED_REPLICAS_ANNOTATION]).toBeDefined();
    }
    // The gateway's watch sees that within an event.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return asleep;
  };

  /** Polls through the gateway every 50 ms until 200: for an environment already awake. */
  const until200 = async (host: string) => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const answer = await get({ base: gateway.url, host, path: '/products', timeoutMs: 10_000 }).catch(
        () => undefined,
      );
      if (answer?.status === 200) return;
      if (Date.now() > deadline) {
        // What the gateway saw, to tell a backend's answer from the gateway's own (e.g. its cluster view).
        const health = await get({
          base: gateway.url,
          host: '127.0.0.1',
          path: '/__microstax/healthz',
        }).catch(String);
        throw new Error(
          `${host} never answered 200; last ${answer?.status} ${answer?.body.slice(0, 300)}; ` +
            `gateway health: ${typeof health === 'string' ? health : health.body}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const metricsText = async () =>
    (await get({ base: gateway.url, host: '127.0.0.1', path: '/__microstax/metrics', timeoutMs: 10_000 }))
      .body;
  /** The metrics once the gateway counted `count` wakes: it counts one when the workflow's wake returns. */
  const wokenWakes = (count: number) =>
    until(
      `${count} wakes counted`,
      metricsText,
      (text) => text.match(/microstax_gateway_wakes_total\{result="woken"\} (\d+)/)?.[1] === String(count),
      { timeoutMs: 60_000, everyMs: 100 },
    );

  it('answers 200 after the wake, wakes once for concurrent requests, and leaves the environment ready', async () => {
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: await checkoutDev(),
      owner: 'ana@acme.io',
      team: 'payments',
      ttl: '1h',
      claimWarm: false,
    });
    const ready = await lifecycle.waitReady(environmentId);
    expect(ready.phase).toBe('ready');
    const host = new URL(ready.urls.api!).hostname;
    expect(host).toBe(`api.${environmentId}.microstax.localhost`);
    await firstOk(`http://${host}:${gateway.port}/products`);

    // Asleep, then five requests at once through the gateway: one wake, five answers.
    const asleep = await sleep(environmentId);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        get({ base: gateway.url, host, path: '/products', timeoutMs: 240_000 }),
      ),
    );
    const firstWakeMs = performance.now() - started;
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(200);
      expect(answer.headers['x-microstax-routed-to']).toBe(environmentId);
    }
    // The seed's rows survived the sleep (the volume was kept); the database woke too (before the api:
    // the wake goes in dependency order, test/integ/real-node/wake-order.test.ts).
    const products = JSON.parse(answers[0]!.body) as { products: { sku: string }[] };
    expect(products.products.map((p) => p.sku).sort()).toEqual(['CAP-NVY', 'MUG-WHT', 'TEE-BLK-M']);
    // The requests were answered once the api answered; the workflow finishes its wake just after.
    const awake = await lifecycle.waitReady(environmentId);
    const metrics = await wokenWakes(1);
    expect(metrics).toMatch(
      /microstax_gateway_requests_total\{outcome="woken",status="200",header_routed="false"\} 5\n/,
    );

    expect(awake?.phase).toBe('ready');
    expect(awake?.sleepingSince).toBeUndefined();
    // The wake counts as activity: the idle sweep's clock starts again.
    expect(Date.parse(awake!.lastActivityAt)).toBeGreaterThan(Date.parse(asleep.sleepingSince!));

    // The figure (gateway/README.md), side by side in this run, alternating: one request through the
    // gateway from asleep to 200, against the API's way (the wake update, then polling every 50 ms).
    const gatewayMs = [firstWakeMs];
    const directMs: number[] = [];
    for (const order of [
      ['direct', 'gateway'],
      ['gateway', 'direct'],
    ] as const) {
      for (const way of order) {
        await sleep(environmentId);
        const t0 = performance.now();
        if (way === 'gateway') {
          const answer = await get({ base: gateway.url, host, path: '/products', timeoutMs: 240_000 });
          expect(answer.status, answer.body).toBe(200);
          gatewayMs.push(performance.now() - t0);
          // Ready again before the next sleep (the workflow refuses to put a waking environment to sleep).
          await lifecycle.waitReady(environmentId);
        } else {
          await lifecycle.wake(environmentId, 'test');
          await until200(host);
          directMs.push(performance.now() - t0);
        }
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `wake on first request (checkout-dev: db, cache, api): through the gateway ${gatewayMs.map(Math.round).join(', ')} ms ` +
        `(median ${Math.round(median(gatewayMs))}); wake update + first 200 ${directMs.map(Math.round).join(', ')} ms ` +
        `(median ${Math.round(median(directMs))}); ratio ${(median(gatewayMs) / median(directMs)).toFixed(2)}`,
    );
    await wokenWakes(3);
  }, 900_000);

  it("a claimed warm environment (its namespace keeps the warm id) wakes through its claimer's workflow", async () => {
    // A blueprint name of its own, so no other test's warm pool is claimed, nor ours by them.
    const blueprint = await checkoutDev((yaml) => yaml.replace('name: checkout-dev', 'name: checkout-wake'));
    await lifecycle.createEnvironment({
      environmentId: warmId,
      blueprint,
      owner: WARM_POOL_OWNER,
      team: 'payments',
      warm: true,
    });
    expect((await lifecycle.waitReady(warmId)).phase).toBe('warm');
    // The claim finds warm environments by visibility: wait until it lists this one.
    const listed = `WorkflowId = '${workflowIds.environment(warmId)}' AND Phase = 'warm'`;
    for (let i = 0; i < 100; i++) {
      const found = [];
      for await (const execution of temporal.client.workflow.list({ query: listed })) found.push(execution);
      if (found.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await lifecycle.createEnvironment({
      environmentId: claimerId,
      blueprint,
      owner: 'ana@acme.io',
      team: 'payments',
      ttl: '1h',
    });
    const claimed = await lifecycle.waitReady(claimerId);
    expect(claimed).toMatchObject({ phase: 'ready', runtimeId: warmId, claimedFrom: warmId });
    const host = new URL(claimed.urls.api!).hostname;
    expect(host).toBe(`api.${warmId}.microstax.localhost`);

    await sleep(claimerId, warmId);
    const answer = await get({ base: gateway.url, host, path: '/products', timeoutMs: 240_000 });
    expect(answer.status, answer.body).toBe(200);
    expect((await lifecycle.waitReady(claimerId)).phase).toBe('ready');
  }, 900_000);
});
