import type { V1Pod } from '@kubernetes/client-node';
import { KubeClient } from '../deploy/kube-client.js';
import { LABELS, MANAGED_BY } from '../deploy/labels.js';

/** One pod of an environment as the dashboard shows it: a service's own, or one of its init steps'. */
export interface PodView {
  service: string;
  name: string;
  /** `init` for an init step Job's pod, `service` for the service's workload. */
  role: 'service' | 'init';
  /** The pod's phase as Kubernetes reports it (Pending, Running, Succeeded, Failed, Unknown). */
  phase: string;
  ready: boolean;
  /** Restarts summed over the pod's containers (init containers included). */
  restarts: number;
  node: string | null;
  createdAt: string | null;
  /** Init step pods only: how their steps ended (a pod neither succeeded nor failed is still running). */
  result?: 'done' | 'failed' | 'running';
}

/** A pod of an environment, summarised (pure: the route and the unit tests call it). */
export function podView(pod: V1Pod): PodView {
  const role = (pod.metadata?.ownerReferences ?? []).some((owner) => owner.kind === 'Job')
    ? 'init'
    : 'service';
  const phase = pod.status?.phase ?? 'Unknown';
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const created = pod.metadata?.creationTimestamp;
  return {
    service: pod.metadata?.labels?.[LABELS.service] ?? '',
    name: pod.metadata?.name ?? '',
    role,
    phase,
    ready: (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    restarts: statuses.reduce((sum, status) => sum + (status.restartCount ?? 0), 0),
    node: pod.spec?.nodeName ?? null,
    createdAt: created ? new Date(created).toISOString() : null,
    ...(role === 'init'
      ? { result: phase === 'Succeeded' ? 'done' : phase === 'Failed' ? 'failed' : 'running' }
      : {}),
  };
}

/**
 * Reads an environment's pods from the cluster, found by MicroStax's labels (so nothing outside an
 * environment is ever read), ordered by service, then oldest first.
 */
export class EnvironmentPods {
  private kube?: KubeClient;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async list(runtimeId: string): Promise<PodView[]> {
    this.kube ??= KubeClient.fromEnvironment(this.env);
    const list = await this.kube.list<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      labelSelector: `${LABELS.managedBy}=${MANAGED_BY},${LABELS.environment}=${runtimeId}`,
    });
    return list.items
      .map(podView)
      .filter((pod) => pod.service !== '')
      .sort(
        (a, b) =>
          a.service.localeCompare(b.service) || String(a.createdAt).localeCompare(String(b.createdAt)),
      );
  }
}
