import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUESTS } from '../../../blueprints/default-requests.js';
import { PlannerError } from '../../../planner/errors.js';
import type { NodePool } from '../../../planner/node-pools.js';
import type { ServiceDemand } from '../../../planner/placement/demand.js';
import { serviceRequests } from '../../../planner/placement/demand.js';
import { naiveCost, placeHeuristically } from '../../../planner/placement/heuristic.js';
import { placeExactly, placementModel } from '../../../planner/placement/milp.js';
import { planPlacement } from '../../../planner/placement/plan-placement.js';
import { assignmentCost, buildProblem, checkAssignment } from '../../../planner/placement/problem.js';
import type { BranchPlan } from '../../../planner/types.js';
import { blueprint, dataService, service } from './builders.js';

function pool(name: string, overrides: Partial<NodePool> & { cpu?: string; memory?: string } = {}): NodePool {
  const { cpu = '4', memory = '16Gi', ...rest } = overrides;
  return {
    name,
    zone: 'zone-a',
    capacityType: 'on-demand',
    instanceType: 'm5.xlarge',
    hourlyPrice: 0.2,
    nodes: 5,
    capacity: { cpu, memory, pods: 110 },
    ...rest,
  };
}

/** A plan that deploys every service of the blueprint, except those listed as reused. */
function deployAll(names: string[], reused: string[] = []): BranchPlan {
  const services = names.map((name) => ({
    name,
    action: reused.includes(name) ? ('reuse' as const) : ('deploy' as const),
    reasons: [],
  }));
  return {
    services,
    summary: {
      deploy: names.length - reused.length,
      fork: 0,
      reuse: reused.length,
      removed: [],
    },
  };
}

function requests(cpu: string, memory = '256Mi') {
  return { resources: { requests: { cpu, memory } } };
}

describe('serviceRequests', () => {
  it('uses requests, falls back to limits (as Kubernetes does), then to the documented defaults', () => {
    expect(serviceRequests(service('a', requests('250m', '1Gi')))).toEqual({ cpu: 250, memory: 2 ** 30 });
    expect(serviceRequests(service('b', { resources: { limits: { cpu: 1, memory: '512Mi' } } }))).toEqual({
      cpu: 1000,
      memory: 512 * 2 ** 20,
    });
    expect(serviceRequests(service('c'))).toEqual({ cpu: 50, memory: 64 * 2 ** 20 });
    expect(DEFAULT_REQUESTS).toEqual({ cpu: '50m', memory: '64Mi' });
  });
});

