import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import stringify from 'safe-stable-stringify';
import type { z } from 'zod';
import { planBranch } from '../../planner/branching/plan-branch.js';
import { evaluatePolicies } from '../../planner/policy/evaluate.js';
import { policyOverlays } from '../../planner/policy/overlays.js';
import type { BranchPlan } from '../../planner/types.js';
import {
  type EnvironmentRecord,
  findEnvironmentByIdempotencyKey,
  getEnvironment,
  listEnvironments,
  updateEnvironmentStatus,
} from '../../store/environments.js';
import { appendEvent, listEnvironmentEvents } from '../../store/events.js';
import { policiesForTeam } from '../../store/policies.js';
import { LifecycleRequestError } from '../../temporal/errors.js';
import { durationProblem, extendedExpiry } from '../../workflows/duration.js';
import { actingTeam, assertCanSeeEnvironment, canSeeTeam, requireUser } from '../access.js';
import { resolveEnvironmentBlueprint, resolveRef } from '../blueprint-refs.js';
import type { Resolved } from '../blueprint-resolution.js';
import { newEnvironmentId } from '../environment-ids.js';
import { findEnvironment } from '../environment-lookup.js';
import { streamEnvironment } from '../environment-stream.js';
import { auditEventView, environmentView, sharedEnvironmentView } from '../environment-view.js';
import { ApiError, conflict, ErrorCode } from '../errors.js';
import { parseLabelSelector } from '../label-selector.js';
import { assertNoBlockingBranches, liveBranchesBelow } from '../live-branches.js';
import { principalKey, type UserPrincipal } from '../plugins/auth.js';
import { assertAllowed } from '../policy-gate.js';
import { recordPendingWithinPolicy } from '../record-pending.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import {
  AuditEventList,
  AuditEventsQuery,
  CreateEnvironmentBody,
  EnvironmentList,
  EnvironmentParams,
  EnvironmentView,
  ExtendBody,
  ExtendResponse,
  IdempotencyHeaders,
  ListEnvironmentsQuery,
  SeedBody,
  TeardownQuery,
  TeardownResponse,
  WorkflowsStarted,
} from '../schemas/environments.js';
import { bindSnapshotSteps, snapshotForCreate } from '../snapshot-source.js';
import { isTerminalPhase, mirrorEnvironmentStatus } from '../status-mirror.js';
import type { StreamSlots } from '../stream-slots.js';

const tags = ['environments'];

type CreateBody = z.infer<typeof CreateEnvironmentBody>;

/** An environment the caller may see, named by id or by its name in the caller's team; or 404. */
export async function visibleEnvironment(
  request: FastifyRequest,
  db: Parameters<typeof getEnvironment>[0],
  idOrName: string,
): Promise<EnvironmentRecord> {
  return assertCanSeeEnvironment(request, await findEnvironment(request, db, idOrName));
}

/** Refuses changes to an environment whose workflow has finished. */
export function assertLive(env: EnvironmentRecord, action: string): void {
  if (isTerminalPhase(env.phase)) throw conflict(`cannot ${action}: environment ${env.id} is ${env.phase}`);
}

/**
 * How deep branches may nest (a branch of the root is depth 1). Each level adds one ExternalName hop
 * between a branch and the copy of a service it reuses; DNS resolvers follow only a few CNAMEs.
 */
export const MAX_BRANCH_DEPTH = 4;

/** Refuses a branch of `parent` when it would nest deeper than MAX_BRANCH_DEPTH. */
async function assertBranchDepth(db: Parameters<typeof getEnvironment>[0], parent: EnvironmentRecord) {
  let depth = 1;
  for (let env: EnvironmentRecord | null = parent; env?.parentId; depth++) {
    if (depth >= MAX_BRANCH_DEPTH) {
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.ValidationFailed,
        message: `${parent.id} is already ${MAX_BRANCH_DEPTH} branches deep; branch from one of its ancestors (root ${parent.baselineId})`,
        field: 'body.branchOf',
      });
    }
    env = await getEnvironment(db, env.parentId);
  }
}

