import type { V1Deployment, V1Job, V1Namespace, V1Service } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlanner } from '../../../activities/planner-adapter.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { ANNOTATIONS, LABELS, loadDeployConfig, namespaceFor } from '../../../deploy/index.js';
import type { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { ensureSchedules } from '../../../temporal/schedules.js';
import {
  type EnvironmentOutcome,
  type IdleSweepResult,
  type PrewarmPoolResult,
  WorkflowType,
  workflowIds,
} from '../../../workflows/contracts.js';
import { until } from '../../support/until.js';
import { smallBlueprint } from './support/blueprints.js';
import { CAPACITY_NODE_CPU, clusterRuntime, isGone, namespacesOf } from './support/cluster.js';
import { activityRuns, newEnvironmentId, WorkflowTestHarness } from './support/harness.js';
import { HoldingStore } from './support/holding-store.js';

/** Schedules, the idle sweep and the warm pool, deploying with KubeRuntime on the stack's cluster. */
const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

const result = (workflowId: string) => harness.temporal.client.workflow.getHandle(workflowId).result();

describe('idle teardown', () => {
  it('the idle-sweep Schedule tears down an environment idle for longer than idleAfter, and spares an active one', async () => {
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'idle-schedule' });
    const idle = newEnvironmentId('idle');
    const busy = newEnvironmentId('busy');
    await Promise.all(
      [idle, busy].map(async (environmentId) => {
        await lifecycle.createEnvironment({
          environmentId,
          blueprint: smallBlueprint(),
          owner: 'ada',
          team: 'payments',
          idleAfter: environmentId === idle ? '2s' : '1h',
        });
        expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
      }),
    );
    const [scheduleId] = await ensureSchedules({
      client: harness.temporal.client,
      taskQueue,
      idSuffix: taskQueue,
      schedules: { idleSweepEvery: '2s' },
    });
    try {
      const description = await harness.temporal.client.schedule.getHandle(scheduleId!).describe();
      expect(description.action).toMatchObject({ workflowType: WorkflowType.idleSweep, taskQueue });
      expect((await result(workflowIds.environment(idle))) as EnvironmentOutcome).toMatchObject({
        phase: 'deleted',
        reason: 'idle',
      });
      expect(await isGone(harness.kube, idle)).toBe(true);
      expect((await lifecycle.getStatus(busy))?.phase).toBe('ready');
    } finally {
      await harness.temporal.client.schedule.getHandle(scheduleId!).delete();
      await lifecycle.teardown(busy, { reason: 'requested' });
      await result(workflowIds.environment(busy));
    }
  });

  it('the sweep itself reports what it examined, tore down and put to sleep (idle: sleep from the blueprint)', async () => {
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'idle-sweep' });
    const goes = newEnvironmentId('idle');
    const sleeps = newEnvironmentId('sleepy');
    await Promise.all(
      [goes, sleeps].map(async (environmentId) => {
        await lifecycle.createEnvironment({
          environmentId,
          // The sleeper's idle action comes from its blueprint, not from a create option.
          blueprint: environmentId === sleeps ? { ...smallBlueprint(), idle: 'sleep' } : smallBlueprint(),
          owner: 'a',
          team: 't',
          idleAfter: '1s',
        });
        await lifecycle.waitReady(environmentId);
      }),
    );
    await new Promise((r) => setTimeout(r, 1200));
    const sweep: IdleSweepResult = await harness.temporal.client.workflow.execute(WorkflowType.idleSweep, {
      taskQueue,
      workflowId: `sweep-${goes}`,
      args: [{}],
    });
    expect(sweep).toEqual({
      examined: 2,
      tornDown: [{ environmentId: goes, reason: 'idle' }],
      putToSleep: [sleeps],
    });
    expect(await result(workflowIds.environment(goes))).toMatchObject({ phase: 'deleted', reason: 'idle' });
    await waitFor(async () => (await lifecycle.getStatus(sleeps))?.phase === 'sleeping');
    expect(await replicasOf(sleeps)).toEqual({ api: 0, web: 0 });
    await lifecycle.teardown(sleeps, { reason: 'requested' });
    await result(workflowIds.environment(sleeps));
    expect(await isGone(harness.kube, sleeps)).toBe(true);
  });
});

