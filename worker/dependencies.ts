import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { type ArtifactStore, DirectoryArtifactStore } from '../activities/artifact-store.js';
import {
  JobSnapshotEngine,
  POSTGRES_JOB_FLAVOUR,
  REDIS_JOB_FLAVOUR,
} from '../activities/job-snapshot-engine.js';
import { kubeNamespaceSweeper } from '../activities/kube-namespace-sweeper.js';
import { KubeRuntime } from '../activities/kube-runtime.js';
import { createKubeTrafficReplayer } from '../activities/kube-traffic-replayer.js';
import { createPlanner } from '../activities/planner-adapter.js';
import type { LifecycleDependencies } from '../activities/ports.js';
import { postgresActivityLog } from '../activities/postgres-activity-log.js';
import { postgresAuditLog } from '../activities/postgres-audit-log.js';
import { postgresDiffRunLog } from '../activities/postgres-diff-run-log.js';
import { PostgresDumpEngine } from '../activities/postgres-dump-engine.js';
import { PostgresLifecycleStore } from '../activities/postgres-lifecycle-store.js';
import { postgresPrewarmCatalog } from '../activities/postgres-prewarm-catalog.js';
import { RedisRdbEngine } from '../activities/redis-rdb-engine.js';
import { parseS3Url, S3ArtifactStore } from '../activities/s3-artifact-store.js';
import { postgresUrlFor, redisEndpointFor } from '../deploy/data-endpoints.js';
import { KubeClient, loadDeployConfig } from '../deploy/index.js';
import { SettingsError } from '../settings/env-settings.js';
import { createHistory } from '../store/create-history.js';
import { createPool } from '../store/database.js';
import { loadWorkerSettings, snapshotRunnerOf, type WorkerSettings } from './settings.js';

/** The artifact store the settings name: an object store (s3://) or a directory (file:// or the dir). */
export function artifactStoreFor(settings: WorkerSettings, env: NodeJS.ProcessEnv): ArtifactStore {
  const store = settings.snapshotStore;
  if (store?.startsWith('s3://')) {
    // Keys in the worker's own environment (not necessarily this process's): else the SDK's chain.
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
    return new S3ArtifactStore({
      ...parseS3Url(store),
      region: settings.s3Region,
      endpoint: settings.s3Endpoint,
      podEndpoint: settings.s3PodEndpoint,
      credentials:
        accessKeyId && secretAccessKey
          ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined }
          : undefined,
    });
  }
  return new DirectoryArtifactStore(store ? fileURLToPath(store) : settings.snapshotDir!);
}

/**
 * The worker's real dependencies, from explicit settings only: the deploy layer over the cluster of
 * KUBECONFIG (or the pod's ServiceAccount), the planner over that cluster's node pools, the Postgres
 * snapshot engines for Postgres and Redis (a Job next to the data service, or the tools on this host: the snapshot
 * runner setting; artifacts in MICROSTAX_SNAPSHOT_STORE), and the
 * Temporal client for progress and visibility. With `mirrorToDatabase`, also the metadata database
 * (DATABASE_URL), so every phase change reaches the environment's row and the idle sweep reads the
 * environments' recorded use; `close()` releases its connections.
 */
export async function createWorkerDependencies(params: {
  temporal: Client;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  mirrorToDatabase?: boolean;
}): Promise<LifecycleDependencies & { cluster: string; databaseUrl?: string; close(): Promise<void> }> {
  const env = params.env ?? process.env;
  const settings = loadWorkerSettings(env);
  const kube = KubeClient.fromEnvironment(env);
  const config = loadDeployConfig(env);
  const databaseUrl = params.mirrorToDatabase ? env.DATABASE_URL : undefined;
  if (params.mirrorToDatabase && !databaseUrl) {
    throw new SettingsError('worker', [{ variable: 'DATABASE_URL', message: 'required, not set' }]);
  }
  const store = artifactStoreFor(settings, env);
  const pool = databaseUrl
    ? createPool({ databaseUrl, max: 4, applicationName: 'microstax-worker' })
    : undefined;
  return {
    cluster: env.KUBECONFIG ? `kubeconfig ${env.KUBECONFIG}` : "the pod's ServiceAccount",
    databaseUrl,
    runtime: new KubeRuntime({ kube, config }),
    planner: createPlanner({
      kube,
      log: params.log,
      // The demand forecast sizes warm pools from the real create history.
      requestHistory: pool ? (blueprint, team) => createHistory(pool, { blueprint, team }) : undefined,
      targetHitRate: settings.prewarmAim,
    }),
    temporal: params.temporal,
    store: pool ? new PostgresLifecycleStore(pool) : undefined,
    trafficReplayer: createKubeTrafficReplayer({ kube, config }),
    activity: pool ? postgresActivityLog(pool) : undefined,
    audit: pool ? postgresAuditLog(pool) : undefined,
    diffRuns: pool ? postgresDiffRunLog(pool) : undefined,
    prewarmCatalog: pool ? postgresPrewarmCatalog(pool) : undefined,
    namespaces: kubeNamespaceSweeper({ kube, config }),
    snapshotEngines:
      snapshotRunnerOf(settings) === 'job' && store instanceof S3ArtifactStore
        ? // Dumps run as Jobs next to the data service (settings checked an image and an s3 store):
          // Postgres and Redis.
          [POSTGRES_JOB_FLAVOUR, REDIS_JOB_FLAVOUR].map(
            (flavour) =>
              new JobSnapshotEngine({
                kube,
                config,
                store,
                transferImage: settings.snapshotJobImage!,
                flavour,
              }),
          )
        : // On this host, against the data service's cluster IP, which answers where kube-proxy runs
          // here (the local stack's real node, a k3s server); credentials are the running workload's own.
          [
            new PostgresDumpEngine({
              store,
              scratchDir: settings.scratchDir,
              connectionFor: ({ environmentId, service }) =>
                postgresUrlFor({ kube, config, environmentId, service: service.name }),
            }),
            new RedisRdbEngine({
              store,
              scratchDir: settings.scratchDir,
              endpointFor: ({ environmentId, service }) =>
                redisEndpointFor({ kube, config, environmentId, service: service.name }),
            }),
          ],
    close: async () => {
      await pool?.end();
      if (store instanceof S3ArtifactStore) store.close();
    },
  };
}
