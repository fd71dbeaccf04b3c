import type { V1Job } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { LABELS, loadDeployConfig, namespaceFor } from '../../../deploy/index.js';
import { shortHash } from '../../../deploy/names.js';
import { LifecycleErrorType, WorkflowType, workflowIds } from '../../../workflows/contracts.js';
import { resolvedService } from '../../support/resolved-service.js';
import { jobsSucceeded } from '../deploy/helpers.js';
import { isGone } from './support/cluster.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

/** seedEnvironment re-runs a service's init steps on a live environment of the stack's cluster. */
const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

const seededBlueprint: ResolvedBlueprint = {
  name: 'seeded',
  routing: 'dns',
  services: [
    resolvedService({
      name: 'db',
      image: 'postgres:16-alpine',
      ports: [5432],
      isDataService: true,
      init: [
        {
          type: 'sql',
          script: 'seed.sql',
          content: 'CREATE TABLE orders (id int); INSERT INTO orders VALUES (1);',
          sha256: 'c'.repeat(64),
        },
      ],
    }),
  ],
};

describe('init steps on a live environment', () => {
  it('re-runs a service init steps as a Job named after the seed run, once per run', async () => {
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'seed-init' });
    const environmentId = newEnvironmentId('seed');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: seededBlueprint,
      owner: 'ada',
      team: 'payments',
    });
    expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
    const namespace = namespaceFor(environmentId, loadDeployConfig().namespacePrefix);
    const initJobs = async () =>
      (
        await harness.kube.list<V1Job>({
          apiVersion: 'batch/v1',
          kind: 'Job',
          namespace,
          labelSelector: `${LABELS.role}=init`,
        })
      ).items;
    // The create's seed ran in the db itself (the default): no Job until the seed below.
    expect(await initJobs()).toEqual([]);

    const input = {
      environmentId,
      blueprint: seededBlueprint,
      service: 'db',
      source: { kind: 'init' as const },
    };
    const seeded = await lifecycle.seed(input, 'r1');
    expect(seeded).toMatchObject({ environmentId, service: 'db', stepsRun: 1, source: { kind: 'init' } });
    // The seed's breakdown: applied, init, ready, adding up to its total.
    expect(seeded.timings?.phases.map((p) => p.phase)).toEqual(['applied', 'init', 'ready']);
    const jobs = await initJobs();
    expect(jobs).toHaveLength(1);
    const { runId } = await harness.temporal.client.workflow
      .getHandle(workflowIds.seed(environmentId, 'r1'))
      .describe();
    const rerun = jobs.find((j) => j.metadata!.name!.endsWith(`-${shortHash(runId).slice(0, 6)}`));
    await jobsSucceeded({ kube: harness.kube, namespace, names: [rerun!.metadata!.name!] });

    // The same request again finds the same run: no second Job.
    expect(await lifecycle.seed(input, 'r1')).toEqual(seeded);
    expect(await initJobs()).toHaveLength(1);

    // A service that is not in the blueprint is refused before anything runs.
    const refused = await harness.temporal.client.workflow
      .execute(WorkflowType.seed, {
        taskQueue,
        workflowId: workflowIds.seed(environmentId, 'bad'),
        args: [{ ...input, service: 'nope' }],
      })
      .catch((e) => e);
    expect(refused.cause).toMatchObject({ type: LifecycleErrorType.InvalidInput });

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId)).result();
    expect(await isGone(harness.kube, environmentId)).toBe(true);
  });
});
