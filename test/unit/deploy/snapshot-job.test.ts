import { describe, expect, it } from 'vitest';
import { POSTGRES_JOB_FLAVOUR, pgEnvOf, REDIS_JOB_FLAVOUR } from '../../../activities/job-snapshot-engine.js';
import type { ResolvedService } from '../../../blueprints/resolved.js';
import {
  RESULT_PREFIX,
  renderSnapshotJob,
  renderSnapshotNetworkPolicy,
  renderSnapshotUrlSecret,
  type SnapshotJobParams,
  snapshotJobName,
} from '../../../deploy/manifests/snapshot-job.js';

const URL_IN_SECRET = 'http://store:9000/bucket/snap-1/db.dump?X-Amz-Signature=secret-signature';

function params(overrides: Partial<SnapshotJobParams> = {}): SnapshotJobParams {
  return {
    kind: 'dump',
    name: snapshotJobName({ kind: 'dump', snapshotId: 'snap-1', service: 'db', environmentId: 'env-a' }),
    namespace: 'msx-env-a',
    environmentId: 'env-a',
    service: 'db',
    image: 'postgres:16-alpine',
    host: 'db',
    port: 5432,
    engine: 'postgres',
    databaseEnv: pgEnvOf([
      { name: 'POSTGRES_USER', value: 'shop' },
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
    ]),
    transferImage: 'registry.local/microstax:0.1.0',
    scheduling: {
      nodeSelector: { 'microstax.dev/tier': 'real' },
      tolerations: [{ key: 'microstax.dev/tier', operator: 'Equal', value: 'real', effect: 'NoSchedule' }],
    },
    storePort: 9000,
    deadlineSeconds: 3600,
    ...overrides,
  };
}

