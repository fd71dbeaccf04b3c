import { randomUUID } from 'node:crypto';
import type { KubernetesObject } from '@kubernetes/client-node';
import { ServiceError } from '@temporalio/client';
import { createActivities } from '../../activities/create-activities.js';
import type { EnvironmentPlanner } from '../../activities/ports.js';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { KubeClient, LABELS } from '../../deploy/index.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { NODE_POOL_LABELS, type NodeLike, nodePoolsFromNodes } from '../../planner/node-pools.js';
import { serviceRequests } from '../../planner/placement/demand.js';
import { type PodLike, UNFINISHED_PODS } from '../../planner/placement/live-pools.js';
import { planPlacement } from '../../planner/placement/plan-placement.js';
import { poolMayHost } from '../../planner/placement/problem.js';
import { cpuMillicores, memoryBytes } from '../../planner/quantity.js';
import { createTemporalClient } from '../../temporal/client.js';
import { LifecycleClient } from '../../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../../temporal/runtime-log.js';
import { createLifecycleWorker } from '../../temporal/worker.js';
import { smallBlueprint } from '../../test/integ/workflows/support/blueprints.js';
import { createWorkerDependencies } from '../../worker/dependencies.js';
import { type EnvironmentStatus, workflowIds } from '../../workflows/contracts.js';
import { addPoolNodes } from '../extra-nodes.js';
import { type BaselineStrategy, playBaseline, priceOfPodsPerPool } from '../placement-baselines.js';
import { percentile } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/**
 * Placement under concurrent creates, before and after it knew what runs, in one run: N creates of a
 * two-service blueprint at once on the local cluster's kwok nodes (12 nodes, 5 pools), first with the
 * old placement (every environment planned on the pools' full size and pinned to the chosen pool by
 * nodeSelector), then with the production planner (live free room; pods require the allowed pools and
 * prefer the chosen one, then the others by price). Reports how many became ready, the pods per pool
 * and the hourly cost of what ran against placing each environment alone, and the live round's cost per
 * environment against the cheapest-pool-only, first-fit and spread placements of the same creates played
 * on the room the cluster had before it (bench/placement-baselines.ts). MICROSTAX_BENCH_CREATES
 * (default 200) sets N.
 */
const CREATES = Number(process.env.MICROSTAX_BENCH_CREATES ?? 200);
/** Which rounds to run (default both): `live` alone measures a larger N within one lock hold. */
const ROUNDS = (process.env.MICROSTAX_BENCH_ROUNDS ?? 'pinned,live').split(',');
/**
 * Simulated nodes added to every pool for the run (bench/extra-nodes.ts), default 0: the stack's 11
 * pooled nodes hold 638 pods (58 each), fewer than 500 two-pod environments need.
 */
const EXTRA_NODES_PER_POOL = Number(process.env.MICROSTAX_BENCH_EXTRA_NODES_PER_POOL ?? 0);

