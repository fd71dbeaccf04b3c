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
 * had outside the namespace, then its pods with a short grace period (TEARDOWN_POD_GRACE_SECONDS),
 * then waits by watching until they are gone. Idempotent and safe on a
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
  await deletePodsQuickly(kube, namespace);
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

/**
 * Grace period of the environment's pods at teardown, instead of their own (30 s by default). The
 * namespace controller waits 5 s after the namespace delete before its first pass; a pod still
 * there then costs a second pass 5 s later (or more: up to half the grace period, which a container
 * that ignores SIGTERM uses in full). 2 s still gives apps SIGTERM and time to close their
 * connections, and all of the environment, data included, is being discarded anyway.
 */
export const TEARDOWN_POD_GRACE_SECONDS = 2;

/**
 * Deletes the namespace's pods with the short grace period. Called after the namespace delete: a
 * terminating namespace admits no new pods, so no ReplicaSet or StatefulSet replaces them. Only a
 * speed-up: a worker whose RBAC predates the pod `delete` rule (an older chart) is refused with 403,
 * and the namespace controller then removes the pods at their own pace, as before.
 */
async function deletePodsQuickly(kube: KubeClient, namespace: string): Promise<void> {
  try {
    const pods = await kube.list({ apiVersion: 'v1', kind: 'Pod', namespace });
    await Promise.all(
      pods.items.map((pod) =>
        kube.delete(
          { apiVersion: 'v1', kind: 'Pod', namespace, name: pod.metadata!.name! },
          { gracePeriodSeconds: TEARDOWN_POD_GRACE_SECONDS },
        ),
      ),
    );
  } catch (error) {
    if (!(error instanceof KubeApiError && error.params.statusCode === 403)) throw error;
  }
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
