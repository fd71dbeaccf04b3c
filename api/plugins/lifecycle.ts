import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { EnvironmentLifecycle } from '../lifecycle.js';
import { TemporalLifecycle } from '../temporal-lifecycle.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts, signals and queries the lifecycle workflows. */
    lifecycle: EnvironmentLifecycle;
  }
}

export interface LifecyclePluginOptions {
  /** An already connected lifecycle (tests pass one on their own task queue); default: connect to Temporal. */
  lifecycle?: EnvironmentLifecycle;
  /** The Temporal settings to connect with (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Connects to Temporal once per app; closes the connection with the app when it owns it. */
async function lifecyclePlugin(app: FastifyInstance, opts: LifecyclePluginOptions): Promise<void> {
  const owned = !opts.lifecycle;
  const lifecycle = opts.lifecycle ?? (await TemporalLifecycle.connect({ env: opts.env }));
  app.decorate('lifecycle', lifecycle);
  if (owned) {
    app.addHook('onClose', async () => {
      await lifecycle.close();
    });
  }
}

export default fp(lifecyclePlugin, { name: 'lifecycle' });
