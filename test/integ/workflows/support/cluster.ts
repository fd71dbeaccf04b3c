import { randomBytes } from 'node:crypto';
import type { V1Namespace, V1Node } from '@kubernetes/client-node';
import { KubeRuntime } from '../../../../activities/kube-runtime.js';
import type { EnvironmentRuntime } from '../../../../activities/ports.js';
import { type DeployConfigInput, deployConfig, type KubeClient, LABELS } from '../../../../deploy/index.js';

/**
 * The workflow tests' runtime is the production one, KubeRuntime over the local stack's real cluster
 * (kwok nodes make pods Running). These helpers build it and look at what it made.
 */

/**
 * The deploy config of the tests: an unschedulable pod fails after 1 s (no autoscaler here) unless a
 * test waits for capacity on purpose, and nothing waits longer than two minutes.
 */
export function testDeployConfig(overrides: Partial<DeployConfigInput> = {}) {
  return deployConfig({ unschedulableGraceMs: 1_000, readyTimeoutMs: 120_000, ...overrides });
}

/** KubeRuntime on the stack's cluster. */
export function clusterRuntime(kube: KubeClient, overrides: Partial<DeployConfigInput> = {}): KubeRuntime {
  return new KubeRuntime({ kube, config: testDeployConfig(overrides) });
}

/** Every namespace labelled as this environment's, terminating ones included (a duplicate would show here). */
export async function namespacesOf(kube: KubeClient, environmentId: string): Promise<V1Namespace[]> {
  const list = await kube.list<V1Namespace>({
    apiVersion: 'v1',
    kind: 'Namespace',
    labelSelector: `${LABELS.environment}=${environmentId}`,
  });
  return list.items;
}

/** True once the environment has no namespace left (teardown waits for it, so this is immediate after). */
export async function isGone(kube: KubeClient, environmentId: string): Promise<boolean> {
  return (await namespacesOf(kube, environmentId)).length === 0;
}

/**
 * A thin wrapper over the real runtime for the one failure the cluster cannot produce on demand: a
 * transient API error. Every call goes to the real KubeRuntime; the first `transientDeployFailures`
 * deploys throw a retryable error after the real apply has run (so the retry re-applies for real).
 * It also counts deploys, which is how tests check "applied once".
 */
export class FlakyRuntime implements EnvironmentRuntime {
  deploys = 0;
  constructor(
    private readonly inner: EnvironmentRuntime,
    private readonly options: { transientDeployFailures?: number } = {},
  ) {}

  async deploy(params: Parameters<EnvironmentRuntime['deploy']>[0]) {
    this.deploys++;
    const result = await this.inner.deploy(params);
    if (this.deploys <= (this.options.transientDeployFailures ?? 0)) {
      throw Object.assign(new Error('kube-apiserver: connection reset by peer'), { retryable: true });
    }
    return result;
  }
  runInitSteps(params: Parameters<EnvironmentRuntime['runInitSteps']>[0]) {
    return this.inner.runInitSteps(params);
  }
  relabel(params: Parameters<EnvironmentRuntime['relabel']>[0]) {
    return this.inner.relabel(params);
  }
  scale(params: Parameters<EnvironmentRuntime['scale']>[0]) {
    return this.inner.scale(params);
  }
  teardown(params: Parameters<EnvironmentRuntime['teardown']>[0]) {
    return this.inner.teardown(params);
  }
}

/**
 * Capacity that arrives later, as an autoscaler would add it: a kwok-managed node with more CPU than any
 * node of the stack's pools (8 at most). A service that requests `CAPACITY_NODE_CPU` cores (within the
 * environment's quota of 16) stays Pending, really unschedulable, until `add()`; kwok then makes its pod
 * Running. Remove it when done.
 */
export const CAPACITY_NODE_CPU = '12';

export class CapacityNode {
  readonly name = `capacity-${randomBytes(3).toString('hex')}`;

  constructor(private readonly kube: KubeClient) {}

  async add(): Promise<void> {
    const resources = { cpu: '256', memory: '1Ti', pods: '110' };
    const node: V1Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: this.name,
        // kwok manages only nodes with this annotation (local/stack/kubernetes/components.ts).
        annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
        labels: { type: 'kwok', 'kubernetes.io/hostname': this.name, 'microstax.test/capacity': 'true' },
      },
      status: { capacity: resources, allocatable: resources, phase: 'Running' },
    };
    await this.kube.call(`create node ${this.name}`, () => this.kube.core.createNode({ body: node }));
  }

  async remove(): Promise<void> {
    await this.kube.delete({ apiVersion: 'v1', kind: 'Node', name: this.name });
  }
}
