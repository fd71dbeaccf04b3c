import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createActivityRecorder } from '../../store/activity-recorder.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The environment this request found by its path (api/environment-lookup.ts), if any. */
    usedEnvironmentId?: string;
  }
}

export interface ActivityPluginOptions {
  /** How often the counted uses are written (default 5 s). */
  flushEveryMs?: number;
}

/**
 * API calls on an environment count as its use, as requests through the gateway do: the idle sweep
 * leaves an environment alone while someone works with it through the API or CLI. Counted when a
 * credentialed call that named the environment succeeded; written in batches off the request's path.
 */
async function activityPlugin(app: FastifyInstance, opts: ActivityPluginOptions): Promise<void> {
  const recorder = createActivityRecorder({
    db: app.db,
    source: 'api',
    flushEveryMs: opts.flushEveryMs,
    onError: (error) => app.log.warn({ error: String(error) }, 'could not record environment activity'),
  });
  app.decorateRequest('usedEnvironmentId', undefined);
  app.addHook('onResponse', async (request, reply) => {
    if (request.usedEnvironmentId && request.principal && reply.statusCode < 400) {
      recorder.note(request.usedEnvironmentId);
    }
  });
  app.addHook('onClose', async () => {
    await recorder.close();
  });
}

export default fp(activityPlugin, { name: 'activity', dependencies: ['database', 'auth'] });
