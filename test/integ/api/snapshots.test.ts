import { randomUUID } from 'node:crypto';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { stackEnv } from '../../support/stack-env.js';
import { registerShop, SHOP_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import { type Caller, json, startTestApi, type TestApi } from './harness.js';

const CAP = 3;
/** Where a worker stores a dump: the row keeps it for restores, no response may show it. */
const WORKER_PATH = '/var/lib/microstax/snapshots';

interface SnapshotBody {
  id: string;
  name: string;
  phase: string;
  details: Record<string, unknown>;
}

describe('snapshots: cap, delete, no internal paths, no row left by a failed start (real Postgres and Temporal)', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  /** Workflows this file starts (no worker polls its task queue): terminated at the end. */
  const started: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('snapshots', { config: { snapshotsPerEnvironment: CAP } });
    temporal = await createTemporalClient({ env: await stackEnv() });
    await registerShop(api);
  });
  afterAll(async () => {
    await Promise.all(
      started.map((id) =>
        temporal.client.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => {}),
      ),
    );
    await temporal?.close();
    await api?.close();
  });

  const call = (params: { method?: 'GET' | 'POST' | 'DELETE'; url: string; payload?: object; as?: Caller }) =>
    api.app.inject({
      method: params.method ?? 'GET',
      url: params.url,
      headers: api.headers(params.as ?? 'member'),
      ...(params.payload ? { payload: params.payload } : {}),
    });

  /** A ready environment of the member's team (its workflow waits; the row says ready). */
  async function readyEnvironment(): Promise<string> {
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: { blueprint: { name: 'shop' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = json<{ id: string }>(created);
    started.push(`env-${id}`);
    await api.app.db.query("UPDATE environments SET phase = 'ready' WHERE id = $1", [id]);
    return id;
  }

  async function snapshot(env: string, name: string) {
    const response = await call({
      method: 'POST',
      url: `/v1/environments/${env}/snapshots`,
      payload: { name },
    });
    if (response.statusCode === 202) started.push(`snapshot-${json<SnapshotBody>(response).id}`);
    return response;
  }

  /** What the status mirror writes once a capture finished: artifacts with the worker's file paths. */
  const markReady = (id: string, engine = 'postgres-logical') =>
    api.app.db.query(`UPDATE snapshots SET phase = 'ready', details = $2 WHERE id = $1`, [
      id,
      JSON.stringify({
        artifacts: [
          {
            service: 'db',
            engine,
            location: `file://${WORKER_PATH}/${id}/db.dump`,
            bytes: 1234,
            sha256: 'a'.repeat(64),
          },
        ],
      }),
    ]);

  it('never shows where an artifact is stored', async () => {
    const env = await readyEnvironment();
    const created = await snapshot(env, 'paths');
    expect(created.statusCode).toBe(202);
    const { id } = json<SnapshotBody>(created);
    await markReady(id);
    const listed = await call({ url: `/v1/environments/${env}/snapshots` });
    const again = await snapshot(env, 'paths');
    for (const response of [listed, again]) {
      expect(response.body).not.toContain(WORKER_PATH);
      expect(response.body).not.toContain('file:');
      expect(response.body).not.toContain('location');
    }
    expect(json<{ items: SnapshotBody[] }>(listed).items[0]!.details).toEqual({
      artifacts: [{ service: 'db', engine: 'postgres-logical', bytes: 1234, sha256: 'a'.repeat(64) }],
    });
  });

  it('keeps at most the configured number of snapshots per environment, even under concurrent requests', async () => {
    const env = await readyEnvironment();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => snapshot(env, `burst-${i}`)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([...Array(CAP).fill(202), ...Array(8 - CAP).fill(409)]);
    const refused = json<{ error: { code: string; message: string; details: unknown } }>(
      answers.find((a) => a.statusCode === 409)!,
    );
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toContain(`MICROSTAX_API_SNAPSHOTS_PER_ENV = ${CAP}`);
    expect(refused.error.details).toEqual({ limit: CAP });
    const { rows } = await api.app.db.query(
      'SELECT count(*)::int AS n FROM snapshots WHERE environment_id = $1',
      [env],
    );
    expect(rows[0].n).toBe(CAP);
    // Asking again for one it keeps is still answered (same name returns the first).
    const kept = answers.find((a) => a.statusCode === 202)!;
    expect((await snapshot(env, json<SnapshotBody>(kept).name)).statusCode).toBe(200);
  });

  it('deletes a snapshot: team-checked, refused while pending, its artifacts removed by a workflow, then 404', async () => {
    const env = await readyEnvironment();
    const { id, name } = json<SnapshotBody>(await snapshot(env, 'to-delete'));
    const url = `/v1/environments/${env}/snapshots/${name}`;

    // Another team's member cannot tell it exists.
    const other = await call({ method: 'DELETE', url, as: 'other' });
    expect(other.statusCode).toBe(404);
    expect((await call({ method: 'DELETE', url, as: 'none' })).statusCode).toBe(401);

    const pending = await call({ method: 'DELETE', url });
    expect(pending.statusCode).toBe(409);
    expect(json<{ error: { message: string } }>(pending).error.message).toContain('pending');

    await markReady(id);
    const deleted = await call({ method: 'DELETE', url });
    expect(deleted.statusCode).toBe(202);
    expect(json(deleted)).toEqual({ id, workflows: [`snapshot-delete-${id}`] });
    started.push(`snapshot-delete-${id}`);
    const workflow = temporal.client.workflow.getHandle(`snapshot-delete-${id}`);
    expect((await workflow.describe()).type).toBe('deleteSnapshot');
    const { rows } = await api.app.db.query('SELECT 1 FROM snapshots WHERE id = $1', [id]);
    expect(rows).toHaveLength(0);
    const list = json<{ items: SnapshotBody[] }>(await call({ url: `/v1/environments/${env}/snapshots` }));
    expect(list.items.map((s) => s.id)).not.toContain(id);
    // Gone is gone: the same request again is a 404 and starts nothing new.
    expect((await call({ method: 'DELETE', url })).statusCode).toBe(404);
    expect(
      (await call({ method: 'DELETE', url: `/v1/environments/${env}/snapshots/${id}` })).statusCode,
    ).toBe(404);
    const events = json<{ items: { action: string }[] }>(
      await call({ url: `/v1/environments/${env}/events` }),
    );
    expect(events.items.map((e) => e.action)).toContain('environment.snapshot.delete');
    // Malformed names are a 400 naming the field.
    const bad = await call({ method: 'DELETE', url: `/v1/environments/${env}/snapshots/..%2Fetc` });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { field: string } }>(bad).error.field).toBe('params.snapshot');
  });

  describe('environments from a snapshot (fromSnapshot)', () => {
    const inline = (source: string) => ({ source, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS });
    const create = (payload: object, as: Caller = 'member') =>
      api.app.inject({
        method: 'POST',
        url: '/v1/environments',
        headers: { ...api.headers(as), 'idempotency-key': randomUUID() },
        payload,
      });
    const environmentCount = async () =>
      Number((await api.app.db.query('SELECT count(*) AS n FROM environments')).rows[0].n);
    const versionCount = async () =>
      Number((await api.app.db.query('SELECT count(*) AS n FROM blueprint_versions')).rows[0].n);

    let readyId: string;
    beforeAll(async () => {
      const env = await readyEnvironment();
      const response = await snapshot(env, 'before-release');
      readyId = json<SnapshotBody>(response).id;
      await markReady(readyId);
    });

    it('starts an environment from a ready snapshot of the team, by id or by name', async () => {
      for (const ref of [readyId, 'before-release']) {
        const created = await create({ blueprint: { name: 'shop' }, fromSnapshot: ref });
        expect(created.statusCode).toBe(201);
        started.push(`env-${json<{ id: string }>(created).id}`);
      }
    });

    it("refuses another team's snapshot as not found, and a missing one, leaving no environment behind", async () => {
      const before = await environmentCount();
      const other = await create({ blueprint: inline(SHOP_BLUEPRINT), fromSnapshot: readyId }, 'other');
      expect(other.statusCode).toBe(404);
      expect(other.body).toContain(`snapshot ${readyId}`);
      const missing = await create({ blueprint: { name: 'shop' }, fromSnapshot: 'no-such-snapshot' });
      expect(missing.statusCode).toBe(404);
      expect(await environmentCount()).toBe(before);
    });

    it('refuses a snapshot of another engine with 422 naming both, and one not ready with 409, registering no version', async () => {
      const versions = await versionCount();
      const redisDb = SHOP_BLUEPRINT.replace(
        'image: postgres:16-alpine\n    init:\n      type: sql\n      script: scripts/seed.sql\n',
        'image: redis:7-alpine\n    stateful: true\n',
      );
      expect(redisDb).not.toBe(SHOP_BLUEPRINT);
      const mismatch = await create({ blueprint: inline(redisDb), fromSnapshot: readyId });
      expect(mismatch.statusCode).toBe(422);
      const body = json<{ error: { message: string; field: string } }>(mismatch);
      expect(body.error.message).toContain('postgres');
      expect(body.error.message).toContain('redis:7-alpine (engine redis)');
      expect(body.error.field).toBe('body.fromSnapshot');
      // The inline Redis `shop` was refused: it is not a new version of the name.
      expect(await versionCount()).toBe(versions);

      const env = await readyEnvironment();
      const pending = json<SnapshotBody>(await snapshot(env, 'still-running'));
      const notReady = await create({ blueprint: { name: 'shop' }, fromSnapshot: pending.id });
      expect(notReady.statusCode).toBe(409);

      // The other way round: a Redis snapshot (of a service also named db) into the Postgres db.
      const taken = await snapshot(env, 'redis-data');
      expect(taken.statusCode, taken.body).toBe(202);
      const redisSnapshot = json<SnapshotBody>(taken).id;
      await markReady(redisSnapshot, 'redis-rdb');
      const intoPostgres = await create({ blueprint: inline(SHOP_BLUEPRINT), fromSnapshot: redisSnapshot });
      expect(intoPostgres.statusCode, intoPostgres.body).toBe(422);
      const refused = json<{ error: { message: string; field: string } }>(intoPostgres).error;
      expect(refused.message).toContain('holds redis data (engine redis-rdb)');
      expect(refused.message).toContain('postgres:16-alpine (engine postgres)');
      expect(refused.field).toBe('body.fromSnapshot');
      expect(await versionCount()).toBe(versions);
    });

    it("binds a snapshot init step to the team's snapshot, with the same refusals, leaving nothing behind", async () => {
      const withStep = (snapshot: string, image = 'postgres:16-alpine') =>
        inline(
          // Its own name: a create registers its blueprint, and the other tests create `shop` by name.
          SHOP_BLUEPRINT.replace('name: shop\n', 'name: shop-steps\n').replace(
            'image: postgres:16-alpine\n    init:\n      type: sql\n      script: scripts/seed.sql\n',
            `image: ${image}\n    stateful: true\n    init:\n      - type: snapshot\n        snapshot: ${snapshot}\n      - type: sql\n        script: scripts/seed.sql\n`,
          ),
        );
      const ok = await create({ blueprint: withStep('before-release') });
      expect(ok.statusCode, ok.body).toBe(201);
      const okId = json<{ id: string }>(ok).id;
      started.push(`env-${okId}`);
      // The workflow got the snapshot's id, not just the name the blueprint gave.
      const history = await temporal.client.workflow.getHandle(`env-${okId}`).fetchHistory();
      const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      expect(input).toBeDefined();
      const decoded = await decodeFromPayloadsAtIndex<{
        blueprint: { services: { name: string; init: { type: string; snapshotId?: string }[] }[] };
      }>(temporal.client.options.loadedDataConverter, 0, [input!]);
      const db = decoded?.blueprint.services.find((s) => s.name === 'db');
      expect(db?.init[0]).toMatchObject({ type: 'snapshot', snapshotId: readyId });

      const before = await environmentCount();
      const other = await create({ blueprint: withStep(readyId) }, 'other');
      expect(other.statusCode).toBe(404);
      expect(other.body).toContain(`snapshot ${readyId}`);
      expect((await create({ blueprint: withStep('no-such-snapshot') })).statusCode).toBe(404);
      const mismatch = await create({ blueprint: withStep(readyId, 'redis:7-alpine') });
      expect(mismatch.statusCode).toBe(422);
      const message = json<{ error: { message: string } }>(mismatch).error.message;
      expect(message).toContain('services.db.init.0');
      expect(message).toContain('postgres');
      expect(message).toContain('redis:7-alpine (engine redis)');
      const env = await readyEnvironment();
      const pending = json<SnapshotBody>(await snapshot(env, 'step-not-ready'));
      expect((await create({ blueprint: withStep(pending.id) })).statusCode).toBe(409);
      // readyEnvironment made one row: nothing else was recorded.
      expect(await environmentCount()).toBe(before + 1);
      const malformed = await create({ blueprint: withStep('../etc') });
      expect(malformed.statusCode).toBe(422);
      expect(malformed.body).toMatch(/shop\.yaml:\d+:\d+/);
    });

    it('refuses fromSnapshot with branchOf, and malformed or huge references', async () => {
      const env = await readyEnvironment();
      const both = await create({ blueprint: { name: 'shop' }, fromSnapshot: readyId, branchOf: env });
      expect(both.statusCode).toBe(422);
      for (const bad of ['', 'x'.repeat(5000), '../etc/passwd', 'a b']) {
        const response = await create({ blueprint: { name: 'shop' }, fromSnapshot: bad });
        expect(response.statusCode).toBe(400);
      }
      const anonymous = await create({ blueprint: { name: 'shop' }, fromSnapshot: readyId }, 'none');
      expect(anonymous.statusCode).toBe(401);
    });
  });

  it('leaves no pending row when the workflow cannot be started', async () => {
    const env = await readyEnvironment();
    // Temporal becomes unreachable for real: the API's own connection is closed (last test of the file).
    await api.lifecycle.close();
    const failed = await snapshot(env, 'never-started');
    expect(failed.statusCode).toBeGreaterThanOrEqual(500);
    const { rows } = await api.app.db.query('SELECT phase FROM snapshots WHERE environment_id = $1', [env]);
    expect(rows).toEqual([]);
  });
});
