import type { V1StatefulSet } from '@kubernetes/client-node';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { DeployConfig } from './config.js';
import type { KubeClient } from './kube-client.js';
import { ANNOTATIONS, LABELS } from './labels.js';

/**
 * The services whose live workload was seeded by its own entrypoint (the seed-in-service
 * annotation). With MICROSTAX_INIT_SQL back at `job` they keep that shape: a Job would seed their
 * data a second time. No request when the setting is `service` or no data service has init steps.
 */
export async function lookUpSeededInService(params: {
  kube: KubeClient;
  config: DeployConfig;
  blueprint: ResolvedBlueprint;
  namespace: string;
  environmentId: string;
}): Promise<string[]> {
  if (params.config.initSql === 'service') return [];
  if (!params.blueprint.services.some((s) => s.isDataService && s.init.length > 0)) return [];
  const sets = await params.kube.list<V1StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    namespace: params.namespace,
    labelSelector: `${LABELS.environment}=${params.environmentId}`,
  });
  return sets.items
    .filter((s) => s.metadata?.annotations?.[ANNOTATIONS.seedInService])
    .map((s) => s.metadata?.labels?.[LABELS.service] ?? s.metadata!.name!);
}