const suite: BenchSuite = {
  name: 'placement-live',
  description: `${CREATES} concurrent creates: old pinned placement vs live placement with fallbacks`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    installTemporalRuntimeLogger();
    const temporal = await createTemporalClient();
    const kube = KubeClient.fromKubeconfigFile(
      process.env.KUBECONFIG || (await readStackEndpoints()).kubeconfigPath,
    );
    const dependencies = await createWorkerDependencies({ temporal: temporal.client });
    const extraNodes =
      EXTRA_NODES_PER_POOL > 0
        ? await addPoolNodes({
            kubeConfig: kube.config,
            perPool: EXTRA_NODES_PER_POOL,
            bench: 'placement-live',
          })
        : undefined;
    try {
      const before = !ROUNDS.includes('pinned')
        ? undefined
        : await round({
            name: 'pinned',
            planner: pinnedPlanner(kube),
            dependencies,
            temporal,
            kube,
          });
      const after = await round({
        name: 'live',
        planner: dependencies.planner,
        dependencies,
        temporal,
        kube,
      });
      return {
        metrics: {
          creates: CREATES,
          cluster: {
            benchNodesAdded: extraNodes?.names.length ?? 0,
            ...after.podSlots,
          },
          before: before ?? 'not run',
          after,
        },
        targets: [
          {
            what: `${CREATES} concurrent creates of a two-service blueprint: all scheduled and ready`,
            target: `${CREATES} ready, 0 failed`,
            measured: `live ${after.ready} ready, ${after.failed} failed${before ? `; pinned ${before.ready} ready, ${before.failed} failed` : ''}`,
            met: after.ready === CREATES,
          },
          {
            what: 'duplicates: environments with more than one namespace or more pods than the blueprint runs',
            target: '0',
            measured: `${after.duplicates.environments} (namespaces per environment: max ${after.duplicates.maxNamespaces}; pods per environment: max ${after.duplicates.maxPods}, expected ${after.duplicates.expectedPods})`,
            met: after.duplicates.environments === 0,
          },
          {
            what: 'time until every create was ready or failed (wall clock)',
            target: 'reported',
            measured: `${after.wallSeconds} s (time to ready p50 ${after.timeToReadyMs?.p50 ?? '-'} ms, p99 ${after.timeToReadyMs?.p99 ?? '-'} ms)`,
            met: true,
          },
          ...BASELINES.map((strategy) => {
            const other = after.otherPlacements[strategy]!;
            return {
              what: `hourly cost per ready environment: live placement vs ${strategy} on the same free room`,
              target:
                strategy === 'cheapest-pool-only'
                  ? 'more ready'
                  : strategy === 'cheapest-with-room'
                    ? '<= 1.1x (a lower bound)'
                    : '<= 1x',
              measured: `live ${after.hourlyCostPerEnvironment} (${after.ready} ready) vs ${other.hourlyCostPerEnvironment} (${other.ready} fit, ${other.failed} not): ${other.thisOverIt}x`,
              met:
                other.thisOverIt !== null &&
                (strategy === 'cheapest-pool-only'
                  ? after.ready > other.ready
                  : other.thisOverIt <= (strategy === 'cheapest-with-room' ? 1.1 : 1)),
            };
          }),
          {
            what: 'hourly cost of what ran vs each environment placed alone',
            target: '<= 1.1x',
            measured: `${after.costOverAlone}x (live)${before ? `, ${before.costOverAlone}x (pinned, of those that ran)` : ''}`,
            met: after.costOverAlone <= 1.1,
          },
        ],
      };
    } finally {
      await extraNodes?.remove();
      await temporal.close();
    }
  },
};

/** The placement before it knew what runs: full pools, pinned to the chosen pool, no fallbacks. */
function pinnedPlanner(kube: KubeClient): EnvironmentPlanner {
  return {
    async plan({ blueprint }) {
      const nodes = (await kube.list({ apiVersion: 'v1', kind: 'Node' })).items as NodeLike[];
      const plan = {
        services: blueprint.services.map((s) => ({ name: s.name, action: 'deploy' as const, reasons: [] })),
        summary: { deploy: blueprint.services.length, fork: 0, reuse: 0, removed: [] },
      };
      const placement = await planPlacement({ blueprint, plan, pools: nodePoolsFromNodes(nodes) });
      for (const row of placement.services) delete row.fallbacks;
      return { placement };
    },
    warmPoolSize: async () => 1,
  };
}

