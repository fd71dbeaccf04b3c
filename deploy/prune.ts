import type { KubeClient } from './kube-client.js';
import { LABELS, MANAGED_BY } from './labels.js';

/** The kinds a service's objects come in (pods go with their workload; volumes stay, as on teardown). */
const SERVICE_KINDS = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'batch/v1', kind: 'Job' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
] as const;

/**
 * Deletes the objects of services an environment no longer has (an apply that dropped a service), so an
 * update leaves nothing of the old blueprint running. Only objects MicroStax made and labelled with a
 * service are looked at. Idempotent: what is already gone is fine. Returns the services pruned.
 */
export async function pruneRemovedServices(params: {
  kube: KubeClient;
  namespace: string;
  keep: ReadonlySet<string>;
}): Promise<string[]> {
  const pruned = new Set<string>();
  const labelSelector = `${LABELS.managedBy}=${MANAGED_BY},${LABELS.service}`;
  await Promise.all(
    SERVICE_KINDS.map(async ({ apiVersion, kind }) => {
      const list = await params.kube.list({ apiVersion, kind, namespace: params.namespace, labelSelector });
      for (const object of list.items) {
        const service = object.metadata?.labels?.[LABELS.service];
        if (!service || params.keep.has(service)) continue;
        await params.kube.delete({
          apiVersion,
          kind,
          name: object.metadata!.name!,
          namespace: params.namespace,
        });
        pruned.add(service);
      }
    }),
  );
  return [...pruned].sort();
}
