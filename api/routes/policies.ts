import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import stringify from 'safe-stable-stringify';
import type { z } from 'zod';
import type { PolicyDocument } from '../../planner/policy/document.js';
import { isPgError, PgErrorCode } from '../../store/database.js';
import { appendEvent } from '../../store/events.js';
import {
  currentPolicy,
  type PolicyScope,
  type PolicyVersionRecord,
  policyHistory,
  setPolicy,
} from '../../store/policies.js';
import { findTeam } from '../../store/teams.js';
import { actingTeam, canSeeTeam, requireUser } from '../access.js';
import { conflict, forbidden, notFound } from '../errors.js';
import type { UserPrincipal } from '../plugins/auth.js';
import { checkAgainstPolicies } from '../policy-check.js';
import { assertValidOverlay } from '../policy-gate.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import {
  PolicyCheckBody,
  PolicyCheckResult,
  PolicyHistory,
  PolicyHistoryQuery,
  PolicyView,
  SetPolicyBody,
  TeamPolicyParams,
} from '../schemas/policies.js';
import { visibleEnvironment } from './environments.js';

const tags = ['policies'];

type View = z.infer<typeof PolicyView>;

function view(scope: PolicyScope, record: PolicyVersionRecord | null): View {
  return {
    layer: scope.layer,
    team: scope.layer === 'team' ? scope.teamId : null,
    version: record?.version ?? 0,
    policy: record?.document ?? {},
    changedBy: record?.changedBy ?? null,
    changedAt: record?.changedAt.toISOString() ?? null,
  };
}

/** The sections of `next` that differ from `previous` (added, changed or removed). */
function changedSections(previous: PolicyDocument, next: PolicyDocument): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys]
    .filter(
      (key) =>
        stringify(previous[key as keyof PolicyDocument]) !== stringify(next[key as keyof PolicyDocument]),
    )
    .sort();
}

/**
 * Policies: read by every member of the scope, set by its admins (a team admin for the team, an admin
 * for any team and the company), versioned and audited; and the dry-run check of a create or apply.
 */
const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The team scope the caller may read: members their own, admins any existing team; else 404. */
  async function readableTeam(user: UserPrincipal, teamId: string): Promise<PolicyScope> {
    if (!canSeeTeam(user, teamId) || !(await findTeam(app.db, teamId))) throw notFound('team');
    return { layer: 'team', teamId };
  }

  /** Stores a new version and records who changed which sections in the audit log. */
  async function store(params: {
    scope: PolicyScope;
    user: UserPrincipal;
    body: z.infer<typeof SetPolicyBody>;
  }): Promise<View> {
    const { scope, user, body } = params;
    assertValidOverlay(body.policy, scope.layer);
    const previous = await currentPolicy(app.db, scope);
    let stored: PolicyVersionRecord | null;
    try {
      stored = await setPolicy(app.db, {
        scope,
        document: body.policy,
        changedBy: { id: user.userId, name: user.userName },
        expectedVersion: body.expectedVersion,
      });
    } catch (error) {
      if (!isPgError(error, PgErrorCode.UniqueViolation)) throw error;
      stored = null;
    }
    if (!stored) {
      throw conflict(
        `the ${scope.layer} policy changed meanwhile (now version ${(await currentPolicy(app.db, scope))?.version ?? 0}); read it again and retry`,
      );
    }
    await appendEvent(app.db, {
      teamId: scope.layer === 'team' ? scope.teamId : null,
      actorId: user.userId,
      actor: user.userName,
      action: 'policy.set',
      details: {
        layer: scope.layer,
        version: stored.version,
        changed: changedSections(previous?.document ?? {}, stored.document),
      },
    });
    return view(scope, stored);
  }

  async function history(scope: PolicyScope, limit: number): Promise<z.infer<typeof PolicyHistory>> {
    // One more than asked, so the oldest shown still says what it changed.
    const records = await policyHistory(app.db, { scope, limit: limit + 1 });
    return {
      items: records.slice(0, limit).map((record, i) => ({
        ...view(scope, record),
        changed: changedSections(records[i + 1]?.document ?? {}, record.document),
      })),
    };
  }

  const company: PolicyScope = { layer: 'company' };

  app.get(
    '/policies/company',
    {
      schema: {
        tags,
        summary: 'The company policy (every user may read it)',
        response: { 200: PolicyView, ...standardErrors },
      },
    },
    async (request) => {
      requireUser(request);
      return view(company, await currentPolicy(app.db, company));
    },
  );

  app.put(
    '/policies/company',
    {
      schema: {
        tags,
        summary: 'Set the company policy (admins): stored as its next version, audited',
        body: SetPolicyBody,
        response: { 200: PolicyView, 409: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (user.role !== 'admin') throw forbidden('only admins set the company policy');
      return store({ scope: company, user, body: request.body });
    },
  );

  app.get(
    '/policies/company/history',
    {
      schema: {
        tags,
        summary: 'Every version of the company policy, newest first: who set it, when, what changed',
        querystring: PolicyHistoryQuery,
        response: { 200: PolicyHistory, ...standardErrors },
      },
    },
    async (request) => {
      requireUser(request);
      return history(company, request.query.limit);
    },
  );

  app.get(
    '/policies/teams/:team',
    {
      schema: {
        tags,
        summary: "A team's policy (its members and admins)",
        params: TeamPolicyParams,
        response: { 200: PolicyView, ...standardErrors },
      },
    },
    async (request) => {
      const scope = await readableTeam(requireUser(request), request.params.team);
      return view(scope, await currentPolicy(app.db, scope));
    },
  );

  app.put(
    '/policies/teams/:team',
    {
      schema: {
        tags,
        summary: "Set a team's policy (its team admins, and admins): stored as its next version, audited",
        params: TeamPolicyParams,
        body: SetPolicyBody,
        response: { 200: PolicyView, 409: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const scope = await readableTeam(user, request.params.team);
      if (user.role === 'member') throw forbidden("only the team's admins and admins set a team policy");
      return store({ scope, user, body: request.body });
    },
  );

  app.get(
    '/policies/teams/:team/history',
    {
      schema: {
        tags,
        summary: "Every version of a team's policy, newest first: who set it, when, what changed",
        params: TeamPolicyParams,
        querystring: PolicyHistoryQuery,
        response: { 200: PolicyHistory, ...standardErrors },
      },
    },
    async (request) => {
      const scope = await readableTeam(requireUser(request), request.params.team);
      return history(scope, request.query.limit);
    },
  );

  app.post(
    '/policies/check',
    {
      schema: {
        tags,
        summary:
          'The verdict a create (or an apply, with name) would get from the policies; nothing is registered or created',
        body: PolicyCheckBody,
        response: { 200: PolicyCheckResult, 422: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return checkAgainstPolicies({
        db: app.db,
        user,
        teamId: actingTeam(user, request.body.team),
        body: request.body,
        findVisible: (idOrName) => visibleEnvironment(request, app.db, idOrName),
      });
    },
  );
};

export default policyRoutes;