describe('planPlacement', () => {
  it('respects node capacity: two 3-CPU services need two 4-CPU nodes', async () => {
    const bp = blueprint([service('a', requests('3')), service('b', requests('3'))]);
    const plan = await planPlacement({
      blueprint: bp,
      plan: deployAll(['a', 'b']),
      pools: [pool('general')],
    });
    expect(plan.hourlyCost).toBeCloseTo(0.4);
    expect(plan.optimalHourlyCost).toBeCloseTo(0.4);
    expect(plan.solver).toBe('milp');
  });

  it('places only the services that run in the branch', async () => {
    const bp = blueprint([service('a', requests('3')), service('b', requests('3'))]);
    const plan = await planPlacement({
      blueprint: bp,
      plan: deployAll(['a', 'b'], ['b']),
      pools: [pool('general')],
    });
    expect(plan.services.map((s) => s.service)).toEqual(['a']);
  });

  it('never puts a data service on spot unless allowed; stateless services take the cheaper spot pool', async () => {
    // Each needs most of a node, so they cannot share one.
    const bp = blueprint([service('api', requests('3')), dataService('db', requests('3'))]);
    const pools = [
      pool('od', { hourlyPrice: 0.2 }),
      pool('spot', { capacityType: 'spot', hourlyPrice: 0.06, zone: 'zone-a' }),
    ];
    const plan = await planPlacement({ blueprint: bp, plan: deployAll(['api', 'db']), pools });
    const where = Object.fromEntries(plan.services.map((s) => [s.service, s.capacityType]));
    expect(where).toEqual({ api: 'spot', db: 'on-demand' });
    expect(plan.hourlyCost).toBeCloseTo(0.26);
    const allowed = await planPlacement({
      blueprint: bp,
      plan: deployAll(['api', 'db']),
      pools,
      allowDataOnSpot: true,
    });
    expect(allowed.services.every((s) => s.capacityType === 'spot')).toBe(true);
    expect(allowed.hourlyCost).toBeCloseTo(0.12);
    expect(allowed.naiveHourlyCost).toBeCloseTo(0.4);
  });

  it('spreads replicas over distinct nodes, and skips pools with fewer nodes than replicas', async () => {
    const bp = blueprint([service('api', { ...requests('100m'), replicas: 3 })]);
    const pools = [pool('tiny', { nodes: 2, hourlyPrice: 0.01 }), pool('general', { hourlyPrice: 0.1 })];
    const plan = await planPlacement({ blueprint: bp, plan: deployAll(['api']), pools });
    expect(plan.services[0]!.pool).toBe('general');
    expect(plan.hourlyCost).toBeCloseTo(0.3);
  });

  it('follows the zone of the baseline services a branch service calls when traffic costs more than the price gap', async () => {
    const bp = blueprint([
      service('api', { ...requests('500m'), dependsOn: ['db', 'search'] }),
      service('db'),
      service('search'),
    ]);
    const pools = [
      pool('a', { zone: 'zone-a', hourlyPrice: 0.2 }),
      pool('b', { zone: 'zone-b', hourlyPrice: 0.21 }),
    ];
    const input = {
      blueprint: bp,
      plan: deployAll(['api', 'db', 'search'], ['db', 'search']),
      pools,
      baselineZone: 'zone-b',
    };
    const expensiveTraffic = await planPlacement({ ...input, crossZoneHourlyCost: 0.02 });
    expect(expensiveTraffic.services[0]!.zone).toBe('zone-b');
    expect(expensiveTraffic.hourlyCost).toBeCloseTo(0.21);
    const cheapTraffic = await planPlacement({ ...input, crossZoneHourlyCost: 0.001 });
    expect(cheapTraffic.services[0]!.zone).toBe('zone-a');
    expect(cheapTraffic.hourlyCost).toBeCloseTo(0.202);
  });

  it('splits the cost over services so rows add up, and pins each to its pool', async () => {
    const bp = blueprint([
      service('a', requests('1')),
      service('b', requests('3')),
      dataService('c', requests('2')),
    ]);
    const plan = await planPlacement({
      blueprint: bp,
      plan: deployAll(['a', 'b', 'c']),
      pools: [pool('general')],
    });
    const sum = plan.services.reduce((s, p) => s + p.hourlyCost, 0);
    expect(sum).toBeCloseTo(plan.hourlyCost, 5);
    expect(plan.services[0]!.nodeSelector).toEqual({ 'microstax.dev/pool': 'general' });
  });

  it('gives each service the other pools its hard rules allow, cheapest first, weighted by price', async () => {
    const bp = blueprint([service('web', requests('1')), dataService('db', requests('1'))]);
    const live = [
      pool('spot', { capacityType: 'spot', hourlyPrice: 0.1 }),
      pool('general', { hourlyPrice: 0.2 }),
    ];
    const full = [
      ...live,
      pool('memory', { hourlyPrice: 0.5, memory: '64Gi' }),
      pool('tiny', { hourlyPrice: 0.05, cpu: '500m' }),
    ];
    const plan = await planPlacement({
      blueprint: bp,
      plan: deployAll(['web', 'db']),
      pools: live,
      fallbackPools: full,
      capacity: 'live',
    });
    const web = plan.services.find((s) => s.service === 'web')!;
    const db = plan.services.find((s) => s.service === 'db')!;
    // One general node holds both: cheaper than a spot node beside it.
    expect(web.pool).toBe('general');
    // tiny holds no replica of 1 CPU; memory is dearest.
    expect(web.fallbacks).toEqual([
      { pool: 'spot', weight: 50 },
      { pool: 'memory', weight: 10 },
    ]);
    // A data service never falls back to spot.
    expect(db.pool).toBe('general');
    expect(db.fallbacks).toEqual([{ pool: 'memory', weight: 20 }]);
    expect(plan.capacity).toBe('live');
  });

  it('fails with a typed error when a service fits no pool', async () => {
    const bp = blueprint([service('big', requests('64'))]);
    const error = await planPlacement({
      blueprint: bp,
      plan: deployAll(['big']),
      pools: [pool('general')],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlannerError);
    expect((error as PlannerError).type).toBe('placement-infeasible');
    expect((error as PlannerError).message).toContain('big');
  });

  it('fails with a typed error when the pools have too few nodes', async () => {
    const bp = blueprint([service('a', requests('3')), service('b', requests('3'))]);
    const error = await planPlacement({
      blueprint: bp,
      plan: deployAll(['a', 'b']),
      pools: [pool('one', { nodes: 1 })],
    }).catch((e: unknown) => e);
    expect((error as PlannerError).type).toBe('placement-infeasible');
  });

  it('uses the heuristic alone when asked, and reports no proven optimum', async () => {
    const bp = blueprint([service('a', requests('1')), service('b', requests('1'))]);
    const plan = await planPlacement({
      blueprint: bp,
      plan: deployAll(['a', 'b']),
      pools: [pool('general')],
      solver: 'heuristic',
    });
    expect(plan.solver).toBe('heuristic');
    expect(plan.optimalHourlyCost).toBeUndefined();
    expect(plan.hourlyCost).toBeCloseTo(0.2);
  });
});

describe('placement solvers on random small instances', () => {
  const instance = fc.record({
    services: fc.array(
      fc.record({
        cpu: fc.integer({ min: 1, max: 30 }).map((x) => x * 100),
        memory: fc.integer({ min: 1, max: 16 }).map((x) => x * 512 * 2 ** 20),
        replicas: fc.integer({ min: 1, max: 3 }),
        isDataService: fc.boolean(),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    pools: fc.array(
      fc.record({
        cpu: fc.constantFrom('2', '4', '8'),
        memory: fc.constantFrom('8Gi', '16Gi', '32Gi'),
        price: fc.integer({ min: 5, max: 60 }).map((x) => x / 100),
        spot: fc.boolean(),
        nodes: fc.integer({ min: 3, max: 6 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

  it('the heuristic is valid and never beats the proven optimum; the optimum never exceeds naive', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async ({ services, pools }) => {
        const demands: ServiceDemand[] = services.map((s, i) => ({ name: `s${i}`, ...s, callsBaseline: [] }));
        const nodePools = [
          pool('base', { cpu: '8', memory: '32Gi', hourlyPrice: 0.4, nodes: 30 }),
          ...pools.map((p, i) =>
            pool(`p${i}`, {
              cpu: p.cpu,
              memory: p.memory,
              hourlyPrice: p.price,
              capacityType: p.spot ? 'spot' : 'on-demand',
              // On-demand pools are large enough for naive placement, which ignores pool size.
              nodes: p.spot ? p.nodes : 25,
            }),
          ),
        ];
        const problem = buildProblem({
          services: demands,
          pools: nodePools,
          crossZoneHourlyCost: 0,
          allowDataOnSpot: false,
        });
        const heuristic = placeHeuristically(problem)!;
        checkAssignment(problem, heuristic);
        const exact = (await placeExactly(problem))!;
        checkAssignment(problem, exact.assignment);
        expect(exact.optimal).toBe(true);
        const optimum = assignmentCost(problem, exact.assignment);
        expect(assignmentCost(problem, heuristic)).toBeGreaterThanOrEqual(optimum - 1e-9);
        expect(optimum).toBeLessThanOrEqual(naiveCost(problem) + 1e-9);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('writes an LP model whose lines stay short', () => {
    const problem = buildProblem({
      services: Array.from({ length: 20 }, (_, i) => ({
        name: `s${i}`,
        cpu: 100,
        memory: 2 ** 27,
        replicas: 2,
        isDataService: false,
        callsBaseline: [],
      })),
      pools: [pool('general')],
      crossZoneHourlyCost: 0,
      allowDataOnSpot: false,
    });
    const lines = placementModel(problem).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(120);
  });
});
