import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../store/database.js';
import { type EnvironmentRecord, getEnvironment, getEnvironmentByName } from '../store/environments.js';

/**
 * The environment an API path names: by id, else by name within the caller's team (names are unique per
 * team; an admin's names resolve in their own team, other teams' environments by id). Share tokens name
 * their environment by id only. Null when there is none; visibility is the caller's check.
 */
export async function findEnvironment(
  request: FastifyRequest,
  db: Queryable,
  idOrName: string,
  byId: (id: string) => Promise<EnvironmentRecord | null> = (id) => getEnvironment(db, id),
): Promise<EnvironmentRecord | null> {
  const env = await lookUp();
  // Noted for the activity plugin: a successful call on an environment counts as its use.
  if (env) request.usedEnvironmentId = env.id;
  return env;

  async function lookUp(): Promise<EnvironmentRecord | null> {
    const found = await byId(idOrName);
    if (found) return found;
    const principal = request.principal;
    if (principal?.kind !== 'user') return null;
    return getEnvironmentByName(db, { teamId: principal.teamId, name: idOrName });
  }
}
