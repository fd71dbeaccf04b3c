import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresPrewarmCatalog } from '../../../activities/postgres-prewarm-catalog.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { postgresUrlFor } from '../../../deploy/data-endpoints.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { BRIDGE_ADDRESS } from '../../../local/stack/node/layout.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import type { TemporalClientHandle } from '../../../temporal/client.js';
import {
  S3_ENDPOINT_ENV,
  S3_POD_ENDPOINT_ENV,
  SNAPSHOT_JOB_IMAGE_ENV,
  SNAPSHOT_RUNNER_ENV,
} from '../../../worker/settings.js';
import {
  type EnvironmentStatus,
  type PrewarmPoolInput,
  type PrewarmPoolResult,
  statusQuery,
  teardownSignal,
  WorkflowType,
  workflowIds,
} from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { until } from '../../support/until.js';
import { stackKube } from '../deploy/helpers.js';
import { type ApiWithWorker, startApiWithWorker } from './api-with-worker.js';
import { deleteAndWait, waitReady } from './founding-example-api.js';
import { psqlAt, realNodeConfig } from './support.js';

const name = `pwdata-${randomUUID().slice(0, 6)}`;
/** One Postgres, opted into a warm pool prepared from the team's snapshot "golden". */
const source = `name: ${name}
prewarm: { min: 1, max: 1, snapshot: golden }
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
const blueprint = {
  source,
  fileName: `${name}.yaml`,
  scripts: { 'seed.sql': "CREATE TABLE notes (note text); INSERT INTO notes VALUES ('seeded');\n" },
};

/**
 * Pre-warmed data on the real node: a team's blueprint names its snapshot in `prewarm`, the pre-warm run
 * (the production catalog over the API's database) prepares a warm environment from it, and that team's
 * `--from-snapshot` create claims it and has the snapshot's rows at once; another team's create of the
 * same blueprint never claims it. And an apply that adds a data service with a snapshot step restores it
before the rest is applied. One snapshot and one warm environment for both, the real worker's Jobs.
 */
describe('a warm environment prepared from a snapshot on the real node', () => {
  let rig: ApiWithWorker;
  let temporal: TemporalClientHandle;
  let app: FastifyInstance;
  let kube: KubeClient;
  let config: DeployConfig;
  let taskQueue = '';
  const tokens: Record<'ada' | 'bob', string> = { ada: '', bob: '' };
  const toDelete: { as: 'ada' | 'bob'; id: string }[] = [];
  /** Team payments' snapshot "golden", taken in beforeAll. */
  let goldenId = '';

  const callAs =
    (who: 'ada' | 'bob') =>
    async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(method === 'POST' && { 'idempotency-key': randomUUID() }),
        },
        ...(payload !== undefined && { payload: payload as object }),
      });
      return { status: response.statusCode, body: JSON.parse(response.body) as T };
    };
  const ada = callAs('ada');
  const bob = callAs('bob');
  const create = async (as: 'ada' | 'bob', body: Record<string, unknown>) => {
    const created = await callAs(as)<{ id: string }>('POST', '/v1/environments', {
      blueprint,
      ttl: '1h',
      ...body,
    });
    if (created.status === 201) toDelete.push({ as, id: created.body.id });
    return created;
  };
  const statusOf = (id: string) =>
    temporal.client.workflow
      .getHandle(workflowIds.environment(id))
      .query(statusQuery) as Promise<EnvironmentStatus>;
  const urlOf = async (runtimeId: string, service = 'db') =>
    postgresUrlFor({ kube, config, environmentId: runtimeId, service });
  const notes = async (runtimeId: string, service = 'db') =>
    (
      await psqlAt(await urlOf(runtimeId, service), 'SELECT note FROM notes ORDER BY note', {
        database: 'app',
      })
    ).split('\n');
  const addNote = async (runtimeId: string, note: string) =>
    psqlAt(await urlOf(runtimeId), `INSERT INTO notes VALUES ('${note}')`, { database: 'app' });

  beforeAll(async () => {
    const env = await stackEnv();
    rig = await startApiWithWorker({
      label: 'prewarm-data',
      workerEnv: {
        [SNAPSHOT_RUNNER_ENV]: 'job',
        [SNAPSHOT_JOB_IMAGE_ENV]: 'ghcr.io/acme/checkout-api:1.0',
        [S3_POD_ENDPOINT_ENV]: `http://${BRIDGE_ADDRESS}:${new URL(env[S3_ENDPOINT_ENV]!).port}`,
      },
      // The production catalog, over the API's (test) database: it binds the teams' snapshots.
      extraDependencies: (api) => ({ prewarmCatalog: postgresPrewarmCatalog(api.db) }),
    });
    ({ app, temporal, taskQueue } = rig);
    tokens.ada = rig.token;
    kube = await stackKube();
    ({ config } = await realNodeConfig());
    await ensureTeam(app.db, { id: 'ledger' });
    const bobUser = await upsertUser(app.db, { name: 'bob', teamId: 'ledger', role: 'member' });
    tokens.bob = (await createApiToken(app.db, { userId: bobUser.id })).token;
    // The team's snapshot "golden" (shared by both tests): the seed's row and one added after it.
    const origin = await create('ada', {});
    expect(origin.status, JSON.stringify(origin.body)).toBe(201);
    await waitReady(ada, origin.body.id);
    await addNote(origin.body.id, 'added-before-snapshot');
    const taken = await ada<{ id: string }>('POST', `/v1/environments/${origin.body.id}/snapshots`, {
      name: 'golden',
    });
    expect(taken.status).toBe(202);
    const listed = await until(
      'snapshot golden ready',
      async () =>
        (
          await ada<{ items: { id: string; name: string; phase: string }[] }>(
            'GET',
            `/v1/environments/${origin.body.id}/snapshots`,
          )
        ).body,
      (list) => list.items.some((s) => s.name === 'golden' && s.phase !== 'pending'),
    );
    expect(listed.items.find((s) => s.name === 'golden')?.phase).toBe('ready');
    goldenId = listed.items.find((s) => s.name === 'golden')!.id;
    // Data written after the snapshot never reaches a warm environment.
    await addNote(origin.body.id, 'added-after-snapshot');
  }, 300_000);

  afterAll(async () => {
    if (!rig) return;
    // A warm environment left unclaimed by a failure: tear it down (the claimed one is the claimer's).
    for await (const execution of temporal.client.workflow.list({
      query: `WorkflowType = '${WorkflowType.environment}' AND ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue}' AND Owner = 'warm-pool'`,
    })) {
      const handle = temporal.client.workflow.getHandle(execution.workflowId);
      await handle.signal(teardownSignal, { reason: 'requested', requestedBy: 'test' }).catch(() => {});
      await handle.result().catch(() => {});
    }
    await Promise.all(toDelete.map(({ as, id }) => deleteAndWait(callAs(as), id).catch(() => {})));
    await rig?.close();
  }, 300_000);

  it("a --from-snapshot create of the team claims the warm environment with the snapshot's rows; another team's does not", async () => {
    // One pre-warm run of the team: the pool's warm environment is prepared from golden.
    const prewarmRun = async (teams: string[]) => {
      const input: PrewarmPoolInput = { pools: [], optedIn: { teams } };
      return (await temporal.client.workflow.execute(WorkflowType.prewarmPool, {
        taskQueue,
        workflowId: `prewarm-data-${randomUUID()}`,
        args: [input],
      })) as PrewarmPoolResult;
    };
    const run = await prewarmRun(['payments', 'ledger']);
    expect(run.skipped).toBeUndefined();
    expect(run.pools).toEqual([
      {
        blueprint: name,
        team: 'payments',
        target: 1,
        warm: 0,
        started: [expect.stringMatching(/^warm-pwdata-/)],
      },
    ]);
    const warmId = run.pools[0]!.started[0]!;
    const warm = await until(
      `${warmId} warm`,
      () => statusOf(warmId),
      (s) => s.phase === 'warm' || s.phase === 'failed',
      { timeoutMs: 240_000 },
    );
    expect(warm.phase, JSON.stringify(warm.error)).toBe('warm');
    expect(await notes(warmId)).toEqual(['added-before-snapshot', 'seeded']);

    // Another team cannot name the snapshot, and its create of the same blueprint deploys cold.
    const foreign = await create('bob', { fromSnapshot: 'golden' });
    expect(foreign.status).toBe(404);
    const other = await create('bob', {});
    expect(other.status).toBe(201);
    const otherStatus = await until(
      `${other.body.id} past claiming`,
      () => statusOf(other.body.id),
      (s) => !['pending', 'planning', 'claiming'].includes(s.phase),
    );
    expect(otherStatus.claimedFrom).toBeUndefined();
    expect((await statusOf(warmId)).phase).toBe('warm');
    await deleteAndWait(bob, other.body.id);
    // Nor can its blueprint name the snapshot by id to be warmed with it: the run skips that pool.
    const stolen = await bob('POST', '/v1/blueprints', {
      ...blueprint,
      source: source.replace('snapshot: golden', `snapshot: ${goldenId}`),
    });
    expect(stolen.status, JSON.stringify(stolen.body)).toBe(201);
    const ledgerRun = await prewarmRun(['ledger']);
    expect(ledgerRun.pools).toEqual([]);
    expect(ledgerRun.skipped).toEqual([
      {
        team: 'ledger',
        blueprint: name,
        reason: expect.stringMatching(
          new RegExp(`^version \\d+: prewarm\\.snapshot: snapshot ${goldenId} not found$`),
        ),
      },
    ]);

    // The team's create from golden claims it: the rows are there, nothing was restored again.
    const claimer = await create('ada', { fromSnapshot: 'golden' });
    expect(claimer.status, JSON.stringify(claimer.body)).toBe(201);
    await waitReady(ada, claimer.body.id);
    const claimed = await statusOf(claimer.body.id);
    expect(claimed.claimedFrom).toBe(warmId);
    expect(claimed.runtimeId).toBe(warmId);
    expect(claimed.timings?.operation).toBe('claim');
    expect(await notes(claimed.runtimeId)).toEqual(['added-before-snapshot', 'seeded']);
  }, 600_000);

  it('an apply that adds a data service with a snapshot step restores it before the full deploy', async () => {
    const applyName = `${name}-apply`;
    const db = `  - name: db
    image: postgres:16-alpine
    env:
      POSTGRES_DB: app
      POSTGRES_PASSWORD: { secret: s3cret-pw }
`;
    const copy = `  - name: copy
    image: postgres:16-alpine
    env:
      POSTGRES_DB: app
      POSTGRES_PASSWORD: { secret: s3cret-pw }
    init:
      - type: snapshot
        snapshot: golden
`;
    const apply = (services: string) =>
      ada<{ environment: { id: string } }>('POST', '/v1/environments/apply', {
        name: applyName,
        blueprint: { source: `name: ${applyName}\nservices:\n${services}`, fileName: `${applyName}.yaml` },
        ttl: '1h',
      });
    const first = await apply(db);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const id = first.body.environment.id;
    toDelete.push({ as: 'ada', id });
    await waitReady(ada, id);

    // The update adds copy, which starts from golden (the only artifact: db's data).
    const updated = await apply(db + copy);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const done = await until(
      `${id} applied`,
      () => statusOf(id),
      (s) => (s.applied ?? 0) >= 1 && s.phase === 'ready',
    );
    expect(done.error).toBeUndefined();
    expect(await notes(id, 'copy')).toEqual(['added-before-snapshot', 'seeded']);
    // The apply's activities: the added service (and what it needs) first, its data, then everything.
    const history = await temporal.client.workflow.getHandle(workflowIds.environment(id)).fetchHistory();
    const names = (history.events ?? []).flatMap((e) => {
      const type = e.activityTaskScheduledEventAttributes?.activityType?.name;
      return type && ['deployEnvironment', 'restoreService'].includes(type) ? [type] : [];
    });
    expect(names).toEqual(['deployEnvironment', 'deployEnvironment', 'restoreService', 'deployEnvironment']);

    // golden gone by that name (deleted, or being taken again): a running copy keeps its data and its
    // binding, so an update that does not add it is not refused, and restores nothing.
    await app.db.query("UPDATE snapshots SET name = 'golden-retired' WHERE id = $1", [goldenId]);
    try {
      const relabelled = await ada('POST', '/v1/environments/apply', {
        name: applyName,
        blueprint: { source: `name: ${applyName}\nservices:\n${db + copy}`, fileName: `${applyName}.yaml` },
        labels: { stage: 'relabelled' },
        ttl: '1h',
      });
      expect(relabelled.status, JSON.stringify(relabelled.body)).toBe(200);
      await until(
        `${id} applied again`,
        () => statusOf(id),
        (s) => (s.applied ?? 0) >= 2 && s.phase === 'ready',
      );
      expect(await notes(id, 'copy')).toEqual(['added-before-snapshot', 'seeded']);
    } finally {
      await app.db.query("UPDATE snapshots SET name = 'golden' WHERE id = $1", [goldenId]);
    }
  }, 300_000);
});
