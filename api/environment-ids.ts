import { createHash, randomBytes } from 'node:crypto';

/**
 * Environment ids name Kubernetes namespaces, so they are short DNS labels. With an Idempotency-Key
 * the id is derived from it: a retried request, even one that raced the first, names the same
 * environment and therefore the same workflow (`env-<id>`).
 */
export function environmentIdFor(params: { teamId: string; idempotencyKey?: string }): string {
  if (params.idempotencyKey === undefined) return `e${randomBytes(6).toString('hex')}`;
  const digest = createHash('sha256').update(`${params.teamId}\0${params.idempotencyKey}`).digest('hex');
  return `e${digest.slice(0, 12)}`;
}

/** Short random ids for snapshots ("s...") and shares ("h..."). */
export function shortId(prefix: 's' | 'h' | 'r'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}
