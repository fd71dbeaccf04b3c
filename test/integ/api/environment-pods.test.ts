import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerShop } from './fixtures.js';
import { type Caller, json, startTestApi, type TestApi } from './harness.js';

/**
 * The environment page's reads: pods per service (`GET /environments/:id/pods`) and a blueprint as an
 * environment runs it, with the provenance of each value. Team members only: no credential 401, a share
 * token 403, another team 404. One environment (no worker polls this file's queue: nothing is deployed).
 */
describe('environment pods and blueprint provenance (real Postgres, Temporal and cluster)', () => {
  let api: TestApi;
  let env: string;
  let gone: string;
  let shareToken: string;
  const status = async (url: string, caller: Caller | 'share') =>
    (
      await api.app.inject({
        method: 'GET',
        url,
        headers: caller === 'share' ? { authorization: `Bearer ${shareToken}` } : api.headers(caller),
      })
    ).statusCode;

  beforeAll(async () => {
    api = await startTestApi('pods');
    const member = api.headers('member');
    await registerShop(api);
    const create = async (overlays?: object[]) =>
      json<{ id: string }>(
        await api.app.inject({
          method: 'POST',
          url: '/v1/environments',
          headers: member,
          payload: { blueprint: { name: 'shop' }, ...(overlays ? { overlays } : {}) },
        }),
      ).id;
    env = await create([
      {
        fileName: 'mine.yaml',
        source: 'layer: user\nservices:\n  - name: api\n    env: { LOG_LEVEL: debug }\n',
      },
    ]);
    gone = await create();
    await api.app.db.query("UPDATE environments SET phase = 'ready' WHERE id = $1", [env]);
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = $1", [gone]);
    shareToken = json<{ token: string }>(
      await api.app.inject({
        method: 'POST',
        url: `/v1/environments/${env}/shares`,
        headers: member,
        payload: {},
      }),
    ).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('pods: refused without a credential, to a share token and to another team', async () => {
    const url = `/v1/environments/${env}/pods`;
    expect(await status(url, 'none')).toBe(401);
    expect(await status(url, 'bad')).toBe(401);
    expect(await status(url, 'share')).toBe(403);
    expect(await status(url, 'other')).toBe(404);
    expect(await status('/v1/environments/env-nope0000/pods', 'member')).toBe(404);
  });

  it("pods: the team reads them from the cluster (none deployed here; a deleted environment's are gone)", async () => {
    const live = await api.app.inject({
      method: 'GET',
      url: `/v1/environments/${env}/pods`,
      headers: api.headers('member'),
    });
    expect(live.statusCode).toBe(200);
    expect(json(live)).toEqual({ items: [] });
    const deleted = await api.app.inject({
      method: 'GET',
      url: `/v1/environments/${gone}/pods`,
      headers: api.headers('admin'),
    });
    expect(json(deleted)).toEqual({ items: [] });
  });

  it('a blueprint version carries the provenance of each value', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/v1/blueprints/shop',
      headers: api.headers('member'),
    });
    const body = json<{ provenance: Record<string, string> }>(response);
    expect(body.provenance['services.api.image']).toBe('shop.yaml:9');
    expect(JSON.stringify(body)).not.toContain('LOG_LEVEL');
  });

  it("as an environment runs it: the overlay that set a value is named; another team's, a share's, a mix refused", async () => {
    const url = `/v1/blueprints/shop?environment=${env}`;
    const body = json<{ provenance: Record<string, string>; version: number }>(
      await api.app.inject({ method: 'GET', url, headers: api.headers('member') }),
    );
    expect(body.provenance['services.api.env.LOG_LEVEL']).toBe('mine.yaml:4');
    expect(body.provenance['services.api.image']).toBe('shop.yaml:9');
    expect(await status(url, 'other')).toBe(404);
    expect(await status(url, 'share')).toBe(403);
    expect(await status(url, 'none')).toBe(401);
    expect(await status(`${url}&version=1`, 'member')).toBe(400);
    expect(await status(`/v1/blueprints/other?environment=${env}`, 'member')).toBe(404);
  });
});
