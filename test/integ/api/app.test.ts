import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApi, type TestApi } from './harness.js';

describe('API basics: health, docs, metrics, errors, auth (real Postgres and Temporal)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('basics');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers liveness and readiness without a token, checking Postgres and Temporal', async () => {
    expect((await api.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await api.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toEqual({ ready: true });
  });

  it('serves a generated OpenAPI document and the docs UI', async () => {
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(
      await api.app.inject({ url: '/openapi.json' }),
    );
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/blueprints',
        '/v1/environments',
        '/v1/environments/{id}',
        '/v1/environments/{id}/shares',
      ]),
    );
    expect((await api.app.inject({ url: '/docs/' })).statusCode).toBe(200);
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await api.app.inject({ url: '/v1/environments', headers: api.headers('member') });
    const metrics = await api.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('microstax_api_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/v1/environments"');
  });

  it('refuses calls without a valid bearer token with 401 and the standard error shape', async () => {
    for (const headers of [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer msx_wrong' },
      { authorization: 'Bearer something-else' },
    ]) {
      const response = await api.app.inject({ url: '/v1/environments', headers });
      expect(response.statusCode).toBe(401);
      expect(json(response)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('answers unknown routes with 404 in the same shape, and echoes a request id', async () => {
    const response = await api.app.inject({ url: '/v1/nope', headers: api.headers('member') });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toMatchObject({ error: { code: 'not_found' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await api.app.inject({ url: '/healthz', headers: { 'x-request-id': 'gw-42' } });
    expect(traced.headers['x-request-id']).toBe('gw-42');
    const forged = await api.app.inject({ url: '/healthz', headers: { 'x-request-id': 'a\\n{"level":60}' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the failing field on validation errors', async () => {
    const wrongType = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: api.headers('member'),
      payload: { blueprint: { name: 'shop' }, ttl: 5 },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(json(wrongType)).toMatchObject({ error: { code: 'validation_failed', field: 'body.ttl' } });

    const unknown = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: api.headers('member'),
      payload: { blueprint: { name: 'shop' }, colour: 'blue' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown)).toMatchObject({ error: { code: 'validation_failed', field: 'body.colour' } });

    const query = await api.app.inject({ url: '/v1/environments?limit=0', headers: api.headers('member') });
    expect(json(query)).toMatchObject({ error: { code: 'validation_failed', field: 'querystring.limit' } });
  });

  it('answers malformed JSON with 400, a wrong media type with 415 and a huge body with 413', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      api.app.inject({
        method: 'POST',
        url: '/v1/blueprints/validate',
        headers: { ...api.headers('member'), 'content-type': contentType },
        payload,
      });
    const malformed = await post('{"source": ');
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed)).toMatchObject({ error: { code: 'validation_failed' } });
    const media = await post('name: x', 'application/yaml');
    expect(media.statusCode).toBe(415);
    expect(json(media)).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const huge = await post(JSON.stringify({ source: 'x'.repeat(4 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(json(huge)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('never logs a bearer token', async () => {
    await api.app.inject({ url: '/v1/environments', headers: api.headers('member') });
    const all = api.logs.join('');
    expect(all).toContain('"level"');
    for (const token of Object.values(api.tokens)) expect(all).not.toContain(token);
  });
});
