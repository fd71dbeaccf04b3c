import type { FastifyInstance } from 'fastify';
import { startTracing } from '../telemetry/tracing.js';
import type { ApiConfig } from './config.js';
import { createApiInstance } from './instance.js';

/**
 * Starts the API on the configured host and port and closes it gracefully (in-flight requests finish,
 * the database pool and Temporal connection close) on SIGINT or SIGTERM. Resolves once listening.
 */
export async function startApiServer(config: ApiConfig): Promise<{ app: FastifyInstance; url: string }> {
  const tracing = await startTracing({ serviceName: 'microstax-api' });
  const app = await createApiInstance({ config });
  if (tracing) app.addHook('onClose', () => tracing.shutdown());
  const url = await app.listen({ host: config.host, port: config.port });
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, url };
}
