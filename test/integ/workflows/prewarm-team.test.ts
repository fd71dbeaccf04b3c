import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type EnvironmentOutcome,
  type PrewarmPoolResult,
  WorkflowType,
  workflowIds,
} from '../../../workflows/contracts.js';
import { until } from '../../support/until.js';
import { smallBlueprint } from './support/blueprints.js';
import { clusterRuntime, isGone } from './support/cluster.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

/** Warm environments made for a team are claimed by that team only (the stack's Temporal and cluster). */
const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

type Worker = Awaited<ReturnType<WorkflowTestHarness['startWorker']>>;

/** Fills a pool of one warm environment of the blueprint for the team; its id once it is warm. */
async function warmOneFor(
  team: string,
  params: { blueprint: ReturnType<typeof smallBlueprint>; taskQueue: string; lifecycle: Worker['lifecycle'] },
): Promise<string> {
  const filled: PrewarmPoolResult = await harness.temporal.client.workflow.execute(WorkflowType.prewarmPool, {
    taskQueue: params.taskQueue,
    workflowId: `prewarm-${newEnvironmentId()}`,
    args: [{ pools: [{ blueprint: params.blueprint, size: 1, team }] }],
  });
  const warmId = filled.pools[0]!.started[0]!;
  expect((await params.lifecycle.waitReady(warmId)).phase).toBe('warm');
  return warmId;
}

describe('warm pool per team', () => {
  it("another team's create does not claim a team's warm environment; the team's own create does", {
    timeout: 180_000,
  }, async () => {
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'prewarm-team' });
    const blueprint = smallBlueprint({ name: `teampool-${Date.now().toString(36)}` });
    const warmId = await warmOneFor('payments', { blueprint, taskQueue, lifecycle });

    const other = newEnvironmentId('otherteam');
    await lifecycle.createEnvironment({ environmentId: other, blueprint, owner: 'bo', team: 'search' });
    const cold = await lifecycle.waitReady(other);
    expect(cold.phase).toBe('ready');
    expect(cold.claimedFrom).toBeUndefined();
    expect((await lifecycle.getStatus(warmId))?.phase).toBe('warm');

    const own = newEnvironmentId('ownteam');
    await lifecycle.createEnvironment({ environmentId: own, blueprint, owner: 'ana', team: 'payments' });
    const claimed = await lifecycle.waitReady(own);
    expect(claimed.phase).toBe('ready');
    expect(claimed.claimedFrom).toBe(warmId);

    for (const id of [other, own]) {
      await lifecycle.teardown(id, { reason: 'requested' });
      await harness.temporal.client.workflow.getHandle(workflowIds.environment(id)).result();
    }
    expect(await isGone(harness.kube, warmId)).toBe(true);
    expect(await isGone(harness.kube, other)).toBe(true);
  });

  it('a teardown while the claim runs tears the claimed namespace down, and the warm outcome names its claimer', {
    timeout: 180_000,
  }, async () => {
    // The real cluster runtime, whose relabel (the claim's last step) waits until the teardown is in.
    const runtime = clusterRuntime(harness.kube);
    const relabel = runtime.relabel.bind(runtime);
    let entered!: () => void;
    const relabelEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    runtime.relabel = async (params) => {
      entered();
      await released;
      return relabel(params);
    };
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'claim-teardown', runtime });
    const blueprint = smallBlueprint({ name: `claimdel-${Date.now().toString(36)}` });
    const warmId = await warmOneFor('payments', { blueprint, taskQueue, lifecycle });

    const claimer = newEnvironmentId('claimdel');
    await lifecycle.createEnvironment({ environmentId: claimer, blueprint, owner: 'ana', team: 'payments' });
    await relabelEntered;
    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(claimer));
    await lifecycle.teardown(claimer, { reason: 'requested' });
    // The signal has been handled (a workflow task completed after it) before the claim may finish.
    await until(
      'the teardown signal handled',
      async () => (await handle.fetchHistory()).events ?? [],
      (events) => {
        const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes);
        return signalled >= 0 && events.slice(signalled).some((e) => e.workflowTaskCompletedEventAttributes);
      },
      { timeoutMs: 30_000, everyMs: 200 },
    );
    release();
    expect(await handle.result()).toEqual({ environmentId: claimer, phase: 'deleted', reason: 'requested' });
    const warmOutcome: EnvironmentOutcome = await harness.temporal.client.workflow
      .getHandle(workflowIds.environment(warmId))
      .result();
    expect(warmOutcome).toMatchObject({ phase: 'claimed', claimedBy: claimer });
    expect(await isGone(harness.kube, warmId)).toBe(true);
    expect(await isGone(harness.kube, claimer)).toBe(true);
  });
});
