import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORST, worstPlanRequestBody, worstPools } from '../../support/worst-placement.js';
import { json, startTestApi, type TestApi } from './harness.js';

/**
 * Bounded work per plan request (issue 15 item 3): the worst request the placement caps allow is
 * answered while the API keeps serving, and anything over a cap is a 422 that names the limit and the
 * value asked for, before any solving.
 */
describe('plan requests: bounded work (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('plan-bounded');
  });
  afterAll(async () => {
    await api?.close();
  });

  const plan = (payload: unknown, caller: 'member' | 'none' = 'member') =>
    api.app.inject({
      method: 'POST',
      url: '/v1/blueprints/plan',
      headers: api.headers(caller),
      payload: payload as object,
    });

  it('answers the worst allowed plan request, and /healthz keeps answering while it is solved', async () => {
    let planDone = false;
    const solving = plan(worstPlanRequestBody({ solver: 'milp' })).then((response) => {
      planDone = true;
      return response;
    });
    // 50 health checks spread over the solve: each must answer while the plan is still being worked on.
    const health: { status: number; duringSolve: boolean }[] = [];
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const response = await api.app.inject({ method: 'GET', url: '/healthz' });
      health.push({ status: response.statusCode, duringSolve: !planDone });
    }
    const response = await solving;
    expect(health.every((h) => h.status === 200)).toBe(true);
    expect(health.filter((h) => h.duringSolve)).toHaveLength(50);

    expect(response.statusCode).toBe(200);
    const placement = json<{
      placement: { services: { service: string; pool: string }[]; solver: string; solverReason: string };
    }>(response).placement;
    expect(placement.services).toHaveLength(WORST.services);
    // Within the request's limits the exact solve either proves or improves nothing over the heuristic
    // or gives up; the plan says which.
    expect(placement.solverReason).toMatch(/^(exact|heuristic): /);
  }, 120_000);

  it('refuses each over-cap input with 422 naming the limit and the value, before solving', async () => {
    const body = worstPlanRequestBody();
    const pools = worstPools();
    const cases = [
      {
        placement: { pools: [...pools, { ...pools[0]!, name: 'one-more' }] },
        limit: 'maxPools',
        value: 51,
        field: 'body.placement.pools',
        says: '51 node pools',
      },
      {
        placement: { pools: [{ ...pools[0]!, nodes: 1_000_000_000_000 }] },
        limit: 'maxNodesPerPool',
        value: 1_000_000_000_000,
        field: 'body.placement.pools',
        says: 'pool pool-0 has 1000000000000 nodes',
      },
      {
        placement: { pools: pools.map((p, i) => (i === 0 ? { ...p, nodes: 101 } : p)) },
        limit: 'maxWork',
        value: 100 * 1 * 50 * 101,
        field: 'body.branch',
        says: '100 x 1 x 50 x 101 = 505000',
      },
    ];
    for (const c of cases) {
      const started = performance.now();
      const response = await plan({ ...body, placement: c.placement });
      expect(response.statusCode, c.limit).toBe(422);
      const error = json<{ error: { field: string; message: string; details: Record<string, unknown> } }>(
        response,
      ).error;
      expect(error.field).toBe(c.field);
      expect(error.message).toContain(c.limit);
      expect(error.message).toContain(c.says);
      expect(error.details).toMatchObject({ type: 'placement-too-large', limit: c.limit, value: c.value });
      expect(performance.now() - started, 'refused before any solving').toBeLessThan(5_000);
    }

    // 101 services: over maxServices, named on the branch.
    const many = [
      'name: worst',
      'services:',
      ...Array.from({ length: 101 }, (_, i) => `  - name: svc-${i}\n    image: ghcr.io/acme/svc:1`),
      '',
    ].join('\n');
    const tooMany = await plan({
      ...body,
      branch: { source: many },
      placement: { pools: pools.slice(0, 2) },
    });
    expect(tooMany.statusCode).toBe(422);
    expect(json<{ error: { field: string; message: string } }>(tooMany).error).toMatchObject({
      field: 'body.branch',
      message: expect.stringContaining('maxServices limit: 101 services to place; at most 100'),
    });
  }, 60_000);

  it('asks for a credential before any work', async () => {
    const response = await plan(worstPlanRequestBody(), 'none');
    expect(response.statusCode).toBe(401);
  });
});
