import { randomBytes } from 'node:crypto';
import type { V1Job, V1Node, V1Pod } from '@kubernetes/client-node';
import { KubeClient, type WatchedList } from '../../../deploy/kube-client.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';

/** A client for the local stack's cluster; throws (never skips) when the stack is not up. */
export async function stackKube(): Promise<KubeClient> {
  const endpoints = await readStackEndpoints();
  const kube = KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath);
  // Fail loudly and early when the API server does not answer.
  await kube.list({ apiVersion: 'v1', kind: 'Namespace', labelSelector: 'microstax.dev/none' });
  return kube;
}

/** A unique environment id per test, so parallel or repeated runs never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/**
 * A node that kwok does NOT manage: the test plays its kubelet, so it can make a pod fail the way a
 * real one would (a failing init container, a bad image). Pods reach it through a node selector.
 */
export class FakeKubeletNode {
  readonly name: string;
  readonly selector: Record<string, string>;
  private stopWatch?: () => Promise<void>;

  constructor(
    private readonly kube: KubeClient,
    id: string,
  ) {
    this.name = `fake-kubelet-${id}`;
    this.selector = { 'microstax.test/fake-kubelet': id };
  }

  async start(decide: (pod: V1Pod) => V1Pod['status'] | undefined): Promise<void> {
    const node: V1Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: this.name, labels: { ...this.selector, 'kubernetes.io/hostname': this.name } },
    };
    await this.kube.apply(node);
    // Controllers touch a new node (taints, annotations): retry on conflict with the latest copy.
    for (let attempt = 0; ; attempt++) {
      const live = await this.kube.read<V1Node>({ apiVersion: 'v1', kind: 'Node', name: this.name });
      const now = new Date();
      try {
        await this.kube.core.replaceNodeStatus({
          name: this.name,
          body: {
            ...live,
            status: {
              allocatable: { cpu: '4', memory: '8Gi', pods: '20' },
              capacity: { cpu: '4', memory: '8Gi', pods: '20' },
              conditions: [
                {
                  type: 'Ready',
                  status: 'True',
                  reason: 'KubeletReady',
                  message: 'test kubelet',
                  lastHeartbeatTime: now,
                  lastTransitionTime: now,
                },
              ],
            },
          },
        });
        break;
      } catch (error) {
        if ((error as { code?: number }).code !== 409 || attempt >= 10) throw error;
      }
    }
    const handled = new Map<string, string>();
    const list = await this.kube.watchList<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      fieldSelector: `spec.nodeName=${this.name}`,
      onChange: (_event, object) => {
        const pod = object as V1Pod;
        const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
        if (pod.metadata?.deletionTimestamp) {
          // As a kubelet does once its containers stopped: confirm the deletion, so teardown is quick.
          void this.kube.core
            .deleteNamespacedPod({
              name: pod.metadata.name!,
              namespace: pod.metadata.namespace!,
              gracePeriodSeconds: 0,
            })
            .catch(() => undefined);
          return;
        }
        if (handled.has(key)) return;
        const status = decide(pod);
        if (!status) return;
        handled.set(key, 'done');
        void this.kube
          .call(`fake kubelet status ${key}`, () =>
            this.kube.core.replaceNamespacedPodStatus({
              name: pod.metadata!.name!,
              namespace: pod.metadata!.namespace!,
              body: { ...pod, status: { hostIP: '10.0.0.99', podIP: '10.244.250.1', ...status } },
            }),
          )
          .catch(() => handled.delete(key));
      },
      onError: () => undefined,
    });
    this.stopWatch = () => list.stop();
  }

  async stop(): Promise<void> {
    await this.stopWatch?.();
    await this.kube.delete({ apiVersion: 'v1', kind: 'Node', name: this.name });
  }
}

/**
 * Waits, by watching, until the init Jobs named have `succeeded: 1`: a deploy counts a Job done once
 * its pod succeeded, and the Job controller writes the count a moment later.
 */
export async function jobsSucceeded(params: {
  kube: KubeClient;
  namespace: string;
  names: string[];
  timeoutMs?: number;
}): Promise<V1Job[]> {
  const { kube, namespace, names } = params;
  let settle: (jobs: V1Job[]) => void = () => {};
  const done = new Promise<V1Job[]>((resolve) => {
    settle = resolve;
  });
  let list: WatchedList<V1Job> | undefined;
  const check = () => {
    const jobs = names.map((n) => list?.list().find((j) => j.metadata?.name === n));
    if (jobs.every((j) => (j?.status?.succeeded ?? 0) === 1)) settle(jobs as V1Job[]);
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    list = await kube.watchList<V1Job>({
      apiVersion: 'batch/v1',
      kind: 'Job',
      namespace,
      onChange: check,
      onError: () => undefined,
    });
    check();
    return await Promise.race([
      done,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Jobs ${names.join(', ')} in ${namespace} never reported succeeded: 1`)),
          params.timeoutMs ?? 30_000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await list?.stop();
  }
}
