import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { BranchPlan } from '../planner/types.js';

/**
 * Which services of a branch a diff may send writes (POST, PUT, PATCH, DELETE, ...) to, and why not
 * to the others. A write goes to the branch only, never to the baseline.
 */
export interface WritePolicy {
  /** Services a write may be sent to. */
  allowed: string[];
  /** Why a write to any other service is not sent, by service. */
  refused: Record<string, string>;
}

/**
 * A write is replayed only when it cannot reach the baseline's data: every data service the branch
 * uses runs in the branch (deployed or forked: its own copy), the target service runs in the branch,
 * and no service it reaches, directly or not, is a reused one (the baseline's own instance) that
 * itself reaches a data service: through it a write would land in the baseline's data. A reused
 * service that reaches no data service (a stateless helper) keeps nothing a write could change.
 */
export function writePolicy(params: {
  blueprint: ResolvedBlueprint;
  plan: Pick<BranchPlan, 'services'> | null;
}): WritePolicy {
  const { blueprint, plan } = params;
  const names = blueprint.services.map((s) => s.name);
  const refuseAll = (reason: string): WritePolicy => ({
    allowed: [],
    refused: Object.fromEntries(names.map((name) => [name, reason])),
  });
  if (!plan) return refuseAll('the branch has no plan yet, so which data is its own is not known');
  const ownCopy = new Set(plan.services.filter((s) => s.action !== 'reuse').map((s) => s.name));
  const sharedData = blueprint.services.filter((s) => s.isDataService && !ownCopy.has(s.name));
  if (sharedData.length > 0) {
    const list = sharedData.map((s) => s.name).join(', ');
    return refuseAll(
      `the branch uses the baseline's data service ${list} (not forked): a write could change the baseline's data`,
    );
  }
  const byName = new Map(blueprint.services.map((s) => [s.name, s]));
  const dataReached = (name: string) =>
    [...reachable(name, byName)].find((reached) => byName.get(reached)?.isDataService);
  const allowed: string[] = [];
  const refused: Record<string, string> = {};
  for (const name of names) {
    if (!ownCopy.has(name)) {
      refused[name] = `${name} is the baseline's (reused): a write sent to it would reach the baseline`;
      continue;
    }
    const through = [...reachable(name, byName)]
      .filter((reached) => !ownCopy.has(reached))
      .map((reached) => ({ reached, data: dataReached(reached) }))
      .find((hop) => hop.data !== undefined);
    if (through) {
      refused[name] =
        `${name} reaches ${through.reached}, the baseline's (reused), which uses data service ${through.data}: a write could reach the baseline's data`;
    } else allowed.push(name);
  }
  return { allowed, refused };
}

/** The service and everything it depends on, directly or not (cycles are cut). */
function reachable(name: string, byName: Map<string, ResolvedBlueprint['services'][number]>): Set<string> {
  const seen = new Set<string>([name]);
  const queue = [name];
  for (let head = 0; head < queue.length; head++) {
    for (const dep of byName.get(queue[head]!)?.dependsOn ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return seen;
}
