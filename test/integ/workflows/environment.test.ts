import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { LifecycleRequestError } from '../../../temporal/errors.js';
import { LifecycleErrorType, statusQuery, workflowIds } from '../../../workflows/contracts.js';
import { smallBlueprint } from './support/blueprints.js';
import { CAPACITY_NODE_CPU, clusterRuntime, FlakyRuntime, isGone, namespacesOf } from './support/cluster.js';
import { activityRuns, newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

/** The environment workflow on the real Temporal server, deploying with KubeRuntime on the stack's cluster. */
const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
// The tests run side by side (each on its own task queue and environment), so no test may stop the
// workers of the others: tearDown stops them all, after tearing down what a failed test left.
afterAll(() => harness.tearDown());

const handleOf = (environmentId: string) =>
  harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId));

// Concurrent: most of each test is waiting for the cluster (a namespace takes ~10 s to go).
describe.concurrent('createEnvironment', () => {
  it('creates an environment, reports phase and per-service progress, and tears it down on request', async ({
    expect,
  }) => {
    const { lifecycle } = await harness.startWorker({ testName: 'create-teardown' });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint(),
      owner: 'ada',
      team: 'payments',
    });

    const ready = await lifecycle.waitReady(environmentId);
    expect(ready.error).toBeUndefined();
    expect(ready.phase).toBe('ready');
    expect(ready.services.map((s) => [s.name, s.state])).toEqual([
      ['web', 'ready'],
      ['api', 'ready'],
    ]);
    expect(ready.urls.web).toContain(environmentId);
    expect(await namespacesOf(harness.kube, environmentId)).toHaveLength(1);

    const described = await handleOf(environmentId).describe();
    expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['EnvironmentId', environmentId],
        ['Phase', 'ready'],
        ['Team', 'payments'],
      ]),
    );

    await lifecycle.teardown(environmentId, { reason: 'requested', requestedBy: 'ada' });
    expect(await handleOf(environmentId).result()).toEqual({
      environmentId,
      phase: 'deleted',
      reason: 'requested',
    });
    expect(await isGone(harness.kube, environmentId)).toBe(true);
    expect((await handleOf(environmentId).query(statusQuery)).phase).toBe('deleted');
  });

  it('compensates a create the cluster refuses for good: tears down what was applied and fails typed', async ({
    expect,
  }) => {
    const { lifecycle } = await harness.startWorker({ testName: 'compensation' });
    const environmentId = newEnvironmentId();
    const blueprint = smallBlueprint();
    // More CPU than any node has, and no autoscaler: the scheduler refuses it for real.
    blueprint.services[1]!.resources = {
      requests: { cpu: CAPACITY_NODE_CPU, memory: '1Gi' },
      limits: { cpu: CAPACITY_NODE_CPU, memory: '1Gi' },
    };
    await lifecycle.createEnvironment({ environmentId, blueprint, owner: 'ada', team: 'payments' });

    const error = await handleOf(environmentId)
      .result()
      .catch((e) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(LifecycleErrorType.DeployFailed);
    expect(cause?.message).toMatch(/api: unschedulable/);
    expect(
      await activityRuns(
        harness.temporal.client,
        workflowIds.environment(environmentId),
        'teardownEnvironment',
      ),
    ).toMatchObject({ completed: 1 });
    expect(await isGone(harness.kube, environmentId)).toBe(true);
    const status = await handleOf(environmentId).query(statusQuery);
    expect(status.phase).toBe('failed');
    expect(status.error?.type).toBe(LifecycleErrorType.DeployFailed);
  });

  it('retries transient deploy errors and ends ready exactly once, in one namespace', async ({ expect }) => {
    const runtime = new FlakyRuntime(clusterRuntime(harness.kube), { transientDeployFailures: 2 });
    const { lifecycle } = await harness.startWorker({ testName: 'transient', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
    expect(runtime.deploys).toBe(3);
    expect(
      await activityRuns(
        harness.temporal.client,
        workflowIds.environment(environmentId),
        'deployEnvironment',
      ),
    ).toEqual({ scheduled: 1, completed: 1, attempts: 3 });
    expect(await namespacesOf(harness.kube, environmentId)).toHaveLength(1);
    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await handleOf(environmentId).result();
    expect(await isGone(harness.kube, environmentId)).toBe(true);
  });

  it('cancels a create in flight cleanly when a teardown is requested', async ({ expect }) => {
    // The api waits for capacity that never comes (and is not declared failed for a minute).
    const runtime = clusterRuntime(harness.kube, { unschedulableGraceMs: 60_000 });
    const { lifecycle } = await harness.startWorker({ testName: 'cancel-during-create', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint({ waitForCapacity: true }),
      owner: 'ada',
      team: 'payments',
    });
    await waitFor(async () => (await lifecycle.getStatus(environmentId))?.phase === 'waiting');
    expect(await namespacesOf(harness.kube, environmentId)).toHaveLength(1);
    // Sleep is refused by the workflow itself while the create runs: a request error with its reason.
    const refusal = await lifecycle
      .requestSleepMode({ environmentId, mode: 'sleep' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(LifecycleRequestError);
    expect((refusal as Error).message).toMatch(/only a ready environment can go to sleep/);

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    expect(await handleOf(environmentId).result()).toEqual({
      environmentId,
      phase: 'deleted',
      reason: 'requested',
    });
    const history = await handleOf(environmentId).fetchHistory();
    expect(history.events?.some((e) => e.activityTaskCanceledEventAttributes)).toBe(true);
    expect(await isGone(harness.kube, environmentId)).toBe(true);
  });

  it('gives two creates with the same id the same environment, deployed once', async ({ expect }) => {
    const { lifecycle } = await harness.startWorker({ testName: 'duplicate' });
    const environmentId = newEnvironmentId();
    const input = { environmentId, blueprint: smallBlueprint(), owner: 'ada', team: 'payments' };
    const [first, second] = await Promise.all([
      lifecycle.createEnvironment(input),
      lifecycle.createEnvironment(input),
    ]);
    expect(second.runId).toBe(first.runId);
    await lifecycle.waitReady(environmentId);
    expect(
      await activityRuns(
        harness.temporal.client,
        workflowIds.environment(environmentId),
        'deployEnvironment',
      ),
    ).toEqual({ scheduled: 1, completed: 1, attempts: 1 });
    expect(await namespacesOf(harness.kube, environmentId)).toHaveLength(1);
    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await handleOf(environmentId).result();
  });

  it('tears itself down when its TTL expires, and extends the TTL on request', async ({ expect }) => {
    const { lifecycle } = await harness.startWorker({ testName: 'ttl' });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint(),
      owner: 'ada',
      team: 'payments',
      // Long enough for a deploy on a busy machine; the test waits for it to run out.
      ttl: '15s',
    });
    const ready = await lifecycle.waitReady(environmentId);
    expect(ready.phase).toBe('ready');
    const refused = await lifecycle.extendTtl(environmentId, 'soon').catch((e) => e);
    expect(refused).toMatchObject({
      type: 'invalid-request',
      message: expect.stringMatching(/not a duration/),
    });
    const { expiresAt } = await lifecycle.extendTtl(environmentId, '2s');
    expect(Date.parse(expiresAt) - Date.parse(ready.expiresAt!)).toBe(2000);

    expect(await handleOf(environmentId).result()).toEqual({
      environmentId,
      phase: 'deleted',
      reason: 'ttl-expired',
    });
    expect(await isGone(harness.kube, environmentId)).toBe(true);
  });

  it('rejects an invalid TTL or idle action before making anything', async ({ expect }) => {
    const { lifecycle } = await harness.startWorker({ testName: 'bad-input' });
    const badTtl = newEnvironmentId();
    const badIdle = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId: badTtl,
      blueprint: smallBlueprint(),
      owner: 'a',
      team: 't',
      ttl: '4 hours',
    });
    await lifecycle.createEnvironment({
      environmentId: badIdle,
      blueprint: smallBlueprint(),
      owner: 'a',
      team: 't',
      idle: 'hibernate' as 'sleep',
    });
    for (const [environmentId, message] of [
      [badTtl, /ttl: "4 hours" is not a duration/],
      [badIdle, /idle: "hibernate" is not one of teardown, sleep/],
    ] as const) {
      const error = await handleOf(environmentId)
        .result()
        .catch((e) => e);
      expect((error as WorkflowFailedError).cause).toMatchObject({ type: LifecycleErrorType.InvalidInput });
      expect((error as WorkflowFailedError).cause?.message).toMatch(message);
      expect(await isGone(harness.kube, environmentId)).toBe(true);
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
