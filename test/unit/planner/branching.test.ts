import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBranchPlan } from '../../../planner/branching/format-plan.js';
import { planBranch } from '../../../planner/branching/plan-branch.js';
import type { BranchPlan } from '../../../planner/types.js';
import { blueprint, dataService, service, shopGraph, sqlInit, withChanged } from './builders.js';

function actions(plan: BranchPlan): Record<string, string> {
  return Object.fromEntries(plan.services.map((s) => [s.name, s.action]));
}

function reasonsOf(plan: BranchPlan, name: string): string[] {
  return plan.services.find((s) => s.name === name)?.reasons ?? [];
}

describe('planBranch: web -> api -> db chain with worker and cache', () => {
  it('plans an unchanged branch as all reuse', () => {
    const plan = planBranch({ baseline: shopGraph(), branch: shopGraph() });
    expect(plan.summary).toEqual({ deploy: 0, fork: 0, reuse: 5, removed: [] });
  });

  it('deploys only a changed leaf that nothing depends on', () => {
    const branch = withChanged(shopGraph(), 'web', { image: 'ghcr.io/acme/web:2.0' });
    const plan = planBranch({ baseline: shopGraph(), branch });
    expect(actions(plan)).toEqual({
      web: 'deploy',
      api: 'reuse',
      worker: 'reuse',
      db: 'reuse',
      cache: 'reuse',
    });
    expect(reasonsOf(plan, 'web')).toEqual(['changed image: ghcr.io/acme/web:1.0 -> ghcr.io/acme/web:2.0']);
    expect(reasonsOf(plan, 'api').join(' ')).toContain('web in the branch calls the baseline');
  });

  it('with routing dns, forks the data an api writes, its other users and its callers', () => {
    const branch = withChanged(shopGraph(), 'api', { image: 'ghcr.io/acme/api:1.1' });
    const plan = planBranch({ baseline: shopGraph(), branch });
    expect(actions(plan)).toEqual({ web: 'fork', api: 'deploy', worker: 'fork', db: 'fork', cache: 'reuse' });
    expect(reasonsOf(plan, 'db')[0]).toContain('data service used by api');
    expect(reasonsOf(plan, 'worker')[0]).toContain('uses data service db');
    expect(reasonsOf(plan, 'web')[0]).toContain('calls api');
    expect(reasonsOf(plan, 'web')[0]).toContain('routing: dns');
  });

  it('with routing header, callers of a changed service stay shared (rule c does not apply)', () => {
    const branch = withChanged(shopGraph('header'), 'api', { image: 'ghcr.io/acme/api:1.1' });
    const plan = planBranch({ baseline: shopGraph('header'), branch });
    expect(actions(plan)).toEqual({
      web: 'reuse',
      api: 'deploy',
      worker: 'fork',
      db: 'fork',
      cache: 'reuse',
    });
    expect(reasonsOf(plan, 'web').join(' ')).toContain('routing: header');
  });

  it('a changed stateless dependency forks every caller under dns, only itself under header', () => {
    const dnsPlan = planBranch({
      baseline: shopGraph(),
      branch: withChanged(shopGraph(), 'cache', { image: 'redis:7.2' }),
    });
    expect(actions(dnsPlan)).toEqual({
      web: 'fork',
      api: 'fork',
      worker: 'fork',
      db: 'fork',
      cache: 'deploy',
    });
    const headerPlan = planBranch({
      baseline: shopGraph('header'),
      branch: withChanged(shopGraph('header'), 'cache', { image: 'redis:7.2' }),
    });
    expect(actions(headerPlan)).toEqual({
      web: 'reuse',
      api: 'reuse',
      worker: 'reuse',
      db: 'reuse',
      cache: 'deploy',
    });
  });

  it('a changed init script (by content hash) deploys the data service and forks its users', () => {
    const branch = withChanged(shopGraph(), 'db', {
      init: [sqlInit('seed.sql', 'create table orders (id int, total int);')],
    });
    const plan = planBranch({ baseline: shopGraph(), branch });
    expect(actions(plan)).toEqual({ web: 'fork', api: 'fork', worker: 'fork', db: 'deploy', cache: 'reuse' });
    expect(reasonsOf(plan, 'db')[0]).toMatch(
      /^changed init\.0\.content: sha256 [0-9a-f]{12} -> sha256 [0-9a-f]{12}$/,
    );
  });

  it('a renamed init script with the same content is not a change', () => {
    const branch = withChanged(shopGraph(), 'db', {
      init: [sqlInit('seeds/001.sql', 'create table orders (id int);')],
    });
    expect(planBranch({ baseline: shopGraph(), branch }).summary.deploy).toBe(0);
  });
});

