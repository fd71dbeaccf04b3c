import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../../workflows/contracts.js';
import { smallBlueprint } from './support/blueprints.js';
import { isGone, namespacesOf } from './support/cluster.js';
import { activityRuns, newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

describe('concurrent creates on the cluster', () => {
  it('50 environments created at once (each requested twice): all ready, one namespace each, all torn down', {
    timeout: 600_000,
  }, async () => {
    const { lifecycle } = await harness.startWorker({ testName: 'concurrent' });
    const ids = Array.from({ length: 50 }, () => newEnvironmentId('many'));
    // One Deployment each: the test is about the lifecycle under load, not about big environments.
    const base = smallBlueprint({ name: 'many' });
    const blueprint = { ...base, services: base.services.filter((s) => s.name === 'web') };
    blueprint.services[0]!.dependsOn = [];
    // Every create is sent twice at the same time, as a retrying client would.
    const starts = await Promise.all(
      ids.flatMap((environmentId) =>
        [1, 2].map(() =>
          lifecycle.createEnvironment({
            environmentId,
            blueprint,
            owner: 'ci',
            team: 'qa',
            claimWarm: false,
          }),
        ),
      ),
    );
    expect(new Set(starts.map((s) => s.runId)).size).toBe(50);

    // Whatever fails below, nothing may stay on the cluster: every environment's workflow tears it down.
    const tearDownAll = async () => {
      await Promise.all(ids.map((id) => lifecycle.teardown(id, { reason: 'requested' })));
      return Promise.all(
        ids.map((id) => harness.temporal.client.workflow.getHandle(workflowIds.environment(id)).result()),
      );
    };
    let tornDown = false;
    try {
      await checkAllReadyOnce();
      tornDown = true;
      const outcomes = await tearDownAll();
      expect(outcomes.every((o) => o.phase === 'deleted')).toBe(true);
      const gone = await Promise.all(ids.map((id) => isGone(harness.kube, id)));
      expect(gone.every(Boolean)).toBe(true);
    } finally {
      if (!tornDown) await tearDownAll().catch(() => undefined);
    }

    async function checkAllReadyOnce(): Promise<void> {
      const statuses = await Promise.all(ids.map((id) => lifecycle.waitReady(id)));
      expect(
        statuses.filter((s) => s.phase !== 'ready').map((s) => [s.environmentId, s.phase, s.error]),
      ).toEqual([]);
      const namespaces = await Promise.all(ids.map((id) => namespacesOf(harness.kube, id)));
      expect(namespaces.map((list) => list.length)).toEqual(ids.map(() => 1));
      const deploys = await Promise.all(
        ids.map((id) =>
          activityRuns(harness.temporal.client, workflowIds.environment(id), 'deployEnvironment'),
        ),
      );
      // One deploy step per environment; it may retry a throttled API call, never run twice.
      expect(deploys.every((d) => d.scheduled === 1 && d.completed === 1)).toBe(true);
    }
  });
});
