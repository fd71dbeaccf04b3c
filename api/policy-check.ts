import type pg from 'pg';
import type { z } from 'zod';
import { planBranch } from '../planner/branching/plan-branch.js';
import { formatBytes, formatCpu, NO_AMOUNTS } from '../planner/policy/amounts.js';
import { evaluatePolicies, type PolicyVerdict } from '../planner/policy/evaluate.js';
import { policyOverlays } from '../planner/policy/overlays.js';
import type { BranchPlan } from '../planner/types.js';
import { ENDED_PHASES, type EnvironmentRecord, getEnvironmentByName } from '../store/environments.js';
import { environmentUsage, policiesForTeam } from '../store/policies.js';
import { resolveEnvironmentBlueprint, resolveRef } from './blueprint-refs.js';
import { viewResolved } from './blueprint-resolution.js';
import type { UserPrincipal } from './plugins/auth.js';
import { evaluateCreate } from './policy-gate.js';
import type { PolicyCheckBody, PolicyCheckResult } from './schemas/policies.js';

/**
 * `POST /v1/policies/check`: the verdict a create (or, with the name of a live environment, an apply)
 * would get, computed the same way, with nothing registered or created.
 */
export async function checkAgainstPolicies(params: {
  db: pg.Pool;
  user: UserPrincipal;
  teamId: string;
  body: z.infer<typeof PolicyCheckBody>;
  findVisible: (idOrName: string) => Promise<EnvironmentRecord>;
}): Promise<z.infer<typeof PolicyCheckResult>> {
  const { db, user, teamId, body } = params;
  const policies = await policiesForTeam(db, teamId);
  const { resolved } = await resolveRef(db, {
    ref: body.blueprint,
    teamId,
    userId: user.userId,
    field: 'body.blueprint',
    overlays: [...policyOverlays(policies, teamId), ...(body.overlays ?? [])],
    context: body.context,
  });
  const named = body.name ? await getEnvironmentByName(db, { teamId, name: body.name }) : null;
  const live = named && !(ENDED_PHASES as readonly string[]).includes(named.phase) ? named : null;
  let verdict: PolicyVerdict;
  if (live) {
    verdict = evaluatePolicies({
      policies,
      request: {
        action: 'update',
        blueprint: resolved.blueprint,
        branchPlan: (live.plan as { branch?: BranchPlan } | null)?.branch ?? null,
        labels: body.labels ?? live.labels,
        usage: await environmentUsage(db, { teamId, ownerId: live.ownerId, exceptId: live.id }),
      },
    });
  } else {
    const parent = body.branchOf ? await params.findVisible(body.branchOf) : null;
    const branchPlan = parent
      ? planBranch({
          baseline: (await resolveEnvironmentBlueprint(db, parent)).blueprint,
          branch: resolved.blueprint,
        })
      : null;
    verdict = await evaluateCreate({
      db,
      policies,
      teamId,
      user,
      facts: {
        blueprint: resolved.blueprint,
        branchPlan,
        ttl: body.ttl ?? resolved.blueprint.ttl,
        idleAfter: body.idleAfter ?? resolved.blueprint.idleAfter,
        idle: body.idle ?? resolved.blueprint.idle,
        labels: body.labels ?? {},
        baseline: parent && { id: parent.id, name: parent.name },
      },
    });
  }
  const amounts = verdict.amounts ?? NO_AMOUNTS;
  return {
    allowed: verdict.allowed,
    action: live ? 'update' : 'create',
    team: teamId,
    violations: verdict.violations,
    defaults: verdict.defaults,
    resources: {
      cpu: formatCpu(amounts.cpu),
      memory: formatBytes(amounts.memory),
      storage: formatBytes(amounts.storage),
    },
    policies: policies.map(({ layer, version }) => ({ layer, version })),
    blueprint: viewResolved(resolved).blueprint,
    provenance: resolved.provenance,
  };
}
