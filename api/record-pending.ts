import type pg from 'pg';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { LayeredPolicy } from '../planner/policy/document.js';
import type { PolicyRequest } from '../planner/policy/evaluate.js';
import { type EnvironmentRecord, insertEnvironment } from '../store/environments.js';
import { parseDuration } from '../workflows/duration.js';
import { type VersionSource, versionFor } from './blueprint-refs.js';
import { pendingEnvironment } from './pending-environment.js';
import type { UserPrincipal } from './plugins/auth.js';
import { createWithinPolicy } from './policy-gate.js';

/** The lifetime a request asked for (its own, else the blueprint's); policy defaults fill the rest. */
export type AskedLifetime = Pick<PolicyRequest, 'ttl' | 'idleAfter' | 'idle'>;

/**
 * Records a new environment as `pending` within the team's policies, as both create and apply do:
 * the request checked (403 naming the rule) and the row inserted with the ttl asked for, or the
 * policies' default, in one transaction under the team's quota lock. An inline blueprint's version is
 * registered in that transaction too: a refused create leaves no version behind.
 */
export function recordPendingWithinPolicy(params: {
  pool: pg.Pool;
  policies: readonly LayeredPolicy[];
  user: UserPrincipal;
  blueprint: ResolvedBlueprint;
  asked: AskedLifetime;
  /** The environment it branches from, if any. */
  baseline: EnvironmentRecord | null;
  /** The blueprint version the row points at (inline content is registered with the row). */
  version: VersionSource;
  row: Omit<Parameters<typeof pendingEnvironment>[0], 'ownerId' | 'parent' | 'ttlMs' | 'blueprintVersionId'>;
}) {
  const { row, asked, baseline } = params;
  return createWithinPolicy({
    pool: params.pool,
    policies: params.policies,
    teamId: row.teamId,
    user: params.user,
    facts: {
      blueprint: params.blueprint,
      branchPlan: row.branchPlan,
      ...asked,
      labels: row.labels ?? {},
      baseline: baseline && { id: baseline.id, name: baseline.name },
    },
    insert: async (db, verdict) => {
      const ttl = asked.ttl ?? verdict.defaults.ttl;
      const version = await versionFor(db, params.version);
      return insertEnvironment(
        db,
        pendingEnvironment({
          ...row,
          blueprintVersionId: version.id,
          ownerId: params.user.userId,
          parent: baseline,
          ttlMs: ttl ? parseDuration(ttl) : undefined,
        }),
      );
    },
  });
}
