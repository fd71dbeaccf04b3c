import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { resolveBlueprintSource } from '../../blueprints/resolve.js';
import { planBranch } from '../../planner/branching/plan-branch.js';
import { createOffThreadSolvers } from '../../planner/placement/off-thread-solvers.js';
import {
  type BlueprintVersionRecord,
  listBlueprints,
  listBlueprintVersions,
  registerBlueprintVersion,
} from '../../store/blueprints.js';
import { getEnvironment } from '../../store/environments.js';
import { appendEvent } from '../../store/events.js';
import { actingTeam, assertCanSeeEnvironment, requireUser } from '../access.js';
import {
  findVersionOrThrow,
  resolveEnvironmentBlueprint,
  resolveRef,
  resolveVersion,
} from '../blueprint-refs.js';
import { type Resolved, resolveOrReject, viewResolved } from '../blueprint-resolution.js';
import { clusterNodePools } from '../cluster-node-pools.js';
import { badRequest, notFound } from '../errors.js';
import { placeBranch } from '../plan-placement.js';
import type { UserPrincipal } from '../plugins/auth.js';
import {
  BlueprintDetail,
  BlueprintList,
  BlueprintNameParams,
  BlueprintQuery,
  PlanBody,
  PlanResponse,
  RegisterBlueprintBody,
  RegisterBlueprintResponse,
  TeamQuery,
  ValidateBlueprintBody,
  ValidateResponse,
} from '../schemas/blueprints.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { visibleEnvironment } from './environments.js';

const tags = ['blueprints'];

/**
 * The version `GET /blueprints/:name` shows: one the team registered, resolved alone; or, with
 * `environment`, the one that environment runs, resolved with its overlays (so provenance names them).
 */
async function versionToShow(params: {
  request: FastifyRequest;
  user: UserPrincipal;
  name: string;
  query: z.infer<typeof BlueprintQuery>;
}): Promise<{ version: BlueprintVersionRecord; resolved: Resolved; teamId: string }> {
  const { request, user, query } = params;
  const db = request.server.db;
  if (query.environment === undefined) {
    const teamId = actingTeam(user, query.team);
    const version = await findVersionOrThrow(db, { teamId, name: params.name, version: query.version });
    return { version, resolved: await resolveVersion(version), teamId };
  }
  if (query.version !== undefined || query.team !== undefined)
    throw badRequest('give either environment or version/team, not both', 'querystring.environment');
  const env = await visibleEnvironment(request, db, query.environment);
  if (env.blueprintName !== params.name)
    throw notFound(`blueprint ${params.name} in environment ${env.id} (it runs ${env.blueprintName})`);
  const version = await findVersionOrThrow(db, {
    teamId: env.teamId,
    name: env.blueprintName,
    version: env.blueprintVersion,
  });
  return { version, resolved: await resolveEnvironmentBlueprint(db, env), teamId: env.teamId };
}

const versionView = (version: BlueprintVersionRecord, services: string[]) => ({
  team: version.teamId,
  name: version.name,
  version: version.version,
  digest: version.resolvedDigest,
  fileName: version.fileName,
  services,
  createdAt: version.createdAt.toISOString(),
});