describe('idle sweep and branches', () => {
  it('spares an idle environment while a live branch reuses its services, and sweeps it once the branch is gone', async () => {
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'idle-parent' });
    const parent = newEnvironmentId('idlepar');
    const branch = newEnvironmentId('busybr');
    const blueprint = smallBlueprint();
    await lifecycle.createEnvironment({
      environmentId: parent,
      blueprint,
      owner: 'a',
      team: 't',
      idleAfter: '1s',
    });
    await lifecycle.waitReady(parent);
    await lifecycle.createEnvironment({
      environmentId: branch,
      blueprint,
      baseline: { environmentId: parent, blueprint },
      owner: 'a',
      team: 't',
      idleAfter: '1h',
    });
    await lifecycle.waitReady(branch);
    await new Promise((r) => setTimeout(r, 1200));
    const sweep = (id: string): Promise<IdleSweepResult> =>
      harness.temporal.client.workflow.execute(WorkflowType.idleSweep, {
        taskQueue,
        workflowId: `sweep-${id}`,
        args: [{}],
      });
    expect(await sweep(`${parent}-1`)).toEqual({ examined: 2, tornDown: [] });
    expect((await lifecycle.getStatus(parent))?.phase).toBe('ready');

    await lifecycle.teardown(branch, { reason: 'requested' });
    await result(workflowIds.environment(branch));
    expect(await sweep(`${parent}-2`)).toEqual({
      examined: 1,
      tornDown: [{ environmentId: parent, reason: 'idle' }],
    });
    expect(await result(workflowIds.environment(parent))).toMatchObject({ phase: 'deleted', reason: 'idle' });
    expect(await isGone(harness.kube, parent)).toBe(true);
  });
});

describe('sleep mode', () => {
  it('sleep scales every workload to zero and keeps data, Secrets and Services; wake brings it back ready', {
    timeout: 180_000,
  }, async () => {
    const { lifecycle } = await harness.startWorker({ testName: 'sleep-wake' });
    const environmentId = newEnvironmentId('sleep');
    const base = smallBlueprint();
    // A data service with a volume: sleep must keep its claim.
    const blueprint = {
      ...base,
      services: [
        ...base.services,
        {
          ...base.services[1]!,
          name: 'db',
          image: 'postgres:16-alpine',
          ports: [5432],
          env: [],
          resources: undefined,
          stateful: true,
          isDataService: true,
          volumes: [{ path: '/var/lib/postgresql/data' }],
        },
      ],
    };
    await lifecycle.createEnvironment({ environmentId, blueprint, owner: 'ada', team: 'payments' });
    expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
    const namespace = namespaceFor(environmentId, loadDeployConfig().namespacePrefix);
    const kept = async () => ({
      claims: (await harness.kube.list({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace })).items
        .length,
      secrets: (
        await harness.kube.list({
          apiVersion: 'v1',
          kind: 'Secret',
          namespace,
          labelSelector: `${LABELS.environment}=${environmentId}`,
        })
      ).items.length,
      services: (
        await harness.kube.list({
          apiVersion: 'v1',
          kind: 'Service',
          namespace,
          labelSelector: `${LABELS.environment}=${environmentId}`,
        })
      ).items.length,
    });
    const before = await kept();
    expect(before.claims).toBe(1);

    const asleep = await lifecycle.sleep(environmentId, 'ada');
    expect(asleep.phase).toBe('sleeping');
    expect(asleep.error).toBeUndefined();
    expect(asleep.sleepingSince).toBeDefined();
    expect(await replicasOf(environmentId)).toEqual({ api: 0, db: 0, web: 0 });
    const pods = await harness.kube.list({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace,
      labelSelector: `${LABELS.service},${LABELS.role}!=init`,
    });
    expect(pods.items).toEqual([]);
    expect(await kept()).toEqual(before);
    // Asleep twice is still asleep; the planned replicas are not lost.
    expect((await lifecycle.sleep(environmentId)).phase).toBe('sleeping');
    // A sleeping environment is not idle-swept and refuses a second sleep only when not ready or asleep.
    const described = await harness.temporal.client.workflow
      .getHandle(workflowIds.environment(environmentId))
      .describe();
    expect(described.typedSearchAttributes.getAll().find((p) => p.key.name === 'Phase')?.value).toBe(
      'sleeping',
    );

    const awake = await lifecycle.wake(environmentId, 'ada');
    expect(awake.phase).toBe('ready');
    expect(awake.services.filter((s) => s.state !== 'ready')).toEqual([]);
    expect(await replicasOf(environmentId)).toEqual({ api: 1, db: 1, web: 1 });
    expect(await kept()).toEqual(before);

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await result(workflowIds.environment(environmentId));
    expect(await isGone(harness.kube, environmentId)).toBe(true);
    const refused = await lifecycle.sleep(environmentId).catch((e) => e);
    expect(refused).toBeInstanceOf(Error);
  });
});

