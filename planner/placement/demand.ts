import { DEFAULT_REQUESTS } from '../../blueprints/default-requests.js';
import type { ResolvedBlueprint, ResolvedService } from '../../blueprints/resolved.js';
import { cpuMillicores, memoryBytes } from '../quantity.js';
import type { BranchPlan } from '../types.js';

/**
 * What each service of a branch environment asks of the cluster. Only deploy and fork services run
 * in the branch, so only they are placed; services with zero replicas need no capacity.
 */

export interface ServiceDemand {
  name: string;
  replicas: number;
  /** Per replica, millicores. */
  cpu: number;
  /** Per replica, bytes. */
  memory: number;
  isDataService: boolean;
  /** Direct dependencies served by the baseline environment (the calls that may cross zones). */
  callsBaseline: string[];
}

/**
 * Requests of one resolved service, in millicores and bytes: a service that sets none gets the
 * LimitRange's defaults (DEFAULT_REQUESTS), one that sets only limits its limits, as Kubernetes does.
 */
export function serviceRequests(service: ResolvedService): { cpu: number; memory: number } {
  const requests = service.resources?.requests;
  const limits = service.resources?.limits;
  const field = (name: string) => `services.${service.name}.resources.requests.${name}`;
  return {
    cpu: cpuMillicores(requests?.cpu ?? limits?.cpu ?? DEFAULT_REQUESTS.cpu, field('cpu')),
    memory: memoryBytes(requests?.memory ?? limits?.memory ?? DEFAULT_REQUESTS.memory, field('memory')),
  };
}

/** The services a branch plan runs in the branch environment, with their requests. */
export function branchDemands(input: { blueprint: ResolvedBlueprint; plan: BranchPlan }): ServiceDemand[] {
  const actions = new Map(input.plan.services.map((s) => [s.name, s.action]));
  const runsInBranch = (name: string): boolean => {
    const action = actions.get(name);
    return action === 'deploy' || action === 'fork';
  };
  return input.blueprint.services
    .filter((s) => runsInBranch(s.name) && s.replicas > 0)
    .map((s) => ({
      name: s.name,
      replicas: s.replicas,
      ...serviceRequests(s),
      isDataService: s.isDataService,
      callsBaseline: s.dependsOn.filter((d) => actions.get(d) === 'reuse'),
    }));
}
