import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../store/api-tokens.js';
import { upsertUser } from '../../../store/users.js';
import { json, startTestApi, type TestApi } from './harness.js';

/**
 * Teams, members and other users' tokens over the API, as each caller: no or a bad credential, a
 * member, a team-admin (their team only), another team's member, an admin, a revoked token.
 */
describe('teams, members and team-admins’ tokens (real Postgres)', () => {
  let api: TestApi;
  let teamAdmin: Record<string, string>;
  let revokedTeamAdmin: Record<string, string>;
  const get = (url: string, headers: Record<string, string>) => api.app.inject({ url, headers });

  beforeAll(async () => {
    api = await startTestApi('teams_tokens');
    const tess = await upsertUser(api.app.db, { name: 'tess', teamId: 'payments', role: 'team-admin' });
    teamAdmin = { authorization: `Bearer ${(await createApiToken(api.app.db, { userId: tess.id })).token}` };
    const old = await createApiToken(api.app.db, { userId: tess.id });
    await revokeApiToken(api.app.db, old.record.id);
    revokedTeamAdmin = { authorization: `Bearer ${old.token}` };
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists the own team to members and team-admins, every team to admins, nothing without a credential', async () => {
    const ids = async (headers: Record<string, string>) => {
      const response = await get('/v1/teams', headers);
      expect(response.statusCode, response.body).toBe(200);
      return json<{ items: { id: string; memberCount: number }[] }>(response).items;
    };
    expect(await ids(api.headers('member'))).toEqual([
      expect.objectContaining({ id: 'payments', memberCount: 2 }),
    ]);
    expect((await ids(teamAdmin)).map((team) => team.id)).toEqual(['payments']);
    expect((await ids(api.headers('other'))).map((team) => team.id)).toEqual(['search']);
    expect((await ids(api.headers('admin'))).map((team) => team.id)).toEqual([
      'payments',
      'platform',
      'search',
    ]);
    for (const headers of [api.headers('none'), api.headers('bad'), revokedTeamAdmin]) {
      expect((await get('/v1/teams', headers)).statusCode).toBe(401);
    }
  });

  it("shows a team's members to its own users and admins; another team gets a 404", async () => {
    for (const headers of [api.headers('member'), teamAdmin, api.headers('admin')]) {
      const response = await get('/v1/teams/payments/members', headers);
      expect(response.statusCode).toBe(200);
      expect(json(response).items).toEqual([
        expect.objectContaining({ name: 'ada', role: 'member' }),
        expect.objectContaining({ name: 'tess', role: 'team-admin' }),
      ]);
    }
    const refused = await get('/v1/teams/payments/members', api.headers('other'));
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('ada');
    expect((await get('/v1/teams/no-such-team/members', api.headers('admin'))).statusCode).toBe(404);
    expect((await get('/v1/teams/payments/members', api.headers('none'))).statusCode).toBe(401);
    const malformed = await get('/v1/teams/Not_A_Team/members', api.headers('admin'));
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed)).toMatchObject({ error: { message: expect.stringMatching(/team id/) } });
    expect((await get(`/v1/teams/${'x'.repeat(9000)}/members`, api.headers('admin'))).statusCode).toBe(414);
  });

  it("lets a team-admin list, create (shown once) and revoke their team's users' tokens, no one else's", async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: teamAdmin,
      payload: { user: 'ada', description: 'ci for ada' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = json<{ id: string; token: string }>(created);
    expect((await get('/v1/whoami', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    const listed = await get('/v1/tokens?user=ada', teamAdmin);
    expect(listed.statusCode).toBe(200);
    expect(json(listed).items).toContainEqual(expect.objectContaining({ id, description: 'ci for ada' }));
    expect(listed.body).not.toContain(token);

    // Another team's user is out of reach, as if they did not exist; a member may not act for anyone.
    expect((await get('/v1/tokens?user=bob', teamAdmin)).statusCode).toBe(404);
    const forBob = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: teamAdmin,
      payload: { user: 'bob' },
    });
    expect(forBob.statusCode).toBe(404);
    const bobs = json<{ items: { id: string }[] }>(await get('/v1/tokens', api.headers('other'))).items;
    const revokeBobs = await api.app.inject({
      method: 'DELETE',
      url: `/v1/tokens/${bobs[0]!.id}`,
      headers: teamAdmin,
    });
    expect(revokeBobs.statusCode).toBe(404);
    expect((await get('/v1/tokens?user=tess', api.headers('member'))).statusCode).toBe(403);
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: api.headers('other') }))
        .statusCode,
    ).toBe(404);
    expect((await get('/v1/tokens?user=ada', revokedTeamAdmin)).statusCode).toBe(401);
    const huge = await api.app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: teamAdmin,
      payload: { user: 'a'.repeat(5000) },
    });
    expect(huge.statusCode).toBe(400);

    const revoked = await api.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: teamAdmin });
    expect(revoked.statusCode).toBe(200);
    expect(json(revoked)).toMatchObject({ id, user: 'ada', state: 'revoked' });
    expect((await get('/v1/whoami', { authorization: `Bearer ${token}` })).statusCode).toBe(401);
  });
});
