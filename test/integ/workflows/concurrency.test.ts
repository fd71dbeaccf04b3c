import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../../workflows/contracts.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';
import { InMemoryRuntime } from './support/in-memory-runtime.js';

const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

describe('concurrent creates', () => {
  it('50 environments created at once (each requested twice): all ready, none duplicated, all torn down', {
    timeout: 400_000,
  }, async () => {
    const runtime = new InMemoryRuntime();
    const { lifecycle } = await harness.startWorker({ testName: 'concurrent', runtime });
    const ids = Array.from({ length: 50 }, () => newEnvironmentId('many'));
    const blueprint = checkoutBlueprint();
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

    const statuses = await Promise.all(ids.map((id) => lifecycle.waitReady(id)));
    expect(statuses.every((s) => s.phase === 'ready')).toBe(true);
    expect(runtime.environments.size).toBe(50);
    expect([...runtime.environments.values()].every((e) => e.applies === 1)).toBe(true);

    await Promise.all(ids.map((id) => lifecycle.teardown(id, { reason: 'requested' })));
    const outcomes = await Promise.all(
      ids.map((id) => harness.temporal.client.workflow.getHandle(workflowIds.environment(id)).result()),
    );
    expect(outcomes.every((o) => o.phase === 'deleted')).toBe(true);
    expect(runtime.environments.size).toBe(0);
  });
});
