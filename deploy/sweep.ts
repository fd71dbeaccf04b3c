import type { V1Namespace } from '@kubernetes/client-node';
import { type DeployConfig, deployConfig } from './config.js';
import type { KubeClient } from './kube-client.js';
import { ENVIRONMENT_NAMESPACE_SELECTOR, LABELS } from './labels.js';
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
