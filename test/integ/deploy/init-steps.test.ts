import type { V1Job } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import { runInitSteps } from '../../../deploy/init-steps.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { service } from '../../unit/deploy/fixtures.js';
import { jobsSucceeded, stackKube, uniqueId } from './helpers.js';

const config = deployConfig();
const environment = { id: uniqueId('it-seed') };
const blueprint: ResolvedBlueprint = {
  name: 'seeded',
  routing: 'dns',
  services: [
    service({
      name: 'db',
      image: 'postgres:16-alpine',
      ports: [5432],
      isDataService: true,
      init: [{ type: 'sql', script: 'seed.sql', content: 'SELECT 1;', sha256: 'c'.repeat(64) }],
    }),
  ],
};
let kube: KubeClient;

async function initJobs(): Promise<V1Job[]> {
  const jobs = await kube.list<V1Job>({
    apiVersion: 'batch/v1',
    kind: 'Job',
    namespace: `msx-${environment.id}`,
    labelSelector: `${LABELS.service}=db`,
  });
  return jobs.items;
}

beforeAll(async () => {
  kube = await stackKube();
  await deployEnvironment({ kube, environment, blueprint, config });
});

afterAll(async () => {
  await teardownEnvironment({ kube, environmentId: environment.id, config });
});

describe('runInitSteps', () => {
  it('runs the init steps again in a new Job, once per run id', async () => {
    // The create's seed ran in the db itself (the default); a re-seed is a Job all the same.
    expect(await initJobs()).toEqual([]);
    const first = await runInitSteps({
      kube,
      environment,
      blueprint,
      service: 'db',
      runId: 'reseed-1',
      config,
    });
    expect(first.stepsRun).toBe(1);
    // A retried activity with the same run id finds its Job done and starts nothing.
    const retried = await runInitSteps({
      kube,
      environment,
      blueprint,
      service: 'db',
      runId: 'reseed-1',
      config,
    });
    expect(retried.job).toBe(first.job);
    const jobs = await initJobs();
    expect(jobs.map((j) => j.metadata!.name)).toEqual([first.job]);
    await jobsSucceeded({
      kube,
      namespace: `msx-${environment.id}`,
      names: jobs.map((j) => j.metadata!.name!),
    });
  });

  it('does nothing for a service without init steps', async () => {
    const plain: ResolvedBlueprint = { ...blueprint, services: [{ ...blueprint.services[0]!, init: [] }] };
    expect(
      await runInitSteps({ kube, environment, blueprint: plain, service: 'db', runId: 'x', config }),
    ).toEqual({
      stepsRun: 0,
      marks: {},
    });
  });
});
