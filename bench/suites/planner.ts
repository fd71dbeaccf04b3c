import type { ResolvedBlueprint, ResolvedService } from '../../blueprints/resolved.js';
import { planBranch } from '../../planner/branching/plan-branch.js';
import { seededRandom } from '../../planner/forecast/seeded-random.js';
import { comparePoolPolicies } from '../../planner/forecast/simulator.js';
import { generateSyntheticTrace } from '../../planner/forecast/synthetic-trace.js';
import { WEEK_MS } from '../../planner/forecast/time.js';
import type { NodePool } from '../../planner/node-pools.js';
import { branchDemands, serviceRequests } from '../../planner/placement/demand.js';
import { naiveCost, placeHeuristically } from '../../planner/placement/heuristic.js';
import { highsLoadMillis, loadHighsSolver } from '../../planner/placement/highs-solver.js';
import { placeExactly } from '../../planner/placement/milp.js';
import { assignmentCost, buildProblem } from '../../planner/placement/problem.js';
import type { BranchPlan } from '../../planner/types.js';
import { resolvedService } from '../../test/support/resolved-service.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite, BenchTarget } from '../suite.js';

/**
 * The planner's economics, measured side by side in one run: smart branch vs clone-all, planning
 * time at 10,000 services, placement cost vs naive and vs the proven optimum, and the predictive
 * warm pool vs a fixed pool of equal hit rate.
 */

function svc(
  name: string,
  o: Partial<ResolvedService> & { cpu?: string; memory?: string } = {},
): ResolvedService {
  const { cpu = '250m', memory = '256Mi', ...rest } = o;
  const s = resolvedService({ name, resources: { requests: { cpu, memory } }, ...rest });
  s.isDataService = s.stateful || s.volumes.length > 0 || s.init.length > 0;
  s.dependsOn = [...s.dependsOn].sort();
  return s;
}

const db = (name: string, o: Partial<ResolvedService> & { cpu?: string; memory?: string } = {}) =>
  svc(name, { image: 'postgres:16-alpine', ports: [5432], stateful: true, cpu: '500m', memory: '1Gi', ...o });

/** A 20-service shop: a web front and an admin UI over a gateway, eight services, six data services. */
function shop20(routing: 'dns' | 'header' = 'dns'): ResolvedBlueprint {
  return {
    name: 'shop',
    routing,
    services: [
      svc('web', { dependsOn: ['gateway'], replicas: 2, exposedPorts: [8080] }),
      svc('admin', { dependsOn: ['gateway'], exposedPorts: [8080] }),
      svc('gateway', {
        dependsOn: ['users', 'catalog', 'cart', 'orders', 'search', 'recommendations'],
        replicas: 2,
        cpu: '500m',
      }),
      svc('users', { dependsOn: ['users-db'], replicas: 2 }),
      db('users-db'),
      svc('catalog', { dependsOn: ['catalog-db', 'cache'], replicas: 2 }),
      db('catalog-db'),
      svc('cache', { image: 'redis:7', ports: [6379], memory: '512Mi' }),
      svc('cart', { dependsOn: ['cache'], replicas: 2 }),
      svc('orders', { dependsOn: ['orders-db', 'queue', 'payments'], replicas: 2 }),
      db('orders-db'),
      db('queue', { image: 'rabbitmq:3', ports: [5672] }),
      svc('payments', { dependsOn: ['payments-db'], replicas: 2 }),
      db('payments-db'),
      svc('search', { dependsOn: ['search-index'], replicas: 2 }),
      db('search-index', { image: 'opensearch:2', ports: [9200], cpu: '1', memory: '2Gi' }),
      svc('recommendations', { dependsOn: ['catalog', 'cache'] }),
      svc('notifier', { dependsOn: ['queue', 'users'] }),
      svc('email-worker', { dependsOn: ['queue'] }),
      svc('analytics-worker', { dependsOn: ['queue'] }),
    ],
  };
}

function changed(bp: ResolvedBlueprint, name: string): ResolvedBlueprint {
  return {
    ...bp,
    services: bp.services.map((s) => (s.name === name ? { ...s, image: `${s.image}-pr` } : s)),
  };
}

