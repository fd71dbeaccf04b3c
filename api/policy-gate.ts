import type pg from 'pg';
import { parseOverlay } from '../blueprints/overlay.js';
import type { LayeredPolicy, PolicyDocument, PolicyLayer } from '../planner/policy/document.js';
import { evaluatePolicies, type PolicyRequest, type PolicyVerdict } from '../planner/policy/evaluate.js';
import { type Queryable, withTransaction } from '../store/database.js';
import type { EnvironmentRecord } from '../store/environments.js';
import { environmentUsage, lockTeamQuota, recordEnvironmentResources } from '../store/policies.js';
import { formatProblem } from './blueprint-resolution.js';
import { ApiError, badRequest, ErrorCode } from './errors.js';
import type { UserPrincipal } from './plugins/auth.js';

/**
 * Where the API applies policies: the overlays they store, the refusal they make, and a create whose
 * count and insert happen under one team lock. The rules themselves are pure (planner/policy/).
 */

/** A refused verdict becomes a 403 naming the first rule broken; every one is in `details.violations`. */
export function assertAllowed(verdict: PolicyVerdict): void {
  if (verdict.allowed) return;
  const [first, ...rest] = verdict.violations;
  throw new ApiError({
    statusCode: 403,
    code: ErrorCode.PolicyViolation,
    message: `${first!.message}${rest.length ? ` (and ${rest.length} more)` : ''}`,
    ...(first!.field ? { field: `body.${first!.field}` } : {}),
    details: { violations: verdict.violations },
  });
}

/** The request's own fields a create's verdict depends on (usage is counted here). */
export type CreateFacts = Omit<PolicyRequest, 'action' | 'usage'>;

/** Evaluates a create against the policies, counting the team's usage on `db`. */
export async function evaluateCreate(params: {
  db: Queryable;
  policies: readonly LayeredPolicy[];
  teamId: string;
  user: UserPrincipal;
  facts: CreateFacts;
}): Promise<PolicyVerdict> {
  const { policies, facts } = params;
  const usage =
    policies.length > 0
      ? await environmentUsage(params.db, { teamId: params.teamId, ownerId: params.user.userId })
      : undefined;
  return evaluatePolicies({ policies, request: { action: 'create', ...facts, ...(usage ? { usage } : {}) } });
}

/**
 * A create within policy: under the team's quota lock, counts what the team runs, refuses (403) what the
 * policies forbid, then inserts the row (`insert`, given the verdict's defaults) and records its resources,
 * all in one transaction. Two creates racing past a limit serialise on the lock: the second counts the first.
 */
export async function createWithinPolicy(params: {
  pool: pg.Pool;
  policies: readonly LayeredPolicy[];
  teamId: string;
  user: UserPrincipal;
  facts: CreateFacts;
  insert: (
    db: pg.PoolClient,
    verdict: PolicyVerdict,
  ) => Promise<{ environment: EnvironmentRecord; created: boolean }>;
}): Promise<{ environment: EnvironmentRecord; created: boolean; verdict: PolicyVerdict }> {
  return withTransaction(params.pool, async (client) => {
    if (params.policies.length > 0) await lockTeamQuota(client, params.teamId);
    const verdict = await evaluateCreate({ ...params, db: client });
    assertAllowed(verdict);
    const outcome = await params.insert(client, verdict);
    if (outcome.created && verdict.amounts) {
      await recordEnvironmentResources(client, {
        environmentId: outcome.environment.id,
        amounts: verdict.amounts,
      });
    }
    return { ...outcome, verdict };
  });
}

/**
 * A stored overlay must parse and belong to the layer it is stored at (a team policy's overlay is a
 * `layer: team` overlay), so a bad one is refused when set, not on every create after.
 */
export function assertValidOverlay(document: PolicyDocument, layer: PolicyLayer): void {
  if (!document.overlay) return;
  const field = 'body.policy.overlay';
  const parsed = parseOverlay({ source: document.overlay, fileName: `${layer}-policy.yaml` });
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw badRequest(
      `the overlay is invalid: ${formatProblem(first)}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : ''}`,
      field,
    );
  }
  if (parsed.overlay.layer !== layer) {
    throw badRequest(
      `a ${layer} policy's overlay must say layer: ${layer} (it says ${parsed.overlay.layer})`,
      field,
    );
  }
}