/** Register, list, get, validate and plan blueprints. Nothing here starts a workflow. */
const blueprintRoutes: FastifyPluginAsyncZod<{ env?: NodeJS.ProcessEnv }> = async (app, opts) => {
  const clusterPools = clusterNodePools(opts.env);
  // Placement solves run in a worker thread with time and memory limits, never on the event loop.
  const solvers = createOffThreadSolvers();
  app.addHook('onClose', () => solvers.close());

  app.post(
    '/blueprints',
    {
      schema: {
        tags,
        summary: 'Register a blueprint version (identical content returns the existing version)',
        body: RegisterBlueprintBody,
        response: {
          200: RegisterBlueprintResponse,
          201: RegisterBlueprintResponse,
          422: ErrorResponse,
          ...standardErrors,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const teamId = actingTeam(user, request.body.team);
      const fileName = request.body.fileName ?? 'blueprint.yaml';
      const resolved = await resolveOrReject({
        source: request.body.source,
        fileName,
        scripts: request.body.scripts,
      });
      const { version, created } = await registerBlueprintVersion(app.db, {
        teamId,
        name: resolved.blueprint.name,
        fileName,
        source: request.body.source,
        scripts: request.body.scripts ?? {},
        resolvedDigest: resolved.digest,
        serviceCount: resolved.blueprint.services.length,
        createdBy: user.userId,
        prewarm: resolved.blueprint.prewarm,
      });
      if (created) {
        await appendEvent(app.db, {
          teamId,
          actorId: user.userId,
          actor: user.userName,
          action: 'blueprint.register',
          details: { blueprint: version.name, version: version.version, digest: version.resolvedDigest },
        });
      }
      const services = resolved.blueprint.services.map((s) => s.name);
      return reply.code(created ? 201 : 200).send({ ...versionView(version, services), created });
    },
  );

  app.get(
    '/blueprints',
    {
      schema: {
        tags,
        summary: "List blueprints (your team's; admins: every team, or ?team=)",
        querystring: TeamQuery,
        response: { 200: BlueprintList, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const teamId =
        user.role === 'admin' ? (request.query.team ?? null) : actingTeam(user, request.query.team);
      const items = await listBlueprints(app.db, { teamId });
      return {
        items: items.map((b) => ({
          team: b.teamId,
          name: b.name,
          latestVersion: b.latestVersion,
          updatedAt: b.updatedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/blueprints/:name',
    {
      schema: {
        tags,
        summary: 'Get a blueprint version (default the latest), resolved, with secrets masked',
        params: BlueprintNameParams,
        querystring: BlueprintQuery,
        response: { 200: BlueprintDetail, 422: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { version, resolved, teamId } = await versionToShow({
        request,
        user,
        name: request.params.name,
        query: request.query,
      });
      const view = viewResolved(resolved);
      const versions = await listBlueprintVersions(app.db, { teamId, name: version.name });
      return {
        ...versionView(
          version,
          resolved.blueprint.services.map((s) => s.name),
        ),
        resolved: view.blueprint,
        graph: view.graph,
        provenance: resolved.provenance,
        versions: versions.map((v) => ({
          version: v.version,
          digest: v.resolvedDigest,
          createdAt: v.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/blueprints/validate',
    {
      schema: {
        tags,
        summary: 'Validate a blueprint (with overlays and context) without registering it',
        body: ValidateBlueprintBody,
        response: { 200: ValidateResponse, ...standardErrors },
      },
    },
    async (request) => {
      requireUser(request);
      const result = await resolveBlueprintSource({
        ...request.body,
        fileName: request.body.fileName ?? 'blueprint.yaml',
      });
      if (!result.ok) return { valid: false, problems: result.problems };
      return {
        valid: true,
        problems: [],
        services: result.blueprint.services.map((s) => s.name),
        graph: result.graph,
      };
    },
  );

  app.post(
    '/blueprints/plan',
    {
      schema: {
        tags,
        summary:
          'Dry-run a branch against a baseline: which services deploy, fork or reuse, and why; with `placement`, also where each runs and its hourly cost',
        body: PlanBody,
        response: { 200: PlanResponse, 422: ErrorResponse, 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const teamId = actingTeam(user, request.body.team);
      const { baseline: baselineRef, branch: branchRef, overlays, context } = request.body;
      const baseline =
        'environment' in baselineRef
          ? await resolveEnvironmentBlueprint(
              app.db,
              assertCanSeeEnvironment(request, await getEnvironment(app.db, baselineRef.environment)),
            )
          : (
              await resolveRef(app.db, {
                ref: baselineRef,
                teamId,
                userId: user.userId,
                field: 'body.baseline',
              })
            ).resolved;
      const { resolved: branch } = await resolveRef(app.db, {
        ref: branchRef,
        teamId,
        userId: user.userId,
        field: 'body.branch',
        overlays,
        context,
      });
      const plan = planBranch({ baseline: baseline.blueprint, branch: branch.blueprint });
      const placementRequest = request.body.placement;
      const placement =
        placementRequest === undefined || placementRequest === false
          ? undefined
          : await placeBranch({
              request: placementRequest,
              blueprint: branch.blueprint,
              plan,
              clusterPools,
              solvers,
            });
      return {
        baseline: { name: baseline.blueprint.name, digest: baseline.digest },
        branch: { name: branch.blueprint.name, digest: branch.digest },
        plan,
        ...(placement ? { placement } : {}),
      };
    },
  );
};

export default blueprintRoutes;
