import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actingTeam, requireUser } from '../access.js';
import { applyEnvironment } from '../environment-apply.js';
import { ApplyEnvironmentBody, ApplyResponse } from '../schemas/apply.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { visibleEnvironment } from './environments.js';

/** Apply: create an environment by name, or update the one of that name in place. */
const applyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/environments/apply',
    {
      schema: {
        tags: ['environments'],
        summary:
          'Create the environment of this name, or update it in place (same id and URLs; only changed services are re-applied); returns the plan of what changes and why',
        body: ApplyEnvironmentBody,
        response: {
          200: ApplyResponse,
          201: ApplyResponse,
          409: ErrorResponse,
          422: ErrorResponse,
          503: ErrorResponse,
          ...standardErrors,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const outcome = await applyEnvironment({
        deps: {
          db: app.db,
          lifecycle: app.lifecycle,
          log: request.log,
          invalidate: (id) => app.environmentCache.invalidate(id),
          findVisible: (idOrName) => visibleEnvironment(request, app.db, idOrName),
        },
        user,
        teamId: actingTeam(user, request.body.team),
        body: request.body,
      });
      if (outcome.created) reply.header('location', `/v1/environments/${outcome.environment.id}`);
      return reply.code(outcome.created ? 201 : 200).send(outcome);
    },
  );
};

export default applyRoutes;
