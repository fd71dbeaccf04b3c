import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { KubeClient } from '../deploy/index.js';
import type { PhaseMarks } from '../deploy/phase-marks.js';
import { planBranch } from '../planner/branching/plan-branch.js';
import { DEFAULT_PREWARM_AIM } from '../planner/forecast/prewarm-aim.js';
import { recommendWarmPools } from '../planner/forecast/recommend.js';
import type { EnvRequest } from '../planner/forecast/types.js';
import { type NodeLike, nodePoolsFromNodes } from '../planner/node-pools.js';
import { serviceRequests } from '../planner/placement/demand.js';
import { type ClusterView, placeOnLiveRoom } from '../planner/placement/live-placement.js';
import { type PodLike, type PoolAsk, UNFINISHED_PODS } from '../planner/placement/live-pools.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import type { EnvironmentPlanner } from './ports.js';

/**
 * The planner (planner/) as the lifecycle uses it: a branch plan against the baseline, placement on the
 * cluster's node pools (read from node labels), and the warm-pool size from the demand forecast.
 */
export function createPlanner(params: {
  /** Where node pools come from; without it (or without labelled nodes) there is no placement. */
  kube?: KubeClient;
  /** Environment requests of the recent weeks (the store has them), of one team or all; without it the pool size is 1. */
  requestHistory?: (blueprint: string, team?: string) => Promise<EnvRequest[]>;
  /** The hit rate the warm-pool sizing aims at (default DEFAULT_PREWARM_AIM). */
  targetHitRate?: number;
  refillMinutes?: number;
  log?: (message: string) => void;
}): EnvironmentPlanner {
  const reservations = new PlacementReservations();
  return {
    async plan({ blueprint, baseline }) {
      const plan = baseline ? planBranch({ baseline, branch: blueprint }) : deployEverything(blueprint);
      const marks: PhaseMarks = { planned: Date.now() };
      const cluster = await readCluster(params.kube);
      if (cluster.pools.length === 0) return { plan: baseline ? plan : undefined, marks };
      try {
        const placement = await placeOnLiveRoom({
          blueprint,
          plan,
          cluster,
          reserved: reservations.active(),
        });
        reservations.add({ blueprint, placement });
        const placed = Date.now();
        if (baseline) {
          // What branch reuse saves: every service in the branch, on the same live room.
          const all = await placeOnLiveRoom({
            blueprint,
            plan: deployEverything(blueprint),
            cluster,
            reserved: reservations.active(),
          }).catch(() => undefined);
          if (all) placement.cloneAllHourlyCost = all.hourlyCost;
        }
        return { plan: baseline ? plan : undefined, placement, marks: { ...marks, placement: placed } };
      } catch (error) {
        // Placement is an optimisation: without it the scheduler still places the pods.
        params.log?.(`placement skipped: ${error instanceof Error ? error.message : String(error)}`);
        return { plan: baseline ? plan : undefined, marks: { ...marks, placement: Date.now() } };
      }
    },

    async warmPoolSize({ blueprint, team, now }) {
      const requests = (await params.requestHistory?.(blueprint.name, team)) ?? [];
      if (requests.length === 0) return 1;
      const [recommendation] = recommendWarmPools({
        requests,
        now: now.getTime(),
        hours: SIZING_HORIZON_HOURS,
        refillMinutes: params.refillMinutes ?? 5,
        targetHitRate: params.targetHitRate ?? DEFAULT_PREWARM_AIM,
        podsPerEnvironment: { [blueprint.name]: blueprint.services.reduce((n, s) => n + s.replicas, 0) },
      }).filter((r) => r.blueprint === blueprint.name);
      return recommendation?.poolSizes[0] ?? 1;
    },
  };
}

/**
 * The pool is sized over the next day and this hour's size kept: the sizing then buys hits where they
 * are cheap (busy hours) instead of holding a warm environment through every quiet hour to reach the
 * target hour by hour (bench prewarm-replay: 0.70x the fixed pool's idle pod-hours hour by hour, 0.44x so).
 */
const SIZING_HORIZON_HOURS = 24;

function deployEverything(blueprint: ResolvedBlueprint): BranchPlan {
  return {
    services: blueprint.services.map((s) => ({
      name: s.name,
      action: 'deploy',
      reasons: ['a new environment'],
    })),
    summary: { deploy: blueprint.services.length, fork: 0, reuse: 0, removed: [] },
  };
}

/** The labelled node pools, their nodes and every pod that holds room (not finished). */
async function readCluster(kube: KubeClient | undefined): Promise<ClusterView> {
  if (!kube) return { pools: [], nodes: [], pods: [] };
  const nodes = (await kube.list({ apiVersion: 'v1', kind: 'Node' })).items as NodeLike[];
  const pools = nodePoolsFromNodes(nodes);
  if (pools.length === 0) return { pools, nodes, pods: [] };
  const pods = await kube.list({
    apiVersion: 'v1',
    kind: 'Pod',
    fieldSelector: UNFINISHED_PODS,
  });
  return { pools, nodes, pods: pods.items as PodLike[] };
}

/** How long a plan's room stays reserved: until its pods exist and are counted as pods. */
const RESERVATION_MS = 30_000;

/**
 * Room taken by plans made moments ago in this worker, so concurrent creates do not all see the same
 * empty pool. Counted on top of the pods for a short while (slightly pessimistic once they exist).
 */
class PlacementReservations {
  private entries: { until: number; asks: PoolAsk[] }[] = [];

  add(params: { blueprint: ResolvedBlueprint; placement: PlacementPlan }): void {
    const asks: PoolAsk[] = [];
    for (const row of params.placement.services) {
      const service = params.blueprint.services.find((s) => s.name === row.service);
      if (!service) continue;
      const requests = serviceRequests(service);
      for (let i = 0; i < service.replicas; i++) asks.push({ pool: row.pool, ...requests });
    }
    this.entries.push({ until: Date.now() + RESERVATION_MS, asks });
  }

  active(): PoolAsk[] {
    const now = Date.now();
    this.entries = this.entries.filter((e) => e.until > now);
    return this.entries.flatMap((e) => e.asks);
  }
}
