import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../../dashboard/scripts/build-dashboard.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { TEST_USER_PASSWORD } from '../../../local/stack/oidc.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { stackEnv } from '../../support/stack-env.js';
import { startWorkerBackedApi, type WorkerBackedApi } from '../api/support/worker-backed-api.js';
import { type Browser, openBrowser, screenshotBothWidths } from './support/browser.js';

const BLUEPRINT = `name: signin-shop
services:
  - name: web
    image: ghcr.io/acme/shop-web:1.0
    expose: 8080
`;

/**
 * Signing in to the dashboard in Debian's chromium through the stack's real Dex: no token anywhere,
 * only the login form. Dex sends the browser back to the callback it knows (the stack's API port);
 * the browser's requests to that origin are routed to this test's API, so the cookies are the ones
 * a browser would keep (cookies do not depend on the port).
 */
describe('dashboard sign-in through Dex in a real browser', () => {
  let api: WorkerBackedApi;
  let base: string;
  let browser: Browser;
  const created: { id: string; token: string }[] = [];

  beforeAll(async () => {
    const { oidc } = await readStackEndpoints(await stackEnv());
    if (!oidc) throw new Error('the local stack runs no OIDC provider: run `node bin/microstax.js stack up`');
    await ensureDashboardBuilt();
    api = await startWorkerBackedApi({
      name: 'dashboard_signin',
      apiConfig: {
        oidcIssuer: oidc.issuer,
        oidcClientSecretFile: oidc.clientSecretFile,
        oidcRedirectUrl: oidc.redirectUrl,
      },
    });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
    browser = await openBrowser({});
    const callbackOrigin = new URL(oidc.redirectUrl).origin;
    await browser.context.route(`${callbackOrigin}/**`, (route) =>
      route.continue({ url: route.request().url().replace(callbackOrigin, base) }),
    );
    // One environment in each of Dex's test teams, made with tokens of users of those teams.
    for (const team of ['team-a', 'team-b']) {
      await ensureTeam(api.app.db, { id: team });
      const user = await upsertUser(api.app.db, { name: `maker-${team}`, teamId: team, role: 'member' });
      const { token } = await createApiToken(api.app.db, { userId: user.id });
      const response = await api.app.inject({
        method: 'POST',
        url: '/v1/environments',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        payload: { blueprint: { source: BLUEPRINT, fileName: 'signin-shop.yaml' }, ttl: '1h' },
      });
      expect(response.statusCode, response.body).toBe(201);
      created.push({ id: JSON.parse(response.body).id, token });
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (!api) return;
    for (const { id, token } of created) {
      await api.app.inject({
        method: 'DELETE',
        url: `/v1/environments/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
    }
    for (const { id, token } of created) {
      for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
        const response = await api.app.inject({
          url: `/v1/environments/${id}`,
          headers: { authorization: `Bearer ${token}` },
        });
        if (response.statusCode === 404 || ['deleted', 'failed'].includes(JSON.parse(response.body).phase))
          break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    await api.close();
  }, 180_000);

  it("a team-a user signs in at Dex's form, sees team-a's environment and never team-b's", async () => {
    const { page } = browser;
    const [mine, theirs] = created.map((env) => env.id);
    await page.goto(`${base}/ui/environments`);
    // No credential yet: the dashboard offers sign-in instead of a list.
    await page.getByRole('link', { name: /sign in/i }).click();
    await page.locator('input[name=login]').fill('alice@example.com');
    await page.locator('input[name=password]').fill(TEST_USER_PASSWORD);
    await Promise.all([
      page.waitForURL(/\/ui\/environments/, { timeout: 30_000 }),
      page.locator('button[type=submit]').click(),
    ]);
    await expect.poll(async () => page.getByText(mine!).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText(theirs!).count()).toBe(0);
    // The session is an HttpOnly, SameSite=Lax cookie: page scripts never see it.
    const session = (await browser.context.cookies()).find((cookie) => cookie.name === 'microstax_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.cookie')).not.toContain('microstax_session');
    await screenshotBothWidths(page, 'signed-in-environments');
    // Another team's environment by direct URL: the API says it does not exist.
    const direct = await page.evaluate(
      async (id) => (await fetch(`/v1/environments/${id}`, { credentials: 'same-origin' })).status,
      theirs!,
    );
    expect(direct).toBe(404);
  }, 120_000);
});
