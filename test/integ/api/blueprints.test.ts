import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INVALID_BLUEPRINT,
  PLANTED_SECRETS,
  SHOP_BLUEPRINT,
  SHOP_BRANCH_BLUEPRINT,
  SHOP_SCRIPTS,
} from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

describe('blueprint routes (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('blueprints');
  });
  afterAll(async () => {
    await api?.close();
  });

  const post = (url: string, payload: unknown, caller: 'member' | 'admin' | 'other' = 'member') =>
    api.app.inject({ method: 'POST', url, headers: api.headers(caller), payload: payload as object });

  it('registers versions: new content gets the next version, identical content the same one', async () => {
    const first = await post('/v1/blueprints', {
      source: SHOP_BLUEPRINT,
      fileName: 'shop.yaml',
      scripts: SHOP_SCRIPTS,
    });
    expect(first.statusCode).toBe(201);
    expect(json(first)).toMatchObject({
      team: 'payments',
      name: 'shop',
      version: 1,
      created: true,
      services: ['web', 'api', 'db'],
    });
    const again = await post('/v1/blueprints', {
      source: `${SHOP_BLUEPRINT}\n# a comment\n`,
      fileName: 'shop.yaml',
      scripts: SHOP_SCRIPTS,
    });
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ version: 1, created: false });
    const second = await post('/v1/blueprints', {
      source: SHOP_BRANCH_BLUEPRINT,
      fileName: 'shop.yaml',
      scripts: SHOP_SCRIPTS,
    });
    expect(json(second)).toMatchObject({ version: 2, created: true });
  });

  it('lists and gets blueprints with secrets masked and script contents left out', async () => {
    const list = await api.app.inject({ url: '/v1/blueprints', headers: api.headers('member') });
    expect(json(list)).toEqual({
      items: [expect.objectContaining({ team: 'payments', name: 'shop', latestVersion: 2 })],
    });
    const detail = await api.app.inject({
      url: '/v1/blueprints/shop?version=1',
      headers: api.headers('member'),
    });
    expect(detail.statusCode).toBe(200);
    const body = json<{ version: number; versions: unknown[]; resolved: { services: { name: string }[] } }>(
      detail,
    );
    expect(body.version).toBe(1);
    expect(body.versions).toHaveLength(2);
    expect(body.resolved.services.map((s) => s.name)).toEqual(['web', 'api', 'db']);
    for (const secret of PLANTED_SECRETS) expect(detail.body).not.toContain(secret);
    expect(detail.body).not.toContain('CREATE TABLE products');
  });

  it('keeps teams apart: another team does not see the blueprint, an admin does', async () => {
    expect(
      (await api.app.inject({ url: '/v1/blueprints/shop', headers: api.headers('other') })).statusCode,
    ).toBe(404);
    expect(json(await api.app.inject({ url: '/v1/blueprints', headers: api.headers('other') }))).toEqual({
      items: [],
    });
    const admin = await api.app.inject({
      url: '/v1/blueprints/shop?team=payments',
      headers: api.headers('admin'),
    });
    expect(admin.statusCode).toBe(200);
    const forbidden = await api.app.inject({
      url: '/v1/blueprints/shop?team=payments',
      headers: api.headers('other'),
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('refuses an invalid blueprint with 422 listing every problem with file and line, registering nothing', async () => {
    const response = await post('/v1/blueprints', { source: INVALID_BLUEPRINT, fileName: 'broken.yaml' });
    expect(response.statusCode).toBe(422);
    const body = json<{
      error: { code: string; message: string; details: { problems: { line: number }[] } };
    }>(response);
    expect(body.error.code).toBe('invalid_blueprint');
    expect(body.error.message).toMatch(/^invalid blueprint: broken\.yaml:\d+:\d+: /);
    expect(body.error.details.problems.length).toBeGreaterThanOrEqual(2);
    const { rows } = await api.app.db.query(
      "SELECT count(*)::int AS n FROM blueprints WHERE name = 'broken'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('validates without registering', async () => {
    const ok = await post('/v1/blueprints/validate', { source: SHOP_BLUEPRINT, scripts: SHOP_SCRIPTS });
    expect(json(ok)).toMatchObject({ valid: true, problems: [], services: ['web', 'api', 'db'] });
    const bad = await post('/v1/blueprints/validate', { source: INVALID_BLUEPRINT, fileName: 'broken.yaml' });
    expect(json(bad)).toMatchObject({
      valid: false,
      problems: expect.arrayContaining([expect.objectContaining({ file: 'broken.yaml' })]),
    });
  });

  it('plans a branch against a baseline without creating anything', async () => {
    const response = await post('/v1/blueprints/plan', {
      baseline: { name: 'shop', version: 1 },
      branch: { source: SHOP_BRANCH_BLUEPRINT, scripts: SHOP_SCRIPTS },
    });
    expect(response.statusCode).toBe(200);
    const body = json<{ plan: { services: { name: string; action: string; reasons: string[] }[] } }>(
      response,
    );
    const actions = Object.fromEntries(body.plan.services.map((s) => [s.name, s.action]));
    expect(actions.api).toBe('deploy');
    expect(actions.db).toBe('fork');
    expect(body.plan.services.find((s) => s.name === 'api')!.reasons.join(' ')).toContain('image');
    for (const secret of PLANTED_SECRETS) expect(response.body).not.toContain(secret);
    const { rows } = await api.app.db.query('SELECT count(*)::int AS n FROM environments');
    expect(rows[0].n).toBe(0);
  });
  it("places the planned branch on the cluster's labelled node pools with placement: true, like plan --placement", async () => {
    const response = await post('/v1/blueprints/plan', {
      baseline: { name: 'shop', version: 1 },
      branch: { source: SHOP_BRANCH_BLUEPRINT, scripts: SHOP_SCRIPTS },
      placement: true,
    });
    expect(response.statusCode).toBe(200);
    const body = json<{
      plan: { services: { name: string; action: string }[] };
      placement: {
        services: {
          service: string;
          pool: string;
          capacityType: string;
          nodeSelector: Record<string, string>;
          fallbacks?: { pool: string; weight: number }[];
        }[];
        hourlyCost: number;
        naiveHourlyCost: number;
        solver: string;
        capacity?: string;
      };
    }>(response);
    // Planned on the pools' live free room, as a create would; a data service never falls back to spot.
    expect(body.placement.capacity).toBe('live');
    const db = body.placement.services.find((s) => s.service === 'db')!;
    expect(db.fallbacks!.map((f) => f.pool).filter((p) => p.startsWith('spot'))).toEqual([]);
    // Only what runs in the branch is placed: api (deploy) and db (fork), not web (reuse).
    const running = body.plan.services.filter((s) => s.action !== 'reuse').map((s) => s.name);
    expect(body.placement.services.map((s) => s.service).sort()).toEqual(running.sort());
    const localPools = ['general-a', 'general-b', 'spot-b', 'memory-a'];
    for (const placed of body.placement.services) {
      expect(localPools).toContain(placed.pool);
      expect(placed.nodeSelector['microstax.dev/pool']).toBe(placed.pool);
    }
    expect(body.placement.services.find((s) => s.service === 'db')!.capacityType).toBe('on-demand');
    expect(body.placement.hourlyCost).toBeLessThanOrEqual(body.placement.naiveHourlyCost);
  });

  it('places on the pools a request gives, and refuses pools that cannot hold the branch or do not parse', async () => {
    const pool = (name: string, capacityType: 'on-demand' | 'spot', cpu = '4') => ({
      name,
      zone: 'zone-a',
      capacityType,
      instanceType: 'm5.xlarge',
      hourlyPrice: capacityType === 'spot' ? 0.05 : 0.2,
      nodes: 2,
      capacity: { cpu, memory: '16Gi' },
    });
    const plan = (placement: unknown) =>
      post('/v1/blueprints/plan', {
        baseline: { name: 'shop', version: 1 },
        branch: { source: SHOP_BRANCH_BLUEPRINT, scripts: SHOP_SCRIPTS },
        placement,
      });
    const given = await plan({ pools: [pool('cheap', 'spot'), pool('steady', 'on-demand')], solver: 'milp' });
    expect(given.statusCode).toBe(200);
    const placed = json<{ placement: { services: { service: string; pool: string }[]; solver: string } }>(
      given,
    ).placement;
    expect(placed.solver).toBe('milp');
    const pools = Object.fromEntries(placed.services.map((s) => [s.service, s.pool]));
    expect(pools.db).toBe('steady');
    for (const pool of Object.values(pools)) expect(['cheap', 'steady']).toContain(pool);

    // Data services stay off spot: only spot capacity cannot hold the branch.
    const spotOnly = await plan({ pools: [pool('cheap', 'spot')] });
    expect(spotOnly.statusCode).toBe(422);
    expect(json(spotOnly)).toMatchObject({
      error: {
        code: 'validation_failed',
        field: 'body.placement.pools',
        details: { type: 'placement-infeasible' },
      },
    });

    const badCpu = await plan({ pools: [pool('odd', 'on-demand', 'lots')] });
    expect(badCpu.statusCode).toBe(400);
    expect(json(badCpu)).toMatchObject({
      error: { code: 'validation_failed', field: 'body.placement.pools.0.capacity.cpu' },
    });
    const duplicate = await plan({ pools: [pool('twin', 'on-demand'), pool('twin', 'spot')] });
    expect(json(duplicate)).toMatchObject({
      error: { code: 'validation_failed', field: 'body.placement.pools.1.name' },
    });
    const unknown = await plan({ pools: [pool('x', 'on-demand')], colour: 'blue' });
    expect(json(unknown)).toMatchObject({
      error: { code: 'validation_failed', field: 'body.placement.colour' },
    });

    // Without placement the answer has none.
    const none = await plan(false);
    expect(json(none)).not.toHaveProperty('placement');
  });
});
