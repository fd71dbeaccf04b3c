import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Readiness = z
  .object({ ready: z.boolean().describe('Postgres and Temporal both answered') })
  .describe('Nothing more: which dependency failed, and why, is logged with the request id');

/** Runs one readiness check; its error goes to the log, never to the (public) response. */
async function check(name: string, work: () => Promise<unknown>, log: (failure: object) => void) {
  try {
    await work();
    return true;
  } catch (error) {
    log({ check: name, message: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/**
 * Liveness (the process answers) and readiness (Postgres and Temporal answer too). Both are public, so
 * they say nothing internal: no error text, addresses or routing data; failures are logged instead.
 */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { public: true, rateLimit: false } as const;
  app.get(
    '/healthz',
    {
      config,
      schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async () => ({ ok: true as const }),
  );
  app.get(
    '/readyz',
    {
      config,
      schema: {
        tags: ['health'],
        summary: 'Readiness: Postgres and Temporal reachable',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      const log = (failure: object) => request.log.warn(failure, 'readiness check failed');
      const results = await Promise.all([
        check('postgres', () => app.db.query('SELECT 1'), log),
        check('temporal', () => app.lifecycle.ping(), log),
      ]);
      const ready = results.every(Boolean);
      return reply.code(ready ? 200 : 503).send({ ready });
    },
  );
};

export default healthRoutes;
