import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchedules } from '../../../temporal/schedules.js';
import {
  type EnvironmentOutcome,
  type IdleSweepResult,
  type PrewarmPoolResult,
  WorkflowType,
  workflowIds,
} from '../../../workflows/contracts.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';
import { InMemoryRuntime } from './support/in-memory-runtime.js';

const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

const result = (workflowId: string) => harness.temporal.client.workflow.getHandle(workflowId).result();

describe('idle teardown', () => {
  it('the idle-sweep Schedule tears down an environment idle for longer than idleAfter, and spares an active one', async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'idle-schedule', runtime });
    const idle = newEnvironmentId('idle');
    const busy = newEnvironmentId('busy');
    for (const environmentId of [idle, busy]) {
      await lifecycle.createEnvironment({
        environmentId,
        blueprint: checkoutBlueprint(),
        owner: 'ada',
        team: 'payments',
        idleAfter: environmentId === idle ? '2s' : '1h',
      });
      await lifecycle.waitReady(environmentId);
    }
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
      expect(runtime.environments.has(idle)).toBe(false);
      expect((await lifecycle.getStatus(busy))?.phase).toBe('ready');
    } finally {
      await harness.temporal.client.schedule.getHandle(scheduleId!).delete();
      await lifecycle.teardown(busy, { reason: 'requested' });
    }
  });

  it('the sweep itself reports what it examined and tore down', async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'idle-sweep', runtime });
    const environmentId = newEnvironmentId('idle');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'a',
      team: 't',
      idleAfter: '1s',
    });
    await lifecycle.waitReady(environmentId);
    await new Promise((r) => setTimeout(r, 1200));
    const sweep: IdleSweepResult = await harness.temporal.client.workflow.execute(WorkflowType.idleSweep, {
      taskQueue,
      workflowId: `sweep-${environmentId}`,
      args: [{}],
    });
    expect(sweep).toEqual({ examined: 1, tornDown: [{ environmentId, reason: 'idle' }] });
    expect(await result(workflowIds.environment(environmentId))).toMatchObject({
      phase: 'deleted',
      reason: 'idle',
    });
  });
});

describe('warm pool', () => {
  it('pre-warm fills the pool, a create claims a warm environment, and the next run refills the pool', async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'prewarm', runtime });
    const blueprint = checkoutBlueprint({ name: `pool-${Date.now().toString(36)}` });
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

    const environmentId = newEnvironmentId('claim');
    await lifecycle.createEnvironment({ environmentId, blueprint, owner: 'ada', team: 'payments' });
    const claimed = await lifecycle.waitReady(environmentId);
    expect(claimed.phase).toBe('ready');
    expect(warmIds).toContain(claimed.claimedFrom);
    expect(claimed.runtimeId).toBe(claimed.claimedFrom);
    expect(runtime.environments.has(environmentId)).toBe(false); // nothing deployed cold
    expect(await result(workflowIds.environment(claimed.claimedFrom!))).toMatchObject({ phase: 'claimed' });

    const second = await prewarm();
    expect(second.pools[0]).toMatchObject({ target: 2, warm: 1 });
    expect(second.pools[0]!.started).toHaveLength(1);

    // Tearing down the claimer removes the claimed namespace.
    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await result(workflowIds.environment(environmentId));
    expect(runtime.environments.has(claimed.claimedFrom!)).toBe(false);
    for (const id of [...warmIds, ...second.pools[0]!.started].filter((id) => id !== claimed.claimedFrom)) {
      await lifecycle.teardown(id, { reason: 'requested' });
      await result(workflowIds.environment(id));
    }
    expect(runtime.environments.size).toBe(0);
  });
});
