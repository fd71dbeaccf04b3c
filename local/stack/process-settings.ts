import path from 'node:path';
import { API_CONFIG_ENV } from '../../api/config.js';
import { CODEC_KEY_ENV } from '../../temporal/codec-key.js';
import { TEMPORAL_CONFIG_ENV } from '../../temporal/config.js';
import { S3_ENDPOINT_ENV, SNAPSHOT_DIR_ENV, SNAPSHOT_STORE_ENV } from '../../worker/settings.js';
import { ensureDevCodecKey } from './dev-codec-key.js';
import { readStackEndpoints, type StackEndpoints } from './endpoints.js';
import { StackError } from './errors.js';
import { readObjectStoreCredentials } from './object-store.js';

/**
 * The settings a process started by the CLI gets from the running local stack when the environment
 * does not give them: the database, Temporal, the cluster, the dev codec key and the snapshot store.
 * Product code reads only explicit settings; this is the one place that knows the stack supplies them.
 * Returns only the variables to add (nothing when every one is set, or when no stack is up: the
 * process then fails naming what is missing). Sign-in (Dex) is added when the stack runs it.
 */
export async function localStackSettings(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const unset = (name: string) => !env[name];
  const inCluster = Boolean(env.KUBERNETES_SERVICE_HOST);
  const wanted = {
    database: unset(API_CONFIG_ENV.databaseUrl),
    temporal: unset(TEMPORAL_CONFIG_ENV.address),
    kubernetes: unset('KUBECONFIG') && !inCluster,
    codecKey: unset(CODEC_KEY_ENV.key) && unset(CODEC_KEY_ENV.keyFile),
    snapshots: unset(SNAPSHOT_STORE_ENV) && unset(SNAPSHOT_DIR_ENV),
    temporalUi: unset(API_CONFIG_ENV.temporalUiUrl),
    oidc: unset(API_CONFIG_ENV.oidcIssuer),
    corsOrigins: unset(API_CONFIG_ENV.corsOrigins),
  };
  if (!Object.values(wanted).some(Boolean)) return {};
  const endpoints = await readStackEndpoints(env).catch((error: unknown) => {
    if (error instanceof StackError && error.type === 'stack-not-up') return undefined;
    throw error;
  });
  if (!endpoints) return {};
  const settings: Record<string, string> = {};
  if (wanted.database) settings[API_CONFIG_ENV.databaseUrl] = endpoints.databaseUrl;
  if (wanted.temporal) {
    settings[TEMPORAL_CONFIG_ENV.address] = endpoints.temporal.address;
    if (unset(TEMPORAL_CONFIG_ENV.namespace))
      settings[TEMPORAL_CONFIG_ENV.namespace] = endpoints.temporal.namespace;
  }
  if (wanted.kubernetes) settings.KUBECONFIG = endpoints.kubeconfigPath;
  if (wanted.codecKey) settings[CODEC_KEY_ENV.keyFile] = await ensureDevCodecKey(endpoints.stateDir);
  if (wanted.snapshots) Object.assign(settings, await snapshotSettings(env, endpoints));
  if (wanted.temporalUi) settings[API_CONFIG_ENV.temporalUiUrl] = endpoints.temporal.uiUrl;
  // The Temporal UI calls the API's codec server from its own origin.
  if (wanted.corsOrigins) settings[API_CONFIG_ENV.corsOrigins] = endpoints.temporal.uiUrl;
  if (wanted.oidc && endpoints.oidc) {
    settings[API_CONFIG_ENV.oidcIssuer] = endpoints.oidc.issuer;
    if (unset(API_CONFIG_ENV.oidcClientSecret))
      settings[API_CONFIG_ENV.oidcClientSecretFile] = endpoints.oidc.clientSecretFile;
  }
  return settings;
}

/**
 * Snapshots go to the stack's object store, with its keys in the AWS SDK's own variables (unless the
 * environment names keys of its own); a stack without one keeps them in a directory of its state.
 */
async function snapshotSettings(
  env: NodeJS.ProcessEnv,
  endpoints: StackEndpoints,
): Promise<Record<string, string>> {
  const store = endpoints.objectStore;
  if (!store) return { [SNAPSHOT_DIR_ENV]: path.join(endpoints.stateDir, 'snapshots') };
  const settings: Record<string, string> = {
    [SNAPSHOT_STORE_ENV]: `s3://${store.bucket}`,
    [S3_ENDPOINT_ENV]: store.endpoint,
  };
  if (!env.AWS_ACCESS_KEY_ID && !env.AWS_SECRET_ACCESS_KEY) {
    const keys = await readObjectStoreCredentials(store.credentialsFile);
    settings.AWS_ACCESS_KEY_ID = keys.accessKeyId;
    settings.AWS_SECRET_ACCESS_KEY = keys.secretAccessKey;
  }
  return settings;
}

/** Adds the local stack's settings to this process's environment (the CLI's process wiring only). */
export async function useLocalStackSettings(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  Object.assign(env, await localStackSettings(env));
}

/** The environment of a test or bench process that talks to the local stack: `env` plus its settings. */
export async function localStackEnv(env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  return { ...env, ...(await localStackSettings(env)) };
}
