import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { postgresUrlFor } from '../../../deploy/data-endpoints.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { namespaceFor } from '../../../deploy/names.js';
import { getEnvironmentStatus } from '../../../deploy/status.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { until } from '../../support/until.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { psqlAt, realNodeConfig, resolvedBlueprint } from './support.js';

/**
 * A Postgres `type: sql` seed run by the service's own entrypoint (MICROSTAX_INIT_SQL=service, the default), on
 * the real node: the rows are there when the create returns, with no Job; a restart with data does
 * not seed again, nor does a re-apply with the setting back at job; a failing script fails the
 * create with psql's own error.
 */

let kube: KubeClient;
let config: DeployConfig;
const good = uniqueId('rn-seedsvc');
const bad = uniqueId('rn-seedbad');
let goodRun: Promise<unknown>;
let badRun: Promise<Error | undefined>;

/**
 * The count of seeded rows, asked until the Service answers: the create returns when the pod is ready,
 * which may be before kube-proxy routes the Service's cluster IP to it (the host asks through that IP).
 */
async function seededRows(): Promise<string> {
  const url = await postgresUrlFor({ kube, config, environmentId: good, service: 'db' });
  const ask = () => psqlAt(url, 'SELECT count(*) FROM seeded', { database: 'app' });
  return until('the seeded rows', ask, () => true, { timeoutMs: 30_000, everyMs: 200 });
}

async function blueprint(seed: string): Promise<ResolvedBlueprint> {
  const source = `name: seeded
services:
  - name: db
    image: postgres:16-alpine
    env:
      POSTGRES_DB: app
      POSTGRES_PASSWORD: { secret: s3cret-pw }
    init:
      - type: sql
        script: seed.sql
`;
  return resolvedBlueprint({ source, fileName: 'seeded.yaml', scripts: { 'seed.sql': seed } });
}

beforeAll(async () => {
  kube = await stackKube();
  const real = await realNodeConfig();
  // Said outright: the default, which this file is about.
  config = { ...real.config, initSql: 'service' };
  // Both creates at once: one Postgres start each on the real node.
  goodRun = deployEnvironment({
    kube,
    environment: { id: good },
    blueprint: await blueprint('CREATE TABLE seeded (n int);\nINSERT INTO seeded VALUES (1);\n'),
    config,
  });
  badRun = deployEnvironment({
    kube,
    environment: { id: bad },
    blueprint: await blueprint('CREATE TABLE seeded (n int);\nINSRT INTO seeded VALUES (1);\n'),
    config,
  }).then(
    () => undefined,
    (e: Error) => e,
  );
  goodRun.catch(() => undefined);
}, 60_000);

afterAll(async () => {
  await Promise.all([good, bad].map((id) => teardownEnvironment({ kube, environmentId: id, config })));
}, 300_000);

describe('a sql seed run by the Postgres service itself, on the real node', () => {
  it('has the rows when the create returns, with no init Job, and lists the step as succeeded', async () => {
    await goodRun;
    expect(await seededRows()).toBe('1');
    const status = await getEnvironmentStatus({ kube, environmentId: good, config, includeLogs: false });
    expect(status.phase).toBe('ready');
    expect(status.initJobs).toEqual([{ service: 'db', job: 'db/initdb.d', phase: 'succeeded' }]);
  }, 300_000);

  it('does not seed again when the server restarts with its data', async () => {
    await goodRun;
    const namespace = namespaceFor(good, config.namespacePrefix);
    const before = await kube.read<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace, name: 'db-0' });
    await kube.core.deleteNamespacedPod({ name: 'db-0', namespace, gracePeriodSeconds: 0 });
    await until(
      'db-0 back and ready',
      () => kube.readOrNull<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace, name: 'db-0' }),
      (pod) =>
        pod?.metadata?.uid !== before.metadata?.uid &&
        !!pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      { timeoutMs: 120_000, everyMs: 200 },
    );
    expect(await seededRows()).toBe('1');
  }, 300_000);

  it('makes no init Job on a re-apply with MICROSTAX_INIT_SQL back at job (its data is seeded)', async () => {
    await goodRun;
    await deployEnvironment({
      kube,
      environment: { id: good },
      blueprint: await blueprint('CREATE TABLE seeded (n int);\nINSERT INTO seeded VALUES (1);\n'),
      config: { ...config, initSql: 'job' },
    });
    const namespace = namespaceFor(good, config.namespacePrefix);
    const jobs = await kube.list<V1Job>({ apiVersion: 'batch/v1', kind: 'Job', namespace });
    expect(jobs.items).toEqual([]);
    expect(await seededRows()).toBe('1');
  }, 300_000);

  it("fails the create with psql's error from the service's log", async () => {
    const error = await badRun;
    expect(error?.message).toContain('InitScriptFailed');
    expect(error?.message).toContain('exited with code 3');
    expect(error?.message).toContain('syntax error at or near "INSRT"');
    // The server's STATEMENT: line (it may carry a password) stays out of the message.
    expect(error?.message).not.toContain('STATEMENT:');
    const status = await getEnvironmentStatus({ kube, environmentId: bad, config, includeLogs: false });
    expect(status.initJobs).toEqual([
      expect.objectContaining({ service: 'db', job: 'db/initdb.d', phase: 'failed' }),
    ]);
  }, 300_000);
});
