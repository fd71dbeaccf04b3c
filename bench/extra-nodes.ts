import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import { STACK_NODE_LABEL } from '../local/stack/kubernetes/nodes.js';
import { NODE_POOL_LABELS } from '../planner/node-pools.js';

/** Marks the nodes a bench added, so they can be told from the stack's own and removed. */
export const BENCH_NODE_LABEL = 'microstax.dev/bench-node';

/**
 * Adds `perPool` simulated nodes to every labelled pool for the length of a bench, copies of the pool's
 * first node (labels, kwok annotation, capacity), named `<node>-bench-<k>`: a larger cluster of the same
 * shape and prices. Without the stack's own node label, so the stack never adopts or removes them; the
 * returned function removes them (and is safe to call twice).
 */
export async function addPoolNodes(params: {
  kubeConfig: KubeConfig;
  perPool: number;
  bench: string;
}): Promise<{ names: string[]; remove(): Promise<void> }> {
  const api = params.kubeConfig.makeApiClient(CoreV1Api);
  const nodes = (await api.listNode({ labelSelector: NODE_POOL_LABELS.pool })).items;
  const firstOfPool = new Map<string, V1Node>();
  for (const node of nodes.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))) {
    const pool = node.metadata?.labels?.[NODE_POOL_LABELS.pool];
    if (pool && !firstOfPool.has(pool) && !node.metadata?.labels?.[BENCH_NODE_LABEL])
      firstOfPool.set(pool, node);
  }
  const names: string[] = [];
  const remove = async () => {
    await Promise.all(
      names.splice(0).map((name) => api.deleteNode({ name, gracePeriodSeconds: 0 }).catch(() => undefined)),
    );
  };
  try {
    for (const template of firstOfPool.values()) {
      for (let k = 1; k <= params.perPool; k++) {
        const name = `${template.metadata!.name}-bench-${k}`;
        names.push(name);
        await api.createNode({
          body: {
            apiVersion: 'v1',
            kind: 'Node',
            metadata: {
              name,
              annotations: template.metadata?.annotations,
              labels: {
                ...withoutKey(template.metadata?.labels ?? {}, STACK_NODE_LABEL),
                'kubernetes.io/hostname': name,
                [BENCH_NODE_LABEL]: params.bench,
              },
            },
            // Nodes take their status on create; kwok keeps it and heartbeats.
            status: {
              capacity: template.status?.capacity,
              allocatable: template.status?.allocatable,
              nodeInfo: template.status?.nodeInfo,
            },
          },
        });
      }
    }
    await untilReady(api, names);
  } catch (error) {
    await remove();
    throw error;
  }
  return { names: [...names], remove };
}

function withoutKey(labels: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _, ...rest } = labels;
  return rest;
}

/** Waits (up to 60 s) until kwok reports every node Ready, so the scheduler counts them from the start. */
async function untilReady(api: CoreV1Api, names: readonly string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const nodes = (await api.listNode({ labelSelector: BENCH_NODE_LABEL })).items;
    const ready = new Set(
      nodes
        .filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
        .map((n) => n.metadata!.name!),
    );
    if (names.every((name) => ready.has(name))) return;
    if (Date.now() > deadline) {
      throw new Error(`bench nodes not Ready after 60 s: ${names.filter((n) => !ready.has(n)).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
