import { type DeployConfig, deployConfig } from './config.js';
import { KubeApiError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import { LABELS } from './labels.js';
import { namespaceFor } from './names.js';
import { waitUntilGone } from './wait.js';

export interface TeardownResult {
  environmentId: string;
  namespace: string;
  /** False when there was nothing left to delete (already torn down, or never created). */
  deleted: boolean;
  durationMs: number;
}

/**
 * Deletes an environment: its namespace (and with it everything inside) and the static volumes it
 * had outside the namespace, then waits by watching until they are gone. Idempotent and safe on a
 * half-created or half-deleted environment: whatever is left is deleted, whatever is gone is fine.
 */
export async function teardownEnvironment(params: {
  kube: KubeClient;
  environmentId: string;
  config?: DeployConfig;
  timeoutMs?: number;
  /** Called every few seconds while waiting for the namespace to go: heartbeat the activity here. */
  heartbeat?: () => void;
}): Promise<TeardownResult> {
  const started = Date.now();
  const config = params.config ?? deployConfig();
  const { kube, environmentId } = params;
  const namespace = namespaceFor(environmentId, config.namespacePrefix);
  const timeoutMs = params.timeoutMs ?? config.teardownTimeoutMs;
  const volumeSelector = `${LABELS.environment}=${environmentId},${LABELS.role}=volume`;

  const volumes = await kube.list({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    labelSelector: volumeSelector,
  });
  const deletions = await Promise.all([
    deleteNamespace(kube, namespace),
    ...volumes.items.map((v) =>
      kube.delete({ apiVersion: 'v1', kind: 'PersistentVolume', name: v.metadata!.name! }),
    ),
  ]);
  await Promise.all([
    waitUntilGone({
      kube,
      apiVersion: 'v1',
      kind: 'Namespace',
      fieldSelector: `metadata.name=${namespace}`,
      timeoutMs,
      environmentId,
      heartbeat: params.heartbeat,
    }),
    waitUntilGone({
      kube,
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      labelSelector: volumeSelector,
      timeoutMs,
      environmentId,
    }),
  ]);
  return { environmentId, namespace, deleted: deletions.some(Boolean), durationMs: Date.now() - started };
}

/** A namespace already terminating answers 409 to a second delete: that is progress, not failure. */
async function deleteNamespace(kube: KubeClient, namespace: string): Promise<boolean> {
  try {
    return await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  } catch (error) {
    if (error instanceof KubeApiError && error.params.statusCode === 409) return true;
    throw error;
  }
}
