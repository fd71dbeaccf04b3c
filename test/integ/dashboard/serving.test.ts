import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedApiTypes, renderApiTypes } from '../../../dashboard/scripts/api-types.js';
import { DASHBOARD_OUT, ensureDashboardBuilt } from '../../../dashboard/scripts/build-dashboard.js';
import { startTestApi, type TestApi } from '../api/harness.js';

/**
 * The dashboard as the API serves it under /ui/ (real API on the stack's Postgres and Temporal): static
 * files with cache and security headers, the page for any /ui/ path, nothing else reachable through it,
 * the API itself still closed without a credential, and the dashboard's generated client in line with
 * the API's OpenAPI document.
 */
describe('dashboard serving (real API)', () => {
  let api: TestApi;
  let asset: string;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    asset = (await readdir(path.join(DASHBOARD_OUT, 'assets'))).find((name) => name.endsWith('.js'))!;
    api = await startTestApi('dashboard_serving', {
      config: { temporalUiUrl: 'http://127.0.0.1:18233/' },
    });
  });
  afterAll(async () => {
    await api?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url, headers });

  it('serves the page without a credential, with a strict CSP and no caching of the HTML', async () => {
    const page = await get('/ui/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // No inline script the CSP would block: the build loads its code from /ui/assets/.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.body).toContain(`/ui/assets/${asset}`);
    expect((await get('/ui')).statusCode).toBe(302);
  });

  it('answers the page for any path under /ui/, so a link to an environment loads the dashboard', async () => {
    const deep = await get('/ui/environments/e0123456789abcdef0123');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root"></div>');
  });

  it('caches hashed assets for a year, and serves nothing outside the build', async () => {
    const script = await get(`/ui/assets/${asset}`);
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of [
      '/ui/assets/no-such-file.js',
      '/ui/assets/..%2f..%2fpackage.json',
      '/ui/assets/%2e%2e/%2e%2e/package.json',
      '/ui/assets/../../../package.json',
      `/ui/assets/${'a'.repeat(5000)}.js`,
    ]) {
      const response = await get(url);
      // 404, or 401 where the URL normalises to a path outside /ui/ (which needs a credential).
      expect([401, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('"devDependencies"');
    }
    const post = await api.app.inject({ method: 'POST', url: '/ui/', payload: {} });
    expect([401, 404]).toContain(post.statusCode);
  });

  it("tells the page the Temporal UI's address and nothing else", async () => {
    const config = await get('/ui/config.json');
    expect(config.statusCode).toBe(200);
    expect(JSON.parse(config.body)).toEqual({
      temporalUiUrl: 'http://127.0.0.1:18233',
      temporalNamespace: expect.any(String),
    });
  });

  it('leaves the API closed: the dashboard calls it with credentials like any client', async () => {
    expect((await get('/v1/environments')).statusCode).toBe(401);
    expect((await get('/v1/environments', api.headers('bad'))).statusCode).toBe(401);
    const mine = await get('/v1/environments', api.headers('member'));
    expect(mine.statusCode).toBe(200);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'msx-no-dashboard-'));
    const bare = await startTestApi('dashboard_unbuilt', { config: { dashboardDir: empty } });
    try {
      const page = await bare.app.inject({ url: '/ui/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build');
      expect((await bare.app.inject({ url: '/ui/assets/x.js' })).statusCode).toBe(404);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('gives every operation a unique operationId, and the committed client types match the API', async () => {
    const document = api.app.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.paths['/v1/environments']?.get?.operationId).toBe('listEnvironments');
    const fresh = await renderApiTypes(document);
    expect(
      fresh === (await committedApiTypes()),
      'dashboard/src/api/schema.d.ts is stale: run `npm run dashboard:api-types` and commit it',
    ).toBe(true);
  });
});