/** Pods and requested CPU (millicores) of the services a plan runs in the branch environment. */
function footprint(bp: ResolvedBlueprint, plan?: BranchPlan) {
  const runs = new Set(
    plan
      ? plan.services.filter((s) => s.action !== 'reuse').map((s) => s.name)
      : bp.services.map((s) => s.name),
  );
  let pods = 0;
  let cpu = 0;
  for (const s of bp.services) {
    if (!runs.has(s.name)) continue;
    pods += s.replicas;
    cpu += s.replicas * serviceRequests(s).cpu;
  }
  return { pods, cpu };
}

function smartBranching() {
  const scenarios: Record<string, unknown> = {};
  const cloneAll = footprint(shop20());
  const run = (label: string, service: string, routing: 'dns' | 'header') => {
    const baseline = shop20(routing);
    const plan = planBranch({ baseline, branch: changed(baseline, service) });
    const smart = footprint(baseline, plan);
    scenarios[label] = {
      changed: service,
      routing,
      smartPods: smart.pods,
      smartCpuMillicores: smart.cpu,
      podsRatio: Number((cloneAll.pods / smart.pods).toFixed(1)),
      cpuRatio: Number((cloneAll.cpu / smart.cpu).toFixed(1)),
      summary: plan.summary,
    };
    return smart;
  };
  const leaf = run('leaf (web) changed, dns', 'web', 'dns');
  run('leaf (web) changed, header', 'web', 'header');
  run('mid-graph (orders) changed, dns', 'orders', 'dns');
  run('mid-graph (orders) changed, header', 'orders', 'header');
  run('bottom (cache) changed, header', 'cache', 'header');
  return { cloneAll, leaf, scenarios };
}

/** A seeded layered graph of n services: each depends on 1-4 services of later layers; 15% hold data. */
function largeGraph(n: number, seed: number, routing: 'dns' | 'header'): ResolvedBlueprint {
  const random = seededRandom(seed);
  const services = Array.from({ length: n }, (_, i) => {
    const deps = new Set<string>();
    const count = i < n - 50 ? 1 + Math.floor(random() * 4) : 0;
    for (let k = 0; k < count; k++) deps.add(`s${i + 1 + Math.floor(random() * Math.min(200, n - i - 1))}`);
    const isData = random() < 0.15;
    return (isData ? db : svc)(`s${i}`, {
      dependsOn: [...deps],
      isolation: isData && random() < 0.3 ? 'shared' : 'isolated',
      env: [
        { name: 'LOG_LEVEL', kind: 'plain', value: 'info' },
        { name: 'TOKEN', kind: 'secret', value: `t${i}` },
      ],
    });
  });
  return { name: 'large', routing, services };
}

function planningTime() {
  const results: Record<string, number> = {};
  for (const routing of ['dns', 'header'] as const) {
    const baseline = largeGraph(10_000, 11, routing);
    // 1% of services change (a large monorepo PR), spread over the graph. A deep copy, as two
    // resolved files would be: no shortcut through shared objects.
    const branch = structuredClone({
      ...baseline,
      services: baseline.services.map((s, i) => (i % 100 === 37 ? { ...s, image: `${s.image}-pr` } : s)),
    });
    planBranch({ baseline, branch }); // warm-up
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const started = performance.now();
      planBranch({ baseline, branch });
      times.push(performance.now() - started);
    }
    results[`${routing}MedianMs`] = Number(median(times).toFixed(1));
  }
  return results;
}

const POOLS: NodePool[] = [
  {
    name: 'general-a',
    zone: 'zone-a',
    capacityType: 'on-demand',
    instanceType: 'm5.xlarge',
    hourlyPrice: 0.192,
    nodes: 6,
    capacity: { cpu: '4', memory: '16Gi', pods: 58 },
  },
  {
    name: 'general-b',
    zone: 'zone-b',
    capacityType: 'on-demand',
    instanceType: 'm5.xlarge',
    hourlyPrice: 0.192,
    nodes: 6,
    capacity: { cpu: '4', memory: '16Gi', pods: 58 },
  },
  {
    name: 'large-a',
    zone: 'zone-a',
    capacityType: 'on-demand',
    instanceType: 'm5.2xlarge',
    hourlyPrice: 0.384,
    nodes: 4,
    capacity: { cpu: '8', memory: '32Gi', pods: 58 },
  },
  {
    name: 'spot-b',
    zone: 'zone-b',
    capacityType: 'spot',
    instanceType: 'm5.2xlarge',
    hourlyPrice: 0.138,
    nodes: 4,
    capacity: { cpu: '8', memory: '32Gi', pods: 58 },
  },
  {
    name: 'memory-a',
    zone: 'zone-a',
    capacityType: 'on-demand',
    instanceType: 'r5.xlarge',
    hourlyPrice: 0.252,
    nodes: 3,
    capacity: { cpu: '4', memory: '32Gi', pods: 58 },
  },
];

