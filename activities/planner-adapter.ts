import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { KubeClient } from '../deploy/index.js';
import type { PhaseMarks } from '../deploy/phase-marks.js';
import { planBranch } from '../planner/branching/plan-branch.js';
import { recommendWarmPools } from '../planner/forecast/recommend.js';
import type { EnvRequest } from '../planner/forecast/types.js';
import { type NodePool, nodePoolsFromNodes } from '../planner/node-pools.js';
import { planPlacement } from '../planner/placement/plan-placement.js';
import type { BranchPlan } from '../planner/types.js';
import type { EnvironmentPlanner } from './ports.js';

/**
 * The planner (planner/) as the lifecycle uses it: a branch plan against the baseline, placement on the
 * cluster's node pools (read from node labels), and the warm-pool size from the demand forecast.
 */
export function createPlanner(params: {
  /** Where node pools come from; without it (or without labelled nodes) there is no placement. */
  kube?: KubeClient;
  /** Environment requests of the recent weeks (the store has them); without it the pool size is 1. */
  requestHistory?: (blueprint: string) => Promise<EnvRequest[]>;
  targetHitRate?: number;
  refillMinutes?: number;
  log?: (message: string) => void;
}): EnvironmentPlanner {
  return {
    async plan({ blueprint, baseline }) {
      const plan = baseline ? planBranch({ baseline, branch: blueprint }) : deployEverything(blueprint);
      const marks: PhaseMarks = { planned: Date.now() };
      const pools = await readPools(params.kube);
      if (pools.length === 0) return { plan: baseline ? plan : undefined, marks };
      try {
        const placement = await planPlacement({ blueprint, plan, pools });
        return { plan: baseline ? plan : undefined, placement, marks: { ...marks, placement: Date.now() } };
      } catch (error) {
        // Placement is an optimisation: without it the scheduler still places the pods.
        params.log?.(`placement skipped: ${error instanceof Error ? error.message : String(error)}`);
        return { plan: baseline ? plan : undefined, marks: { ...marks, placement: Date.now() } };
      }
    },

    async warmPoolSize({ blueprint, now }) {
      const requests = (await params.requestHistory?.(blueprint.name)) ?? [];
      if (requests.length === 0) return 1;
      const [recommendation] = recommendWarmPools({
        requests,
        now: now.getTime(),
        hours: 1,
        refillMinutes: params.refillMinutes ?? 5,
        targetHitRate: params.targetHitRate ?? 0.9,
        podsPerEnvironment: { [blueprint.name]: blueprint.services.reduce((n, s) => n + s.replicas, 0) },
      }).filter((r) => r.blueprint === blueprint.name);
      return recommendation?.poolSizes[0] ?? 1;
    },
  };
}

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

async function readPools(kube: KubeClient | undefined): Promise<NodePool[]> {
  if (!kube) return [];
  const nodes = await kube.list({ apiVersion: 'v1', kind: 'Node' });
  return nodePoolsFromNodes(nodes.items);
}