async function round(params: {
  name: string;
  planner: EnvironmentPlanner;
  dependencies: Awaited<ReturnType<typeof createWorkerDependencies>>;
  temporal: Awaited<ReturnType<typeof createTemporalClient>>;
  kube: KubeClient;
}) {
  const { temporal, kube } = params;
  const taskQueue = `bench-placement-${params.name}-${randomUUID().slice(0, 8)}`;
  const worker = await createLifecycleWorker({
    taskQueue,
    config: temporal.config,
    activities: createActivities({ ...params.dependencies, planner: params.planner, heartbeatEveryMs: 2000 }),
  });
  const running = worker.run();
  const lifecycle = new LifecycleClient(temporal.client, taskQueue);
  const blueprint = smallBlueprint({ name: `bench-${params.name}-${randomUUID().slice(0, 6)}` });
  const ids = Array.from({ length: CREATES }, (_, i) => `bp-${params.name}-${i}-${randomUUID().slice(0, 6)}`);
  // The room before the run: what the other placements are played on, side by side with this one.
  const room = await clusterRoom(kube);
  try {
    const started = performance.now();
    const outcomes = await Promise.all(
      ids.map(async (environmentId) => {
        const t0 = performance.now();
        await lifecycle.createEnvironment({
          environmentId,
          blueprint,
          owner: 'bench',
          team: 'bench',
          claimWarm: false,
        });
        const status = await readyOrFailed(lifecycle, environmentId);
        return { status, ms: performance.now() - t0 };
      }),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const ready = outcomes.filter((o) => o.status.phase === 'ready');
    const reasons = outcomes
      .filter((o) => o.status.phase !== 'ready')
      .map((o) => o.status.error?.message ?? o.status.phase);
    const poolsOfPods = await podsPerPool(kube, ids);
    const duplicates = await duplicateEnvironments(kube, ids, blueprint);
    // What ran, per hour (each pod's share of its node), against each environment alone on the empty cluster.
    const ranCost = ready.reduce(
      (sum, o) => sum + o.status.services.reduce((s, svc) => s + (svc.hourlyCost ?? 0), 0),
      0,
    );
    const aloneCost = ready.length * (await aloneHourlyCost(kube, blueprint));
    const times = ready.map((o) => o.ms);
    // Priced like the played placements (planned requests x node share x price), not as billed.
    const played = priceOfPodsPerPool({ podsPerPool: poolsOfPods, pools: room.pools, blueprint });
    const perEnvironment = ready.length > 0 ? played / ready.length : 0;
    const others = Object.fromEntries(
      BASELINES.map((strategy) => {
        const played = playBaseline({ strategy, blueprint, environments: CREATES, ...room });
        const each = played.ready > 0 ? played.hourlyCost / played.ready : 0;
        return [
          strategy,
          {
            ...played,
            hourlyCost: round2(played.hourlyCost, 4),
            hourlyCostPerEnvironment: round2(each, 5),
            thisOverIt: each > 0 ? round2(perEnvironment / each, 3) : null,
          },
        ];
      }),
    );
    return {
      ready: ready.length,
      failed: CREATES - ready.length,
      duplicates,
      podSlots: podSlots(room, CREATES * podsOf(blueprint)),
      firstFailure: reasons[0] ?? null,
      wallSeconds: round2(wallSeconds),
      timeToReadyMs: times.length
        ? { p50: round2(percentile(times, 50)), p99: round2(percentile(times, 99)) }
        : null,
      podsPerPool: poolsOfPods,
      hourlyCostOfWhatRan: round2(ranCost, 4),
      hourlyCostPlayedLikeTheOthers: round2(played, 4),
      hourlyCostPerEnvironment: round2(perEnvironment, 5),
      hourlyCostPlacedAlone: round2(aloneCost, 4),
      costOverAlone: aloneCost > 0 ? round2(ranCost / aloneCost) : 0,
      /** The same creates played on the same free room with the other placements (no scheduler). */
      otherPlacements: others,
      transientWaitErrors: { count: transientWaitErrors.length, first: transientWaitErrors[0] ?? null },
    };
  } finally {
    await Promise.all(
      ids.map(async (id) => {
        await lifecycle.teardown(id, { reason: 'requested' }).catch(() => undefined);
        await temporal.client.workflow
          .getHandle(workflowIds.environment(id))
          .result()
          .catch(() => undefined);
      }),
    );
    await worker.shutdown();
    await running.catch(() => undefined);
  }
}

/**
 * Waits until the environment is ready or failed. Hundreds of waits at once on a busy server get
 * transient refusals (a ServiceError: the server sheds or times out the update): those are asked again.
 */
async function readyOrFailed(lifecycle: LifecycleClient, environmentId: string): Promise<EnvironmentStatus> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lifecycle.waitReady(environmentId);
    } catch (error) {
      if (!(error instanceof ServiceError) || attempt >= 60) throw error;
      transientWaitErrors.push(
        String((error.cause as Error | undefined)?.message ?? error.message).slice(0, 200),
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

/** Transient refusals of the waits, reported with the result (how loaded the server was). */
const transientWaitErrors: string[] = [];

/** The placements compared with this one (bench/placement-baselines.ts). */
const BASELINES: BaselineStrategy[] = ['cheapest-pool-only', 'first-fit', 'spread', 'cheapest-with-room'];

/** The labelled pools, their nodes and the pods holding room now. */
async function clusterRoom(kube: KubeClient) {
  const nodes = (await kube.list({ apiVersion: 'v1', kind: 'Node' })).items as NodeLike[];
  const pods = (await kube.list({ apiVersion: 'v1', kind: 'Pod', fieldSelector: UNFINISHED_PODS }))
    .items as PodLike[];
  return { pools: nodePoolsFromNodes(nodes), nodes, pods };
}

/**
 * One environment alone on the empty cluster, priced as its pods are billed: each pod on the pool its
 * hard rules allow where its share of a node costs least (price x the larger CPU/memory share).
 */
async function aloneHourlyCost(kube: KubeClient, blueprint: ResolvedBlueprint): Promise<number> {
  const nodes = (await kube.list({ apiVersion: 'v1', kind: 'Node' })).items as NodeLike[];
  const pools = nodePoolsFromNodes(nodes);
  let total = 0;
  for (const service of blueprint.services) {
    const requests = serviceRequests(service);
    const demand = { ...requests, isDataService: service.isDataService };
    const perPod = pools
      .filter((pool) => poolMayHost({ service: demand, pool, allowDataOnSpot: false }))
      .map(
        (pool) =>
          pool.hourlyPrice *
          Math.max(
            requests.cpu / cpuMillicores(pool.capacity.cpu),
            requests.memory / memoryBytes(pool.capacity.memory),
          ),
      );
    total += service.replicas * Math.min(...perPod);
  }
  return total;
}

/** Pods of these environments per node pool (unbound pods as `unscheduled`). */
async function podsPerPool(kube: KubeClient, ids: string[]): Promise<Record<string, number>> {
  const wanted = new Set(ids);
  const nodes = (await kube.list<NodeLike & KubernetesObject>({ apiVersion: 'v1', kind: 'Node' })).items;
  const poolOf = new Map(nodes.map((n) => [n.metadata?.name, n.metadata?.labels?.[NODE_POOL_LABELS.pool]]));
  const pods = await kube.list({ apiVersion: 'v1', kind: 'Pod', labelSelector: LABELS.environment });
  const counts: Record<string, number> = {};
  for (const pod of pods.items as {
    metadata?: { labels?: Record<string, string> };
    spec?: { nodeName?: string };
  }[]) {
    if (!wanted.has(pod.metadata?.labels?.[LABELS.environment] ?? '')) continue;
    const pool = pod.spec?.nodeName ? (poolOf.get(pod.spec.nodeName) ?? 'unpooled') : 'unscheduled';
    counts[pool] = (counts[pool] ?? 0) + 1;
  }
  return counts;
}

function podsOf(blueprint: ResolvedBlueprint): number {
  return blueprint.services.reduce((n, s) => n + s.replicas, 0);
}

/** Pod slots of the pooled nodes before the run (allocatable pods minus bound pods) against what the run asks. */
function podSlots(room: Awaited<ReturnType<typeof clusterRoom>>, asked: number) {
  const pooled = new Set(
    room.nodes.filter((n) => n.metadata?.labels?.[NODE_POOL_LABELS.pool]).map((n) => n.metadata?.name),
  );
  const total = room.nodes
    .filter((n) => pooled.has(n.metadata?.name))
    .reduce((sum, n) => sum + Number(n.status?.allocatable?.pods ?? 0), 0);
  const bound = room.pods.filter((p) => pooled.has(p.spec?.nodeName)).length;
  return { pooledNodes: pooled.size, podSlotsFree: total - bound, podsAsked: asked };
}

/**
 * Environments created more than once: more than one namespace labelled with the id, or more live
 * (not terminating) pods than the blueprint's replicas.
 */
async function duplicateEnvironments(kube: KubeClient, ids: string[], blueprint: ResolvedBlueprint) {
  const wanted = new Set(ids);
  const namespaces = new Map<string, number>();
  for (const ns of (
    await kube.list({ apiVersion: 'v1', kind: 'Namespace', labelSelector: LABELS.environment })
  ).items) {
    const id = ns.metadata?.labels?.[LABELS.environment] ?? '';
    if (wanted.has(id)) namespaces.set(id, (namespaces.get(id) ?? 0) + 1);
  }
  const pods = new Map<string, number>();
  for (const pod of (await kube.list({ apiVersion: 'v1', kind: 'Pod', labelSelector: LABELS.environment }))
    .items) {
    const id = pod.metadata?.labels?.[LABELS.environment] ?? '';
    if (wanted.has(id) && !pod.metadata?.deletionTimestamp) pods.set(id, (pods.get(id) ?? 0) + 1);
  }
  const expectedPods = podsOf(blueprint);
  return {
    environments: ids.filter((id) => (namespaces.get(id) ?? 0) > 1 || (pods.get(id) ?? 0) > expectedPods)
      .length,
    maxNamespaces: Math.max(0, ...namespaces.values()),
    maxPods: Math.max(0, ...pods.values()),
    expectedPods,
  };
}

function round2(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export default suite;