/** Environments: create (idempotent), read, list, extend, seed, tear down, audit log and live stream. */
export interface EnvironmentRoutesOptions {
  /** Open event streams per principal, and how often an open one re-checks its token. */
  streams: { slots: StreamSlots; perPrincipal: number; recheckMs: number };
}

const environmentRoutes: FastifyPluginAsyncZod<EnvironmentRoutesOptions> = async (app, opts) => {
  // Open streams end, and their last poll finishes, before the server waits for connections to finish
  // and the database and Temporal connections close (preClose runs before both).
  const shutdown = new AbortController();
  const openStreams = new Set<Promise<void>>();
  app.addHook('preClose', async () => {
    shutdown.abort();
    await Promise.allSettled(openStreams);
  });

  /**
   * The row a status read shows: from the environment cache when it holds it (kept honest by the change
   * listener), else from the database. Only plain reads use this; every change reads the row afresh.
   */
  function readEnvironmentForStatus(id: string): Promise<EnvironmentRecord | null> {
    return app.environmentCache.getOrLoad(id, async () => {
      const env = await getEnvironment(app.db, id);
      return env && { value: env };
    });
  }

  /** Writes a status change and drops the cached row at once (the trigger's notification follows). */
  async function updateStatus(update: Parameters<typeof updateEnvironmentStatus>[1]): Promise<void> {
    await updateEnvironmentStatus(app.db, update);
    app.environmentCache.invalidate(update.id);
  }

  /** Starts (or finds) the environment's workflow; the row stays `pending` until the mirror hears back. */
  async function startWorkflow(params: {
    env: EnvironmentRecord;
    resolved: Resolved;
    baseline: { env: EnvironmentRecord; resolved: Resolved } | null;
    /** What the request asked for, or the policies' defaults where it asked for nothing. */
    lifetime: Pick<CreateBody, 'ttl' | 'idleAfter' | 'idle'>;
    /** The snapshot (id or name) the data services start from. */
    fromSnapshot?: string;
  }): Promise<void> {
    const { env, resolved, baseline, lifetime } = params;
    const fromSnapshot = params.fromSnapshot
      ? await snapshotForCreate({
          db: app.db,
          lifecycle: app.lifecycle,
          teamId: env.teamId,
          idOrName: params.fromSnapshot,
          blueprint: resolved.blueprint,
        })
      : undefined;
    const blueprint = await bindSnapshotSteps({
      db: app.db,
      lifecycle: app.lifecycle,
      teamId: env.teamId,
      blueprint: resolved.blueprint,
    });
    try {
      await app.lifecycle.createEnvironment({
        environmentId: env.id,
        blueprint,
        owner: env.ownerName,
        team: env.teamId,
        ttl: lifetime.ttl,
        idleAfter: lifetime.idleAfter,
        idle: lifetime.idle,
        ...(Object.keys(env.labels).length ? { labels: env.labels } : {}),
        baseline: baseline
          ? { environmentId: baseline.env.id, blueprint: baseline.resolved.blueprint }
          : undefined,
        ...(fromSnapshot ? { fromSnapshot } : {}),
      });
    } catch (error) {
      app.log.error({ err: error, environmentId: env.id }, 'could not start the environment workflow');
      throw new ApiError({
        statusCode: 503,
        code: ErrorCode.Unavailable,
        message: `environment ${env.id} is recorded but its workflow could not start; retry with the same Idempotency-Key`,
      });
    }
  }

  /** What a repeated create with the same key gets: the first environment, its workflow ensured. */
  async function replay(params: { env: EnvironmentRecord; requestDigest: string; body: CreateBody }) {
    const { env, requestDigest } = params;
    if (env.requestDigest !== requestDigest) {
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.IdempotencyKeyReused,
        message: 'this Idempotency-Key was used for a different request',
        field: 'headers.idempotency-key',
      });
    }
    if (env.phase === 'pending') {
      // The first attempt may have died between recording the row and starting the workflow.
      const resolved = await resolveEnvironmentBlueprint(app.db, env);
      const parent = env.parentId ? await getEnvironment(app.db, env.parentId) : null;
      const baseline = parent
        ? { env: parent, resolved: await resolveEnvironmentBlueprint(app.db, parent) }
        : null;
      // The row keeps the ttl the first attempt settled on (the policies' default included).
      const { body } = params;
      const ttl = body.ttl ?? (env.ttlSeconds === null ? undefined : `${env.ttlSeconds}s`);
      await startWorkflow({
        env,
        resolved,
        baseline,
        lifetime: { ttl, idleAfter: body.idleAfter, idle: body.idle },
        fromSnapshot: body.fromSnapshot,
      });
    }
    return environmentView(env);
  }

  app.post(
    '/environments',
    {
      schema: {
        tags,
        summary: 'Create an environment (or a branch of one); send Idempotency-Key to make retries safe',
        headers: IdempotencyHeaders,
        body: CreateEnvironmentBody,
        response: {
          200: EnvironmentView,
          201: EnvironmentView,
          409: ErrorResponse,
          422: ErrorResponse,
          503: ErrorResponse,
          ...standardErrors,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const teamId = actingTeam(user, body.team);
      const idempotencyKey = request.headers['idempotency-key'];
      const requestDigest = createHash('sha256')
        .update(stringify({ teamId, body }) ?? '')
        .digest('hex');
      const id = newEnvironmentId();

      if (idempotencyKey) {
        const existing = await findEnvironmentByIdempotencyKey(app.db, { teamId, idempotencyKey });
        if (existing) {
          const view = await replay({ env: existing, requestDigest, body });
          return reply.code(200).header('idempotent-replayed', 'true').send(view);
        }
      }

      if (body.fromSnapshot && body.branchOf) {
        throw new ApiError({
          statusCode: 422,
          code: ErrorCode.ValidationFailed,
          message:
            'fromSnapshot: a branch takes its data from its baseline; give fromSnapshot or branchOf, not both',
          field: 'body.fromSnapshot',
        });
      }
      let baseline: { env: EnvironmentRecord; resolved: Resolved } | null = null;
      if (body.branchOf) {
        const parent = await visibleEnvironment(request, app.db, body.branchOf);
        if (parent.teamId !== teamId) throw conflict('a branch must belong to the same team as its baseline');
        assertLive(parent, 'branch from it');
        // A branch reaches the services it reuses in its parent directly: they must be there to reach.
        if (parent.phase === 'tearing-down')
          throw conflict(`cannot branch from ${parent.id}: it is tearing down`);
        if (parent.phase === 'sleeping') {
          throw conflict(
            `cannot branch from ${parent.id}: it is asleep and its services would not answer; wake it first (microstax env wake ${parent.id})`,
          );
        }
        await assertBranchDepth(app.db, parent);
        // The parent may itself be a branch: the plan is against what the parent runs (its resolved
        // blueprint), and reused services resolve through the parent's namespace.
        baseline = { env: parent, resolved: await resolveEnvironmentBlueprint(app.db, parent) };
      }

      const policies = await policiesForTeam(app.db, teamId);
      const overlays = [...policyOverlays(policies, teamId), ...(body.overlays ?? [])];
      // Nothing is stored yet: an inline blueprint is registered with the row, after every check.
      const { resolved, source } = await resolveRef(app.db, {
        ref: body.blueprint,
        teamId,
        userId: user.userId,
        field: 'body.blueprint',
        overlays,
        context: body.context,
      });
      // Checked before anything is recorded: a bad snapshot leaves no environment behind.
      if (body.fromSnapshot) {
        await snapshotForCreate({
          db: app.db,
          lifecycle: app.lifecycle,
          teamId,
          idOrName: body.fromSnapshot,
          blueprint: resolved.blueprint,
        });
      }
      await bindSnapshotSteps({
        db: app.db,
        lifecycle: app.lifecycle,
        teamId,
        blueprint: resolved.blueprint,
      });
      const plan: BranchPlan | null = baseline
        ? planBranch({ baseline: baseline.resolved.blueprint, branch: resolved.blueprint })
        : null;
      const asked = {
        ttl: body.ttl ?? resolved.blueprint.ttl,
        idleAfter: body.idleAfter ?? resolved.blueprint.idleAfter,
        idle: body.idle ?? resolved.blueprint.idle,
      };
      // A version registered before durations were capped may carry a longer one: refuse before storing.
      for (const field of ['ttl', 'idleAfter'] as const) {
        const text = asked[field];
        const problem = text === undefined ? undefined : durationProblem(text);
        if (problem) {
          throw new ApiError({
            statusCode: 422,
            code: ErrorCode.ValidationFailed,
            message: `${field}: ${problem}`,
            field: body[field] === undefined ? 'body.blueprint' : `body.${field}`,
          });
        }
      }

      const {
        environment,
        created,
        verdict: { defaults },
      } = await recordPendingWithinPolicy({
        pool: app.db,
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
          branchPlan: plan,
          idempotencyKey: idempotencyKey ?? null,
          requestDigest,
          ...(body.labels ? { labels: body.labels } : {}),
        },
      });
      const ttl = asked.ttl ?? defaults.ttl;
      if (!created) {
        // Lost a race with the same key: answer like a retry.
        const view = await replay({ env: environment, requestDigest, body });
        return reply.code(200).header('idempotent-replayed', 'true').send(view);
      }
      await appendEvent(app.db, {
        teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.create',
        environmentId: id,
        details: {
          blueprint: environment.blueprintName,
          version: environment.blueprintVersion,
          ...(baseline
            ? {
                branchOf: baseline.env.id,
                root: baseline.env.baselineId ?? baseline.env.id,
                plan: plan?.summary,
              }
            : {}),
          ...(ttl ? { ttl } : {}),
          ...(body.fromSnapshot ? { fromSnapshot: body.fromSnapshot } : {}),
        },
      });
      await startWorkflow({
        env: environment,
        resolved,
        baseline,
        lifetime: {
          ttl: body.ttl ?? defaults.ttl,
          idleAfter: body.idleAfter ?? defaults.idleAfter,
          idle: body.idle ?? defaults.idle,
        },
        fromSnapshot: body.fromSnapshot,
      });
      return reply.code(201).header('location', `/v1/environments/${id}`).send(environmentView(environment));
    },
  );

  app.get(
    '/environments',
    {
      schema: {
        tags,
        summary: 'List environments, newest first (filters: team, owner, blueprint, phase, labelSelector)',
        querystring: ListEnvironmentsQuery,
        response: { 200: EnvironmentList, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      const teamId = user.role === 'admin' ? (q.team ?? null) : actingTeam(user, q.team);
      const items = await listEnvironments(app.db, {
        teamId,
        ownerName: q.owner,
        blueprint: q.blueprint,
        phase: q.phase,
        labels: q.labelSelector === undefined ? undefined : parseLabelSelector(q.labelSelector),
        limit: q.limit,
        beforeId: q.before,
      });
      return {
        items: items.map(environmentView),
        next: items.length === q.limit ? items[items.length - 1]!.id : null,
      };
    },
  );

  app.get(
    '/environments/:id',
    {
      config: { allowShare: true },
      schema: {
        tags,
        summary:
          'Get an environment: phase, per-service status, URLs, plan, cost, lineage (share tokens: status and URLs)',
        params: EnvironmentParams,
        response: { 200: EnvironmentView, ...standardErrors },
      },
    },
    async (request) => {
      const env = assertCanSeeEnvironment(
        request,
        await findEnvironment(request, app.db, request.params.id, readEnvironmentForStatus),
      );
      return request.principal?.kind === 'share' ? sharedEnvironmentView(env) : environmentView(env);
    },
  );

  app.post(
    '/environments/:id/extend',
    {
      schema: {
        tags,
        summary: 'Extend the TTL by a duration, from now or the current expiry (whichever is later)',
        params: EnvironmentParams,
        body: ExtendBody,
        response: {
          200: ExtendResponse,
          409: ErrorResponse,
          422: ErrorResponse,
          503: ErrorResponse,
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      assertLive(env, 'extend it');
      // The workflow's validator refuses the same; checking here first answers 422, not 409.
      const extended = extendedExpiry({
        by: request.body.by,
        expiresAt: env.expiresAt?.toISOString(),
        now: Date.now(),
      });
      if ('problem' in extended) {
        throw new ApiError({
          statusCode: 422,
          code: ErrorCode.ValidationFailed,
          message: extended.problem,
          field: 'body.by',
        });
      }
      // The policies' ttl.max caps an environment's life from its creation: checked before the workflow hears of it.
      assertAllowed(
        evaluatePolicies({
          policies: await policiesForTeam(app.db, env.teamId),
          request: {
            action: 'extend',
            extend: { createdAt: env.createdAt.getTime(), expiresAt: Date.parse(extended.expiresAt) },
          },
        }),
      );
      let expiresAt: string;
      try {
        ({ expiresAt } = await app.lifecycle.extendTtl(env.id, request.body.by));
      } catch (error) {
        if (error instanceof LifecycleRequestError) {
          throw conflict(`cannot extend ${env.id}: ${error.message}`);
        }
        request.log.warn({ err: error, environmentId: env.id }, 'extend got no answer from the workflow');
        throw new ApiError({
          statusCode: 503,
          code: ErrorCode.Unavailable,
          message: `the workflow of ${env.id} did not answer in time; retry`,
        });
      }
      await updateStatus({ id: env.id, expiresAt: new Date(expiresAt) });
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.extend',
        environmentId: env.id,
        details: { by: request.body.by, expiresAt },
      });
      return { id: env.id, expiresAt };
    },
  );

  /**
   * Tears one environment down: signals its workflow (idempotent), marks the row and records who asked.
   * Returns the phase the environment is now in.
   */
  async function teardownOne(env: EnvironmentRecord, user: UserPrincipal, cascadeOf?: string) {
    if (env.phase === 'deleted') return env.phase;
    await app.lifecycle.teardown(env.id, { reason: 'requested', requestedBy: user.userName });
    if (env.phase !== 'failed') await updateStatus({ id: env.id, phase: 'tearing-down' });
    await appendEvent(app.db, {
      teamId: env.teamId,
      actorId: user.userId,
      actor: user.userName,
      action: 'environment.teardown',
      environmentId: env.id,
      ...(cascadeOf ? { details: { cascadeOf } } : {}),
    });
    return env.phase === 'failed' ? 'failed' : 'tearing-down';
  }

  app.delete(
    '/environments/:id',
    {
      schema: {
        tags,
        summary:
          'Tear the environment down (cancels a create in flight); repeating it is harmless. Live branches below it give 409 has_branches unless ?cascade=true',
        params: EnvironmentParams,
        querystring: TeardownQuery,
        response: { 202: TeardownResponse, 409: ErrorResponse, 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      if (env.phase === 'deleted')
        return reply.code(202).send({ id: env.id, phase: env.phase, accepted: true });
      const cascade = request.query.cascade === 'true';
      const descendants = await liveBranchesBelow(app.db, env.id);
      if (!cascade) {
        assertNoBlockingBranches({
          environmentId: env.id,
          branches: descendants,
          action: 'delete it',
          fix: `delete them first, or delete with ?cascade=true (microstax env delete ${env.id} --cascade) to tear them down too`,
        });
      }
      // Deepest first: each branch is asked to go before the environment it reaches through (each tears
      // itself down, so they may finish in any order). Each step is idempotent: a retry after a partial
      // cascade signals the rest again and finishes.
      const branches: string[] = [];
      if (cascade) {
        for (const branch of descendants) {
          const record = await getEnvironment(app.db, branch.id);
          if (record) await teardownOne(record, user, env.id);
          branches.push(branch.id);
        }
      }
      const phase = await teardownOne(env, user);
      return reply.code(202).send({ id: env.id, phase, accepted: true, ...(cascade ? { branches } : {}) });
    },
  );

  app.post(
    '/environments/:id/seed',
    {
      schema: {
        tags,
        summary: "Re-run data services' init steps (all of them, or one service)",
        params: EnvironmentParams,
        body: SeedBody,
        response: { 202: WorkflowsStarted, 409: ErrorResponse, 422: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      if (env.phase !== 'ready')
        throw conflict(`cannot seed: environment ${env.id} is ${env.phase}, not ready`);
      // A snapshot step restores the environment team's snapshot of that name as it is now.
      const blueprint = await bindSnapshotSteps({
        db: app.db,
        lifecycle: app.lifecycle,
        teamId: env.teamId,
        blueprint: (await resolveEnvironmentBlueprint(app.db, env)).blueprint,
      });
      const seedable = blueprint.services.filter((s) => s.init.length > 0).map((s) => s.name);
      const wanted = request.body.service;
      if (wanted !== undefined && !seedable.includes(wanted)) {
        throw new ApiError({
          statusCode: 422,
          code: ErrorCode.ValidationFailed,
          message: `service "${wanted}" has no init steps; seedable: ${seedable.join(', ') || 'none'}`,
          field: 'body.service',
        });
      }
      const services = wanted ? [wanted] : seedable;
      if (services.length === 0) throw conflict(`no service of ${env.id} has init steps`);
      const requestId = randomUUID().slice(0, 8);
      const workflows: string[] = [];
      for (const service of services) {
        const { workflowId } = await app.lifecycle.startSeed(
          { environmentId: env.id, blueprint, service, source: { kind: 'init' } },
          `${service}-${requestId}`,
        );
        workflows.push(workflowId);
      }
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.seed',
        environmentId: env.id,
        details: { services },
      });
      return reply.code(202).send({ id: env.id, workflows });
    },
  );

  app.get(
    '/environments/:id/events',
    {
      schema: {
        tags,
        summary: "The environment's audit log: who did what, oldest first",
        params: EnvironmentParams,
        querystring: AuditEventsQuery,
        response: { 200: AuditEventList, ...standardErrors },
      },
    },
    async (request) => {
      requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const events = await listEnvironmentEvents(app.db, {
        environmentId: env.id,
        afterId: request.query.after,
        limit: request.query.limit,
      });
      return { items: events.map(auditEventView) };
    },
  );

  app.get(
    '/environments/:id/stream',
    {
      schema: {
        tags,
        summary:
          'Server-sent events: `status` (the environment, on every change), `audit` (new audit events), `end` (finished)',
        params: EnvironmentParams,
        // Errors (401, 404, 429) answer JSON before the stream starts.
        produces: ['text/event-stream', 'application/json'],
        response: { ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const release = opts.streams.slots.tryTake(principalKey(user));
      if (!release) {
        throw new ApiError({
          statusCode: 429,
          code: ErrorCode.RateLimited,
          message: `at most ${opts.streams.perPrincipal} open event streams per token; close one first`,
        });
      }
      try {
        const streaming = streamEnvironment({
          app,
          request,
          reply,
          environmentId: env.id,
          refresh: (current) =>
            mirrorEnvironmentStatus({ db: app.db, lifecycle: app.lifecycle, env: current, log: request.log }),
          recheckMs: opts.streams.recheckMs,
          stillAllowed: async () => {
            const now = await app.reauthenticate(request).catch((error: unknown) => {
              if (error instanceof ApiError && error.statusCode === 401) return null;
              throw error;
            });
            return now?.kind === 'user' && canSeeTeam(now, env.teamId);
          },
          shutdown: shutdown.signal,
        });
        openStreams.add(streaming);
        await streaming.finally(() => openStreams.delete(streaming));
      } finally {
        release();
      }
    },
  );
};

export default environmentRoutes;
