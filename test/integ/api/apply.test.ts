import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../store/api-tokens.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { type Caller, json, startTestApi, type TestApi } from './harness.js';

/**
 * `POST /v1/environments/apply` as an attacker would try it, on the real API, Postgres and Temporal (no
 * worker: environments stay pending, which is all these need): no, bad, revoked and other teams'
 * credentials, huge and malformed input, and many first applies of one name at once.
 */
describe('apply: credentials, limits and races', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  const started = new Set<string>();
  const source = 'name: tiny\nservices:\n- name: web\n  image: ghcr.io/acme/web:1.0\n  expose: true\n';

  const apply = async (caller: Caller | { token: string }, body: Record<string, unknown>) => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/environments/apply',
      headers: typeof caller === 'string' ? api.headers(caller) : { authorization: `Bearer ${caller.token}` },
      payload: { blueprint: { source, fileName: 'tiny.yaml' }, ...body },
    });
    const parsed = json<{
      environment?: { id: string };
      error?: { code: string; field?: string; message: string };
    }>(response);
    if (parsed.environment) started.add(parsed.environment.id);
    return { status: response.statusCode, body: parsed };
  };

  beforeAll(async () => {
    api = await startTestApi('apply');
    temporal = await createTemporalClient({ env: await stackEnv() });
  }, 60_000);
  afterAll(async () => {
    // No worker polls this file's task queue: end the workflows it started (nothing reached the cluster).
    for (const id of started) {
      await temporal.client.workflow
        .getHandle(workflowIds.environment(id))
        .terminate('test cleanup')
        .catch(() => {});
    }
    await temporal?.close();
    await api?.close();
  });

  it('refuses no, bad and revoked credentials with 401, before anything is stored', async () => {
    for (const caller of ['none', 'bad'] as const) {
      const answer = await apply(caller, { name: 'pr-401' });
      expect(answer.status).toBe(401);
    }
    const user = await upsertUser(api.app.db, { name: 'eve', teamId: 'payments', role: 'member' });
    const { token, record } = await createApiToken(api.app.db, { userId: user.id });
    await revokeApiToken(api.app.db, record.id);
    await new Promise((r) => setTimeout(r, 300)); // the principal cache hears of the revocation
    expect((await apply({ token }, { name: 'pr-401' })).status).toBe(401);
    const list = await api.app.inject({
      method: 'GET',
      url: '/v1/environments',
      headers: api.headers('member'),
    });
    expect(json<{ items: unknown[] }>(list).items).toEqual([]);
  });

  it("keeps teams apart: another team's name is its own, and never reaches this team's environment", async () => {
    const mine = await apply('member', { name: 'pr-7' });
    expect(mine.status).toBe(201);
    const theirs = await apply('other', { name: 'pr-7' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.environment!.id).not.toBe(mine.body.environment!.id);
    const seen = await api.app.inject({
      method: 'GET',
      url: '/v1/environments/pr-7',
      headers: api.headers('other'),
    });
    expect(json<{ id: string }>(seen).id).toBe(theirs.body.environment!.id);
    const foreign = await api.app.inject({
      method: 'GET',
      url: `/v1/environments/${mine.body.environment!.id}`,
      headers: api.headers('other'),
    });
    expect(foreign.statusCode).toBe(404);
    const asOtherTeam = await apply('member', { name: 'pr-8', team: 'search' });
    expect(asOtherTeam.status).toBe(403);
    // A branch of another team's environment is not found (no existence leak).
    const branch = await apply('other', { name: 'pr-9', branchOf: mine.body.environment!.id });
    expect(branch.status).toBe(404);
    // Still being created (no worker here): a second apply says so and changes nothing.
    const again = await apply('member', { name: 'pr-7', set: ['web.image=ghcr.io/acme/web:2.0'] });
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toContain('is still being created');
  });

  it('refuses huge and malformed input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ name: 'x'.repeat(41) }, 'body.name'],
      [{ name: 'PR-1' }, 'body.name'],
      [{ name: 'e0123456789ab' }, 'body.name'],
      [{ name: 'pr-1', set: Array.from({ length: 101 }, () => 'web.image=x:1') }, 'body.set'],
      [{ name: 'pr-1', set: ['web.image'] }, 'body.set.0'],
      [
        { name: 'pr-1', labels: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v'])) },
        /^body\.labels/,
      ],
      [{ name: 'pr-1', labels: { pr: 'x'.repeat(64) } }, /^body\.labels/],
      [{ name: 'pr-1', labels: { 'a/b/c': 'x' } }, /^body\.labels/],
      [{ name: 'pr-1', unexpected: true }, /body/],
    ];
    for (const [body, field] of cases) {
      const answer = await apply('member', body);
      expect(answer.status, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(answer.body.error!.field).toMatch(field);
    }
    const huge = await api.app.inject({
      method: 'POST',
      url: '/v1/environments/apply',
      headers: { ...api.headers('member'), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'pr-1', blueprint: { source: 'x'.repeat(20 * 1024 * 1024) } }),
    });
    expect(huge.statusCode).toBe(413);
    const list = await api.app.inject({
      method: 'GET',
      url: '/v1/environments?labelSelector=pr%3D1',
      headers: api.headers('member'),
    });
    expect(json<{ items: unknown[] }>(list).items).toEqual([]);
  });

  it("binds snapshot steps to the team's snapshots on a first apply and on an update that adds a service", async () => {
    const withSnapshotStep = {
      source: `${source}- name: db\n  image: postgres:16-alpine\n  init:\n  - type: snapshot\n    snapshot: no-such-snapshot\n`,
      fileName: 'tiny.yaml',
    };
    const missing = await apply('member', { name: 'pr-snap', blueprint: withSnapshotStep });
    expect(missing.status).toBe(404);
    expect(missing.body.error!.message).toContain('snapshot no-such-snapshot (services.db.init.0)');
    const named = await api.app.db.query('SELECT count(*)::int AS n FROM environments WHERE name = $1', [
      'pr-snap',
    ]);
    expect(named.rows[0].n).toBe(0);

    const created = await apply('member', { name: 'pr-snap' });
    expect(created.status).toBe(201);
    const id = created.body.environment!.id;
    await api.app.db.query("UPDATE environments SET phase = 'ready' WHERE id = $1", [id]);
    // The update adds db, whose snapshot the team does not have: refused as at create.
    const update = await apply('member', { name: 'pr-snap', blueprint: withSnapshotStep });
    expect(update.status).toBe(404);
    expect(update.body.error!.message).toContain('snapshot no-such-snapshot (services.db.init.0)');
    // Nothing started: the environment is as it was.
    const row = await api.app.db.query('SELECT phase FROM environments WHERE id = $1', [id]);
    expect(row.rows[0].phase).toBe('ready');
  });

  it('twenty first applies of one name at once make exactly one environment', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => apply('member', { name: 'pr-race' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const list = await api.app.inject({
      method: 'GET',
      url: '/v1/environments',
      headers: api.headers('member'),
    });
    const named = json<{ items: { name?: string }[] }>(list).items.filter((e) => e.name === 'pr-race');
    expect(named).toHaveLength(1);
  });
});