/** Random branch environments of 5-10 services, placed by the heuristic and solved exactly. */
async function placementCosts() {
  await loadHighsSolver();
  const random = seededRandom(5);
  const instances = 10;
  let heuristicOverOptimum = 0;
  let worstHeuristic = 1;
  let optimumOverNaive = 0;
  let milpMs = 0;
  let heuristicMs = 0;
  let proven = 0;
  for (let i = 0; i < instances; i++) {
    const count = 5 + Math.floor(random() * 6);
    const services = Array.from({ length: count }, (_, k) => {
      const isData = random() < 0.3;
      const cpu = `${(1 + Math.floor(random() * 12)) * 250}m`;
      const memory = `${(1 + Math.floor(random() * 8)) * 512}Mi`;
      const replicas = isData ? 1 : 1 + Math.floor(random() * 3);
      const dependsOn = random() < 0.5 ? ['baseline-api'] : [];
      return (isData ? db : svc)(`s${k}`, { cpu, memory, replicas, dependsOn });
    });
    const blueprint: ResolvedBlueprint = {
      name: 'b',
      routing: 'dns',
      services: [...services, svc('baseline-api')],
    };
    const plan: BranchPlan = {
      services: blueprint.services.map((s) => ({
        name: s.name,
        action: s.name === 'baseline-api' ? 'reuse' : 'deploy',
        reasons: [],
      })),
      summary: { deploy: count, fork: 0, reuse: 1, removed: [] },
    };
    const problem = buildProblem({
      services: branchDemands({ blueprint, plan }),
      pools: POOLS,
      baselineZone: 'zone-b',
      crossZoneHourlyCost: 0.02,
      allowDataOnSpot: false,
    });
    let started = performance.now();
    const heuristic = placeHeuristically(problem)!;
    heuristicMs += performance.now() - started;
    started = performance.now();
    const exact = (await placeExactly(problem))!;
    milpMs += performance.now() - started;
    if (exact.optimal) proven++;
    const optimum = assignmentCost(problem, exact.assignment);
    const ratio = assignmentCost(problem, heuristic) / optimum;
    heuristicOverOptimum += ratio;
    worstHeuristic = Math.max(worstHeuristic, ratio);
    optimumOverNaive += optimum / naiveCost(problem);
  }
  // A large instance, heuristic only: 400 services.
  const big = Array.from({ length: 400 }, (_, k) =>
    (k % 7 === 0 ? db : svc)(`s${k}`, {
      cpu: `${100 + (k % 9) * 100}m`,
      memory: `${256 + (k % 5) * 256}Mi`,
      replicas: 1 + (k % 3 === 0 ? 1 : 0),
    }),
  );
  const bigPools = POOLS.map((p) => ({ ...p, nodes: p.nodes * 20 }));
  const bigPlan: BranchPlan = {
    services: big.map((s) => ({ name: s.name, action: 'deploy', reasons: [] })),
    summary: { deploy: big.length, fork: 0, reuse: 0, removed: [] },
  };
  const bigProblem = buildProblem({
    services: branchDemands({ blueprint: { name: 'big', routing: 'dns', services: big }, plan: bigPlan }),
    pools: bigPools,
    crossZoneHourlyCost: 0.02,
    allowDataOnSpot: false,
  });
  const started = performance.now();
  const bigAssignment = placeHeuristically(bigProblem)!;
  const bigMs = performance.now() - started;
  return {
    instances,
    provenOptimal: proven,
    meanHeuristicOverOptimum: Number((heuristicOverOptimum / instances).toFixed(4)),
    worstHeuristicOverOptimum: Number(worstHeuristic.toFixed(4)),
    meanOptimumOverNaive: Number((optimumOverNaive / instances).toFixed(4)),
    meanMilpMs: Number((milpMs / instances).toFixed(1)),
    meanHeuristicMs: Number((heuristicMs / instances).toFixed(2)),
    highsLoadMs: Number((highsLoadMillis() ?? 0).toFixed(1)),
    large400: {
      heuristicMs: Number(bigMs.toFixed(1)),
      costOverNaive: Number((assignmentCost(bigProblem, bigAssignment) / naiveCost(bigProblem)).toFixed(4)),
    },
  };
}

