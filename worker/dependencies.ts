import path from 'node:path';
import type { Client } from '@temporalio/client';
import { KubeRuntime } from '../activities/kube-runtime.js';
import { createPlanner } from '../activities/planner-adapter.js';
import type { LifecycleDependencies } from '../activities/ports.js';
import { PostgresDumpEngine } from '../activities/postgres-dump-engine.js';
import { PostgresLifecycleStore } from '../activities/postgres-lifecycle-store.js';
import { postgresUrlFor } from '../deploy/data-endpoints.js';
import { KubeClient, loadDeployConfig } from '../deploy/index.js';
import { readStackEndpoints } from '../local/stack/endpoints.js';
import { createPool } from '../store/database.js';

/** Where snapshot artifacts go: MICROSTAX_SNAPSHOT_DIR (an object store mount), else the stack's state dir. */
async function snapshotDir(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.MICROSTAX_SNAPSHOT_DIR) return env.MICROSTAX_SNAPSHOT_DIR;
  return path.join((await readStackEndpoints(env)).stateDir, 'snapshots');
}

/**
 * The worker's real dependencies: the deploy layer over the cluster in KUBECONFIG (or the local stack's),
 * the planner over that cluster's node pools, the Postgres snapshot engine (pg_dump/pg_restore on this
 * host), and the Temporal client for progress and visibility. With
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
    snapshotEngines: [
      new PostgresDumpEngine({
        artifactDir: await snapshotDir(env),
        // The data service's cluster IP answers from this host where kube-proxy runs here (the
        // local stack's real node, a k3s server); credentials are the running workload's own.
        connectionFor: ({ environmentId, service }) =>
          postgresUrlFor({ kube, config, environmentId, service: service.name }),
      }),
    ],
    close: async () => {
      await pool?.end();
    },
  };
}
