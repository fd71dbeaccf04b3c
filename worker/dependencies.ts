import type { Client } from '@temporalio/client';
import { KubeRuntime } from '../activities/kube-runtime.js';
import { createPlanner } from '../activities/planner-adapter.js';
import type { LifecycleDependencies } from '../activities/ports.js';
import { PostgresLifecycleStore } from '../activities/postgres-lifecycle-store.js';
import { KubeClient, loadDeployConfig } from '../deploy/index.js';
import { readStackEndpoints } from '../stack/endpoints.js';
import { createPool } from '../store/database.js';

/**
 * The worker's real dependencies: the deploy layer over the cluster in KUBECONFIG (or the local stack's),
 * the planner over that cluster's node pools, and the Temporal client for progress and visibility. With
 * `mirrorToDatabase`, also the metadata database (DATABASE_URL, or the local stack's), so every phase
 * change reaches the environment's row; `close()` releases its connections.
 */
export async function createWorkerDependencies(params: {
  temporal: Client;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  mirrorToDatabase?: boolean;
}): Promise<
  LifecycleDependencies & { kubeconfigPath: string; databaseUrl?: string; close(): Promise<void> }
> {
  const env = params.env ?? process.env;
  const kubeconfigPath = env.KUBECONFIG || (await readStackEndpoints(env)).kubeconfigPath;
  const kube = KubeClient.fromKubeconfigFile(kubeconfigPath);
  const config = loadDeployConfig(env);
  const databaseUrl = params.mirrorToDatabase
    ? env.DATABASE_URL || (await readStackEndpoints(env)).databaseUrl
    : undefined;
  const pool = databaseUrl
    ? createPool({ databaseUrl, max: 4, applicationName: 'microstax-worker' })
    : undefined;
  return {
    kubeconfigPath,
    databaseUrl,
    runtime: new KubeRuntime({ kube, config }),
    planner: createPlanner({ kube, log: params.log }),
    temporal: params.temporal,
    store: pool ? new PostgresLifecycleStore(pool) : undefined,
    close: async () => {
      await pool?.end();
    },
  };
}