/** A small environment of ada's, created, ready, then put to sleep: its id. */
async function sleepingSmallEnvironment(lifecycle: LifecycleClient, prefix: string): Promise<string> {
  const environmentId = newEnvironmentId(prefix);
  await lifecycle.createEnvironment({
    environmentId,
    blueprint: smallBlueprint(),
    owner: 'ada',
    team: 'payments',
  });
  expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
  expect((await lifecycle.sleep(environmentId, 'ada')).phase).toBe('sleeping');
  return environmentId;
}

describe('a wake that fails', () => {
  it('answers the wake with its error (it used to wait forever) and keeps the environment asleep', {
    timeout: 180_000,
  }, async () => {
    // A pod the cluster cannot place counts as failed after 1 s instead of the default grace.
    const runtime = clusterRuntime(harness.kube, { unschedulableGraceMs: 1000 });
    const { lifecycle } = await harness.startWorker({ testName: 'wake-fails', runtime });
    const environmentId = await sleepingSmallEnvironment(lifecycle, 'wakefail');

    // While it sleeps, api comes to need more CPU than any node has: waking it cannot succeed.
    const namespace = namespaceFor(environmentId, loadDeployConfig().namespacePrefix);
    const api = await harness.kube.read<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'api',
      namespace,
    });
    const container = api.spec!.template.spec!.containers[0]!;
    const heavy = { cpu: CAPACITY_NODE_CPU, memory: '1Gi' };
    container.resources = { requests: heavy, limits: heavy };
    await harness.kube.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      // Everything it had (labels, the planned-replicas annotation, replicas 0), with the new resources.
      metadata: {
        name: 'api',
        namespace,
        labels: api.metadata!.labels,
        annotations: api.metadata!.annotations,
      },
      spec: api.spec,
    });

    const refused = await lifecycle.wake(environmentId, 'ada').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect(String((refused as Error & { cause?: unknown }).cause ?? refused)).toMatch(/wake failed/);
    const status = await lifecycle.getStatus(environmentId);
    expect(status?.phase).toBe('sleeping');
    expect(status?.error?.message).toBeTruthy();

    // A wake asked while another runs is answered by that one (it ends after the ask): both get its
    // failure, and no second wake repeats it.
    const workflowId = workflowIds.environment(environmentId);
    const scalesBefore = (await activityRuns(harness.temporal.client, workflowId, 'scaleEnvironment'))
      .scheduled;
    const first = lifecycle.wake(environmentId, 'ada').catch((error: unknown) => error);
    await until(
      'the wake to start',
      () => lifecycle.getStatus(environmentId),
      (current) => current?.phase === 'waking',
      { timeoutMs: 30_000, everyMs: 50 },
    );
    const joined = await lifecycle.wake(environmentId, 'bob').catch((error: unknown) => error);
    for (const answer of [await first, joined]) {
      expect(String((answer as Error & { cause?: unknown }).cause ?? answer)).toMatch(/wake failed/);
    }
    const scalesAfter = (await activityRuns(harness.temporal.client, workflowId, 'scaleEnvironment'))
      .scheduled;
    expect(scalesAfter - scalesBefore).toBe(1);

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await result(workflowIds.environment(environmentId));
    expect(await isGone(harness.kube, environmentId)).toBe(true);
  });
});

