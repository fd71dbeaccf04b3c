import type { FastifyRequest } from 'fastify';
import type { EnvironmentRecord } from '../store/environments.js';
import { forbidden, notFound } from './errors.js';
import type { UserPrincipal } from './plugins/auth.js';

/** The calling user; share principals are refused (routes that allow shares check them themselves). */
export function requireUser(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw forbidden('this call needs a user token');
  return principal;
}

/** Admins see every team; members only their own. */
export function canSeeTeam(principal: UserPrincipal, teamId: string): boolean {
  return principal.role === 'admin' || principal.teamId === teamId;
}

/** The team a user acts for: their own, or (admins only) the one they name. */
export function actingTeam(principal: UserPrincipal, requested: string | undefined): string {
  if (requested === undefined || requested === principal.teamId) return principal.teamId;
  if (principal.role !== 'admin') throw forbidden('only admins act for another team');
  return requested;
}

/**
 * Whether the caller may see this environment: members their team's, admins all, a share only its own.
 * Others get a 404, exactly as if it did not exist.
 */
export function assertCanSeeEnvironment(
  request: FastifyRequest,
  env: EnvironmentRecord | null,
): EnvironmentRecord {
  const principal = request.principal;
  const visible =
    env !== null &&
    principal !== null &&
    (principal.kind === 'share' ? principal.environmentId === env.id : canSeeTeam(principal, env.teamId));
  if (!visible) throw notFound('environment');
  return env;
}
