import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type CodecKeys, loadCodecKeys } from '../temporal/codec-key.js';
import { TEMPORAL_CONFIG_ENV, TEMPORAL_NAMESPACE } from '../temporal/config.js';
import type { ApiConfig } from './config.js';
import type { EnvironmentLifecycle } from './lifecycle.js';
import { OidcSignIn } from './oidc-sign-in.js';
import activityPlugin from './plugins/activity.js';
import authPlugin from './plugins/auth.js';
import changeListenerPlugin from './plugins/change-listener.js';
import dashboardPlugin from './plugins/dashboard.js';
import databasePlugin from './plugins/database.js';
import errorHandlerPlugin from './plugins/error-handler.js';
import lifecyclePlugin from './plugins/lifecycle.js';
import metricsPlugin from './plugins/metrics.js';
import openApiPlugin from './plugins/openapi.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import statusSyncPlugin from './plugins/status-sync.js';
import tracingPlugin from './plugins/tracing.js';
import applyRoutes from './routes/apply.js';
import authRoutes from './routes/auth.js';
import blueprintRoutes from './routes/blueprints.js';
import codecRoutes from './routes/codec.js';
import costRoutes from './routes/costs.js';
import diffRoutes from './routes/diffs.js';
import environmentRoutes from './routes/environments.js';
import { githubRepositoryRoutes, githubWebhookRoutes } from './routes/github.js';
import healthRoutes from './routes/health.js';
import logRoutes from './routes/logs.js';
import podRoutes from './routes/pods.js';
import policyRoutes from './routes/policies.js';
import shareRoutes from './routes/shares.js';
import sleepRoutes from './routes/sleep.js';
import snapshotRoutes from './routes/snapshots.js';
import teamRoutes from './routes/teams.js';
import tokenRoutes from './routes/tokens.js';
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
  /** The clock ID tokens are checked against (default the system's; tests move it to expire one). */
  now?: () => Date;
}

/** The codec key when this process has one; the codec server answers 503 without it. */
async function codecKeysOrNull(env: NodeJS.ProcessEnv): Promise<CodecKeys | null> {
  return loadCodecKeys(env).catch(() => null);
}

/**
 * The MicroStax API as one Fastify plugin: shared services first (errors, database, auth, metrics,
 * lifecycle), then the routes, all versioned under /v1 except health, metrics and docs.
 */
async function app(instance: FastifyInstance, opts: AppOptions): Promise<void> {
  await instance.register(tracingPlugin);
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
  await instance.register(fastifyCookie);
  // Only listed origins (and the API's own pages, which need no CORS) may call with credentials.
  await instance.register(fastifyCors, {
    origin: opts.config.corsOrigins,
    credentials: true,
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Requested-With', 'X-Namespace', 'Idempotency-Key'],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  await instance.register(authPlugin, { guard: tokenGuard, allowedOrigins: opts.config.corsOrigins });
  await instance.register(activityPlugin);
  if (opts.statusSync !== false) {
    await instance.register(statusSyncPlugin, {
      databaseUrl: opts.config.databaseUrl,
      intervalMs: opts.config.statusSyncIntervalMs,
    });
  }
  await instance.register(healthRoutes);
  const env = opts.env ?? process.env;
  await instance.register(codecRoutes, {
    prefix: '/codec',
    keys: await codecKeysOrNull(env),
    namespace: env[TEMPORAL_CONFIG_ENV.namespace] || TEMPORAL_NAMESPACE,
  });
  const signIn = await OidcSignIn.fromConfig(opts.config, opts.now);
  await instance.register(dashboardPlugin, {
    dir: opts.config.dashboardDir,
    temporalUiUrl: opts.config.temporalUiUrl,
    temporalNamespace: env[TEMPORAL_CONFIG_ENV.namespace] || TEMPORAL_NAMESPACE,
  });
  await instance.register(
    async (v1) => {
      await v1.register(authRoutes, {
        signIn,
        adminGroup: opts.config.oidcAdminGroup,
        sessionTtlMs: opts.config.sessionTtlMs,
        cliTokenTtlMs: opts.config.cliTokenTtlMs,
      });
      await v1.register(tokenRoutes);
      await v1.register(teamRoutes);
      await v1.register(blueprintRoutes, { env: opts.env });
      // Event streams and followed logs share each token's slots.
      const streams = {
        slots: new StreamSlots(opts.config.streamsPerToken),
        perPrincipal: opts.config.streamsPerToken,
        recheckMs: opts.config.streamRecheckMs,
      };
      await v1.register(environmentRoutes, { streams });
      await v1.register(logRoutes, { env, streams });
      await v1.register(podRoutes, { env });
      await v1.register(applyRoutes);
      await v1.register(sleepRoutes);
      await v1.register(diffRoutes);
      await v1.register(snapshotRoutes, { maxPerEnvironment: opts.config.snapshotsPerEnvironment });
      await v1.register(shareRoutes);
      await v1.register(costRoutes);
      await v1.register(policyRoutes);
      await v1.register(githubWebhookRoutes, { env: opts.env });
      await v1.register(githubRepositoryRoutes, { env: opts.env });
    },
    { prefix: '/v1' },
  );
}

/** Wrapped with fastify-plugin so the server (and tests) see its decorations (db, lifecycle, metrics). */
export default fp(app, { name: 'microstax-api' });