describe('a sleep asked while a wake ends', () => {
  it('answers the wake with the wake that ended (it used to wait for a wake after the sleep)', {
    timeout: 180_000,
  }, async () => {
    const store = new HoldingStore();
    const { lifecycle } = await harness.startWorker({ testName: 'sleep-during-wake', extra: { store } });
    const environmentId = await sleepingSmallEnvironment(lifecycle, 'race');

    // The wake's closing record is held: the environment is ready but the wake has not ended, and a
    // sleep (ready environments accept one) is asked in that moment; the loop starts it as the wake ends.
    const closing = store.holdNext(
      (status) => status.environmentId === environmentId && status.phase === 'ready',
    );
    const woken = lifecycle.wake(environmentId, 'ada');
    await closing.reached;
    await lifecycle.requestSleepMode({ environmentId, mode: 'sleep', requestedBy: 'ada' });
    closing.release();

    await until(
      'the sleep asked during the wake',
      () => lifecycle.getStatus(environmentId),
      (status) => status?.phase === 'sleeping',
      { timeoutMs: 60_000 },
    );
    const noAnswer = new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 10_000));
    const answer = await Promise.race([woken, noAnswer]);
    expect(answer).toMatchObject({ phase: 'ready' });
    expect(answer).not.toHaveProperty('error');

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await result(workflowIds.environment(environmentId));
  });
});

