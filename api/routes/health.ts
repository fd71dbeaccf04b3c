import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Check = z.object({ ok: z.boolean(), error: z.string().optional() });
const Readiness = z.object({ ready: z.boolean(), checks: z.object({ postgres: Check, temporal: Check }) });

async function check(work: () => Promise<unknown>): Promise<z.infer<typeof Check>> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Liveness (the process answers) and readiness (Postgres and Temporal answer too). */
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
    async (_request, reply) => {
      const [postgres, temporal] = await Promise.all([
        check(() => app.db.query('SELECT 1')),
        check(() => app.lifecycle.ping()),
      ]);
      const ready = postgres.ok && temporal.ok;
      return reply.code(ready ? 200 : 503).send({ ready, checks: { postgres, temporal } });
    },
  );
};

export default healthRoutes;
