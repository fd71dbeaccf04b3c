import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import stringify from 'safe-stable-stringify';
import type { z } from 'zod';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { planBranch } from '../planner/branching/plan-branch.js';
import { evaluatePolicies, type PolicyVerdict } from '../planner/policy/evaluate.js';
import { policyOverlays } from '../planner/policy/overlays.js';
import type { BranchPlan } from '../planner/types.js';
import { planUpdate, type UpdatePlan } from '../planner/update/plan-update.js';
import { isPgError, PgErrorCode, withTransaction } from '../store/database.js';
import {
  ENDED_PHASES,
  type EnvironmentRecord,
  getEnvironment,
  getEnvironmentByName,
  updateEnvironmentSpec,
} from '../store/environments.js';
import { appendEvent } from '../store/events.js';
import { environmentUsage, policiesForTeam, recordEnvironmentResources } from '../store/policies.js';
import { LifecycleRequestError } from '../temporal/errors.js';
import { resolveEnvironmentBlueprint, resolveRef, versionFor } from './blueprint-refs.js';
import { setsAsOverlay } from './blueprint-sets.js';
import { newEnvironmentId } from './environment-ids.js';
import { environmentView } from './environment-view.js';
import { ApiError, conflict, ErrorCode } from './errors.js';
import type { EnvironmentLifecycle } from './lifecycle.js';
import type { UserPrincipal } from './plugins/auth.js';
import { assertAllowed } from './policy-gate.js';
import { recordPendingWithinPolicy } from './record-pending.js';
import type { ApplyEnvironmentBody } from './schemas/apply.js';
import { bindSnapshotSteps, refuseNewSnapshotSteps } from './snapshot-source.js';

export type ApplyBody = z.infer<typeof ApplyEnvironmentBody>;

export interface ApplyDependencies {
  db: pg.Pool;
  lifecycle: EnvironmentLifecycle;
  log: FastifyBaseLogger;
  /** Drops a cached environment row after a change. */
  invalidate: (environmentId: string) => void;
  /** Finds the environment a branch names (id or name), as the caller may see it; 404 otherwise. */
  findVisible: (idOrName: string) => Promise<EnvironmentRecord>;
}

export interface ApplyOutcome {
  created: boolean;
  environment: ReturnType<typeof environmentView>;
  plan: UpdatePlan;
}

/**
 * Apply = create or update by name. The first apply of a name in a team creates the environment; later
 * ones update it in place through its workflow (same id, same URLs), after checking that they name the
 * same blueprint and parent. Every refusal (another blueprint, tearing down, not ready, an apply already
 * running) is a 409 with the reason, and changes nothing.
 */
