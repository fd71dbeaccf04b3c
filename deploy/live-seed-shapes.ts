import type { V1StatefulSet } from '@kubernetes/client-node';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { SeedShape } from './config.js';
import type { KubeClient } from './kube-client.js';
import { ANNOTATIONS, LABELS } from './labels.js';

/**
 * The seed shape of each seeded data service whose workload is live: a workload keeps the shape it
 * was made with, whatever MICROSTAX_INIT_SQL says now. One seeded by its entrypoint (the
 * seed-in-service annotation) would be seeded a second time by a Job; one seeded by a Job, or made
 * before it had init steps, has its data directory already, so its entrypoint would run no script
 * (and the new mounts would restart the server for nothing). The setting chooses for new workloads
 * only. No request when no data service has init steps.
 */
export async function lookUpLiveSeedShapes(params: {
  kube: KubeClient;
  blueprint: ResolvedBlueprint;
  namespace: string;
  environmentId: string;
}): Promise<Record<string, SeedShape>> {
  const seeded = new Set(
    params.blueprint.services.filter((s) => s.isDataService && s.init.length > 0).map((s) => s.name),
  );
  if (seeded.size === 0) return {};
  const sets = await params.kube.list<V1StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    namespace: params.namespace,
    labelSelector: `${LABELS.environment}=${params.environmentId}`,
  });
  const shapes: Record<string, SeedShape> = {};
  for (const set of sets.items) {
    const service = set.metadata?.labels?.[LABELS.service] ?? set.metadata!.name!;
    if (!seeded.has(service)) continue;
    shapes[service] = set.metadata?.annotations?.[ANNOTATIONS.seedInService] ? 'service' : 'job';
  }
  return shapes;
}
