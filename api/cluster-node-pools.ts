import type { KubernetesObject } from '@kubernetes/client-node';
import { KubeClient } from '../deploy/kube-client.js';
import { NODE_POOL_LABELS, type NodeLike, type NodePool, nodePoolsFromNodes } from '../planner/node-pools.js';

/**
 * The node pools placement dry runs use by default: the cluster's labelled nodes, read the way the
 * worker reads them for a real create (activities/planner-adapter.ts), so a plan's placement matches
 * what the create would do. The cluster is KUBECONFIG's, or the pod's; the client is made on
 * first use (most API calls never need it). Throws when the cluster cannot be read; returns [] when
 * no node carries the pool label.
 */
export function clusterNodePools(env: NodeJS.ProcessEnv = process.env): () => Promise<NodePool[]> {
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
    return nodePoolsFromNodes(nodes.items);
  };
}
