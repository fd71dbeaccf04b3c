import type { V1ConfigMap, V1Job, V1StatefulSet } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint, ResolvedInitStep } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { ANNOTATIONS } from '../../../deploy/labels.js';
import { namespaceFor } from '../../../deploy/names.js';
import { getEnvironmentStatus } from '../../../deploy/status.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { service } from '../../unit/deploy/fixtures.js';
import { jobsSucceeded, stackKube, uniqueId } from './helpers.js';

/**
 * A live workload keeps the way its data was seeded (deploy/live-seed-shapes.ts), on simulated nodes:
 * the setting (MICROSTAX_INIT_SQL, `service` by default) chooses for new workloads only. The other
 * direction (made with the seed in the service, re-applied at `job`) is real-node/seed-in-service.test.ts.
 */

const config = deployConfig();
const atJob = deployConfig({ initSql: 'job' });
const madeAtJob = uniqueId('it-shape-job');
const gainsSeed = uniqueId('it-shape-new');
let kube: KubeClient;

const SEED: ResolvedInitStep = {
  type: 'sql',
  script: 'seed.sql',
  content: 'SELECT 1;',
  sha256: 'd'.repeat(64),
};

function blueprint(init: ResolvedInitStep[]): ResolvedBlueprint {
  return {
    name: 'shapes',
    routing: 'dns',
    services: [
      service({ name: 'db', image: 'postgres:16-alpine', ports: [5432], isDataService: true, init }),
    ],
  };
}

async function seedObjects(environmentId: string) {
  const namespace = namespaceFor(environmentId, config.namespacePrefix);
  const [db, jobs, initdbScripts] = await Promise.all([
    kube.read<V1StatefulSet>({ apiVersion: 'apps/v1', kind: 'StatefulSet', namespace, name: 'db' }),
    kube.list<V1Job>({ apiVersion: 'batch/v1', kind: 'Job', namespace }),
    kube.readOrNull<V1ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace,
      name: 'db-initdb-scripts',
    }),
  ]);
  return { namespace, db, jobs: jobs.items.map((j) => j.metadata!.name!).sort(), initdbScripts };
}

beforeAll(async () => {
  kube = await stackKube();
});

afterAll(async () => {
  await Promise.all(
    [madeAtJob, gainsSeed].map((id) => teardownEnvironment({ kube, environmentId: id, config })),
  );
}, 300_000);

describe('the seed shape of a live workload', () => {
  it('keeps the Job and the StatefulSet of an environment seeded by a Job, re-applied at the default', async () => {
    await deployEnvironment({
      kube,
      environment: { id: madeAtJob },
      blueprint: blueprint([SEED]),
      config: atJob,
    });
    const before = await seedObjects(madeAtJob);
    expect(before.jobs).toHaveLength(1);
    expect(before.db.metadata?.annotations?.[ANNOTATIONS.seedInService]).toBeUndefined();

    await deployEnvironment({ kube, environment: { id: madeAtJob }, blueprint: blueprint([SEED]), config });
    const after = await seedObjects(madeAtJob);
    // Same spec (no restart of the server for scripts its entrypoint would skip), same Job, no initdb.d.
    expect(after.db.metadata?.generation).toBe(before.db.metadata?.generation);
    expect(after.db.metadata?.annotations?.[ANNOTATIONS.seedInService]).toBeUndefined();
    expect(after.jobs).toEqual(before.jobs);
    expect(after.initdbScripts).toBeNull();
    const status = await getEnvironmentStatus({ kube, environmentId: madeAtJob, config, includeLogs: false });
    expect(status.initJobs).toEqual([
      expect.objectContaining({ service: 'db', job: before.jobs[0], phase: 'succeeded' }),
    ]);
  }, 300_000);

  it('seeds a live data service that gains its seed on an update with a Job (its data directory is not empty)', async () => {
    await deployEnvironment({ kube, environment: { id: gainsSeed }, blueprint: blueprint([]), config });
    const before = await seedObjects(gainsSeed);
    expect(before.jobs).toEqual([]);

    await deployEnvironment({ kube, environment: { id: gainsSeed }, blueprint: blueprint([SEED]), config });
    const after = await seedObjects(gainsSeed);
    expect(after.jobs).toHaveLength(1);
    await jobsSucceeded({ kube, namespace: after.namespace, names: after.jobs });
    expect(after.db.metadata?.generation).toBe(before.db.metadata?.generation);
    expect(after.db.metadata?.annotations?.[ANNOTATIONS.seedInService]).toBeUndefined();
    expect(after.initdbScripts).toBeNull();
  }, 300_000);
});