describe('planBranch: shared data', () => {
  const sharedDb = (routing: 'dns' | 'header' = 'dns') =>
    withChanged(shopGraph(routing), 'db', { isolation: 'shared' });

  it('does not fork a shared data service; its other users stay on the baseline', () => {
    const branch = withChanged(sharedDb(), 'api', { image: 'ghcr.io/acme/api:1.1' });
    const plan = planBranch({ baseline: sharedDb(), branch });
    expect(actions(plan)).toEqual({
      web: 'fork',
      api: 'deploy',
      worker: 'reuse',
      db: 'reuse',
      cache: 'reuse',
    });
    expect(reasonsOf(plan, 'db').join(' ')).toContain('isolation: shared');
  });

  it('a changed shared data service still deploys, and its users fork to see the new copy', () => {
    const branch = withChanged(sharedDb('header'), 'db', { image: 'postgres:17-alpine' });
    const plan = planBranch({ baseline: sharedDb('header'), branch });
    expect(actions(plan)).toEqual({
      web: 'reuse',
      api: 'fork',
      worker: 'fork',
      db: 'deploy',
      cache: 'reuse',
    });
  });
});

describe('planBranch: diamond dependencies', () => {
  // a -> b -> d, a -> c -> d; d is a data service.
  const diamond = (routing: 'dns' | 'header') =>
    blueprint(
      [
        service('a', { dependsOn: ['b', 'c'] }),
        service('b', { dependsOn: ['d'] }),
        service('c', { dependsOn: ['d'] }),
        dataService('d'),
      ],
      { routing },
    );

  it('under dns, a change on one side forks the data, the other side and the top', () => {
    const plan = planBranch({
      baseline: diamond('dns'),
      branch: withChanged(diamond('dns'), 'b', { replicas: 2 }),
    });
    expect(actions(plan)).toEqual({ a: 'fork', b: 'deploy', c: 'fork', d: 'fork' });
    expect(reasonsOf(plan, 'b')).toEqual(['changed replicas: 1 -> 2']);
    // a is forced by both b and c.
    expect(reasonsOf(plan, 'a')).toHaveLength(2);
  });

  it('under header, the top stays shared', () => {
    const plan = planBranch({
      baseline: diamond('header'),
      branch: withChanged(diamond('header'), 'b', { replicas: 2 }),
    });
    expect(actions(plan)).toEqual({ a: 'reuse', b: 'deploy', c: 'fork', d: 'fork' });
  });
});

describe('planBranch: new and removed services', () => {
  it('deploys a new service and lists removed ones in the summary', () => {
    const baseline = blueprint([...shopGraph().services, service('search')]);
    const branch = blueprint([...shopGraph().services, service('recommender')]);
    const plan = planBranch({ baseline, branch });
    expect(actions(plan).recommender).toBe('deploy');
    expect(reasonsOf(plan, 'recommender')).toEqual(['new in the branch']);
    expect(plan.summary.removed).toEqual(['search']);
    expect(plan.services.map((s) => s.name)).not.toContain('search');
  });
});

describe('planBranch: compares meaning, not text', () => {
  it('formatting-only differences plan as all reuse', () => {
    const baseline = blueprint([
      service('api', {
        ports: [8080, 9090],
        resources: { requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: 1 } },
        healthCheck: { http: { path: '/health', port: 8080 }, periodSeconds: 5 },
        volumes: [
          { path: '/a', size: '1Gi' },
          { path: '/b', size: '512Mi' },
        ],
      }),
    ]);
    const branch = blueprint([
      service('api', {
        ports: [9090, 8080],
        resources: { limits: { cpu: '1000m' }, requests: { memory: '1024Mi', cpu: 0.25 } },
        healthCheck: { periodSeconds: 5, http: { port: 8080, path: '/health' } },
        volumes: [
          { path: '/b', size: '0.5Gi' },
          { path: '/a', size: '1024Mi' },
        ],
      }),
    ]);
    expect(planBranch({ baseline, branch }).summary).toEqual({ deploy: 0, fork: 0, reuse: 1, removed: [] });
  });

  it('names every changed field with old and new values', () => {
    const baseline = shopGraph();
    const branch = withChanged(shopGraph(), 'api', {
      command: ['node', 'server.js'],
      env: [
        { name: 'DATABASE_URL', kind: 'secret', value: 'postgres://app:s3cret@db:5432/shop' },
        { name: 'FEATURE_X', kind: 'plain', value: 'on' },
        { name: 'REDIS_URL', kind: 'plain', value: 'redis://cache:6379' },
      ],
      resources: { requests: { cpu: '500m' } },
      healthCheck: { tcp: { port: 8080 } },
    });
    expect(reasonsOf(planBranch({ baseline, branch }), 'api')).toEqual([
      'changed command: (unset) -> ["node","server.js"]',
      'changed env.FEATURE_X: (unset) -> "on"',
      'changed env.LOG_LEVEL: "info" -> (unset)',
      'changed resources.requests.cpu: (unset) -> 500m',
      'changed healthCheck: (unset) -> {"tcp":{"port":8080}}',
    ]);
  });

  it('masks secret values, old and new, and shows only where a secret reference points', () => {
    const branch = withChanged(shopGraph(), 'api', {
      env: [
        { name: 'API_TOKEN', kind: 'secretRef', secretName: 'tokens', secretKey: 'api' },
        { name: 'DATABASE_URL', kind: 'secret', value: 'postgres://app:n3wpass@db:5432/shop' },
        { name: 'LOG_LEVEL', kind: 'plain', value: 'info' },
        { name: 'REDIS_URL', kind: 'plain', value: 'redis://cache:6379' },
      ],
    });
    const plan = planBranch({ baseline: shopGraph(), branch });
    const text = JSON.stringify(plan) + formatBranchPlan(plan);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('n3wpass');
    expect(reasonsOf(plan, 'api')).toEqual([
      'changed env.API_TOKEN: (unset) -> secretRef tokens/api',
      'changed env.DATABASE_URL: ****** (changed) -> ******',
    ]);
  });
});

