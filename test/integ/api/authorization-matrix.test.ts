import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PLANTED_SECRETS,
  registerShop,
  SHOP_BLUEPRINT,
  SHOP_BRANCH_BLUEPRINT,
  SHOP_SCRIPTS,
} from './fixtures.js';
import { type Caller, json, startTestApi, type TestApi } from './harness.js';

type MatrixCaller = Caller | 'share';
const CALLERS: MatrixCaller[] = ['none', 'bad', 'share', 'other', 'member', 'admin'];

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: () => string;
  payload?: () => object;
  /** Expected status per caller; none/bad default to 401, share to 403. */
  expect: Partial<Record<MatrixCaller, number>> & { member: number; admin: number; other: number };
}

/**
 * Every endpoint × (no token, bad token, share token, other team, member, admin). Members of another
 * team get 404 for the team's environments (as if they did not exist); naming another team explicitly
 * is 403. Share tokens only read the shared environment.
 */
describe('authorization matrix (real Postgres and Temporal)', () => {
  let api: TestApi;
  let env: string;
  let gone: string;
  let readySnapshot: string;
  /** Ready snapshots for the delete endpoint: the member deletes the first, the admin the second. */
  const deletable: string[] = [];
  let shareToken: string;
  const shares: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    api = await startTestApi('authz');
    const member = api.headers('member');
    await registerShop(api);
    const create = async () =>
      json<{ id: string }>(
        await api.app.inject({
          method: 'POST',
          url: '/v1/environments',
          headers: member,
          payload: { blueprint: { name: 'shop' } },
        }),
      ).id;
    env = await create();
    gone = await create();
    await api.app.db.query("UPDATE environments SET phase = 'ready' WHERE id = $1", [env]);
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = $1", [gone]);
    const snapshot = json<{ id: string }>(
      await api.app.inject({
        method: 'POST',
        url: `/v1/environments/${env}/snapshots`,
        headers: member,
        payload: { name: 'fixed' },
      }),
    );
    readySnapshot = snapshot.id;
    await api.app.db.query(`UPDATE snapshots SET phase = 'ready', details = $2 WHERE id = $1`, [
      readySnapshot,
      JSON.stringify({
        artifacts: [{ service: 'db', engine: 'postgres', location: 'x', bytes: 1, sha256: 'y' }],
      }),
    ]);
    for (const name of ['delete-by-member', 'delete-by-admin']) {
      const { id } = json<{ id: string }>(
        await api.app.inject({
          method: 'POST',
          url: `/v1/environments/${env}/snapshots`,
          headers: member,
          payload: { name },
        }),
      );
      await api.app.db.query(`UPDATE snapshots SET phase = 'ready' WHERE id = $1`, [id]);
      deletable.push(id);
    }
    for (let i = 0; i < 3; i++) {
      const share = json<{ id: string; token: string }>(
        await api.app.inject({
          method: 'POST',
          url: `/v1/environments/${env}/shares`,
          headers: member,
          payload: {},
        }),
      );
      shares.push(share.id);
      shareToken = share.token;
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  let revokeCount = 0;
  let snapshotDeleteCount = 0;
  const endpoints: Endpoint[] = [
    {
      name: 'list blueprints',
      method: 'GET',
      url: () => '/v1/blueprints',
      expect: { other: 200, member: 200, admin: 200 },
    },
    {
      name: 'register blueprint',
      method: 'POST',
      url: () => '/v1/blueprints',
      payload: () => ({ source: SHOP_BLUEPRINT, scripts: SHOP_SCRIPTS, team: 'payments' }),
      expect: { other: 403, member: 200, admin: 200 },
    },
    {
      name: 'get blueprint',
      method: 'GET',
      url: () => '/v1/blueprints/shop?team=payments',
      expect: { other: 403, member: 200, admin: 200 },
    },
    {
      name: 'validate blueprint',
      method: 'POST',
      url: () => '/v1/blueprints/validate',
      payload: () => ({ source: SHOP_BLUEPRINT, scripts: SHOP_SCRIPTS }),
      expect: { other: 200, member: 200, admin: 200 },
    },
    {
      name: 'plan',
      method: 'POST',
      url: () => '/v1/blueprints/plan',
      payload: () => ({
        baseline: { name: 'shop' },
        branch: { source: SHOP_BRANCH_BLUEPRINT, scripts: SHOP_SCRIPTS },
        team: 'payments',
      }),
      expect: { other: 403, member: 200, admin: 200 },
    },
    {
      name: 'plan against an environment',
      method: 'POST',
      url: () => '/v1/blueprints/plan',
      payload: () => ({
        baseline: { environment: env },
        branch: { source: SHOP_BRANCH_BLUEPRINT, scripts: SHOP_SCRIPTS },
      }),
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'create environment',
      method: 'POST',
      url: () => '/v1/environments',
      payload: () => ({ blueprint: { name: 'shop' }, team: 'payments' }),
      expect: { other: 403, member: 201, admin: 201 },
    },
    {
      name: 'branch environment',
      method: 'POST',
      url: () => '/v1/environments',
      payload: () => ({ blueprint: { name: 'shop' }, branchOf: env }),
      expect: { other: 404, member: 201, admin: 409 },
    },
    {
      name: 'list environments',
      method: 'GET',
      url: () => '/v1/environments',
      expect: { other: 200, member: 200, admin: 200 },
    },
    {
      name: 'get environment',
      method: 'GET',
      url: () => `/v1/environments/${env}`,
      expect: { share: 200, other: 404, member: 200, admin: 200 },
    },
    {
      name: 'extend',
      method: 'POST',
      url: () => `/v1/environments/${env}/extend`,
      payload: () => ({ by: '1h' }),
      // No worker answers on this test's task queue: an authorised call reaches the workflow and times out.
      expect: { other: 404, member: 503, admin: 503 },
    },
    {
      name: 'seed',
      method: 'POST',
      url: () => `/v1/environments/${env}/seed`,
      payload: () => ({}),
      expect: { other: 404, member: 202, admin: 202 },
    },
    {
      name: 'snapshot',
      method: 'POST',
      url: () => `/v1/environments/${env}/snapshots`,
      payload: () => ({}),
      expect: { other: 404, member: 202, admin: 202 },
    },
    {
      name: 'list snapshots',
      method: 'GET',
      url: () => `/v1/environments/${env}/snapshots`,
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'list diff runs',
      method: 'GET',
      url: () => `/v1/environments/${env}/diffs`,
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'get a diff run (none with this id)',
      method: 'GET',
      url: () => `/v1/environments/${env}/diffs/00000000-0000-4000-8000-000000000000`,
      expect: { other: 404, member: 404, admin: 404 },
    },
    {
      name: 'restore',
      method: 'POST',
      url: () => `/v1/environments/${env}/restore`,
      payload: () => ({ snapshot: readySnapshot }),
      expect: { other: 404, member: 202, admin: 202 },
    },
    {
      name: 'delete snapshot',
      method: 'DELETE',
      // Callers in order none, bad, share, other, member, admin: the admin (6th) deletes the second one.
      url: () => `/v1/environments/${env}/snapshots/${deletable[snapshotDeleteCount++ < 5 ? 0 : 1]}`,
      expect: { other: 404, member: 202, admin: 202 },
    },
    {
      name: 'create share',
      method: 'POST',
      url: () => `/v1/environments/${env}/shares`,
      payload: () => ({ ttl: '1h' }),
      expect: { other: 404, member: 201, admin: 201 },
    },
    {
      name: 'list shares',
      method: 'GET',
      url: () => `/v1/environments/${env}/shares`,
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'revoke share',
      method: 'DELETE',
      // The last share stays live for the share-token caller; each authorised call revokes another one.
      url: () => `/v1/environments/${env}/shares/${shares[Math.min(revokeCount++, 1)]}`,
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'audit events',
      method: 'GET',
      url: () => `/v1/environments/${env}/events`,
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'event stream',
      method: 'GET',
      url: () => `/v1/environments/${gone}/stream`,
      expect: { other: 404, member: 200, admin: 200 },
    },
    {
      name: 'sleep',
      method: 'POST',
      url: () => `/v1/environments/${env}/sleep`,
      // Authorised, then refused: the branch made above reuses this environment's services (has_branches).
      expect: { other: 404, member: 409, admin: 409 },
    },
    {
      name: 'wake',
      method: 'POST',
      url: () => `/v1/environments/${env}/wake`,
      // Already ready, but the workflow is still asked (to call off a pending sleep): no worker answers.
      expect: { other: 404, member: 503, admin: 503 },
    },
    {
      name: 'teardown (live branches refuse it)',
      method: 'DELETE',
      // The branch made above reuses this environment's services.
      url: () => `/v1/environments/${env}`,
      expect: { other: 404, member: 409, admin: 409 },
    },
    {
      name: 'teardown with cascade',
      method: 'DELETE',
      url: () => `/v1/environments/${env}?cascade=true`,
      expect: { other: 404, member: 202, admin: 202 },
    },
  ];

  const headersFor = (caller: MatrixCaller) =>
    caller === 'share' ? { authorization: `Bearer ${shareToken}` } : api.headers(caller);

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.name}`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const caller of CALLERS) {
        const response = await api.app.inject({
          method: endpoint.method,
          url: endpoint.url(),
          headers: headersFor(caller),
          payload: endpoint.payload?.(),
        });
        bodies.push(response.body);
        got[caller] = response.statusCode;
        want[caller] = endpoint.expect[caller] ?? (caller === 'none' || caller === 'bad' ? 401 : 403);
        if (
          response.statusCode >= 400 &&
          !String(response.headers['content-type']).includes('event-stream')
        ) {
          expect(json(response)).toMatchObject({
            error: { code: expect.any(String), message: expect.any(String) },
          });
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('another team lists nothing of this team', async () => {
    const envs = json<{ items: { id: string }[] }>(
      await api.app.inject({ url: '/v1/environments', headers: api.headers('other') }),
    );
    expect(envs.items).toEqual([]);
    const blueprints = json<{ items: { team: string }[] }>(
      await api.app.inject({ url: '/v1/blueprints', headers: api.headers('other') }),
    );
    expect(blueprints.items.every((b) => b.team !== 'payments')).toBe(true);
  });

  it('no response, log line or event contains a secret value or a token', async () => {
    const { rows } = await api.app.db.query('SELECT details::text AS d FROM events');
    const everything = [...bodies, ...api.logs, ...rows.map((r) => r.d)].join('\n');
    for (const secret of [...PLANTED_SECRETS, ...Object.values(api.tokens)])
      expect(everything).not.toContain(secret);
    // The share token is shown once, at creation (in beforeAll), and never again.
    expect(bodies.join('\n')).not.toContain(shareToken);
  });
});
