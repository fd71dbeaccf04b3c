import { randomBytes } from 'node:crypto';

/**
 * A new environment id: random (80 bits), never derived from a request, so nobody can guess an
 * environment's id, namespace or URLs from public inputs such as an Idempotency-Key. Ids name
 * Kubernetes namespaces, so they are short DNS labels. Idempotency is the database's job: a retry
 * finds the row by (team, key) (`findEnvironmentByIdempotencyKey`), and a racing retry loses the
 * insert on the unique (team_id, idempotency_key) index.
 */
export function newEnvironmentId(): string {
  return `e${randomBytes(10).toString('hex')}`;
}

/** Short random ids for snapshots ("s...") and shares ("h..."). */
export function shortId(prefix: 's' | 'h' | 'r'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}
