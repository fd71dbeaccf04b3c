import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getEnvironment } from '../../store/environments.js';
import { appendEvent } from '../../store/events.js';
import { LifecycleRequestError } from '../../temporal/errors.js';
import { requireUser } from '../access.js';
import { environmentView } from '../environment-view.js';
import { ApiError, conflict, ErrorCode } from '../errors.js';
import type { SleepMode } from '../lifecycle.js';
import { assertNoBlockingBranches, liveBranchesBelow } from '../live-branches.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { EnvironmentParams, EnvironmentView } from '../schemas/environments.js';
import { mirrorEnvironmentStatus } from '../status-mirror.js';
import { assertLive, visibleEnvironment } from './environments.js';

const tags = ['environments'];

/**
 * Per request kind: the phase it leads to, the phases it may start from (besides that one), and whether
 * the workflow is still asked when the environment is already there. A `ready` environment may have a
 * sleep pending or scaling down (the phase changes only once asleep): a wake calls that off, so it is
 * always sent. A `sleeping` one has nothing to call off (a wake in flight shows as `waking`).
 */
const SLEEP_RULES: Record<
  SleepMode,
  { target: string; from: readonly string[]; verb: string; askAtTarget: boolean }
> = {
  sleep: { target: 'sleeping', from: ['ready'], verb: 'put to sleep', askAtTarget: false },
  wake: { target: 'ready', from: ['sleeping', 'waking'], verb: 'woken', askAtTarget: true },
};

/**
 * Sleep and wake: scale an environment's workloads to zero (volumes, Secrets and Services kept) and
 * back, through the environment workflow's `sleep` / `wake` updates. Both are idempotent: asking for
 * the phase the environment is already in answers 200 with it; a request taken answers 202 and the
 * phase follows (GET, the stream, `env sleep --wait`). Only requests that change something are audited.
 */
const sleepRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const mode of ['sleep', 'wake'] as const) {
    const rules = SLEEP_RULES[mode];
    app.post(
      `/environments/:id/${mode}`,
      {
        schema: {
          tags,
          summary:
            mode === 'sleep'
              ? 'Put a ready environment to sleep: workloads scaled to zero; volumes, Secrets and Services kept'
              : 'Wake a sleeping environment: workloads back to their planned replicas',
          description:
            `200 when the environment is already ${rules.target} (nothing to do); 202 when the request was ` +
            `taken (the phase follows: watch GET or /stream); 409 \`conflict\` when its phase does not allow it ` +
            `(it must be ${[...rules.from, rules.target].join(' or ')}).`,
          params: EnvironmentParams,
          response: {
            200: EnvironmentView,
            202: EnvironmentView,
            409: ErrorResponse,
            503: ErrorResponse,
            ...standardErrors,
          },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const seen = await visibleEnvironment(request, app.db, request.params.id);
        assertLive(seen, mode === 'sleep' ? 'put it to sleep' : 'wake it');
        // The row may lag behind the workflow: bring it up to date first, so the decision and the answer
        // use the workflow's own phase (the workflow's validator still has the last word).
        if (
          await mirrorEnvironmentStatus({ db: app.db, lifecycle: app.lifecycle, env: seen, log: request.log })
        )
          app.environmentCache.invalidate(seen.id);
        const env = (await getEnvironment(app.db, seen.id)) ?? seen;

        const atTarget = env.phase === rules.target;
        if (atTarget && !rules.askAtTarget) return reply.code(200).send(environmentView(env));
        if (mode === 'sleep') {
          assertNoBlockingBranches({
            environmentId: env.id,
            branches: await liveBranchesBelow(app.db, env.id),
            action: 'put it to sleep',
            fix: 'their requests would find its services gone; delete or finish the branches first',
          });
        }
        if (!atTarget && !rules.from.includes(env.phase)) {
          throw new ApiError({
            statusCode: 409,
            code: ErrorCode.Conflict,
            message: `cannot ${mode}: environment ${env.id} is ${env.phase}; only an environment that is ${rules.from.join(' or ')} can be ${rules.verb}`,
            details: { phase: env.phase, allowed: [...rules.from, rules.target] },
          });
        }
        try {
          await app.lifecycle.requestSleepMode({ environmentId: env.id, mode, requestedBy: user.userName });
        } catch (error) {
          if (error instanceof LifecycleRequestError)
            throw conflict(`cannot ${mode} ${env.id}: ${error.message}`);
          request.log.warn({ err: error, environmentId: env.id }, `${mode} got no answer from the workflow`);
          throw unavailable(env.id);
        }
        if (atTarget) return reply.code(200).send(environmentView(env));
        await appendEvent(app.db, {
          teamId: env.teamId,
          actorId: user.userId,
          actor: user.userName,
          action: `environment.${mode}`,
          environmentId: env.id,
          details: { from: env.phase },
        });
        return reply.code(202).send(environmentView(env));
      },
    );
  }
};

function unavailable(environmentId: string): ApiError {
  return new ApiError({
    statusCode: 503,
    code: ErrorCode.Unavailable,
    message: `the workflow of ${environmentId} did not answer in time; retry`,
  });
}

export default sleepRoutes;