describe('warm pool', () => {
  it('pre-warm fills the pool, a create claims and relabels a warm environment, and the next run refills', async () => {
    // The real planner: the branch below is planned against the claimed environment.
    const { lifecycle, taskQueue } = await harness.startWorker({
      testName: 'prewarm',
      planner: createPlanner({}),
    });
    const small = smallBlueprint({ name: `pool-${Date.now().toString(36)}` });
    // api has an init step, so a seed of the claimed environment has something to run.
    const blueprint: ResolvedBlueprint = {
      ...small,
      services: small.services.map((service) =>
        service.name === 'api'
          ? {
              ...service,
              init: [{ type: 'sql', script: 'seed.sql', content: 'SELECT 1;', sha256: 'd'.repeat(64) }],
            }
          : service,
      ),
    };
    const prewarm = (): Promise<PrewarmPoolResult> =>
      harness.temporal.client.workflow.execute(WorkflowType.prewarmPool, {
        taskQueue,
        workflowId: `prewarm-${newEnvironmentId()}`,
        args: [{ pools: [{ blueprint, size: 2 }] }],
      });

    const first = await prewarm();
    expect(first.pools[0]).toMatchObject({ target: 2, warm: 0 });
    const warmIds = first.pools[0]!.started;
    expect(warmIds).toHaveLength(2);
    for (const id of warmIds) expect((await lifecycle.waitReady(id)).phase).toBe('warm');
    const warmLabels = (await namespacesOf(harness.kube, warmIds[0]!))[0]!.metadata!.labels!;
    expect(warmLabels[LABELS.owner]).toBe('warm-pool');

    const environmentId = newEnvironmentId('claim');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint,
      owner: 'ada',
      team: 'payments',
      ttl: '1h',
    });
    const claimed = await lifecycle.waitReady(environmentId);
    expect(claimed.phase).toBe('ready');
    expect(warmIds).toContain(claimed.claimedFrom);
    expect(claimed.runtimeId).toBe(claimed.claimedFrom);
    expect(await isGone(harness.kube, environmentId)).toBe(true); // nothing deployed cold
    expect(await result(workflowIds.environment(claimed.claimedFrom!))).toMatchObject({ phase: 'claimed' });
    // The claimed namespace now carries its claimer's owner, team and expiry, not the pool's.
    const [namespace] = (await namespacesOf(harness.kube, claimed.runtimeId)) as [V1Namespace];
    expect(namespace.metadata!.labels).toMatchObject({
      [LABELS.owner]: 'ada',
      [LABELS.team]: 'payments',
      [LABELS.environment]: claimed.runtimeId,
      [LABELS.expiresAt]: String(Math.floor(Date.parse(claimed.expiresAt!) / 1000)),
    });
    expect(namespace.metadata!.annotations?.[ANNOTATIONS.owner]).toBe('ada');

    // The claimed environment lives in the warm namespace: a seed runs its Job there, and a branch of
    // it reuses its services from there (the branch knows only the claimer's id).
    expect(
      await lifecycle.seed({ environmentId, blueprint, service: 'api', source: { kind: 'init' } }, 's1'),
    ).toMatchObject({ stepsRun: 1 });
    const seedJobs = await harness.kube.list<V1Job>({
      apiVersion: 'batch/v1',
      kind: 'Job',
      namespace: namespaceFor(claimed.runtimeId, loadDeployConfig().namespacePrefix),
      labelSelector: `${LABELS.role}=init`,
    });
    expect(seedJobs.items.length).toBeGreaterThanOrEqual(2); // the warm create's, and the seed's
    const branchId = newEnvironmentId('claimbr');
    await lifecycle.createEnvironment({
      environmentId: branchId,
      blueprint: {
        ...blueprint,
        services: blueprint.services.map((service) =>
          service.name === 'web' ? { ...service, image: 'ghcr.io/acme/web:2.0' } : service,
        ),
      },
      baseline: { environmentId, blueprint },
      owner: 'ada',
      team: 'payments',
    });
    const branchStatus = await lifecycle.waitReady(branchId);
    expect(branchStatus.phase).toBe('ready');
    expect(branchStatus.plan?.services.find((service) => service.name === 'api')?.action).toBe('reuse');
    const branchNamespace = namespaceFor(branchId, loadDeployConfig().namespacePrefix);
    const reusedApi = await harness.kube.read<V1Service>({
      apiVersion: 'v1',
      kind: 'Service',
      name: 'api',
      namespace: branchNamespace,
    });
    expect(reusedApi.spec?.type).toBe('ExternalName');
    expect(reusedApi.spec?.externalName).toContain(
      namespaceFor(claimed.runtimeId, loadDeployConfig().namespacePrefix),
    );
    const [branchNs] = (await namespacesOf(harness.kube, branchId)) as [V1Namespace];
    expect(branchNs.metadata!.labels![LABELS.baseline]).toBe(claimed.runtimeId);
    await lifecycle.teardown(branchId, { reason: 'requested' });
    await result(workflowIds.environment(branchId));

    const second = await prewarm();
    expect(second.pools[0]).toMatchObject({ target: 2, warm: 1 });
    expect(second.pools[0]!.started).toHaveLength(1);

    // Tearing down the claimer removes the claimed namespace.
    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await result(workflowIds.environment(environmentId));
    expect(await isGone(harness.kube, claimed.claimedFrom!)).toBe(true);
    const rest = [...warmIds, ...second.pools[0]!.started].filter((id) => id !== claimed.claimedFrom);
    await Promise.all(
      rest.map(async (id) => {
        await lifecycle.waitReady(id);
        await lifecycle.teardown(id, { reason: 'requested' });
        await result(workflowIds.environment(id));
        expect(await isGone(harness.kube, id)).toBe(true);
      }),
    );
  });
});

/** Each workload's spec.replicas, by service. */
async function replicasOf(environmentId: string): Promise<Record<string, number>> {
  const namespace = namespaceFor(environmentId, loadDeployConfig().namespacePrefix);
  const replicas: Record<string, number> = {};
  for (const kind of ['Deployment', 'StatefulSet']) {
    const list = await harness.kube.list<{
      apiVersion?: string;
      kind?: string;
      metadata?: { name?: string };
      spec?: { replicas?: number };
    }>({ apiVersion: 'apps/v1', kind, namespace });
    for (const item of list.items) replicas[item.metadata!.name!] = item.spec?.replicas ?? 1;
  }
  return Object.fromEntries(Object.entries(replicas).sort(([a], [b]) => a.localeCompare(b)));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
