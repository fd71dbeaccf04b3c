import type { UserRole } from '../store/users.js';
import { forbidden } from './errors.js';

/** A team id as the teams table allows it (migration 0001). */
const TEAM_ID = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * The team and role a signed-in person gets from the provider's groups claim: the first group that
 * is a valid team id (claim order) is the team; the admin group makes an admin. No such group is a
 * 403 that names the groups seen, so an operator knows what to fix at the provider.
 */
export function membershipFromGroups(
  groups: readonly string[],
  adminGroup: string,
): { teamId: string; role: UserRole } {
  const teamId = groups.find((group) => group !== adminGroup && TEAM_ID.test(group));
  if (!teamId) {
    throw forbidden(
      `your account is in no MicroStax team: the provider's groups claim has ${
        groups.length ? groups.map((group) => `"${group}"`).join(', ') : 'no groups'
      }, and a team is a group named like "payments" (lowercase letters, digits, dashes)`,
    );
  }
  return { teamId, role: groups.includes(adminGroup) ? 'admin' : 'member' };
}
