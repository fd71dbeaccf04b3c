import type { KubernetesObject } from '@kubernetes/client-node';
import { NODE_POOL_LABELS, type NodeLike } from '../planner/node-pools.js';
import { type PodLike, podRequests } from '../planner/placement/live-pools.js';
import { cpuMillicores, memoryBytes } from '../planner/quantity.js';
import type { KubeClient } from './kube-client.js';
import { LABELS } from './labels.js';
import type { ServiceProgress } from './types.js';

/** Where a service's pods run and what they cost. */
export interface ServicePodPlacement {
  /** Pool name to the number of the service's pods on its nodes (`unpooled`: a node with no pool label). */
  pools: Record<string, number>;
  /**
   * Per hour: for each pod, its node's hourly price times the share of the node its requests take
   * (the larger of CPU and memory). A node without a price label costs nothing.
   */
  hourlyCost: number;
}

/** The pool of a node that carries no `microstax.dev/pool` label. */
export const UNPOOLED = 'unpooled';

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** One pod's hourly cost on its node: the node's price times the share its requests take. */
export function podHourlyCost(pod: PodLike, node: NodeLike): number {
  const price = Number(node.metadata?.labels?.[NODE_POOL_LABELS.hourlyPrice]);
  const allocatable = node.status?.allocatable;
  if (!Number.isFinite(price) || price <= 0 || !allocatable?.cpu || !allocatable.memory) return 0;
  const requests = podRequests(pod);
  const share = Math.max(
    requests.cpu / cpuMillicores(allocatable.cpu),
    requests.memory / memoryBytes(allocatable.memory),
  );
  return price * Math.min(1, share);
}

/** Per service, where its running pods are bound and their hourly cost (init Job pods excluded). */
export function podPlacementByService(params: {
  pods: readonly (PodLike & KubernetesObject)[];
  nodes: readonly NodeLike[];
}): Map<string, ServicePodPlacement> {
  const nodes = new Map(params.nodes.map((n) => [n.metadata?.name, n]));
  const byService = new Map<string, ServicePodPlacement>();
  for (const pod of params.pods) {
    const service = pod.metadata?.labels?.[LABELS.service];
    const nodeName = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    if (!service || !nodeName || pod.metadata?.labels?.[LABELS.role] === 'init') continue;
    if (phase === 'Succeeded' || phase === 'Failed' || pod.metadata?.deletionTimestamp) continue;
    const node = nodes.get(nodeName);
    const pool = node?.metadata?.labels?.[NODE_POOL_LABELS.pool] ?? UNPOOLED;
    const entry = byService.get(service) ?? { pools: {}, hourlyCost: 0 };
    entry.pools[pool] = (entry.pools[pool] ?? 0) + 1;
    entry.hourlyCost = round(entry.hourlyCost + (node ? podHourlyCost(pod, node) : 0));
    byService.set(service, entry);
  }
  return byService;
}

/** Reads the namespace's pods and the nodes they are bound to, and adds each service's placement. */
export async function withPodPlacement(params: {
  kube: KubeClient;
  namespace: string;
  services: ServiceProgress[];
}): Promise<ServiceProgress[]> {
  const [pods, nodes] = await Promise.all([
    params.kube.list<PodLike & KubernetesObject>({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: params.namespace,
    }),
    params.kube.list<NodeLike & KubernetesObject>({ apiVersion: 'v1', kind: 'Node' }),
  ]);
  const placement = podPlacementByService({ pods: pods.items, nodes: nodes.items });
  return params.services.map((s) => {
    const found = placement.get(s.service);
    return found ? { ...s, placement: found } : s;
  });
}