export async function applyEnvironment(params: {
  deps: ApplyDependencies;
  user: UserPrincipal;
  teamId: string;
  body: ApplyBody;
}): Promise<ApplyOutcome> {
  const { deps, user, teamId, body } = params;
  const policies = await policiesForTeam(deps.db, teamId);
  const layering = {
    overlays: [...policyOverlays(policies, teamId), ...(body.overlays ?? [])],
    context: body.context,
  };
  // Nothing is stored until every check has passed: an inline blueprint is registered with the row.
  const { resolved: plain } = await resolveRef(deps.db, {
    ref: body.blueprint,
    teamId,
    userId: user.userId,
    field: 'body.blueprint',
    ...layering,
  });
  const setOverlay = setsAsOverlay({ sets: body.set ?? [], blueprint: plain.blueprint });
  const overlays = [...layering.overlays, ...(setOverlay ? [setOverlay] : [])];

  const existing = await getEnvironmentByName(deps.db, { teamId, name: body.name });
  const live = existing && !(ENDED_PHASES as readonly string[]).includes(existing.phase) ? existing : null;
  if (live) {
    assertSameEnvironment({ env: live, blueprintName: plain.blueprint.name, body });
    refuseNewSnapshotSteps({
      current: (await resolveEnvironmentBlueprint(deps.db, live)).blueprint,
      next: plain.blueprint,
      environment: body.name,
    });
  }
  const parent = body.branchOf ? await deps.findVisible(body.branchOf) : null;
  if (live && parent && parent.id !== live.parentId) {
    throw conflict(
      `environment ${body.name} (${live.id}) is ${live.parentId ? `a branch of ${live.parentId}` : 'not a branch'}; an apply cannot change what it branches from (delete it first)`,
    );
  }

  const { resolved, source } = await resolveRef(deps.db, {
    ref: body.blueprint,
    teamId,
    userId: user.userId,
    field: 'body.blueprint',
    overlays,
    context: body.context,
  });
  const requestDigest = createHash('sha256')
    .update(stringify({ teamId, body }) ?? '')
    .digest('hex');

  if (live?.phase === 'pending') {
    await ensureWorkflow(deps, live);
    throw conflict(
      `environment ${body.name} (${live.id}) is still being created; apply again once it is ready`,
    );
  }
  if (live) {
    const current = await resolveEnvironmentBlueprint(deps.db, live);
    const labels = body.labels ?? live.labels;
    const plan = planUpdate({
      current: current.blueprint,
      next: resolved.blueprint,
      currentLabels: live.labels,
      nextLabels: labels,
    });
    const verdict = evaluatePolicies({
      policies,
      request: {
        action: 'update',
        blueprint: resolved.blueprint,
        // A branch counts what its plan runs (the stored plan: an apply does not re-plan the branch).
        branchPlan: (live.plan as { branch?: BranchPlan } | null)?.branch ?? null,
        labels,
        ...(policies.length > 0
          ? { usage: await environmentUsage(deps.db, { teamId, ownerId: live.ownerId, exceptId: live.id }) }
          : {}),
      },
    });
    assertAllowed(verdict);
    // Snapshot steps of services the update adds are restored by the apply: bound as at create (404/409/422).
    // A running service's steps stay as they are: its data is kept, whatever its snapshot's name now names.
    const running = new Set(current.blueprint.services.map((service) => service.name));
    const blueprint = await bindSnapshotSteps({
      db: deps.db,
      lifecycle: deps.lifecycle,
      teamId,
      blueprint: resolved.blueprint,
      only: new Set(resolved.blueprint.services.map((s) => s.name).filter((name) => !running.has(name))),
    });
    await startApply({ deps, env: live, request: { blueprint, labels, user } });
    // Registered once the workflow took the update: a refused apply leaves no version behind.
    const version = await withTransaction(deps.db, async (client) => {
      const stored = await versionFor(client, source);
      await updateEnvironmentSpec(client, {
        id: live.id,
        blueprintVersionId: stored.id,
        overlays,
        context: body.context ?? {},
        labels,
        phase: 'applying',
      });
      return stored;
    });
    if (verdict.amounts) {
      await recordEnvironmentResources(deps.db, { environmentId: live.id, amounts: verdict.amounts });
    }
    deps.invalidate(live.id);
    await appendEvent(deps.db, {
      teamId,
      actorId: user.userId,
      actor: user.userName,
      action: 'environment.apply',
      environmentId: live.id,
      // Names of what changed only: --set values may be secrets.
      details: {
        name: body.name,
        version: version.version,
        summary: plan.summary,
        changed: plan.services.filter((s) => s.change !== 'unchanged').map((s) => s.name),
      },
    });
    const environment = (await getEnvironment(deps.db, live.id))!;
    return { created: false, environment: environmentView(environment), plan };
  }

  if (parent) {
    if (parent.teamId !== teamId) throw conflict('a branch must belong to the same team as its baseline');
    if (parent.phase !== 'ready') {
      throw conflict(`cannot branch from ${parent.id}: it is ${parent.phase}, not ready`);
    }
  }
  const baseline = parent
    ? { env: parent, resolved: await resolveEnvironmentBlueprint(deps.db, parent) }
    : null;
  const branchPlan = baseline
    ? planBranch({ baseline: baseline.resolved.blueprint, branch: resolved.blueprint })
    : null;
  const asked = {
    ttl: body.ttl ?? resolved.blueprint.ttl,
    idleAfter: body.idleAfter ?? resolved.blueprint.idleAfter,
    idle: body.idle ?? resolved.blueprint.idle,
  };
  // Snapshot init steps restore a snapshot of this team (404, 409, 422 as at create): bound before recording.
  const blueprint = await bindSnapshotSteps({
    db: deps.db,
    lifecycle: deps.lifecycle,
    teamId,
    blueprint: resolved.blueprint,
  });
  const id = newEnvironmentId();
  const labels = body.labels ?? {};
  let environment: EnvironmentRecord;
  let defaults: PolicyVerdict['defaults'];
  try {
    ({
      environment,
      verdict: { defaults },
    } = await recordPendingWithinPolicy({
      pool: deps.db,
      policies,
      user,
      blueprint: resolved.blueprint,
      asked,
      baseline: baseline?.env ?? null,
      version: source,
      row: {
        id,
        teamId,
        overlays,
        context: body.context ?? {},
        branchPlan,
        idempotencyKey: null,
        requestDigest,
        name: body.name,
        labels,
      },
    }));
  } catch (error) {
    if (!isPgError(error, PgErrorCode.UniqueViolation)) throw error;
    throw conflict(`another request is creating environment ${body.name} right now; apply again in a moment`);
  }
  const ttl = asked.ttl ?? defaults.ttl;
  await appendEvent(deps.db, {
    teamId,
    actorId: user.userId,
    actor: user.userName,
    action: 'environment.create',
    environmentId: id,
    details: {
      name: body.name,
      blueprint: environment.blueprintName,
      version: environment.blueprintVersion,
      ...(baseline ? { branchOf: baseline.env.id } : {}),
      ...(ttl ? { ttl } : {}),
    },
  });
  try {
    await deps.lifecycle.createEnvironment({
      environmentId: id,
      blueprint,
      owner: environment.ownerName,
      team: teamId,
      ttl: body.ttl ?? defaults.ttl,
      idleAfter: body.idleAfter ?? defaults.idleAfter,
      idle: body.idle ?? defaults.idle,
      baseline: baseline
        ? { environmentId: baseline.env.id, blueprint: baseline.resolved.blueprint }
        : undefined,
      name: body.name,
      labels,
      // A warm environment's namespace and hosts carry its own id; a named one promises its name's URLs.
      claimWarm: false,
    });
  } catch (error) {
    deps.log.error({ err: error, environmentId: id }, 'could not start the environment workflow');
    throw new ApiError({
      statusCode: 503,
      code: ErrorCode.Unavailable,
      message: `environment ${body.name} (${id}) is recorded but its workflow could not start; apply again`,
    });
  }
  const plan = planUpdate({
    current: { ...resolved.blueprint, services: [] },
    next: resolved.blueprint,
    nextLabels: labels,
  });
  return { created: true, environment: environmentView(environment), plan };
}

