import type { ResolvedBlueprint, ResolvedService } from '../../blueprints/resolved.js';
import type { BranchPlan, ServiceAction, ServicePlan } from '../types.js';
import { compareServices, type FieldChange } from './compare-services.js';

/**
 * Smart branching: which services of a branch must run in the branch environment and which the
 * baseline environment can serve. Rules (issue 5), with C = deploy ∪ fork computed to a fixpoint:
 *   deploy: new in the branch, or its resolved spec differs in meaning from the baseline's;
 *   fork (a): a data service that a member of C uses directly, unless it is `isolation: shared`;
 *   fork (b): a service that directly uses a data service in C;
 *   fork (c): with `routing: dns`, a service that directly uses any member of C;
 *   reuse: everything else.
 * Runs in O(services + dependency edges), so it plans 10,000 services well inside a second.
 */
export function planBranch(input: { baseline: ResolvedBlueprint; branch: ResolvedBlueprint }): BranchPlan {
  const { baseline, branch } = input;
  const baselineByName = new Map(baseline.services.map((s) => [s.name, s]));
  const branchByName = new Map(branch.services.map((s) => [s.name, s]));
  const dependents = dependentsOf(branch.services, branchByName);
  const dnsRouting = branch.routing === 'dns';

  const changesByName = new Map<string, FieldChange[] | 'new'>();
  const inBranchEnv = new Set<string>();
  const queue: ResolvedService[] = [];
  for (const service of branch.services) {
    const before = baselineByName.get(service.name);
    const changes = before ? compareServices(before, service) : 'new';
    if (changes === 'new' || changes.length > 0) {
      changesByName.set(service.name, changes);
      inBranchEnv.add(service.name);
      queue.push(service);
    }
  }

  const mustFork = (name: string): void => {
    if (inBranchEnv.has(name)) return;
    inBranchEnv.add(name);
    queue.push(branchByName.get(name)!);
  };
  // Worklist fixpoint: each service enters C once and is expanded once.
  for (let head = 0; head < queue.length; head++) {
    const member = queue[head]!;
    for (const dep of member.dependsOn) {
      const target = branchByName.get(dep);
      if (target?.isDataService && target.isolation !== 'shared') mustFork(dep); // rule a
    }
    if (member.isDataService || dnsRouting) {
      for (const user of dependents.get(member.name) ?? []) mustFork(user); // rules b and c
    }
  }

  const services: ServicePlan[] = branch.services.map((service) => {
    const changes = changesByName.get(service.name);
    if (changes !== undefined) {
      return { name: service.name, action: 'deploy', reasons: deployReasons(changes) };
    }
    if (inBranchEnv.has(service.name)) {
      return {
        name: service.name,
        action: 'fork',
        reasons: forkReasons({ service, branchByName, dependents, inBranchEnv, dnsRouting }),
      };
    }
    return {
      name: service.name,
      action: 'reuse',
      reasons: reuseReasons({ service, dependents, inBranchEnv, dnsRouting }),
    };
  });

  const count = (action: ServiceAction): number => services.filter((s) => s.action === action).length;
  return {
    services,
    summary: {
      deploy: count('deploy'),
      fork: count('fork'),
      reuse: count('reuse'),
      removed: baseline.services.map((s) => s.name).filter((name) => !branchByName.has(name)),
    },
  };
}

/** Reverse edges: service name to the names of the services that depend on it directly, in branch order. */
function dependentsOf(
  services: readonly ResolvedService[],
  byName: ReadonlyMap<string, ResolvedService>,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const service of services) {
    for (const dep of service.dependsOn) {
      if (!byName.has(dep)) continue;
      const list = result.get(dep);
      if (list) list.push(service.name);
      else result.set(dep, [service.name]);
    }
  }
  return result;
}

function deployReasons(changes: FieldChange[] | 'new'): string[] {
  if (changes === 'new') return ['new in the branch'];
  return changes.map((c) => `changed ${c.field}: ${c.old} -> ${c.new}`);
}

interface ReasonContext {
  service: ResolvedService;
  dependents: ReadonlyMap<string, string[]>;
  inBranchEnv: ReadonlySet<string>;
  dnsRouting: boolean;
}

function forkReasons(
  context: ReasonContext & { branchByName: ReadonlyMap<string, ResolvedService> },
): string[] {
  const { service, branchByName, dependents, inBranchEnv, dnsRouting } = context;
  const reasons: string[] = [];
  if (service.isDataService && service.isolation !== 'shared') {
    for (const user of dependents.get(service.name) ?? []) {
      if (inBranchEnv.has(user)) {
        reasons.push(
          `data service used by ${user}, which runs in the branch: forked so the branch's writes never reach the baseline's data`,
        );
      }
    }
  }
  for (const dep of service.dependsOn) {
    if (!inBranchEnv.has(dep)) continue;
    if (branchByName.get(dep)?.isDataService) {
      reasons.push(
        `uses data service ${dep}, which runs in the branch: forked to see the branch's copy of the data`,
      );
    } else if (dnsRouting) {
      reasons.push(
        `calls ${dep}, which runs in the branch: with routing: dns the baseline's ${service.name} would reach the baseline's ${dep}, not the branch's`,
      );
    }
  }
  return reasons;
}

function reuseReasons(context: ReasonContext): string[] {
  const { service, dependents, inBranchEnv, dnsRouting } = context;
  const usersInBranch = (dependents.get(service.name) ?? []).filter((u) => inBranchEnv.has(u));
  const reasons = ['unchanged: served by the baseline environment'];
  if (usersInBranch.length > 0 && service.isDataService && service.isolation === 'shared') {
    reasons.push(`isolation: shared, so ${usersInBranch.join(', ')} use the baseline's data`);
  } else if (usersInBranch.length > 0) {
    const verb = usersInBranch.length === 1 ? 'calls' : 'call';
    reasons.push(`${usersInBranch.join(', ')} in the branch ${verb} the baseline's copy`);
  }
  const depsInBranch = service.dependsOn.filter((d) => inBranchEnv.has(d));
  if (!dnsRouting && depsInBranch.length > 0) {
    reasons.push(
      `routing: header sends requests that carry the branch's context header to the branch's ${depsInBranch.join(', ')}`,
    );
  }
  return reasons;
}
