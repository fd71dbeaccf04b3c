import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LifecycleErrorType, statusQuery, workflowIds } from '../../../workflows/contracts.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';
import { InMemoryRuntime } from './support/in-memory-runtime.js';

const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

describe('createEnvironment', () => {
  it('creates an environment, reports phase and per-service progress, and tears it down on request', async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle } = await harness.startWorker({ testName: 'create-teardown', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });

    const ready = await lifecycle.waitReady(environmentId);
    expect(ready.phase).toBe('ready');
    expect(ready.services.map((s) => [s.name, s.state])).toEqual([
      ['web', 'ready'],
      ['api', 'ready'],
      ['db', 'ready'],
    ]);
    expect(ready.urls.web).toContain(environmentId);
    expect(runtime.environments.has(environmentId)).toBe(true);

    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId));
    const described = await handle.describe();
    expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['EnvironmentId', environmentId],
        ['Phase', 'ready'],
        ['Team', 'payments'],
      ]),
    );

    await lifecycle.teardown(environmentId, { reason: 'requested', requestedBy: 'ada' });
    expect(await handle.result()).toEqual({ environmentId, phase: 'deleted', reason: 'requested' });
    expect(runtime.environments.has(environmentId)).toBe(false);
    expect((await handle.query(statusQuery)).phase).toBe('deleted');
  });

  it('compensates a create that fails for good: tears down what was made and fails with a typed error', async () => {
    const runtime = new InMemoryRuntime({
      failService: { name: 'api', reason: 'ImagePullBackOff: image not found' },
    });
    const { lifecycle } = await harness.startWorker({ testName: 'compensation', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId));

    const error = await handle.result().catch((e) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(LifecycleErrorType.DeployFailed);
    expect(cause?.message).toContain('ImagePullBackOff');
    expect(runtime.teardowns).toContain(environmentId);
    expect(runtime.environments.has(environmentId)).toBe(false);
    const status = await handle.query(statusQuery);
    expect(status.phase).toBe('failed');
    expect(status.error?.type).toBe(LifecycleErrorType.DeployFailed);
  });

  it('retries transient deploy errors and ends ready exactly once', async () => {
    const runtime = new InMemoryRuntime({ transientFailures: 2 });
    const { lifecycle } = await harness.startWorker({ testName: 'transient', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
    expect(runtime.environments.get(environmentId)?.applies).toBe(3);
    await lifecycle.teardown(environmentId, { reason: 'requested' });
  });

  it('cancels a create in flight cleanly when a teardown is requested', async () => {
    const runtime = new InMemoryRuntime({ serviceDelayMs: 60_000 });
    const { lifecycle } = await harness.startWorker({ testName: 'cancel-during-create', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await waitFor(async () => (await lifecycle.getStatus(environmentId))?.phase === 'waiting');

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId));
    expect(await handle.result()).toEqual({ environmentId, phase: 'deleted', reason: 'requested' });
    expect(runtime.deployAborted).toBe(1);
    expect(runtime.environments.has(environmentId)).toBe(false);
  });

  it('gives two creates with the same id the same environment', async () => {
    const runtime = new InMemoryRuntime({ serviceDelayMs: 200 });
    const { lifecycle } = await harness.startWorker({ testName: 'duplicate', runtime });
    const environmentId = newEnvironmentId();
    const input = { environmentId, blueprint: checkoutBlueprint(), owner: 'ada', team: 'payments' };
    const [first, second] = await Promise.all([
      lifecycle.createEnvironment(input),
      lifecycle.createEnvironment(input),
    ]);
    expect(second.runId).toBe(first.runId);
    await lifecycle.waitReady(environmentId);
    expect(runtime.environments.get(environmentId)?.applies).toBe(1);
    await lifecycle.teardown(environmentId, { reason: 'requested' });
  });

  it('tears itself down when its TTL expires, and extends the TTL on request', async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle } = await harness.startWorker({ testName: 'ttl', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
      ttl: '3s',
    });
    const ready = await lifecycle.waitReady(environmentId);
    const refused = await lifecycle.extendTtl(environmentId, 'soon').catch((e) => e);
    expect(refused).toMatchObject({
      type: 'invalid-request',
      message: expect.stringMatching(/not a duration/),
    });
    const { expiresAt } = await lifecycle.extendTtl(environmentId, '2s');
    expect(Date.parse(expiresAt) - Date.parse(ready.expiresAt!)).toBe(2000);

    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId));
    expect(await handle.result()).toEqual({ environmentId, phase: 'deleted', reason: 'ttl-expired' });
    expect(runtime.environments.has(environmentId)).toBe(false);
  });

  it('rejects an invalid TTL before making anything', async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle } = await harness.startWorker({ testName: 'bad-ttl', runtime });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'a',
      team: 't',
      ttl: '4 hours',
    });
    const error = await harness.temporal.client.workflow
      .getHandle(workflowIds.environment(environmentId))
      .result()
      .catch((e) => e);
    expect((error as WorkflowFailedError).cause).toMatchObject({ type: LifecycleErrorType.InvalidInput });
    expect(runtime.environments.size).toBe(0);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