/** The live environment of this name must be the same kind of environment: same blueprint, past its create. */
function assertSameEnvironment(params: {
  env: EnvironmentRecord;
  blueprintName: string;
  body: ApplyBody;
}): void {
  const { env, blueprintName, body } = params;
  if (env.blueprintName !== blueprintName) {
    throw conflict(
      `the name ${body.name} is taken by environment ${env.id} of blueprint ${env.blueprintName}; this apply is for blueprint ${blueprintName} (choose another name, or delete ${env.id} first)`,
    );
  }
  if (env.phase === 'tearing-down') {
    throw conflict(`environment ${body.name} (${env.id}) is tearing down; apply again once it is deleted`);
  }
}

/**
 * Starts the workflow of an environment recorded but maybe never started (its first apply died between
 * the two); a running one is found, not started twice.
 */
async function ensureWorkflow(deps: ApplyDependencies, env: EnvironmentRecord): Promise<void> {
  const resolved = await resolveEnvironmentBlueprint(deps.db, env);
  const parent = env.parentId ? await getEnvironment(deps.db, env.parentId) : null;
  const baseline = parent
    ? { environmentId: parent.id, blueprint: (await resolveEnvironmentBlueprint(deps.db, parent)).blueprint }
    : undefined;
  await deps.lifecycle.createEnvironment({
    environmentId: env.id,
    blueprint: await bindSnapshotSteps({
      db: deps.db,
      lifecycle: deps.lifecycle,
      teamId: env.teamId,
      blueprint: resolved.blueprint,
    }),
    owner: env.ownerName,
    team: env.teamId,
    baseline,
    ttl: env.ttlSeconds === null ? undefined : `${env.ttlSeconds}s`,
    name: env.name ?? undefined,
    labels: env.labels,
    claimWarm: false,
  });
}

/** Hands the new blueprint to the environment's workflow; its refusal becomes a 409 with the reason. */
async function startApply(params: {
  deps: ApplyDependencies;
  env: EnvironmentRecord;
  request: { blueprint: ResolvedBlueprint; labels: Record<string, string>; user: UserPrincipal };
}): Promise<void> {
  const { deps, env, request } = params;
  try {
    await deps.lifecycle.startApply({
      environmentId: env.id,
      request: { blueprint: request.blueprint, labels: request.labels, requestedBy: request.user.userName },
      updateId: randomUUID(),
    });
  } catch (error) {
    if (error instanceof LifecycleRequestError) {
      throw conflict(
        error.type === 'not-found'
          ? `environment ${env.name ?? env.id} (${env.id}) has no running workflow: it has ended and is not brought back by an apply`
          : `cannot apply to ${env.name ?? env.id} (${env.id}): ${error.message}`,
      );
    }
    deps.log.warn({ err: error, environmentId: env.id }, 'apply got no answer from the workflow');
    throw new ApiError({
      statusCode: 503,
      code: ErrorCode.Unavailable,
      message: `the workflow of ${env.id} did not answer in time; apply again`,
    });
  }
}
