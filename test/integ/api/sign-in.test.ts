import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiConfig, loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { CLI_CLIENT_ID, TEST_USER_PASSWORD } from '../../../local/stack/oidc.js';
import { countSessions } from '../../../store/sessions.js';
import { stackEnv } from '../../support/stack-env.js';
import { json, startTestApi, type TestApi } from './harness.js';
import { dexIdToken, followDexLogin } from './support/dex-login.js';

/**
 * Sign-in through the stack's real Dex: the browser flow (authorization code + PKCE) driven over HTTP,
 * the session cookie on /v1, CSRF, sign-out, the CLI's ID-token exchange, and each way a sign-in must
 * be refused (state mismatch, forged or expired ID token, a user in no team) without making a session.
 */

let api: TestApi;
let oidc: NonNullable<Awaited<ReturnType<typeof readStackEndpoints>>['oidc']>;
let oidcConfig: Partial<ApiConfig>;

const cookieOf = (setCookie: string | string[] | undefined, name: string): string | undefined => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = all.find((cookie) => cookie.startsWith(`${name}=`));
  return line ? line.split(';')[0]!.slice(name.length + 1) : undefined;
};

/** Signs `login` in through Dex; returns the session cookie value (or the callback's response). */
async function browserSignIn(login: string) {
  const start = await api.app.inject({ method: 'GET', url: '/v1/auth/login?returnTo=/ui/environments' });
  expect(start.statusCode).toBe(302);
  const state = cookieOf(start.headers['set-cookie'], 'microstax_login');
  expect(state).toBeTruthy();
  const callback = await followDexLogin({
    authorizationUrl: String(start.headers.location),
    redirectPrefix: oidc.redirectUrl,
    login,
    password: TEST_USER_PASSWORD,
  });
  return { state: state!, callback };
}

async function finishSignIn(callback: URL, loginCookie: string) {
  return api.app.inject({
    method: 'GET',
    url: `/v1/auth/callback${callback.search}`,
    cookies: { microstax_login: loginCookie },
  });
}

