import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import type { NodePool } from '../../planner/node-pools.js';
import { PLACEMENT_LIMITS } from '../../planner/placement/limits.js';
import type { BranchPlan } from '../../planner/types.js';
import { resolvedService } from './resolved-service.js';

/**
 * The heaviest placement the caps allow, as measured: 100 services of one replica on 50 pools of 100
 * nodes (work 100 x 1 x 50 x 100 = 500,000, the maxWork cap). Services differ in size and pools in
 * capacity, price, zone and spot, so the heuristic has real choices to make. Tests and the API
 * benchmark use the same input, as a resolved blueprint or as a plan request body.
 */
export const WORST = { services: 100, replicas: 1, pools: 50, nodes: 100 } as const;

export function worstPools(): NodePool[] {
  return Array.from({ length: WORST.pools }, (_, p) => ({
    name: `pool-${p}`,
    zone: `zone-${p % 3}`,
    capacityType: p % 2 === 1 ? ('spot' as const) : ('on-demand' as const),
    instanceType: 'm5.xlarge',
    hourlyPrice: Number((0.1 + (p % 7) * 0.03).toFixed(2)),
    nodes: WORST.nodes,
    capacity: { cpu: String(2 + (p % 4) * 2), memory: `${8 + (p % 4) * 8}Gi`, pods: 110 },
  }));
}

/** Requests of service i: 100m-1000m CPU, 128-1027Mi memory. */
const requests = (i: number) => ({
  cpu: `${100 + ((i * 37) % 900)}m`,
  memory: `${128 + ((i * 53) % 900)}Mi`,
});

/** The worst allowed input of planPlacement: every service deploys in the branch. */
export function worstAllowedPlacement(): {
  blueprint: ResolvedBlueprint;
  plan: BranchPlan;
  pools: NodePool[];
} {
  const services = Array.from({ length: WORST.services }, (_, i) =>
    resolvedService({ name: `svc-${i}`, replicas: WORST.replicas, resources: { requests: requests(i) } }),
  );
  const check = WORST.services * WORST.replicas * WORST.pools * WORST.nodes;
  if (check !== PLACEMENT_LIMITS.maxWork) throw new Error(`worst placement is ${check}, not the maxWork cap`);
  return {
    blueprint: { name: 'worst', routing: 'dns', services },
    plan: {
      services: services.map((s) => ({ name: s.name, action: 'deploy' as const, reasons: [] })),
      summary: { deploy: services.length, fork: 0, reuse: 0, removed: [] },
    },
    pools: worstPools(),
  };
}

/** The same as a POST /v1/blueprints/plan body: a one-service baseline and a 100-service branch. */
export function worstPlanRequestBody(options: { solver?: 'auto' | 'milp' | 'heuristic' } = {}) {
  const branch = [
    'name: worst',
    'services:',
    ...Array.from({ length: WORST.services }, (_, i) => {
      const r = requests(i);
      return `  - name: svc-${i}\n    image: ghcr.io/acme/svc:1\n    replicas: ${WORST.replicas}\n    resources: {requests: {cpu: ${r.cpu}, memory: ${r.memory}}}`;
    }),
    '',
  ].join('\n');
  return {
    baseline: { source: 'name: worst\nservices:\n  - name: other\n    image: ghcr.io/acme/other:1\n' },
    branch: { source: branch },
    placement: { pools: worstPools(), solver: options.solver ?? 'milp' },
  };
}
