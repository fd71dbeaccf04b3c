import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseDuration } from '../../workflows/duration.js';
import { canSeeTeam, requireUser } from '../access.js';
import { ApiError, conflict, ErrorCode, notFound } from '../errors.js';
import { principalKey } from '../plugins/auth.js';
import { EnvironmentId, standardErrors } from '../schemas/common.js';
import { ServiceLogs } from '../service-logs.js';
import { isTerminalPhase } from '../status-mirror.js';
import type { StreamSlots } from '../stream-slots.js';
import { visibleEnvironment } from './environments.js';

const tags = ['environments'];

/** A followed log ends after this long; the CLI reconnects if asked to keep following. */
const MAX_FOLLOW_MS = 60 * 60 * 1000;

const LogParams = z.strictObject({
  id: EnvironmentId,
  service: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a service name of the blueprint')
    .describe('Service name'),
});

const LogQuery = z.strictObject({
  tail: z.coerce.number().int().min(1).max(10_000).default(100).describe('Lines from the end of each pod'),
  since: z
    .string()
    .refine((text) => parseDuration(text) !== undefined, 'must be a duration such as 30s, 10m or 2h')
    .optional()
    .describe('Only lines newer than this (30s, 10m, 2h)'),
  follow: z.stringbool().default(false).describe('Keep streaming new lines (at most an hour)'),
  init: z.stringbool().default(false).describe("The service's init steps' logs instead of its own"),
});

export interface LogRoutesOptions {
  env: NodeJS.ProcessEnv;
  /** The same per-principal stream slots as event streams: a followed log holds one. */
  streams: { slots: StreamSlots; perPrincipal: number; recheckMs: number };
}

/** A service's logs, read from the cluster: only members of the environment's team. */
const logRoutes: FastifyPluginAsyncZod<LogRoutesOptions> = async (app, opts) => {
  const logs = new ServiceLogs(opts.env);
  const shutdown = new AbortController();
  app.addHook('preClose', async () => shutdown.abort());

  app.get(
    '/environments/:id/services/:service/logs',
    {
      schema: {
        tags,
        summary:
          "A service's logs as text (each pod's, prefixed `[pod]` when several); `follow` streams new lines",
        params: LogParams,
        querystring: LogQuery,
        produces: ['text/plain', 'application/json'],
        response: { ...standardErrors, 409: standardErrors[404] },
      },
    },
    async (request, reply) => {
      // Logs can hold what a share link's visitor should not see: team members only.
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const { service } = request.params;
      if (!env.services.some((s) => s.name === service)) {
        throw notFound(
          `environment ${env.id} has no service ${service}; it has ${env.services.map((s) => s.name).join(', ') || 'none yet'}`,
        );
      }
      if (isTerminalPhase(env.phase))
        throw conflict(`environment ${env.id} is ${env.phase}: its pods are gone`);
      const status = await app.lifecycle.getStatus(env.id, 5_000).catch(() => null);
      const runtimeId = status?.runtimeId ?? env.id;
      const query = request.query;
      const pods = await logs.pods({ runtimeId, service, init: query.init });
      if (pods.length === 0) {
        throw conflict(
          query.init
            ? `service ${service} of ${env.id} has no init step pods (its init steps ran long ago, never, or in the service itself: its own logs have them)`
            : `service ${service} of ${env.id} runs no pod now${env.phase === 'sleeping' ? ' (the environment is asleep: microstax env wake)' : ''}`,
        );
      }
      const release = query.follow ? opts.streams.slots.tryTake(principalKey(user)) : () => {};
      if (!release) {
        throw new ApiError({
          statusCode: 429,
          code: ErrorCode.RateLimited,
          message: `at most ${opts.streams.perPrincipal} open streams per token; close one first`,
        });
      }
      const done = new AbortController();
      const stop = () => done.abort();
      request.raw.on('close', stop);
      shutdown.signal.addEventListener('abort', stop, { once: true });
      const limit = setTimeout(stop, MAX_FOLLOW_MS);
      // A revoked token (or a member who left the team) stops a followed log within recheckMs.
      const recheck = setInterval(() => {
        void app
          .reauthenticate(request)
          .then((now) => {
            if (now?.kind !== 'user' || !canSeeTeam(now, env.teamId)) stop();
          })
          .catch(stop);
      }, opts.streams.recheckMs);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'x-request-id': request.id,
      });
      try {
        await logs.stream({
          pods,
          request: {
            tailLines: query.tail,
            sinceSeconds: query.since ? Math.ceil(parseDuration(query.since)! / 1000) : undefined,
            follow: query.follow,
          },
          out,
          signal: done.signal,
        });
      } catch (error) {
        request.log.warn({ err: error, environmentId: env.id, service }, 'reading logs failed');
        out.write(`\nmicrostax: reading the logs failed; quote request id ${request.id}\n`);
      } finally {
        // Whatever is still open (another pod's log, after one failed) is cut too.
        stop();
        clearTimeout(limit);
        clearInterval(recheck);
        shutdown.signal.removeEventListener('abort', stop);
        release();
        out.end();
      }
    },
  );
};

export default logRoutes;