beforeAll(async () => {
  const endpoints = await readStackEndpoints(await stackEnv());
  if (!endpoints.oidc)
    throw new Error('the local stack runs no OIDC provider: run `node bin/microstax.js stack up`');
  oidc = endpoints.oidc;
  oidcConfig = {
    oidcIssuer: oidc.issuer,
    oidcClientSecretFile: oidc.clientSecretFile,
    oidcRedirectUrl: oidc.redirectUrl,
  };
  api = await startTestApi('signin', { config: oidcConfig });
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe('browser sign-in through Dex', () => {
  it('signs a team-a user in; the session cookie works on /v1 and is HttpOnly + SameSite=Lax', async () => {
    const { state, callback } = await browserSignIn('alice@example.com');
    const done = await finishSignIn(callback, state);
    expect(done.statusCode, done.body).toBe(303);
    expect(done.headers.location).toBe('/ui/environments');
    const setCookie = [done.headers['set-cookie']]
      .flat()
      .find((line) => line?.startsWith('microstax_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback
    const session = cookieOf(done.headers['set-cookie'], 'microstax_session')!;

    const whoami = await api.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      cookies: { microstax_session: session },
    });
    expect(whoami.statusCode).toBe(200);
    expect(json(whoami)).toMatchObject({
      user: { name: 'alice@example.com', role: 'member' },
      team: 'team-a',
      credential: { kind: 'session' },
    });
    const list = await api.app.inject({
      method: 'GET',
      url: '/v1/environments',
      cookies: { microstax_session: session },
    });
    expect(list.statusCode).toBe(200);

    // CSRF: a change made with the cookie alone is refused; with the custom header it goes through.
    const forged = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      cookies: { microstax_session: session },
      payload: { description: 'csrf' },
    });
    expect(forged.statusCode).toBe(403);
    expect(json(forged)).toMatchObject({ error: { message: expect.stringMatching(/X-Requested-With/) } });
    const crossSite = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      cookies: { microstax_session: session },
      headers: { 'x-requested-with': 'fetch', origin: 'https://evil.example' },
      payload: { description: 'csrf' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(json(crossSite)).toMatchObject({ error: { message: expect.stringMatching(/evil\.example/) } });
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      cookies: { microstax_session: session },
      headers: { 'x-requested-with': 'fetch' },
      payload: { description: 'from the dashboard' },
    });
    expect(created.statusCode, created.body).toBe(201);

    // Sign-out ends the session at once.
    const out = await api.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      cookies: { microstax_session: session },
      headers: { 'x-requested-with': 'fetch' },
    });
    expect(out.statusCode).toBe(204);
    const after = await api.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      cookies: { microstax_session: session },
    });
    expect(after.statusCode).toBe(401);
    expect(json(after)).toMatchObject({ error: { message: expect.stringMatching(/sign in again/) } });
  }, 30_000);

  it('maps the groups claim: bob is in team-b, carol an admin of team-a', async () => {
    for (const [login, team, role] of [
      ['bob@example.com', 'team-b', 'member'],
      ['carol@example.com', 'team-a', 'admin'],
    ] as const) {
      const { state, callback } = await browserSignIn(login);
      const done = await finishSignIn(callback, state);
      expect(done.statusCode, done.body).toBe(303);
      const session = cookieOf(done.headers['set-cookie'], 'microstax_session')!;
      const whoami = await api.app.inject({
        method: 'GET',
        url: '/v1/whoami',
        cookies: { microstax_session: session },
      });
      expect(json(whoami)).toMatchObject({ user: { name: login, role }, team });
    }
  }, 30_000);

  it('refuses a callback whose state does not match the browser’s, and makes no session', async () => {
    const { state, callback } = await browserSignIn('bob@example.com');
    const before = await countSessions(api.app.db, 'bob@example.com');
    const mismatched = await finishSignIn(callback, `${state}x`);
    expect(mismatched.statusCode).toBe(400);
    expect(json(mismatched)).toMatchObject({ error: { message: expect.stringMatching(/state mismatch/) } });
    const noCookie = await api.app.inject({ method: 'GET', url: `/v1/auth/callback${callback.search}` });
    expect(noCookie.statusCode).toBe(400);
    expect(cookieOf(mismatched.headers['set-cookie'], 'microstax_session')).toBeUndefined();
    expect(await countSessions(api.app.db, 'bob@example.com')).toBe(before);
  }, 30_000);

  it('a state works once: replaying a finished callback is refused', async () => {
    const { state, callback } = await browserSignIn('alice@example.com');
    expect((await finishSignIn(callback, state)).statusCode).toBe(303);
    const replay = await finishSignIn(callback, state);
    expect(replay.statusCode).toBe(400);
    expect(json(replay)).toMatchObject({
      error: { message: expect.stringMatching(/expired or was already used/) },
    });
  }, 30_000);

  it('refuses an unknown or signed-out session cookie and a malformed one', async () => {
    for (const value of ['not-a-session', 'x'.repeat(4000)]) {
      const response = await api.app.inject({
        method: 'GET',
        url: '/v1/whoami',
        cookies: { microstax_session: value },
      });
      expect(response.statusCode).toBe(401);
    }
  });
});