describe('formatBranchPlan', () => {
  it('prints one row per service with where it runs and why, then the summary', () => {
    const baseline = blueprint([...shopGraph().services, service('search')]);
    const plan = planBranch({ baseline, branch: withChanged(shopGraph(), 'api', { replicas: 3 }) });
    const text = formatBranchPlan(plan);
    expect(text).toMatch(/^SERVICE\s+ACTION\s+RUNS IN\s+WHY$/m);
    expect(text).toMatch(/^api\s+deploy\s+branch \(new build\)\s+changed replicas: 1 -> 3$/m);
    expect(text).toMatch(/^cache\s+reuse\s+baseline \(shared\)\s+unchanged/m);
    expect(text).toContain('1 deploy, 3 fork, 1 reuse: 4 of 5 services run in the branch environment');
    expect(text).toContain('removed in the branch: search');
  });
});

describe('planBranch: fixpoint properties on random graphs', () => {
  // Random DAGs: service i may depend on any j > i; some services are data services.
  const graphArb = fc
    .record({
      size: fc.integer({ min: 1, max: 14 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
      data: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
      shared: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
      changed: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
      routing: fc.constantFrom('dns' as const, 'header' as const),
    })
    .map(({ size, edges, data, shared, changed, routing }) => {
      const deps: string[][] = Array.from({ length: size }, () => []);
      for (const [x, y] of edges) {
        const a = x % size;
        const b = y % size;
        if (a < b && !deps[a]!.includes(`s${b}`)) deps[a]!.push(`s${b}`);
      }
      const make = (i: number) =>
        (data[i] ? dataService : service)(`s${i}`, {
          dependsOn: deps[i]!,
          isolation: shared[i] ? 'shared' : 'isolated',
        });
      const services = Array.from({ length: size }, (_, i) => make(i));
      const baseline = blueprint(services, { routing });
      const branch = blueprint(
        services.map((s, i) => (changed[i] ? { ...s, image: `${s.image}-next` } : s)),
        { routing },
      );
      return { baseline, branch };
    });

  it('the branch set is closed under rules a, b and c, and every fork names its evidence', () => {
    fc.assert(
      fc.property(graphArb, ({ baseline, branch }) => {
        const plan = planBranch({ baseline, branch });
        const inC = new Set(plan.services.filter((s) => s.action !== 'reuse').map((s) => s.name));
        const byName = new Map(branch.services.map((s) => [s.name, s]));
        for (const s of branch.services) {
          for (const d of s.dependsOn) {
            const dep = byName.get(d)!;
            if (inC.has(s.name) && dep.isDataService && dep.isolation !== 'shared')
              expect(inC.has(d)).toBe(true);
            if (inC.has(d) && dep.isDataService) expect(inC.has(s.name)).toBe(true);
            if (inC.has(d) && branch.routing === 'dns') expect(inC.has(s.name)).toBe(true);
          }
        }
        for (const s of plan.services) expect(s.reasons.length).toBeGreaterThan(0);
        expect(plan.summary.deploy + plan.summary.fork + plan.summary.reuse).toBe(branch.services.length);
      }),
    );
  });
});
