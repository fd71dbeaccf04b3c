import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { type UserRole, upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { json, startTestApi, type TestApi } from './harness.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    details?: {
      violations: { policy: string; layer: string; requested: string; limit: string; message: string }[];
    };
  };
}

/**
 * Policies on the real API, Postgres and Temporal (no worker: created environments stay pending, which
 * is what counts against the limits): who may read and set them, bad documents, a refusal of each kind
 * with its message before anything is created, the dry-run check, overlays stored server-side with
 * their provenance, and creates racing past a limit.
 */
describe('policies: stored, enforced, audited', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  const started = new Set<string>();
  const tokens: Record<string, string> = {};

  const source = (opts: { image?: string; extra?: string } = {}) =>
    `name: shop\nservices:\n- name: web\n  image: ${opts.image ?? 'ghcr.io/acme/web:1.0'}\n  expose: true\n  resources:\n    requests: {cpu: 500m, memory: 256Mi}\n${opts.extra ?? ''}`;

  const call = async (
    token: string | null,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: unknown,
  ) => {
    const response = await api.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const body = json<Record<string, unknown>>(response);
    const id = (body as { id?: string; environment?: { id: string } }).environment?.id ?? body.id;
    if (response.statusCode === 201 && typeof id === 'string') started.add(id);
    return { status: response.statusCode, body };
  };

  const setTeamPolicy = async (team: string, policy: unknown, as = `${team}-lead`) =>
    call(tokens[as]!, 'PUT', `/v1/policies/teams/${team}`, { policy });

  const create = (as: string, body: Record<string, unknown> = {}, blueprint = source()) =>
    call(tokens[as]!, 'POST', '/v1/environments', {
      blueprint: { source: blueprint, fileName: 'shop.yaml' },
      ttl: '2h',
      ...body,
    });

  const refusal = (answer: { status: number; body: unknown }) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    const { error } = answer.body as ErrorBody;
    expect(error.code).toBe('policy_violation');
    return { ...error.details!.violations[0]!, all: error.details!.violations, text: error.message };
  };

  const environmentCount = async (team: string) =>
    Number(
      (await api.app.db.query('SELECT count(*) AS n FROM environments WHERE team_id = $1', [team])).rows[0].n,
    );

  const versionCount = async (team: string) =>
    Number(
      (
        await api.app.db.query(
          'SELECT count(*) AS n FROM blueprint_versions v JOIN blueprints b ON b.id = v.blueprint_id WHERE b.team_id = $1',
          [team],
        )
      ).rows[0].n,
    );

  const issue = async (user: string, team: string, role: UserRole) => {
    await ensureTeam(api.app.db, { id: team });
    const { id } = await upsertUser(api.app.db, { name: user, teamId: team, role });
    tokens[user] = (await createApiToken(api.app.db, { userId: id })).token;
  };

  beforeAll(async () => {
    api = await startTestApi('policies');
    temporal = await createTemporalClient({ env: await stackEnv() });
    tokens.admin = api.tokens.admin;
    // One team per concern, so the environments one test leaves pending never count in another.
    for (const team of ['pay', 'quota', 'kinds', 'race', 'layered']) {
      await issue(`${team}-dev`, team, 'member');
      await issue(`${team}-dev2`, team, 'member');
      await issue(`${team}-lead`, team, 'team-admin');
    }
  }, 60_000);

  afterAll(async () => {
    for (const id of started) {
      await temporal.client.workflow
        .getHandle(workflowIds.environment(id))
        .terminate('test cleanup')
        .catch(() => {});
    }
    await temporal?.close();
    await api?.close();
  });

  it('lets members read, team admins set their own team, admins set any; others get 401/403/404', async () => {
    const empty = await call(tokens['pay-dev']!, 'GET', '/v1/policies/teams/pay');
    expect(empty).toMatchObject({
      status: 200,
      body: { layer: 'team', team: 'pay', version: 0, policy: {} },
    });

    const policy = { environments: { maxPerTeam: 5 } };
    expect((await setTeamPolicy('pay', policy, 'pay-dev')).status).toBe(403);
    const set = await setTeamPolicy('pay', policy);
    expect(set).toMatchObject({ status: 200, body: { version: 1, policy, changedBy: 'pay-lead' } });
    expect((await call(tokens['pay-dev']!, 'GET', '/v1/policies/teams/pay')).body).toMatchObject({
      version: 1,
      policy,
    });

    // Another team's admin and member neither read nor change it: as if it did not exist.
    for (const outsider of ['quota-lead', 'quota-dev']) {
      expect((await call(tokens[outsider]!, 'GET', '/v1/policies/teams/pay')).status).toBe(404);
      expect((await setTeamPolicy('pay', {}, outsider)).status).toBe(404);
      expect((await call(tokens[outsider]!, 'GET', '/v1/policies/teams/pay/history')).status).toBe(404);
    }
    expect((await call(null, 'GET', '/v1/policies/teams/pay')).status).toBe(401);
    expect((await call(null, 'PUT', '/v1/policies/company', { policy: {} })).status).toBe(401);
    const { id: userId } = await upsertUser(api.app.db, {
      name: 'pay-gone',
      teamId: 'pay',
      role: 'team-admin',
    });
    const revoked = await createApiToken(api.app.db, { userId });
    await revokeApiToken(api.app.db, revoked.record.id);
    await new Promise((r) => setTimeout(r, 300)); // the principal cache hears of the revocation
    expect((await call(revoked.token, 'PUT', '/v1/policies/teams/pay', { policy: {} })).status).toBe(401);

    // The company policy: everyone reads it, only admins set it (a team admin is no company admin).
    expect((await call(tokens['pay-lead']!, 'PUT', '/v1/policies/company', { policy: {} })).status).toBe(403);
    expect((await call(tokens['pay-dev']!, 'GET', '/v1/policies/company')).body).toMatchObject({
      version: 0,
    });
    const admin = await call(tokens.admin!, 'PUT', '/v1/policies/teams/pay', {
      policy: { ...policy, ttl: { max: '1d' } },
      expectedVersion: 1,
    });
    expect(admin).toMatchObject({ status: 200, body: { version: 2, changedBy: 'root' } });
    const stale = await setTeamPolicy('pay', policy);
    expect(stale.status).toBe(200); // no expectedVersion: last writer wins
    const conflicting = await call(tokens['pay-lead']!, 'PUT', '/v1/policies/teams/pay', {
      policy,
      expectedVersion: 1,
    });
    expect(conflicting.status).toBe(409);
    expect((conflicting.body as unknown as ErrorBody).error.message).toContain('now version 3');
    expect((await call(tokens.admin!, 'GET', '/v1/policies/teams/nosuchteam')).status).toBe(404);

    const history = await call(tokens['pay-dev']!, 'GET', '/v1/policies/teams/pay/history');
    expect(
      (history.body.items as { version: number; changedBy: string; changed: string[] }[]).map((v) => [
        v.version,
        v.changedBy,
        v.changed,
      ]),
    ).toEqual([
      [3, 'pay-lead', ['ttl']],
      [2, 'root', ['ttl']],
      [1, 'pay-lead', ['environments']],
    ]);
    const audit = await api.app.db.query(
      "SELECT actor, details FROM events WHERE action = 'policy.set' AND team_id = 'pay' ORDER BY id",
    );
    expect(audit.rows.map((r) => [r.actor, r.details.version])).toEqual([
      ['pay-lead', 1],
      ['root', 2],
      ['pay-lead', 3],
    ]);
  });

  it('refuses bad policy documents with 400 naming the field, and stores nothing', async () => {
    const before = (await call(tokens['pay-dev']!, 'GET', '/v1/policies/teams/pay')).body.version;
    const bad: [unknown, string][] = [
      [{ nope: 1 }, 'body.policy.nope'],
      [{ environments: { maxPerTeam: -1 } }, 'body.policy.environments.maxPerTeam'],
      [{ environments: { maxPerTeam: 'many' } }, 'body.policy.environments.maxPerTeam'],
      [{ images: { allowed: ['ghcr.io/$(rm -rf)'] } }, 'body.policy.images.allowed.0'],
      [{ resources: { perEnvironment: { cpu: '-1' } } }, 'body.policy.resources.perEnvironment.cpu'],
      [{ ttl: { max: '1y' } }, 'body.policy.ttl.max'],
      [{ overlay: 'layer: team\nservices: [' }, 'body.policy.overlay'],
      [{ overlay: 'layer: company\nttl: 1h\n' }, 'body.policy.overlay'],
      [{ overlay: 'layer: team\nbogus: 1\n' }, 'body.policy.overlay'],
    ];
    for (const [policy, field] of bad) {
      const answer = await setTeamPolicy('pay', policy);
      expect(answer.status, JSON.stringify(policy)).toBe(400);
      expect((answer.body as unknown as ErrorBody).error.field, JSON.stringify(answer.body)).toBe(field);
    }
    const huge = await setTeamPolicy('pay', { images: { allowed: Array(300).fill('ghcr.io/*') } });
    expect(huge.status).toBe(400);
    expect((await call(tokens['pay-dev']!, 'GET', '/v1/policies/teams/pay')).body.version).toBe(before);
  });

  it('refuses each kind of rule with its name, layer, value and limit, creating nothing', async () => {
    const parent = await create('kinds-dev', { name: undefined });
    expect(parent.status).toBe(201);
    const parentId = parent.body.id as string;
    const cases: {
      policy: unknown;
      request?: Record<string, unknown>;
      blueprint?: string;
      expected: Record<string, string>;
      text: string;
    }[] = [
      {
        policy: { environments: { maxPerTeam: 1 } },
        expected: { policy: 'environments.maxPerTeam', requested: '2', limit: '1' },
        text: 'team policy environments.maxPerTeam: the team would have 2 live environments; the limit is 1',
      },
      {
        policy: { environments: { maxPerUser: 1 } },
        expected: { policy: 'environments.maxPerUser', requested: '2', limit: '1' },
        text: 'you would own 2 live environments; the limit is 1',
      },
      {
        policy: { resources: { perEnvironment: { cpu: '250m' } } },
        expected: { policy: 'resources.perEnvironment.cpu', requested: '500m', limit: '250m' },
        text: 'this environment asks for 500m CPU; the limit is 250m',
      },
      {
        policy: { resources: { perEnvironment: { memory: '128Mi' } } },
        expected: { policy: 'resources.perEnvironment.memory', requested: '256Mi', limit: '128Mi' },
        text: 'this environment asks for 256Mi memory',
      },
      {
        policy: { resources: { perEnvironment: { storage: '1Gi' } } },
        blueprint: source({ extra: '  volumes:\n  - {path: /data, size: 5Gi}\n' }),
        expected: { policy: 'resources.perEnvironment.storage', requested: '5Gi', limit: '1Gi' },
        text: 'this environment asks for 5Gi storage',
      },
      {
        policy: { resources: { perTeam: { cpu: '800m' } } },
        expected: { policy: 'resources.perTeam.cpu', requested: '1', limit: '800m' },
        text: 'the team would use 1 CPU; the limit is 800m',
      },
      {
        policy: { ttl: { max: '1h' } },
        expected: { policy: 'ttl.max', requested: '2h', limit: '1h' },
        text: 'ttl 2h is longer than the limit 1h',
      },
      {
        policy: { images: { allowed: ['registry.acme.dev/*'] } },
        expected: {
          policy: 'images.allowed',
          requested: 'ghcr.io/acme/web:1.0',
          limit: 'registry.acme.dev/*',
        },
        text: "service web's image ghcr.io/acme/web:1.0 matches none of registry.acme.dev/*",
      },
      {
        policy: { labels: { required: ['cost-center'] } },
        request: { labels: { pr: '1' } },
        expected: { policy: 'labels.required', requested: 'pr', limit: 'cost-center' },
        text: 'missing: cost-center',
      },
      {
        policy: { baselines: { allowed: ['main', 'staging-*'] } },
        request: { branchOf: parentId },
        expected: { policy: 'baselines.allowed', requested: parentId, limit: 'main, staging-*' },
        text: `branches may only be made of main, staging-*; not of ${parentId}`,
      },
      {
        policy: { urls: { public: false } },
        blueprint: source({ extra: '  access: public\n' }),
        expected: { policy: 'urls.public', requested: 'access: public', limit: 'private only' },
        text: 'service web asks for public URLs',
      },
    ];
    for (const c of cases) {
      expect((await setTeamPolicy('kinds', c.policy)).status).toBe(200);
      const before = await environmentCount('kinds');
      const versions = await versionCount('kinds');
      const answer = await create('kinds-dev', c.request, c.blueprint);
      const violation = refusal(answer);
      expect(violation, JSON.stringify(c.policy)).toMatchObject({ layer: 'team', ...c.expected });
      expect(violation.text).toContain(c.text);
      expect(await environmentCount('kinds')).toBe(before);
      // Nothing half-made: a refused blueprint (new content in the storage and public cases) is no version.
      expect(await versionCount('kinds')).toBe(versions);
      // The dry run gives the same verdict, and creates nothing either.
      const check = await call(tokens['kinds-dev']!, 'POST', '/v1/policies/check', {
        blueprint: { source: c.blueprint ?? source(), fileName: 'shop.yaml' },
        ttl: '2h',
        ...c.request,
      });
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({ allowed: false, action: 'create', violations: violation.all });
      expect(await environmentCount('kinds')).toBe(before);
    }

    // Within every limit, the create passes; an extend past ttl.max is refused before the workflow hears of it.
    expect(
      (await setTeamPolicy('kinds', { ttl: { max: '3h' }, environments: { maxPerTeam: 2 } })).status,
    ).toBe(200);
    const within = await create('kinds-dev');
    expect(within.status, JSON.stringify(within.body)).toBe(201);
    const extend = await call(tokens['kinds-dev']!, 'POST', `/v1/environments/${within.body.id}/extend`, {
      by: '2h',
    });
    const capped = refusal(extend);
    expect(capped).toMatchObject({ policy: 'ttl.max', layer: 'team', limit: '3h' });
    expect(capped.text).toMatch(/would live 4(\.\d+)?h after its creation; the limit is 3h/);
    const events = await api.app.db.query(
      "SELECT count(*) AS n FROM events WHERE environment_id = $1 AND action = 'environment.extend'",
      [within.body.id],
    );
    expect(Number(events.rows[0].n)).toBe(0);

    // Apply: a create refused the same way; an update of a live one too (an image the policy forbids).
    const versions = await versionCount('kinds');
    const applied = await call(tokens['kinds-dev']!, 'POST', '/v1/environments/apply', {
      name: 'pr-1',
      blueprint: { source: source({ image: 'ghcr.io/acme/web:1.1' }), fileName: 'shop.yaml' },
      ttl: '1h',
    });
    expect(refusal(applied)).toMatchObject({ policy: 'environments.maxPerTeam', requested: '3', limit: '2' });
    expect(await versionCount('kinds')).toBe(versions);
  });

  it('sees a change at once: the next create after an admin lowers a limit is refused, raising it lets it pass', async () => {
    expect((await setTeamPolicy('quota', { environments: { maxPerUser: 1 } })).status).toBe(200);
    expect((await create('quota-dev')).status).toBe(201);
    expect(refusal(await create('quota-dev'))).toMatchObject({
      policy: 'environments.maxPerUser',
      limit: '1',
    });
    expect((await create('quota-dev2')).status).toBe(201); // per user: another user has room
    const company = await call(tokens.admin!, 'PUT', '/v1/policies/company', {
      policy: { environments: { maxPerTeam: 2 } },
    });
    expect(company.status).toBe(200);
    expect(refusal(await create('quota-dev2', { ttl: '1h' }))).toMatchObject({
      policy: 'environments.maxPerTeam',
      layer: 'company',
      requested: '3',
      limit: '2',
    });
    expect((await call(tokens.admin!, 'PUT', '/v1/policies/company', { policy: {} })).status).toBe(200);
    expect(refusal(await create('quota-dev2', { ttl: '1h' }))).toMatchObject({
      policy: 'environments.maxPerUser',
    });
    expect((await setTeamPolicy('quota', { environments: { maxPerUser: 2 } })).status).toBe(200);
    expect((await create('quota-dev2', { ttl: '1h' })).status).toBe(201);
  });

  it('applies company and team overlays stored server-side, with their provenance, and policy defaults', async () => {
    const companyOverlay = 'layer: company\nservices:\n- name: web\n  env:\n    LOG_FORMAT: json\n';
    const teamOverlay = 'layer: team\nidle: sleep\nservices:\n- name: web\n  env:\n    LOG_LEVEL: debug\n';
    const company = await call(tokens.admin!, 'PUT', '/v1/policies/company', {
      policy: { overlay: companyOverlay, ttl: { default: '3h' } },
    });
    expect(company.status).toBe(200);
    const companyVersion = company.body.version as number;
    expect((await setTeamPolicy('layered', { overlay: teamOverlay, idle: { after: '45m' } })).status).toBe(
      200,
    );

    const check = await call(tokens['layered-dev']!, 'POST', '/v1/policies/check', {
      blueprint: { source: source(), fileName: 'shop.yaml' },
    });
    expect(check.body).toMatchObject({ allowed: true, defaults: { ttl: '3h', idleAfter: '45m' } });
    expect(check.body.provenance).toMatchObject({
      'services.web.env.LOG_FORMAT': `company-policy-v${companyVersion}.yaml:5`,
      'services.web.env.LOG_LEVEL': 'team-layered-policy-v1.yaml:6',
      idle: 'team-layered-policy-v1.yaml:2',
      'services.web.image': 'shop.yaml:4',
    });
    const web = (
      check.body.blueprint as { services: { name: string; env: { name: string; value: string }[] }[] }
    ).services[0]!;
    expect(web.env.map((e) => [e.name, e.value])).toEqual([
      ['LOG_FORMAT', 'json'],
      ['LOG_LEVEL', 'debug'],
    ]);

    const created = await create('layered-dev', { ttl: undefined });
    expect(created.status).toBe(201);
    expect(created.body.ttlSeconds).toBe(3 * 3600);
    const row = await api.app.db.query('SELECT overlays FROM environments WHERE id = $1', [created.body.id]);
    expect(row.rows[0].overlays.map((o: { fileName: string }) => o.fileName)).toEqual([
      `company-policy-v${companyVersion}.yaml`,
      'team-layered-policy-v1.yaml',
    ]);
    expect((await call(tokens.admin!, 'PUT', '/v1/policies/company', { policy: {} })).status).toBe(200);
  });

  it('counts absurd quantities without overflowing: recorded, then refused by a limit', async () => {
    const huge = source().replace('cpu: 500m', 'cpu: 999999999999999999999Ei');
    expect((await setTeamPolicy('pay', {})).status).toBe(200);
    const created = await create('pay-dev', {}, huge);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await setTeamPolicy('pay', { resources: { perTeam: { cpu: '64' } } })).status).toBe(200);
    expect(refusal(await create('pay-dev'))).toMatchObject({ policy: 'resources.perTeam.cpu', limit: '64' });
  });

  it('lets only as many creates as the limit allows pass when they race', async () => {
    expect((await setTeamPolicy('race', { environments: { maxPerTeam: 2 } })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(i % 2 ? 'race-dev' : 'race-dev2', { ttl: '1h' })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 403, 403, 403, 403, 403, 403]);
    expect(await environmentCount('race')).toBe(2);
  });
});
