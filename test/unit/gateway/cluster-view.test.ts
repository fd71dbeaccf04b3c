import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../../../deploy/errors.js';
import type { KubeClient, WatchListOptions } from '../../../deploy/kube-client.js';
import { watchCluster } from '../../../gateway/cluster-view.js';

/**
 * The view's own resilience, over a stand-in for KubeClient.watchList (the real watches are
 * covered by test/integ/gateway): a watch that fails for good is re-opened, and the last lists
 * keep serving meanwhile.
 */
class ScriptedWatches {
  readonly opened: string[] = [];
  readonly live = new Map<string, WatchListOptions>();
  failNextOpen = false;
  objects: Record<string, KubernetesObject[]> = {
    Ingress: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name: 'api',
          namespace: 'msx-a',
          labels: { 'microstax.dev/environment': 'a', 'app.kubernetes.io/managed-by': 'microstax' },
        },
        spec: {
          ingressClassName: 'microstax',
          rules: [
            {
              host: 'api.a.microstax.localhost',
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: 'api', port: { number: 80 } } },
                  },
                ],
              },
            },
          ],
        },
      } as KubernetesObject,
    ],
    Service: [],
    ConfigMap: [],
    Deployment: [],
    StatefulSet: [],
    EndpointSlice: [
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'api-x1', namespace: 'msx-a', labels: { 'kubernetes.io/service-name': 'api' } },
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 8080 }],
        endpoints: [{ addresses: ['10.88.5.5'], conditions: { ready: true } }],
      } as KubernetesObject,
    ],
  };

  asKube(): KubeClient {
    return {
      watchList: async (options: WatchListOptions) => {
        this.opened.push(options.kind);
        if (this.failNextOpen && options.kind === 'Ingress') {
          this.failNextOpen = false;
          throw new Error('connection refused');
        }
        this.live.set(options.kind, options);
        const snapshot = [...this.objects[options.kind]!];
        return { list: () => snapshot, stop: async () => {} };
      },
    } as unknown as KubeClient;
  }

  fail(kind: string): void {
    const options = this.live.get(kind)!;
    this.live.delete(kind);
    options.onError(
      new KubeApiError(
        { statusCode: 403, reason: 'Forbidden', apiMessage: 'forbidden', operation: 'watch' },
        false,
      ),
    );
  }
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe('watchCluster', () => {
  it('routes by ClusterIP while its EndpointSlice watch re-opens: pods may have gone unseen meanwhile', async () => {
    const watches = new ScriptedWatches();
    const view = await watchCluster({ kube: watches.asKube(), onProblem: () => {} });
    try {
      expect(view.snapshot().endpoints).toBeDefined();
      watches.fail('EndpointSlice');
      expect(view.snapshot().endpoints).toBeUndefined();
      expect(await until(() => watches.live.has('EndpointSlice'))).toBe(true);
      expect(view.snapshot().endpoints).toBeDefined();
    } finally {
      await view.stop();
    }
  });

  it('re-opens a watch that failed for good, with backoff, serving the last list meanwhile', async () => {
    const watches = new ScriptedWatches();
    const problems: string[] = [];
    const view = await watchCluster({ kube: watches.asKube(), onProblem: (p) => problems.push(p.message) });
    try {
      expect(watches.opened).toEqual([
        'Ingress',
        'Service',
        'ConfigMap',
        'Deployment',
        'StatefulSet',
        'EndpointSlice',
      ]);
      expect(view.status()).toMatchObject({ ingresses: 1, hosts: 1, reconnecting: 0 });

      watches.failNextOpen = true; // the first re-open fails too: the next one, later, succeeds
      watches.fail('Ingress');
      expect(view.status()).toMatchObject({ ingresses: 1, hosts: 1, reconnecting: 1 });
      expect(view.snapshot().hosts.has('api.a.microstax.localhost')).toBe(true);

      expect(await until(() => watches.live.has('Ingress'))).toBe(true);
      expect(view.status().reconnecting).toBe(0);
      expect(watches.opened.filter((kind) => kind === 'Ingress')).toHaveLength(3);
      expect(problems).toEqual([
        'watch: 403 Forbidden: forbidden; re-opening',
        'connection refused; retrying',
      ]);
    } finally {
      await view.stop();
    }
  });

  it("keeps each Service's ready endpoints, and forgets slices deleted while the watch was down", async () => {
    const watches = new ScriptedWatches();
    const view = await watchCluster({ kube: watches.asKube(), onProblem: () => {} });
    try {
      expect(view.snapshot().endpoints?.('msx-a', 'api', 'http')).toEqual([
        { address: '10.88.5.5', port: 8080 },
      ]);
      expect(view.status().endpointServices).toBe(1);
      watches.objects.EndpointSlice = [];
      watches.fail('EndpointSlice');
      expect(await until(() => watches.live.has('EndpointSlice'))).toBe(true);
      expect(view.snapshot().endpoints?.('msx-a', 'api', 'http')).toBeUndefined();
    } finally {
      await view.stop();
    }
  });

  it('fails when a first list fails: a wrong kubeconfig shows at start, not on the first request', async () => {
    const watches = new ScriptedWatches();
    watches.failNextOpen = true;
    await expect(watchCluster({ kube: watches.asKube(), onProblem: () => {} })).rejects.toThrow(
      'connection refused',
    );
  });
});