function forecast() {
  const start = Date.UTC(2026, 0, 5); // a Monday
  const trace = generateSyntheticTrace({ seed: 42, start, weeks: 8 });
  const from = start + 6 * WEEK_MS;
  const to = start + 8 * WEEK_MS;
  const perBlueprint: Record<string, unknown> = {};
  let predictiveIdle = 0;
  let fixedIdle = 0;
  let fixedIdleWholeSizes = 0;
  for (const blueprint of ['checkout', 'marketplace', 'analytics']) {
    const c = comparePoolPolicies({
      requests: trace,
      blueprint,
      from,
      to,
      refillMinutes: 10,
      targetHitRate: 0.9,
      podsPerEnvironment: 4,
    });
    predictiveIdle += c.predictive.idlePodHours;
    fixedIdle += c.fixedIdleAtEqualHitRate;
    fixedIdleWholeSizes += c.fixed.idlePodHours;
    perBlueprint[blueprint] = {
      requests: c.predictive.requests,
      noPoolHitRate: c.none.hitRate,
      predictiveHitRate: Number(c.predictive.hitRate.toFixed(3)),
      predictiveIdlePodHours: Number(c.predictive.idlePodHours.toFixed(1)),
      fixedPoolSize: c.fixed.poolSize,
      fixedHitRate: Number(c.fixed.hitRate.toFixed(3)),
      fixedIdlePodHours: Number(c.fixed.idlePodHours.toFixed(1)),
      fixedIdlePodHoursAtEqualHitRate: Number(c.fixedIdleAtEqualHitRate.toFixed(1)),
    };
  }
  return {
    trace: {
      weeks: 8,
      trainedOnWeeks: 6,
      replayedWeeks: 2,
      requests: trace.length,
      targetHitRate: 0.9,
      refillMinutes: 10,
      podsPerEnvironment: 4,
    },
    perBlueprint,
    idleRatioVsFixedAtEqualHitRate: predictiveIdle / fixedIdle,
    idleRatioVsFixedWholeSize: predictiveIdle / fixedIdleWholeSizes,
  };
}

const suite: BenchSuite = {
  name: 'planner',
  description:
    'smart branch vs clone-all, planning time at 10k services, placement cost vs naive/optimum, warm pool idle cost',
  async run(): Promise<BenchResult> {
    const branching = smartBranching();
    const timing = planningTime();
    const placement = await placementCosts();
    const pool = forecast();
    const podsRatio = branching.cloneAll.pods / branching.leaf.pods;
    const slowest = Math.max(timing.dnsMedianMs!, timing.headerMedianMs!);
    const targets: BenchTarget[] = [
      {
        what: 'pods: smart branch vs clone-all (20 services, one leaf changed)',
        target: '>= 10x fewer',
        measured: `${podsRatio.toFixed(1)}x fewer (${branching.leaf.pods} vs ${branching.cloneAll.pods} pods; CPU ${branching.leaf.cpu}m vs ${branching.cloneAll.cpu}m)`,
        met: podsRatio >= 10,
      },
      {
        what: 'planning time, 10,000 services',
        target: '< 1 s',
        measured: `${slowest} ms (median of 5; dns ${timing.dnsMedianMs} ms, header ${timing.headerMedianMs} ms)`,
        met: slowest < 1000,
      },
      {
        what: 'placement cost: heuristic vs proven optimum (10 small instances)',
        target: 'report',
        measured: `mean ${placement.meanHeuristicOverOptimum}x optimum (worst ${placement.worstHeuristicOverOptimum}x); optimum is ${placement.meanOptimumOverNaive}x naive`,
        met: true,
      },
      {
        what: 'warm pool idle pod-hours: predictive vs fixed pool of equal hit rate',
        target: '<= 0.5x',
        measured: `${pool.idleRatioVsFixedAtEqualHitRate.toFixed(2)}x (vs the whole-size fixed pool: ${pool.idleRatioVsFixedWholeSize.toFixed(2)}x)`,
        met: pool.idleRatioVsFixedAtEqualHitRate <= 0.5,
      },
    ];
    return {
      metrics: {
        smartBranch: { cloneAll: branching.cloneAll, ...branching.scenarios },
        planning10k: timing,
        placement,
        warmPool: pool,
      },
      targets,
    };
  },
};

export default suite;
