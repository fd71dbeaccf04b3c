import type { BranchPlan } from '../planner/types.js';
import type { EnvironmentRecord, NewEnvironment } from '../store/environments.js';

/**
 * The row a create or an apply records before its workflow starts: pending, with the lineage (the
 * parent it branches from and the root at the top of the chain) and the expiry derived the same way.
 */
export function pendingEnvironment(params: {
  id: string;
  teamId: string;
  ownerId: string;
  blueprintVersionId: string;
  overlays: NewEnvironment['overlays'];
  context: Record<string, string>;
  parent: EnvironmentRecord | null;
  ttlMs: number | undefined;
  branchPlan: BranchPlan | null;
  idempotencyKey: string | null;
  requestDigest: string;
  name?: string;
  labels?: Record<string, string>;
}): NewEnvironment {
  const { id, parent, ttlMs, branchPlan } = params;
  return {
    id,
    teamId: params.teamId,
    ownerId: params.ownerId,
    blueprintVersionId: params.blueprintVersionId,
    overlays: params.overlays,
    context: params.context,
    phase: 'pending',
    parentId: parent?.id ?? null,
    baselineId: parent ? (parent.baselineId ?? parent.id) : null,
    ttlSeconds: ttlMs === undefined ? null : Math.round(ttlMs / 1000),
    expiresAt: ttlMs === undefined ? null : new Date(Date.now() + ttlMs),
    plan: branchPlan ? { branch: branchPlan, placement: null } : null,
    costPerHour: null,
    workflowId: `env-${id}`,
    idempotencyKey: params.idempotencyKey,
    requestDigest: params.requestDigest,
    ...(params.name === undefined ? {} : { name: params.name }),
    ...(params.labels === undefined ? {} : { labels: params.labels }),
  };
}
