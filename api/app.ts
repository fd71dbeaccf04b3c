import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiConfig } from './config.js';
import type { EnvironmentLifecycle } from './lifecycle.js';
import authPlugin from './plugins/auth.js';
import changeListenerPlugin from './plugins/change-listener.js';
import databasePlugin from './plugins/database.js';
import errorHandlerPlugin from './plugins/error-handler.js';
import lifecyclePlugin from './plugins/lifecycle.js';
import metricsPlugin from './plugins/metrics.js';
import openApiPlugin from './plugins/openapi.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import statusSyncPlugin from './plugins/status-sync.js';
import applyRoutes from './routes/apply.js';
import blueprintRoutes from './routes/blueprints.js';
import environmentRoutes from './routes/environments.js';
import { githubRepositoryRoutes, githubWebhookRoutes } from './routes/github.js';
import healthRoutes from './routes/health.js';
import logRoutes from './routes/logs.js';
import shareRoutes from './routes/shares.js';
import sleepRoutes from './routes/sleep.js';
import snapshotRoutes from './routes/snapshots.js';
import { StreamSlots } from './stream-slots.js';
import { TokenLookupGuard } from './token-lookup-guard.js';

export interface AppOptions {
  config: ApiConfig;
  /**
   * The settings beyond ApiConfig: Temporal (when no lifecycle is given) and the cluster placement
   * reads (KUBECONFIG, or the pod's ServiceAccount). Default process.env.
   */
  env?: NodeJS.ProcessEnv;
  /** Lifecycle to use instead of connecting to Temporal from the environment's settings. */
  lifecycle?: EnvironmentLifecycle;
  /** Run the background loop that mirrors workflow status into Postgres (default true). */
  statusSync?: boolean;
}

/**
 * The MicroStax API as one Fastify plugin: shared services first (errors, database, auth, metrics,
 * lifecycle), then the routes, all versioned under /v1 except health, metrics and docs.
 */
async function app(instance: FastifyInstance, opts: AppOptions): Promise<void> {
  await instance.register(errorHandlerPlugin);
  await instance.register(databasePlugin, { databaseUrl: opts.config.databaseUrl, migrate: true });
  await instance.register(lifecyclePlugin, { lifecycle: opts.lifecycle, env: opts.env });
  await instance.register(metricsPlugin);
  await instance.register(openApiPlugin);
  await instance.register(rateLimitPlugin, { perMinute: opts.config.rateLimitPerMinute });
  const tokenGuard = new TokenLookupGuard({
    missTtlMs: opts.config.tokenMissCacheMs,
    lookupsPerMinute: opts.config.tokenLookupsPerMinute,
  });
  await instance.register(changeListenerPlugin, {
    databaseUrl: opts.config.databaseUrl,
    principalTtlMs: opts.config.tokenCacheMs,
    environmentTtlMs: opts.config.environmentCacheMs,
    onTokenChange: () => tokenGuard.forgetMisses(),
  });
  await instance.register(authPlugin, { guard: tokenGuard });
  if (opts.statusSync !== false) {
    await instance.register(statusSyncPlugin, {
      databaseUrl: opts.config.databaseUrl,
      intervalMs: opts.config.statusSyncIntervalMs,
    });
  }
  await instance.register(healthRoutes);
  await instance.register(
    async (v1) => {
      await v1.register(blueprintRoutes, { env: opts.env });
      // Event streams and followed logs share each token's slots.
      const streams = {
        slots: new StreamSlots(opts.config.streamsPerToken),
        perPrincipal: opts.config.streamsPerToken,
        recheckMs: opts.config.streamRecheckMs,
      };
      await v1.register(environmentRoutes, { streams });
      await v1.register(logRoutes, { env: opts.env ?? process.env, streams });
      await v1.register(applyRoutes);
      await v1.register(sleepRoutes);
      await v1.register(snapshotRoutes, { maxPerEnvironment: opts.config.snapshotsPerEnvironment });
      await v1.register(shareRoutes);
      await v1.register(githubWebhookRoutes, { env: opts.env });
      await v1.register(githubRepositoryRoutes, { env: opts.env });
    },
    { prefix: '/v1' },
  );
}

/** Wrapped with fastify-plugin so the server (and tests) see its decorations (db, lifecycle, metrics). */
export default fp(app, { name: 'microstax-api' });
