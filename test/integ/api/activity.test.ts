import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityOf } from '../../../store/environment-activity.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { stackEnv } from '../../support/stack-env.js';
import { registerShop } from './fixtures.js';
import { type Caller, json, startTestApi, type TestApi } from './harness.js';

/**
 * API calls on an environment count as its use (the idle sweep reads them), but only calls that
 * succeed with a credential that may see it: no credential, a bad one or another team's records nothing.
 */
describe('API calls record environment activity', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi('activity');
    temporal = await createTemporalClient({ env: await stackEnv() });
    await registerShop(api);
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: { blueprint: { name: 'shop' }, ttl: '1h' },
    });
    expect(created.statusCode).toBe(201);
    id = json<{ id: string }>(created).id;
  });
  afterAll(async () => {
    // No worker polls this file's task queue: end the workflow the create started.
    if (id)
      await temporal.client.workflow
        .getHandle(`env-${id}`)
        .terminate('test done')
        .catch(() => {});
    await temporal?.close();
    await api?.close();
  });

  const get = (caller: Caller, path = `/v1/environments/${id}`) =>
    api.app.inject({ method: 'GET', url: path, headers: api.headers(caller) });

  it('counts successful calls of its team; refused ones (none, bad, other team, unknown id) count nothing', async () => {
    expect((await get('none')).statusCode).toBe(401);
    expect((await get('bad')).statusCode).toBe(401);
    expect([403, 404]).toContain((await get('other')).statusCode);
    expect((await get('member', '/v1/environments/e000000000000000000000')).statusCode).toBe(404);
    // Flushed every 5 s: after a flush period, the refusals left nothing behind.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await activityOf(api.app.db, [id, 'e000000000000000000000'])).toEqual(new Map());

    const before = Date.now();
    for (let i = 0; i < 3; i++) expect((await get('member')).statusCode).toBe(200);
    expect((await get('admin')).statusCode).toBe(200);
    const deadline = Date.now() + 10_000;
    let recorded = (await activityOf(api.app.db, [id])).get(id);
    while (!recorded && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      recorded = (await activityOf(api.app.db, [id])).get(id);
    }
    expect(recorded).toMatchObject({ requests: 4, lastSource: 'api' });
    expect(recorded!.lastUsedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