describe('CLI sign-in: ID token exchange', () => {
  it('exchanges a real ID token for an API token that works, lists and revokes', async () => {
    const exchanged = await api.app.inject({
      method: 'POST',
      url: '/v1/auth/id-token',
      payload: { idToken: await dexIdToken(oidc.issuer, 'bob@example.com') },
    });
    expect(exchanged.statusCode, exchanged.body).toBe(201);
    const { token, id } = json<{ token: string; id: string }>(exchanged);
    const headers = { authorization: `Bearer ${token}` };
    const whoami = await api.app.inject({ method: 'GET', url: '/v1/whoami', headers });
    expect(json(whoami)).toMatchObject({
      user: { name: 'bob@example.com' },
      team: 'team-b',
      credential: { kind: 'token', id },
    });
    const list = await api.app.inject({ method: 'GET', url: '/v1/tokens', headers });
    expect(json<{ items: { id: string; state: string }[] }>(list).items).toContainEqual(
      expect.objectContaining({ id, state: 'active' }),
    );
    const revoked = await api.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers });
    expect(revoked.statusCode).toBe(200);
    expect(json(revoked)).toMatchObject({ state: 'revoked' });
    const after = await api.app.inject({ method: 'GET', url: '/v1/whoami', headers });
    expect(after.statusCode).toBe(401);
    expect(json(after)).toMatchObject({ error: { message: expect.stringMatching(/revoked/) } });
  }, 30_000);

  it('refuses a forged ID token (signed with another key) with a clear message', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ email: 'mallory@example.com', groups: ['team-a', 'microstax-admins'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(oidc.issuer)
      .setAudience(CLI_CLIENT_ID)
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/auth/id-token',
      payload: { idToken: forged },
    });
    expect(response.statusCode).toBe(401);
    expect(json(response)).toMatchObject({ error: { message: expect.stringMatching(/signature/) } });
    expect(await countSessions(api.app.db, 'mallory@example.com')).toBe(0);
    const garbage = await api.app.inject({
      method: 'POST',
      url: '/v1/auth/id-token',
      payload: { idToken: 'a.b.c' },
    });
    expect(garbage.statusCode).toBe(401);
  });

  it('refuses a real ID token once it has expired', async () => {
    const idToken = await dexIdToken(oidc.issuer, 'alice@example.com');
    // The same API, its clock two hours on: Dex's ID tokens last one hour.
    const later = await createApiInstance({
      config: loadApiConfig({}, { databaseUrl: api.db.url, ...oidcConfig }),
      lifecycle: api.lifecycle,
      statusSync: false,
      env: await stackEnv(),
      now: () => new Date(Date.now() + 2 * 3_600_000),
    });
    try {
      const response = await later.inject({ method: 'POST', url: '/v1/auth/id-token', payload: { idToken } });
      expect(response.statusCode).toBe(401);
      expect(json(response)).toMatchObject({ error: { message: expect.stringMatching(/expired/) } });
    } finally {
      await later.close();
    }
  }, 30_000);
});

describe('token API', () => {
  it('members manage only their own tokens; admins anyone’s', async () => {
    const member = api.headers('member');
    const other = api.headers('other');
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: member,
      payload: { description: 'ci', expiresInDays: 7 },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = json<{ id: string; token: string }>(created);
    expect(token).toMatch(/^msx_/);
    // Another member neither sees nor revokes it (404 as if it did not exist), nor acts for another user.
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: other })).statusCode,
    ).toBe(404);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/tokens?user=ada', headers: other })).statusCode,
    ).toBe(403);
    expect(
      (await api.app.inject({ method: 'POST', url: '/v1/tokens', headers: other, payload: { user: 'ada' } }))
        .statusCode,
    ).toBe(403);
    // An admin lists and revokes it, and issues one for another user.
    const listed = await api.app.inject({
      method: 'GET',
      url: '/v1/tokens?user=ada',
      headers: api.headers('admin'),
    });
    expect(json<{ items: { id: string }[] }>(listed).items.map((item) => item.id)).toContain(id);
    const issued = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: api.headers('admin'),
      payload: { user: 'bob', description: 'for bob' },
    });
    expect(json(issued)).toMatchObject({ user: 'bob' });
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: api.headers('admin') }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: '/v1/whoami',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    // No credential, a bad one, bad input.
    expect((await api.app.inject({ method: 'GET', url: '/v1/tokens' })).statusCode).toBe(401);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/tokens', headers: api.headers('bad') })).statusCode,
    ).toBe(401);
    expect(
      (await api.app.inject({ method: 'DELETE', url: '/v1/tokens/not-a-uuid', headers: member })).statusCode,
    ).toBe(400);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/v1/tokens',
          headers: member,
          payload: { description: 'x'.repeat(5000) },
        })
      ).statusCode,
    ).toBe(400);
  });
});
