import type { V1Namespace } from '@kubernetes/client-node';
import { type DeployConfig, deployConfig } from './config.js';
import type { KubeClient } from './kube-client.js';
import { ANNOTATIONS, ENVIRONMENT_NAMESPACE_SELECTOR, LABELS } from './labels.js';
import { namespaceFor } from './names.js';
import { teardownEnvironment } from './teardown.js';

export interface Orphan {
  environmentId: string;
  namespace: string;
  createdAt?: string;
  /** Whether this sweep deleted it (only with `remove: true`). */
  removed: boolean;
  /** Why removing failed, when it did. */
  error?: string;
}

/** Namespaces younger than this are skipped: their environment record may not be written yet. */
const DEFAULT_MIN_AGE_MS = 10 * 60_000;

/**
 * Finds namespaces that carry our labels but whose environment is not live, and reports them or,
 * with `remove: true`, tears them down. `isLive` is how the metadata store answers "does this
 * environment still exist?".
 */
export async function sweepOrphans(params: {
  kube: KubeClient;
  isLive: (environmentId: string) => boolean | Promise<boolean>;
  remove?: boolean;
  /** Skip namespaces created less than this long ago (default 10 minutes). */
  minAgeMs?: number;
  config?: DeployConfig;
  now?: Date;
}): Promise<{ orphans: Orphan[] }> {
  const config = params.config ?? deployConfig();
  const now = (params.now ?? new Date()).getTime();
  const minAgeMs = params.minAgeMs ?? DEFAULT_MIN_AGE_MS;
  const namespaces = await params.kube.list<V1Namespace>({
    apiVersion: 'v1',
    kind: 'Namespace',
    labelSelector: ENVIRONMENT_NAMESPACE_SELECTOR,
  });
  const orphans: Orphan[] = [];
  for (const ns of namespaces.items) {
    const environmentId = ns.metadata?.labels?.[LABELS.environment];
    const name = ns.metadata?.name;
    if (!environmentId || !name) continue;
    const created = ns.metadata?.creationTimestamp ? new Date(ns.metadata.creationTimestamp).getTime() : 0;
    if (now - created < minAgeMs) continue;
    if (await params.isLive(environmentId)) continue;
    const orphan: Orphan = { environmentId, namespace: name, removed: false };
    if (ns.metadata?.creationTimestamp)
      orphan.createdAt = new Date(ns.metadata.creationTimestamp).toISOString();
    if (params.remove) {
      try {
        await teardownEnvironment({ kube: params.kube, environmentId, config });
        orphan.removed = true;
      } catch (error) {
        orphan.error = error instanceof Error ? error.message : String(error);
      }
    }
    orphans.push(orphan);
  }
  return { orphans };
}

/** What one graced sweep did (see sweepOrphansAfterGrace). */
export interface GracedSweep {
  examined: number;
  marked: { namespace: string; environmentId: string }[];
  deleted: { namespace: string; environmentId: string; orphanedSince: string }[];
  failed: { namespace: string; environmentId: string; error: string }[];
}

/**
 * The orphan sweep a Schedule runs: a namespace MicroStax labelled whose environment is not live is
 * marked (annotation `microstax.dev/orphaned-since`) the first time it is seen, and deleted by a later
 * sweep once it has stayed orphaned for `graceMs`. A mark on a namespace found live again is removed.
 * Only namespaces carrying MicroStax's labels are listed, and only one whose name is its environment's
 * namespace is deleted, so nothing MicroStax did not make is ever touched.
 */
export async function sweepOrphansAfterGrace(params: {
  kube: KubeClient;
  isLive: (environmentId: string) => Promise<boolean>;
  graceMs: number;
  /** Narrows the namespaces looked at; MicroStax's labels are always required. */
  labelSelector?: string;
  config?: DeployConfig;
  now?: () => Date;
  heartbeat?: () => void;
}): Promise<GracedSweep> {
  const config = params.config ?? deployConfig();
  const now = params.now ?? (() => new Date());
  const namespaces = await params.kube.list<V1Namespace>({
    apiVersion: 'v1',
    kind: 'Namespace',
    labelSelector: [ENVIRONMENT_NAMESPACE_SELECTOR, params.labelSelector].filter(Boolean).join(','),
  });
  const result: GracedSweep = { examined: 0, marked: [], deleted: [], failed: [] };
  for (const ns of namespaces.items) {
    const environmentId = ns.metadata?.labels?.[LABELS.environment];
    const namespace = ns.metadata?.name;
    // Terminating already, or not an environment's own namespace: not ours to delete.
    if (!environmentId || !namespace || ns.metadata?.deletionTimestamp) continue;
    if (namespace !== namespaceFor(environmentId, config.namespacePrefix)) continue;
    result.examined++;
    params.heartbeat?.();
    const ref = { apiVersion: 'v1', kind: 'Namespace', name: namespace };
    const since = ns.metadata?.annotations?.[ANNOTATIONS.orphanedSince];
    if (await params.isLive(environmentId)) {
      if (since) await params.kube.annotate(ref, { [ANNOTATIONS.orphanedSince]: null });
      continue;
    }
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    if (Number.isNaN(sinceMs)) {
      await params.kube.annotate(ref, { [ANNOTATIONS.orphanedSince]: now().toISOString() });
      result.marked.push({ namespace, environmentId });
      continue;
    }
    if (now().getTime() - sinceMs < params.graceMs) continue;
    try {
      await teardownEnvironment({ kube: params.kube, environmentId, config, heartbeat: params.heartbeat });
      result.deleted.push({ namespace, environmentId, orphanedSince: since! });
    } catch (error) {
      result.failed.push({
        namespace,
        environmentId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
