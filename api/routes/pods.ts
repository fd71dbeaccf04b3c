import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../access.js';
import { EnvironmentPods } from '../environment-pods.js';
import { EnvironmentId, standardErrors } from '../schemas/common.js';
import { EnvironmentPods as EnvironmentPodsResponse } from '../schemas/environments.js';
import { isTerminalPhase } from '../status-mirror.js';
import { visibleEnvironment } from './environments.js';

const tags = ['environments'];

/** How long to ask the workflow which runtime (namespace) the environment runs in; then its own id. */
const RUNTIME_LOOKUP_MS = 2_000;

/** An environment's pods and restarts per service, read from the cluster: members of its team only. */
const podRoutes: FastifyPluginAsyncZod<{ env: NodeJS.ProcessEnv }> = async (app, opts) => {
  const pods = new EnvironmentPods(opts.env);

  app.get(
    '/environments/:id/pods',
    {
      schema: {
        tags,
        summary:
          "An environment's pods per service (phase, ready, restarts, node, age), its init steps' pods with their result",
        params: z.strictObject({ id: EnvironmentId }),
        response: { 200: EnvironmentPodsResponse, ...standardErrors },
      },
    },
    async (request) => {
      // Pod names and nodes are the team's business, not a share link visitor's (like logs).
      requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      // A finished environment's pods are gone; no need to ask the cluster.
      if (isTerminalPhase(env.phase)) return { items: [] };
      const status = await app.lifecycle.getStatus(env.id, RUNTIME_LOOKUP_MS).catch(() => null);
      return { items: await pods.list(status?.runtimeId ?? env.id) };
    },
  );
};

export default podRoutes;
