import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../store/api-tokens.js';
import { findUserByName, upsertUser } from '../../../store/users.js';
import { registerShop, SHOP_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

/** Polls until `check` holds (the listener reconnects in the background), failing after `ms`. */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('caches kept honest by LISTEN/NOTIFY: changes take effect on the next call (real Postgres)', () => {
  let api: TestApi;
  /** A second connection, as the CLI or another API replica would make changes. */
  let other: pg.Client;
  beforeAll(async () => {
    api = await startTestApi('principal_cache');
    other = new pg.Client({ connectionString: api.db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await api?.close();
  });

  const list = (token: string) =>
    api.app.inject({ url: '/v1/environments', headers: { authorization: `Bearer ${token}` } });

  it('serves repeat calls from the cache, and a revoke elsewhere refuses the very next call', async () => {
    const user = (await findUserByName(other, 'ada'))!;
    const { token, record } = await createApiToken(other, { userId: user.id });
    expect((await list(token)).statusCode).toBe(200);
    expect(api.app.principalCache.active).toBe(true);
    expect(api.app.principalCache.size).toBeGreaterThan(0);
    expect((await list(token)).statusCode).toBe(200);

    expect(await revokeApiToken(other, record.id)).toBe(true);
    // The notification is delivered asynchronously, but before any later query on this database returns.
    await eventually(() => api.app.principalCache.size === 0);
    expect((await list(token)).statusCode).toBe(401);
  });

  it('sees a role change at once (member promoted to admin lists every team)', async () => {
    const { id } = await upsertUser(other, { name: 'cleo', teamId: 'payments', role: 'member' });
    const { token } = await createApiToken(other, { userId: id });
    expect((await list(token)).statusCode).toBe(200);
    const asMember = await api.app.inject({
      url: '/v1/environments?team=search',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asMember.statusCode).toBe(403);
    await upsertUser(other, { name: 'cleo', teamId: 'payments', role: 'admin' });
    await eventually(() => api.app.principalCache.size === 0);
    const asAdmin = await api.app.inject({
      url: '/v1/environments?team=search',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asAdmin.statusCode).toBe(200);
  });

  it('never serves a token past its own expiry, even from the cache', async () => {
    const user = (await findUserByName(other, 'ada'))!;
    const { token } = await createApiToken(other, {
      userId: user.id,
      expiresAt: new Date(Date.now() + 1_500),
    });
    expect((await list(token)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await list(token)).statusCode).toBe(401);
  });

  it('turns itself off when the listening connection drops, and back on when it reconnects', async () => {
    expect((await list(api.tokens.member)).statusCode).toBe(200);
    const { rowCount } = await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'microstax-api-change-listener'`,
    );
    expect(rowCount).toBe(1);
    await eventually(() => !api.app.principalCache.active);
    expect(api.app.principalCache.size).toBe(0);
    expect(api.app.environmentCache.active).toBe(false);
    // Calls keep working straight from the database meanwhile.
    expect((await list(api.tokens.member)).statusCode).toBe(200);
    await eventually(() => api.app.principalCache.active);
    expect((await list(api.tokens.member)).statusCode).toBe(200);
    expect(api.app.principalCache.size).toBe(1);
  });
  it('serves status reads from the environment cache, and a change from elsewhere shows on the next read', async () => {
    await registerShop(api);
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: { blueprint: { name: 'shop' } },
    });
    const { id } = json<{ id: string }>(created);
    const read = (caller: 'member' | 'other' | 'admin' = 'member') =>
      api.app.inject({ url: `/v1/environments/${id}`, headers: api.headers(caller) });

    expect(json(await read())).toMatchObject({ id, phase: 'pending' });
    await eventually(() => api.app.environmentCache.size === 1);
    // Cached rows keep access control: another team still gets a 404, an admin the row.
    expect((await read('other')).statusCode).toBe(404);
    expect((await read('admin')).statusCode).toBe(200);

    // A change made elsewhere (the status mirror of another replica, psql): the next read shows it.
    await other.query(
      'UPDATE environments SET phase = \'ready\', urls = \'{"web": "http://web.test"}\' WHERE id = $1',
      [id],
    );
    await eventually(() => api.app.environmentCache.size === 0);
    expect(json(await read())).toMatchObject({ phase: 'ready', urls: { web: 'http://web.test' } });

    // A change through this API drops the row before the call returns.
    expect(json(await read())).toMatchObject({ phase: 'ready' });
    const teardown = await api.app.inject({
      method: 'DELETE',
      url: `/v1/environments/${id}`,
      headers: api.headers('member'),
    });
    expect(teardown.statusCode).toBe(202);
    expect(json(await read())).toMatchObject({ phase: 'tearing-down' });

    // A deleted row is gone at once.
    await other.query('DELETE FROM events WHERE environment_id = $1', [id]);
    await other.query('DELETE FROM environments WHERE id = $1', [id]);
    await eventually(() => api.app.environmentCache.size === 0);
    expect((await read()).statusCode).toBe(404);
  });

  it('caches share tokens like API tokens: a revoke (here or elsewhere) refuses the very next read, expiry is kept', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: { blueprint: { source: SHOP_BLUEPRINT, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS } },
    });
    const { id } = json<{ id: string }>(created);
    const share = async (ttl = '1h') =>
      json<{ id: string; token: string }>(
        await api.app.inject({
          method: 'POST',
          url: `/v1/environments/${id}/shares`,
          headers: api.headers('member'),
          payload: { ttl },
        }),
      );
    const readWith = (token: string) =>
      api.app.inject({ url: `/v1/environments/${id}`, headers: { authorization: `Bearer ${token}` } });

    // Revoked through the API: this instance drops it before answering.
    const first = await share();
    expect((await readWith(first.token)).statusCode).toBe(200);
    expect(api.app.shareCache.active).toBe(true);
    expect(api.app.shareCache.size).toBe(1);
    expect((await readWith(first.token)).statusCode).toBe(200);
    const revoked = await api.app.inject({
      method: 'DELETE',
      url: `/v1/environments/${id}/shares/${first.id}`,
      headers: api.headers('member'),
    });
    expect(revoked.statusCode).toBe(200);
    expect((await readWith(first.token)).statusCode).toBe(401);

    // Revoked from another connection (another replica, psql): the trigger's NOTIFY drops it.
    const second = await share();
    expect((await readWith(second.token)).statusCode).toBe(200);
    expect(api.app.shareCache.size).toBe(1);
    await other.query('UPDATE shares SET revoked_at = now() WHERE id = $1', [second.id]);
    await eventually(() => api.app.shareCache.size === 0);
    expect((await readWith(second.token)).statusCode).toBe(401);

    // Never served past its own expiry, even from the cache; unknown tokens are never cached.
    const third = await share('2s');
    expect((await readWith(third.token)).statusCode).toBe(200);
    expect(api.app.shareCache.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await readWith(third.token)).statusCode).toBe(401);
    expect((await readWith(`${third.token.slice(0, -4)}zzzz`)).statusCode).toBe(401);
    expect(api.app.shareCache.size).toBe(0);
  });
});
