import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findTeam, listTeamSummaries } from '../../store/teams.js';
import { listTeamMembers } from '../../store/users.js';
import { canSeeTeam, requireUser } from '../access.js';
import { notFound } from '../errors.js';
import { standardErrors } from '../schemas/common.js';
import { MemberList, TeamList, TeamParams } from '../schemas/teams.js';

const tags = ['teams'];

/**
 * Teams and their members, read-only (membership comes from the provider's groups claim or the
 * CLI): admins see every team, everyone else their own. Another team is a 404, as if it did not exist.
 */
const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: 'List the teams you can see (admins: all)',
        response: { 200: TeamList, ...standardErrors },
      },
    },
    async (request) => {
      const caller = requireUser(request);
      const teams = await listTeamSummaries(app.db, caller.role === 'admin' ? undefined : [caller.teamId]);
      return {
        items: teams.map((team) => ({
          id: team.id,
          name: team.name,
          memberCount: team.memberCount,
          createdAt: team.createdAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/teams/:id/members',
    {
      schema: {
        tags,
        summary: "List a team's users and their roles",
        params: TeamParams,
        response: { 200: MemberList, ...standardErrors },
      },
    },
    async (request) => {
      const caller = requireUser(request);
      const { id } = request.params;
      if (!canSeeTeam(caller, id) || !(await findTeam(app.db, id))) throw notFound('team');
      const members = await listTeamMembers(app.db, id);
      return {
        items: members.map((user) => ({
          name: user.name,
          role: user.role,
          createdAt: user.createdAt.toISOString(),
        })),
      };
    },
  );
};

export default teamRoutes;
