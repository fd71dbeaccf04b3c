import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { V1Deployment } from '@kubernetes/client-node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { PLANNED_REPLICAS_ANNOTATION } from '../../../deploy/sleep.js';
import { type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { readStackEndpoints } from '../../../stack/endpoints.js';
import { realNodeDeployEnv } from '../../../stack/node/layout.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { checkoutDev, firstOk } from './support.js';

/**
 * Wake on first request, for real: checkout-dev created on the real node through the production
 * worker (its own task queue), put to sleep through its workflow, then plain HTTP requests through a
 * gateway built from this checkout (the stack's daemon may run older code) wake it via Temporal and
 * answer 200 with the rows the seed wrote before the sleep. Also timed beside a wake through the API's
 * path (the update directly, then the first 200), in the same run.
 */

/** One GET with the environment's host, waiting as long as a wake may take. */
function get(params: { gatewayUrl: string; host: string; path: string; timeoutMs: number }) {
  const gateway = new URL(params.gatewayUrl);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: gateway.hostname,
          port: Number(gateway.port),
          path: params.path,
          headers: { host: params.host, accept: 'application/json' },
          agent: false,
          timeout: params.timeoutMs,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`no answer from ${params.host} in ${params.timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('a sleeping environment wakes on its first request through the gateway', () => {
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let lifecycle: LifecycleClient;
  let kube: KubeClient;
  let gateway: RunningGateway;
  const environmentId = uniqueId('rn-wake');

  beforeAll(async () => {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode) {
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    }
    installTemporalRuntimeLogger();
    kube = await stackKube();
    temporal = await createTemporalClient();
    const dependencies = await createWorkerDependencies({
      temporal: temporal.client,
      env: { ...process.env, ...realNodeDeployEnv(endpoints.realNode) },
    });
    const taskQueue = `real-wake-${randomUUID()}`;
    worker = await createLifecycleWorker({
      taskQueue,
      config: temporal.config,
      activities: createActivities({ ...dependencies, heartbeatEveryMs: 2000 }),
    });
    workerRun = worker.run();
    lifecycle = new LifecycleClient(temporal.client, taskQueue);
    // The production waker: Temporal found the way the daemon finds it (the stack's endpoints).
    gateway = await startGateway({
      kube,
      log: pino({ level: 'warn' }),
      port: 0,
      wake: { holdTimeoutMs: 240_000 },
    });
  }, 120_000);

  afterAll(async () => {
    if (lifecycle) {
      await lifecycle.teardown(environmentId, { reason: 'requested', requestedBy: 'test' }).catch(() => {});
      await temporal.client.workflow
        .getHandle(workflowIds.environment(environmentId))
        .result()
        .catch(() => {});
    }
    await gateway?.close();
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
  }, 300_000);

  const sleep = async () => {
    const asleep = await lifecycle.sleep(environmentId, 'test');
    expect(asleep.phase).toBe('sleeping');
    // Sleep marks the workloads; the gateway's watch sees that within an event.
    const deployments = await kube.list<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      labelSelector: `${LABELS.environment}=${environmentId}`,
    });
    expect(deployments.items.length).toBeGreaterThan(0);
    for (const d of deployments.items) {
      expect(d.spec?.replicas).toBe(0);
      expect(d.metadata?.annotations?.[PLANNED_REPLICAS_ANNOTATION]).toBeDefined();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return asleep;
  };

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
    const viaGateway = (path: string, timeoutMs = 240_000) =>
      get({ gatewayUrl: gateway.url, host, path, timeoutMs });
    await firstOk(`http://${host}:${gateway.port}/products`);

    // 1. Asleep, then five requests at once through the gateway: one wake, five answers.
    const asleep = await sleep();
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 5 }, () => viaGateway('/products')));
    const gatewayWakeMs = performance.now() - started;
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(200);
      expect(answer.headers['x-microstax-routed-to']).toBe(environmentId);
    }
    // The seed's rows survived the sleep (the volume was kept); the database woke too.
    const products = JSON.parse(answers[0]!.body) as { products: { sku: string }[] };
    expect(products.products.map((p) => p.sku).sort()).toEqual(['CAP-NVY', 'MUG-WHT', 'TEE-BLK-M']);
    const metrics = await get({
      gatewayUrl: gateway.url,
      host,
      path: '/__microstax/metrics',
      timeoutMs: 10_000,
    });
    expect(metrics.body).toMatch(/microstax_gateway_wakes_total\{result="woken"\} 1\n/);
    expect(metrics.body).toMatch(
      /microstax_gateway_requests_total\{outcome="woken",status="200",header_routed="false"\} 5\n/,
    );

    const awake = await lifecycle.getStatus(environmentId);
    expect(awake?.phase).toBe('ready');
    expect(awake?.sleepingSince).toBeUndefined();
    // The wake counts as activity: the idle sweep's clock starts again.
    expect(Date.parse(awake!.lastActivityAt)).toBeGreaterThan(Date.parse(asleep.sleepingSince!));

    // 2. The same environment asleep again, woken the API's way (the update), then its first 200: the
    // baseline for the gateway's figure, measured in the same run.
    await sleep();
    const directStarted = performance.now();
    await lifecycle.wake(environmentId, 'test');
    await firstOk(`http://${host}:${gateway.port}/products`, 120_000);
    const directWakeMs = performance.now() - directStarted;

    // The figure (see gateway/README.md): first request to 200, against wake update + first 200.
    console.log(
      `wake on first request: ${Math.round(gatewayWakeMs)} ms through the gateway, ${Math.round(directWakeMs)} ms by wake update + first 200 (ratio ${(gatewayWakeMs / directWakeMs).toFixed(2)})`,
    );
  }, 900_000);
});