describe('snapshot Jobs', () => {
  it('are named from the work they do: a retried attempt finds the same Job, other work another', () => {
    const name = (kind: 'dump' | 'restore', environmentId = 'env-a', snapshotId = 'snap-1') =>
      snapshotJobName({ kind, snapshotId, service: 'db', environmentId });
    expect(name('dump')).toBe(name('dump'));
    expect(
      new Set([name('dump'), name('restore'), name('restore', 'env-b'), name('dump', 'env-a', 's2')]).size,
    ).toBe(4);
    const long = snapshotJobName({
      kind: 'restore',
      snapshotId: 'x',
      service: 'd'.repeat(63),
      environmentId: 'e',
    });
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('a dump runs pg_dump in the data image, then uploads with the URL from the Secret only', () => {
    const job = renderSnapshotJob(params());
    const pod = job.spec!.template.spec!;
    expect(job.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 3600 });
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.nodeSelector).toEqual({ 'microstax.dev/tier': 'real' });
    expect(pod.tolerations).toHaveLength(1);
    const [dump] = pod.initContainers!;
    const [upload] = pod.containers;
    expect(dump!.name).toBe('dump');
    expect(dump!.image).toBe('postgres:16-alpine');
    expect(dump!.command!.join(' ')).toContain('pg_dump --format=custom --no-owner --no-privileges');
    expect(dump!.env).toEqual([
      { name: 'PGHOST', value: 'db' },
      { name: 'PGPORT', value: '5432' },
      { name: 'PGUSER', value: 'shop' },
      { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
      { name: 'PGDATABASE', value: 'shop' },
    ]);
    expect(upload!.name).toBe('upload');
    expect(upload!.image).toBe('registry.local/microstax:0.1.0');
    expect(upload!.command!.slice(0, 2)).toEqual(['node', '-e']);
    expect(upload!.command![2]).toContain(RESULT_PREFIX);
    expect(upload!.env).toContainEqual({
      name: 'ARTIFACT_URL',
      valueFrom: { secretKeyRef: { name: job.metadata!.name, key: 'url' } },
    });
    for (const container of [dump!, upload!]) {
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.volumeMounts).toEqual([{ name: 'work', mountPath: '/work' }]);
    }
    // The presigned URL is never in the Job's spec (args, env values): only its Secret holds it.
    expect(JSON.stringify(job)).not.toContain('X-Amz');
    expect(renderSnapshotUrlSecret(params(), URL_IN_SECRET)).toMatchObject({
      metadata: { name: job.metadata!.name, namespace: 'msx-env-a' },
      stringData: { url: URL_IN_SECRET },
    });
    // Once the Job exists it owns the Secret and the policy: deleting the Job removes both.
    const owned = { uid: 'job-uid' };
    for (const object of [
      renderSnapshotUrlSecret(params(), URL_IN_SECRET, owned),
      renderSnapshotNetworkPolicy(params(), owned),
    ]) {
      expect(object.metadata!.ownerReferences).toEqual([
        { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata!.name, uid: 'job-uid' },
      ]);
    }
  });

  it('a restore downloads and checks the sha256 first, then restores in the data image', () => {
    const job = renderSnapshotJob(params({ kind: 'restore', sha256: 'ab'.repeat(32) }));
    const pod = job.spec!.template.spec!;
    const [download] = pod.initContainers!;
    const [restore] = pod.containers;
    expect(download!.name).toBe('download');
    expect(download!.env).toContainEqual({ name: 'ARTIFACT_SHA256', value: 'ab'.repeat(32) });
    expect(restore!.name).toBe('restore');
    expect(restore!.image).toBe('postgres:16-alpine');
    const script = restore!.command![2]!;
    expect(script).toMatch(/^set -eu\npg_restore --clean --if-exists .*\npsql .*--single-transaction/);
  });

  it('a Redis dump is redis-cli --rdb, a restore a scratch server MIGRATE-ing every key, with the password only by reference', () => {
    const password = {
      name: 'REDIS_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'cache', key: 'password' } },
    };
    const redis = (kind: 'dump' | 'restore') =>
      params({
        kind,
        engine: 'redis',
        service: 'cache',
        image: 'redis:7-alpine',
        host: 'cache',
        port: 6379,
        databaseEnv: REDIS_JOB_FLAVOUR.databaseEnv([{ name: 'LOG_LEVEL', value: 'debug' }, password]),
        ...(kind === 'restore' && { sha256: 'ab'.repeat(32) }),
      });
    const dumpPod = renderSnapshotJob(redis('dump')).spec!.template.spec!;
    const [dump] = dumpPod.initContainers!;
    expect(dump!.image).toBe('redis:7-alpine');
    expect(dump!.env).toEqual([
      { name: 'REDIS_HOST', value: 'cache' },
      { name: 'REDIS_PORT', value: '6379' },
      password,
    ]);
    expect(dump!.command![2]).toMatch(/target --rdb \/work\/artifact\.dump$/);
    expect(dumpPod.containers[0]!.name).toBe('upload');

    const restorePod = renderSnapshotJob(redis('restore')).spec!.template.spec!;
    expect(restorePod.initContainers![0]!.name).toBe('download');
    const script = restorePod.containers[0]!.command![2]!;
    expect(script).toContain('redis-server --port 6390 --bind 127.0.0.1');
    expect(script).toContain('target FLUSHALL');
    expect(script).toContain('MIGRATE $REDIS_HOST $REDIS_PORT');
    expect(JSON.stringify(restorePod)).not.toContain('X-Amz');
    expect(REDIS_JOB_FLAVOUR.supports({ image: 'redis:7-alpine' } as ResolvedService)).toBe(true);
    expect(REDIS_JOB_FLAVOUR.supports({ image: 'postgres:16-alpine' } as ResolvedService)).toBe(false);
    expect(POSTGRES_JOB_FLAVOUR.supports({ image: 'redis:7-alpine' } as ResolvedService)).toBe(false);
  });

  it("the Job's pod alone may reach the object store's port", () => {
    const policy = renderSnapshotNetworkPolicy(params());
    const job = renderSnapshotJob(params());
    const selector = policy.spec!.podSelector!.matchLabels!;
    for (const [key, value] of Object.entries(selector)) {
      expect(job.spec!.template.metadata!.labels![key]).toBe(value);
    }
    // None of the labels status, sleep, prune and `env logs` select a service's pods by.
    expect(Object.keys(job.spec!.template.metadata!.labels!).sort()).toEqual([
      'app.kubernetes.io/managed-by',
      'microstax.dev/role',
      'microstax.dev/snapshot-job',
    ]);
    expect(policy.spec).toMatchObject({
      policyTypes: ['Egress'],
      egress: [{ ports: [{ protocol: 'TCP', port: 9000 }] }],
    });
  });

  it('take Postgres credentials the way the official image does (user, its database by default)', () => {
    expect(pgEnvOf([])).toEqual([
      { name: 'PGUSER', value: 'postgres' },
      { name: 'PGDATABASE', value: 'postgres' },
    ]);
    expect(
      pgEnvOf([
        { name: 'POSTGRES_USER', valueFrom: { secretKeyRef: { name: 's', key: 'user' } } },
        { name: 'POSTGRES_DB', value: 'shop' },
      ]),
    ).toEqual([
      { name: 'PGUSER', valueFrom: { secretKeyRef: { name: 's', key: 'user' } } },
      { name: 'PGDATABASE', value: 'shop' },
    ]);
  });
});
