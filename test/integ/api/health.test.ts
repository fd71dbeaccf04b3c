import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApi, type TestApi } from './harness.js';

describe('public health endpoints say nothing internal (real Postgres and Temporal)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('health');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers a failed readiness check with a bare 503, and logs the reason with the request id', async () => {
    expect(json(await api.app.inject({ url: '/readyz' }))).toEqual({ ready: true });
    // Temporal really becomes unreachable: the API's own connection to it is closed.
    await api.lifecycle.close();
    const ready = await api.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(json(ready)).toEqual({ ready: false });
    const requestId = ready.headers['x-request-id'];
    const logged = api.logs.filter((line) => line.includes('readiness check failed'));
    expect(logged.length).toBe(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({
      reqId: requestId,
      check: 'temporal',
      message: expect.any(String),
    });
    // Neither an admin-looking header nor a query string changes what a public caller sees.
    const probing = await api.app.inject({ url: '/readyz?verbose=1', headers: api.headers('admin') });
    expect(json(probing)).toEqual({ ready: false });
  });

  it('answers liveness with nothing but ok', async () => {
    const live = await api.app.inject({ url: '/healthz' });
    expect(live.statusCode).toBe(200);
    expect(live.body).toBe('{"ok":true}');
  });
});
