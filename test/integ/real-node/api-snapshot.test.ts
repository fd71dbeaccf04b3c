import type { V1Service } from '@kubernetes/client-node';
import type { FastifyInstance } from 'fastify';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobSnapshotEngine } from '../../../activities/job-snapshot-engine.js';
import { parseS3Url } from '../../../activities/s3-artifact-store.js';
import type { ResolvedService } from '../../../blueprints/resolved.js';
import { loadDeployConfig } from '../../../deploy/config.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { namespaceFor } from '../../../deploy/names.js';
import { BRIDGE_ADDRESS } from '../../../local/stack/node/layout.js';
import { createApiToken, revokeApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import type { TemporalClientHandle } from '../../../temporal/client.js';
import {
  S3_ENDPOINT_ENV,
  S3_POD_ENDPOINT_ENV,
  SNAPSHOT_JOB_IMAGE_ENV,
  SNAPSHOT_RUNNER_ENV,
  SNAPSHOT_STORE_ENV,
} from '../../../worker/settings.js';
import { stackEnv } from '../../support/stack-env.js';
import { until } from '../../support/until.js';
import { stackKube } from '../deploy/helpers.js';
import { type ApiWithWorker, startApiWithWorker } from './api-with-worker.js';
import {
  type ApiCall,
  deleteAndWait,
  snapshotRoundTrip,
  startFoundingExample,
  waitReady,
} from './founding-example-api.js';
import { firstOk, httpAt } from './support.js';

const REDIS_IMAGE = '  image: redis:7-alpine\n';
/** A key MIGRATE must carry byte for byte: a newline, quotes, a backslash, spaces. */
const ODD_KEY = 'line\nbreak "quoted" \\ key';
/** Written before the snapshot: a plain key, one with a TTL, an odd name, one in database 1. */
const KEPT = { 'kept:string': 'kept', 'ttl:kept': 'expires', [ODD_KEY]: 'odd', 'db1:kept': 'in db 1' };
const KEPT_READ = { ...KEPT, ttlKept: 'kept' };

/**
 * Snapshot and restore through the API, on real data services: the production worker behind the real
 * API, its dumps and restores running as Jobs next to the environment's Postgres and Redis on the real
 * node (MICROSTAX_SNAPSHOT_RUNNER=job), the files moving to the stack's object store through the bridge.
 */
describe('API snapshot and restore of the founding example on the real node', () => {
  let api: ApiWithWorker;
  let app: FastifyInstance;
  let temporal: TemporalClientHandle;
  let token: string;
  let call: ApiCall;
  let jobEngine: JobSnapshotEngine;
  let kube: KubeClient;

  beforeAll(async () => {
    const env = await stackEnv();
    api = await startApiWithWorker({
      label: 'snapshot',
      workerEnv: {
        [SNAPSHOT_RUNNER_ENV]: 'job',
        // Any image with Node moves the file; the chart uses MicroStax's own (the helm-install test), this
        // one the founding example's (published for its api anyway, so nothing is built here).
        [SNAPSHOT_JOB_IMAGE_ENV]: 'ghcr.io/acme/checkout-api:1.0',
        // The Jobs' pods reach the stack's object store through the bridge.
        [S3_POD_ENDPOINT_ENV]: `http://${BRIDGE_ADDRESS}:${new URL(env[S3_ENDPOINT_ENV]!).port}`,
      },
    });
    ({ app, temporal, token, call } = api);
    jobEngine = api.dependencies.snapshotEngines![0] as JobSnapshotEngine;
    expect(jobEngine).toBeInstanceOf(JobSnapshotEngine);
    expect(api.dependencies.snapshotEngines!.map((e) => e.name)).toEqual(['postgres-logical', 'redis-rdb']);
    kube = await stackKube();
  }, 120_000);

  afterAll(() => api?.close(), 120_000);

  it('a row and Redis keys written before the snapshot are back after a restore, ones written after are gone; the services log', async () => {
    // The cache keeps data here (stateful), so the snapshot holds its RDB beside the database's dump.
    const id = await startFoundingExample(call, {
      source: (yaml) => yaml.replace(REDIS_IMAGE, `${REDIS_IMAGE}  stateful: true\n`),
    });
    try {
      const env = await waitReady(call, id);
      const { keptCartId } = await snapshotRoundTrip({
        call,
        api: env.urls.api!,
        id,
        beforeSnapshot: () => writeCache(id, KEPT),
        afterSnapshot: () => writeCache(id, { 'kept:string': 'overwritten', lost: 'written after' }),
      });
      const restored = await until(
        'the cache restored',
        () => readCache(id),
        (cache) => cache.lost === null && cache['kept:string'] === 'kept',
      );
      expect(restored).toEqual({ ...KEPT_READ, lost: null });
      await sizesAndDurations(id);
      await snapshotJobsGone(id);
      await failedRestoreJob(id);
      await serviceLogs(id);
      await environmentFromSnapshotStep(keptCartId);
    } finally {
      await deleteAndWait(call, id);
    }
  }, 600_000);

  /** A client of the environment's Redis (its cluster IP answers from this host, the real node's). */
  async function redisOf(id: string, database: number) {
    const namespace = namespaceFor(id, loadDeployConfig(await stackEnv()).namespacePrefix);
    const service = await kube.read<V1Service>({
      apiVersion: 'v1',
      kind: 'Service',
      namespace,
      name: 'cache',
    });
    const client = createClient({
      url: `redis://${service.spec!.clusterIP}:${service.spec!.ports![0]!.port}/${database}`,
      socket: { reconnectStrategy: false },
    });
    // A failed connect rejects connect(); without a listener the same error would also crash the run.
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** Sets string keys; a `db1:` prefix puts one in database 1 (MIGRATE must carry every database). */
  async function writeCache(id: string, keys: Record<string, string>) {
    const clients = [await redisOf(id, 0), await redisOf(id, 1)];
    try {
      for (const [key, value] of Object.entries(keys)) {
        const [client, name] = key.startsWith('db1:') ? [clients[1]!, key.slice(4)] : [clients[0]!, key];
        await client.set(name, value, key.startsWith('ttl:') ? { EX: 3600 } : {});
      }
    } finally {
      for (const client of clients) client.destroy();
    }
  }

  async function readCache(id: string): Promise<Record<string, string | number | null>> {
    const [zero, one] = [await redisOf(id, 0), await redisOf(id, 1)];
    try {
      const ttl = await zero.ttl('ttl:kept');
      return {
        'kept:string': await zero.get('kept:string'),
        'ttl:kept': await zero.get('ttl:kept'),
        ttlKept: ttl > 0 && ttl <= 3600 ? 'kept' : ttl,
        [ODD_KEY]: await zero.get(ODD_KEY),
        'db1:kept': await one.get('kept'),
        lost: await zero.get('lost'),
      };
    } finally {
      zero.destroy();
      one.destroy();
    }
  }

  /** Every artifact of the snapshot has its engine, size and capture duration recorded. */
  async function sizesAndDurations(id: string) {
    const listed = await call<{ items: { name: string; details: { artifacts: unknown[] } }[] }>(
      'GET',
      `/v1/environments/${id}/snapshots`,
    );
    const artifacts = listed.body.items.find((s) => s.name === 'with-kept')!.details.artifacts;
    expect(artifacts).toEqual([
      expect.objectContaining({
        service: 'db',
        engine: 'postgres-logical',
        bytes: expect.any(Number),
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({
        service: 'cache',
        engine: 'redis-rdb',
        bytes: expect.any(Number),
        durationMs: expect.any(Number),
      }),
    ]);
    for (const artifact of artifacts as { bytes: number; durationMs: number }[]) {
      expect(artifact.bytes).toBeGreaterThan(0);
      expect(artifact.durationMs).toBeGreaterThan(0);
    }
  }

  /** The snapshot's and the restore's Jobs are gone, with their URL Secrets and egress policies. */
  async function snapshotJobsGone(id: string) {
    const namespace = namespaceFor(id, loadDeployConfig(await stackEnv()).namespacePrefix);
    const left = async () =>
      (
        await Promise.all(
          [
            { apiVersion: 'batch/v1', kind: 'Job' },
            { apiVersion: 'v1', kind: 'Secret' },
            { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
          ].map(async (type) =>
            (
              await kube.list({ ...type, namespace, labelSelector: 'microstax.dev/role=snapshot' })
            ).items.map((item) => `${type.kind}/${item.metadata?.name}`),
          ),
        )
      ).flat();
    // The garbage collector removes the owned Secret and policy just after the Job.
    expect(await until('snapshot Jobs cleaned up', left, (items) => items.length === 0)).toEqual([]);
  }

  /**
   * A restore whose artifact does not match its sha256: the Job's download container refuses it before
   * the database is touched, and the failure names the container, its exit code and its log.
   */
  async function failedRestoreJob(id: string) {
    const snapshots = await call<{ items: { name: string; id: string }[] }>(
      'GET',
      `/v1/environments/${id}/snapshots`,
    );
    const snapshot = snapshots.body.items.find((s) => s.name === 'with-kept')!;
    // The stack's store has no prefix: the dump the API's snapshot took is `<snapshot id>/db.dump`.
    const { bucket } = parseS3Url((await stackEnv())[SNAPSHOT_STORE_ENV]!);
    const artifact = {
      service: 'db',
      engine: jobEngine.name,
      location: `s3://${bucket}/${snapshot.id}/db.dump`,
      bytes: 0,
      sha256: '0'.repeat(64),
    };
    const service = { name: 'db', image: 'postgres:16-alpine', ports: [5432] } as ResolvedService;
    const failure = await jobEngine
      .restore({
        environmentId: id,
        service,
        artifact,
        heartbeat: () => {},
        signal: AbortSignal.timeout(120_000),
      })
      .catch((error: Error) => error);
    expect(String(failure)).toMatch(
      /snapshot restore Job msx-.*\/snapshot-restore-db-.* failed: container download exited with 4: the artifact does not match its sha256/,
    );
    expect(String(failure)).not.toMatch(/X-Amz-Signature/);
    await snapshotJobsGone(id);
  }

  /**
   * A new environment whose db init is [snapshot with-kept, sql after.sql] and cache init [snapshot
   * with-kept]: the snapshot's cart and keys are there, the sql step ran after the restore (its cart
   * follows the snapshot's rows), and the api (a dependant of both) was applied only once the restores
   * and the step were done.
   */
  async function environmentFromSnapshotStep(keptCartId: string) {
    const id = await startFoundingExample(call, {
      source: (yaml) =>
        yaml
          .replace(
            '  init:\n    type: sql\n    script: scripts/seed.sql\n',
            '  init:\n  - type: snapshot\n    snapshot: with-kept\n  - type: sql\n    script: scripts/after.sql\n',
          )
          .replace(REDIS_IMAGE, `${REDIS_IMAGE}  init:\n  - type: snapshot\n    snapshot: with-kept\n`),
      scripts: {
        'scripts/after.sql': "INSERT INTO carts (customer) VALUES ('after-restore@example.com');\n",
      },
    });
    try {
      const env = await waitReady(call, id);
      const api = env.urls.api!;
      expect((await firstOk(`${api}/carts/${keptCartId}`, 60_000)).json().cart).toMatchObject({
        customer: 'kept@example.com',
      });
      const next = await httpAt(`${api}/carts/${Number(keptCartId) + 1}`);
      expect(next.json().cart).toMatchObject({ customer: 'after-restore@example.com' });
      expect(await readCache(id)).toEqual({ ...KEPT_READ, lost: null });
      const history = await temporal.client.workflow.getHandle(`env-${id}`).fetchHistory();
      const activities = (history.events ?? []).flatMap((e) => {
        const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
        return name && ['deployEnvironment', 'restoreService', 'runInitSteps'].includes(name) ? [name] : [];
      });
      expect(activities).toEqual([
        'deployEnvironment',
        'restoreService',
        'runInitSteps',
        'restoreService',
        'deployEnvironment',
      ]);
    } finally {
      await deleteAndWait(call, id);
    }
  }

  /** `env logs` through the API: the pod's own lines, refusals, and a follow that ends on revocation. */
  async function serviceLogs(id: string) {
    const logs = (query: string, bearer = token) =>
      app.inject({
        method: 'GET',
        url: `/v1/environments/${id}/services/db/logs${query}`,
        headers: { authorization: `Bearer ${bearer}` },
      });
    const tail = await logs('?tail=200');
    expect(tail.statusCode, tail.body).toBe(200);
    expect(tail.headers['content-type']).toMatch(/^text\/plain/);
    expect(tail.body).toContain('database system is ready to accept connections');
    expect((await logs('?tail=1')).body.trim().split('\n')).toHaveLength(1);

    const unknown = await app.inject({
      method: 'GET',
      url: `/v1/environments/${id}/services/nope/logs`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body).error.message).toMatch(/has no service nope; it has .*db/);
    for (const bad of ['?tail=0', '?tail=100000', '?since=yesterday', '?follow=maybe']) {
      expect((await logs(bad)).statusCode, bad).toBe(400);
    }
    expect((await logs('', 'msx_not-a-token')).statusCode).toBe(401);
    await ensureTeam(app.db, { id: 'search' });
    const stranger = await upsertUser(app.db, { name: 'eve', teamId: 'search', role: 'member' });
    const strangerToken = (await createApiToken(app.db, { userId: stranger.id })).token;
    expect((await logs('', strangerToken)).statusCode).toBe(404);

    // A followed log streams until its token is revoked (re-checked every streamRecheckMs).
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const follower = await upsertUser(app.db, { name: 'fay', teamId: 'payments', role: 'member' });
    const followToken = await createApiToken(app.db, { userId: follower.id });
    const response = await fetch(`${address}/v1/environments/${id}/services/db/logs?follow=true&tail=5`, {
      headers: { authorization: `Bearer ${followToken.token}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/\S/);
    await revokeApiToken(app.db, followToken.record.id);
    const started = Date.now();
    while (!(await reader.read()).done) {}
    expect(Date.now() - started).toBeLessThan(15_000);
  }
});
