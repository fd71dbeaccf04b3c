import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../../dashboard/scripts/build-dashboard.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { TEST_USER_PASSWORD } from '../../../local/stack/oidc.js';
import { countSessions } from '../../../store/sessions.js';
import { stackEnv } from '../../support/stack-env.js';
import { startTestApi, type TestApi } from '../api/harness.js';
import { insertEnvironmentRow } from '../store/environment-row.js';
import { smallBlueprint } from '../workflows/support/blueprints.js';
import { type Browser, openBrowser, screenshotBothWidths } from './support/browser.js';
import { freeRegisteredCallback } from './support/registered-port.js';

/**
 * Signing in to the dashboard in Debian's chromium through the stack's real Dex: no token and no
 * header, only Dex's own login form. The API listens on a port whose callback Dex knows (the stack
 * registers a few for tests), so Dex's redirect comes back to this very API. The environments are
 * plain rows (no workflow needed to list them): one in each of Dex's test teams.
 */
describe('dashboard sign-in through Dex in a real browser', () => {
  let api: TestApi;
  let base: string;
  let issuerOrigin: string;
  let browser: Browser;
  const mine = `signin-a-${Date.now().toString(36)}`;
  const theirs = `signin-b-${Date.now().toString(36)}`;

  beforeAll(async () => {
    const { oidc } = await readStackEndpoints(await stackEnv());
    if (!oidc) throw new Error('the local stack runs no OIDC provider: run `node bin/microstax.js stack up`');
    const callback = await freeRegisteredCallback(oidc.testRedirectUrls);
    await ensureDashboardBuilt();
    api = await startTestApi('signin_ui', {
      config: {
        oidcIssuer: oidc.issuer,
        oidcClientSecretFile: oidc.clientSecretFile,
        oidcRedirectUrl: callback.url,
      },
    });
    await api.app.listen({ host: '127.0.0.1', port: callback.port });
    base = new URL(callback.url).origin;
    issuerOrigin = new URL(oidc.issuer).origin;
    for (const [id, team] of [
      [mine, 'team-a'],
      [theirs, 'team-b'],
    ] as const) {
      await insertEnvironmentRow(api.app.db, {
        id,
        team,
        owner: `maker-${team}`,
        blueprint: smallBlueprint({ name: 'signin-shop' }),
        phase: 'ready',
        requestDigest: id,
      });
    }
    browser = await openBrowser({});
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("alice signs in at Dex's form, sees team-a's environments only, and signing out ends the session", async () => {
    const { page } = browser;
    await page.goto(`${base}/ui/`);
    // No credential: the dashboard says so and offers sign-in.
    await page.getByText('You are not signed in').waitFor();
    expect(await page.locator(`tr[data-environment="${mine}"]`).count()).toBe(0);
    await signInAtDex(page, 'alice@example.com', issuerOrigin);
    await page.waitForURL(`${base}/ui/`);
    // Back on the dashboard, signed in: who, and team-a's environment, never team-b's.
    await page.locator('[data-testid=account]').getByText('alice@example.com').waitFor();
    await page.locator(`[data-testid=environment-list] tr[data-environment="${mine}"]`).waitFor();
    expect(await page.locator(`tr[data-environment="${theirs}"]`).count()).toBe(0);
    expect(await page.getByText('You are not signed in').count()).toBe(0);
    // The session is an HttpOnly, SameSite=Lax cookie: page scripts never see it.
    const session = (await browser.context.cookies()).find((cookie) => cookie.name === 'microstax_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.cookie')).not.toContain('microstax_session');
    // Team-b's environment by its URL: the API says it does not exist.
    const direct = await page.evaluate(
      async (id) => (await fetch(`/v1/environments/${id}`, { credentials: 'same-origin' })).status,
      theirs,
    );
    expect(direct).toBe(404);
    await screenshotBothWidths(page, 'signed-in-environments');
    // A member's admin page: the own team only, and no managing anyone else's tokens.
    await page.getByRole('link', { name: 'Teams and tokens' }).click();
    await page.locator('[data-testid=members] tr[data-member="maker-team-a"]').waitFor();
    expect(await page.locator('[data-testid=teams] tbody tr').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Tokens of maker-team-a' }).count()).toBe(0);

    // Sign out: the session ends on the server, not only in this browser.
    expect(await countSessions(api.app.db, 'alice@example.com')).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are not signed in').waitFor();
    expect(await page.locator(`tr[data-environment="${mine}"]`).count()).toBe(0);
    const whoami = await api.app.inject({
      url: '/v1/whoami',
      cookies: { microstax_session: session!.value },
    });
    expect(whoami.statusCode).toBe(401);
  });

  it("an admin manages another team's user's token: created, shown once, revoked", async () => {
    const { page } = browser;
    await page.goto(`${base}/ui/admin`);
    await page.getByText('You are not signed in').waitFor();
    await signInAtDex(page, 'carol@example.com', issuerOrigin);
    await page.waitForURL(`${base}/ui/admin`);
    await page.getByRole('button', { name: 'Show members of team-b' }).click();
    await page.getByRole('button', { name: 'Tokens of maker-team-b' }).click();
    await page.getByRole('heading', { name: 'API tokens of maker-team-b' }).waitFor();
    await page.getByLabel('What it is for').fill('nightly job');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('[data-testid=created-token]').getByLabel('Token').inputValue();
    expect(secret).toMatch(/^msx_/);
    const asMaker = () =>
      api.app.inject({ url: '/v1/whoami', headers: { authorization: `Bearer ${secret}` } });
    expect((await asMaker()).json()).toMatchObject({ user: { name: 'maker-team-b' }, team: 'team-b' });
    const row = page.locator('[data-testid=tokens] tr[data-state=active]');
    await row.waitFor();
    expect(await row.textContent()).toContain('nightly job');
    expect(await page.locator('[data-testid=tokens]').textContent()).not.toContain(secret);
    await screenshotBothWidths(page, 'admin-tokens');
    const prefix = (await row.locator('code').textContent())!.replace('…', '');
    await page.getByRole('button', { name: `Revoke token ${prefix}` }).click();
    await page.getByText(`Token ${prefix}… revoked`).waitFor();
    await page.locator('[data-testid=tokens] tr[data-state=revoked]').waitFor();
    expect((await asMaker()).statusCode).toBe(401);
  });
});

/** From the dashboard's "not signed in" notice through Dex's own login form, back to the dashboard. */
async function signInAtDex(page: Page, login: string, issuerOrigin: string): Promise<void> {
  const dashboard = new URL(page.url()).origin;
  await page.getByRole('link', { name: 'Sign in' }).click();
  // Dex's own login page, on the issuer's origin.
  await page.waitForURL((url) => url.origin === issuerOrigin, { timeout: 15_000 });
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(TEST_USER_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.origin === dashboard, { timeout: 30_000 }),
    page.locator('button[type=submit]').click(),
  ]);
}
