import type { KubernetesObject } from '@kubernetes/client-node';
import { KubeClient } from '../deploy/kube-client.js';
import { NODE_POOL_LABELS, type NodeLike } from '../planner/node-pools.js';
import { type ClusterView, clusterView } from '../planner/placement/live-placement.js';
import { type PodLike, UNFINISHED_PODS } from '../planner/placement/live-pools.js';

/**
 * What placement dry runs read by default: the cluster's labelled node pools and the pods that hold
 * room on them, read the way the worker reads them for a real create (activities/planner-adapter.ts),
 * so a plan's placement matches what the create would do now. The cluster is KUBECONFIG's, or the
 * pod's; the client is made on first use (most API calls never need it). Throws when the cluster
 * cannot be read; `pools` is [] when no node carries the pool label.
 */
export function clusterNodePools(env: NodeJS.ProcessEnv = process.env): () => Promise<ClusterView> {
  let kube: Promise<KubeClient> | undefined;
  return async () => {
    kube ??= (async () => KubeClient.fromEnvironment(env))();
    const client = await kube.catch((error: unknown) => {
      kube = undefined;
      throw error;
    });
    const nodes = await client.list<NodeLike & KubernetesObject>({
      apiVersion: 'v1',
      kind: 'Node',
      labelSelector: NODE_POOL_LABELS.pool,
    });
    const view = clusterView(nodes.items, []);
    if (view.pools.length === 0) return view;
    const pods = await client.list<PodLike & KubernetesObject>({
      apiVersion: 'v1',
      kind: 'Pod',
      fieldSelector: UNFINISHED_PODS,
    });
    return { ...view, pods: pods.items };
  };
}
