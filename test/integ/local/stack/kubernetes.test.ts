import { randomUUID } from 'node:crypto';
import { AppsV1Api, CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';
import { STACK_NODE_LABEL } from '../../../../local/stack/kubernetes/nodes.js';
import { NODE_POOL_LABELS } from '../../../../planner/node-pools.js';

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const isNotFound = (error: unknown) => (error as { code?: number }).code === 404;

describe('Kubernetes in the local stack', () => {
  let core: CoreV1Api;
  let apps: AppsV1Api;

  beforeAll(async () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile((await readStackEndpoints()).kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
    apps = kubeConfig.makeApiClient(AppsV1Api);
  });

  it('has Ready simulated nodes with pool, zone, capacity type, price and instance type labels', async () => {
    // The simulated ones: the real node (`--real-nodes`) belongs to no pool.
    const nodes = (await core.listNode({ labelSelector: `${STACK_NODE_LABEL}=true` })).items;
    expect(nodes.length).toBeGreaterThanOrEqual(4);
    const pools = new Set(nodes.map((node) => node.metadata?.labels?.[NODE_POOL_LABELS.pool]));
    const zones = new Set(nodes.map((node) => node.metadata?.labels?.[NODE_POOL_LABELS.zone]));
    const capacityTypes = new Set(
      nodes.map((node) => node.metadata?.labels?.[NODE_POOL_LABELS.capacityType]),
    );
    expect(pools.size).toBeGreaterThanOrEqual(3);
    expect(zones.size).toBe(2);
    expect(capacityTypes).toEqual(new Set(['on-demand', 'spot']));
    for (const node of nodes) {
      expect(Number(node.metadata?.labels?.[NODE_POOL_LABELS.hourlyPrice])).toBeGreaterThan(0);
      expect(node.metadata?.labels?.[NODE_POOL_LABELS.instanceType]).toBeTruthy();
      expect(node.status?.allocatable?.cpu).toBeTruthy();
      expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    }
  });

  it("runs a Deployment's pod on a kwok node, and deleting the namespace removes everything", async () => {
    const namespace = `stack-test-${randomUUID().slice(0, 8)}`;
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    await apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'registry.k8s.io/pause:3.10' }] },
          },
        },
      },
    });

    const running = await eventually('two Running pods', async () => {
      const pods = (await core.listNamespacedPod({ namespace })).items;
      const ready = pods.filter((pod: V1Pod) => pod.status?.phase === 'Running');
      return ready.length === 2 ? ready : undefined;
    });
    for (const pod of running) {
      const node = await core.readNode({ name: pod.spec!.nodeName! });
      expect(node.metadata?.annotations?.['kwok.x-k8s.io/node']).toBe('fake');
      expect(pod.status?.podIP).toBeTruthy();
    }
    await eventually('the Deployment to report 2 available replicas', async () => {
      const deployment = await apps.readNamespacedDeployment({ name: 'web', namespace });
      return deployment.status?.availableReplicas === 2 ? true : undefined;
    });

    await core.deleteNamespace({ name: namespace });
    await eventually(
      'the namespace to be gone',
      async () => {
        try {
          await core.readNamespace({ name: namespace });
          return undefined;
        } catch (error) {
          if (isNotFound(error)) return true;
          throw error;
        }
      },
      120_000,
    );
    const leftovers = (await core.listPodForAllNamespaces({ labelSelector: 'app=web' })).items.filter(
      (pod) => pod.metadata?.namespace === namespace,
    );
    expect(leftovers).toEqual([]);
  });
});
