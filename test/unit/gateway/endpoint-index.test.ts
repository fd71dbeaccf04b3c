import type { V1EndpointSlice, V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { decideRoute } from '../../../gateway/decide.js';
import { createEndpointIndex, pickEndpoint } from '../../../gateway/endpoint-index.js';
import { buildHostTable } from '../../../gateway/host-table.js';
import { resolveServiceBackend } from '../../../gateway/service-backend.js';

/**
 * The gateway's choice of endpoint: a ready pod of the Service from its EndpointSlices (routable
 * the moment the pod is ready), the ClusterIP when the slices know none.
 */

function slice(params: {
  namespace?: string;
  service: string;
  name?: string;
  /** address → ready (undefined: unset, which counts as ready) */
  endpoints: Record<string, boolean | undefined>;
  ports?: { name?: string; port: number; protocol?: string }[];
  addressType?: string;
}): V1EndpointSlice {
  return {
    addressType: params.addressType ?? 'IPv4',
    metadata: {
      name: params.name ?? `${params.service}-x1`,
      namespace: params.namespace ?? 'msx-a',
      labels: { 'kubernetes.io/service-name': params.service },
    },
    ports: params.ports ?? [{ name: 'http', port: 8080 }],
    endpoints: Object.entries(params.endpoints).map(([address, ready]) => ({
      addresses: [address],
      conditions: ready === undefined ? {} : { ready },
    })),
  };
}

function service(params: {
  namespace?: string;
  name: string;
  clusterIP?: string;
  ports?: { name?: string; port: number }[];
  externalName?: string;
}): V1Service {
  return {
    metadata: { name: params.name, namespace: params.namespace ?? 'msx-a' },
    spec: params.externalName
      ? { type: 'ExternalName', externalName: params.externalName, ports: params.ports }
      : {
          type: 'ClusterIP',
          clusterIP: params.clusterIP ?? '10.96.0.10',
          ports: params.ports ?? [{ name: 'http', port: 80 }],
        },
  };
}

function lookup(services: V1Service[]) {
  const index = new Map(services.map((s) => [`${s.metadata?.namespace}/${s.metadata?.name}`, s]));
  return (namespace: string, name: string) => index.get(`${namespace}/${name}`);
}

describe('the endpoint index', () => {
  it("keeps each Service port's ready endpoints over all its slices, by port name", () => {
    const index = createEndpointIndex();
    index.apply('add', slice({ service: 'api', endpoints: { '10.88.0.5': true, '10.88.0.6': false } }));
    index.apply('add', slice({ service: 'api', name: 'api-x2', endpoints: { '10.88.0.7': undefined } }));
    index.apply(
      'add',
      slice({
        service: 'db',
        endpoints: { '10.88.0.9': true },
        ports: [{ port: 5432 }, { name: 'dns', port: 53, protocol: 'UDP' }],
      }),
    );
    expect(index.lookup('msx-a', 'api', 'http')).toEqual([
      { address: '10.88.0.5', port: 8080 },
      { address: '10.88.0.7', port: 8080 },
    ]);
    // An unnamed Service port is '' in its slices; UDP ports are never served.
    expect(index.lookup('msx-a', 'db', '')).toEqual([{ address: '10.88.0.9', port: 5432 }]);
    expect(index.lookup('msx-a', 'db', 'dns')).toEqual([]);
    expect(index.lookup('msx-a', 'api', 'grpc')).toEqual([]);
    expect(index.lookup('msx-a', 'ghost', 'http')).toBeUndefined();
    expect(index.size()).toBe(2);
  });

  it('follows updates and deletes, and a fresh list after a re-opened watch', () => {
    const index = createEndpointIndex();
    index.apply('add', slice({ service: 'api', endpoints: { '10.88.0.5': true } }));
    // An updated Deployment: the old pod terminating (not ready), the new one ready.
    index.apply('update', slice({ service: 'api', endpoints: { '10.88.0.5': false, '10.88.0.8': true } }));
    expect(index.lookup('msx-a', 'api', 'http')).toEqual([{ address: '10.88.0.8', port: 8080 }]);
    // Asleep: slices with no ready endpoint (the ClusterIP answers: a wake's hold).
    index.apply('update', slice({ service: 'api', endpoints: {} }));
    expect(index.lookup('msx-a', 'api', 'http')).toEqual([]);
    index.apply('delete', slice({ service: 'api', endpoints: {} }));
    expect(index.lookup('msx-a', 'api', 'http')).toBeUndefined();
    index.apply('add', slice({ service: 'api', endpoints: { '10.88.0.5': true } }));
    index.reset([slice({ service: 'web', endpoints: { '10.88.0.3': true } })]);
    expect(index.lookup('msx-a', 'api', 'http')).toBeUndefined();
    expect(index.lookup('msx-a', 'web', 'http')).toHaveLength(1);
  });

  it('ignores FQDN slices and slices that name no Service', () => {
    const index = createEndpointIndex();
    index.apply(
      'add',
      slice({ service: 'api', endpoints: { 'api.example.test': true }, addressType: 'FQDN' }),
    );
    const orphan = slice({ service: 'web', endpoints: { '10.88.0.3': true } });
    delete orphan.metadata?.labels;
    index.apply('add', orphan);
    expect(index.lookup('msx-a', 'api', 'http')).toEqual([]);
    expect(index.lookup('msx-a', 'web', 'http')).toBeUndefined();
  });

  it('picks among ready endpoints at random, so load spreads', () => {
    const endpoints = [
      { address: 'a', port: 1 },
      { address: 'b', port: 1 },
      { address: 'c', port: 1 },
    ];
    expect(pickEndpoint(endpoints, () => 0).address).toBe('a');
    expect(pickEndpoint(endpoints, () => 0.5).address).toBe('b');
    expect(pickEndpoint(endpoints, () => 0.999).address).toBe('c');
  });
});

describe('resolveServiceBackend with endpoints', () => {
  const index = createEndpointIndex();
  index.apply('add', slice({ service: 'api', endpoints: { '10.88.0.5': true } }));
  index.apply('add', slice({ service: 'asleep', endpoints: {} }));
  index.apply('add', slice({ service: 'headless', endpoints: { '10.88.0.6': true } }));
  const services = lookup([
    service({ name: 'api', clusterIP: '10.96.1.1' }),
    service({ name: 'asleep', clusterIP: '10.96.1.2' }),
    service({ name: 'new', clusterIP: '10.96.1.3' }),
    service({ name: 'headless', clusterIP: 'None' }),
    service({ name: 'headless-asleep', clusterIP: 'None' }),
    service({
      namespace: 'msx-br',
      name: 'api',
      externalName: 'api.msx-a.svc.cluster.local',
      ports: [{ name: 'http', port: 80 }],
    }),
    service({ namespace: 'msx-br', name: 'outside', externalName: 'example.test' }),
  ]);
  const resolve = (namespace: string, name: string, port: number | string) =>
    resolveServiceBackend({ services, endpoints: index.lookup, namespace, service: name, port });

  it("connects to a ready pod at its target port, the Service's port kept for routing tables", () => {
    expect(resolve('msx-a', 'api', 80)).toEqual({
      ok: true,
      address: '10.88.0.5',
      port: 8080,
      namespace: 'msx-a',
      via: 'endpoint',
      servicePort: 80,
    });
    expect(resolve('msx-a', 'api', 'http')).toMatchObject({ address: '10.88.0.5', port: 8080 });
  });

  it('falls back to the ClusterIP without a ready endpoint (asleep) or without slices (just created)', () => {
    expect(resolve('msx-a', 'asleep', 80)).toMatchObject({
      address: '10.96.1.2',
      port: 80,
      via: 'cluster-ip',
    });
    expect(resolve('msx-a', 'new', 80)).toMatchObject({ address: '10.96.1.3', port: 80, via: 'cluster-ip' });
  });

  it("follows an ExternalName to the in-cluster Service's pods; an outside host stays a host", () => {
    expect(resolve('msx-br', 'api', 'http')).toMatchObject({
      address: '10.88.0.5',
      port: 8080,
      namespace: 'msx-a',
    });
    expect(resolve('msx-br', 'outside', 443)).toMatchObject({ address: 'example.test', via: 'external' });
  });

  it('serves a headless Service from its ready pods, and says why when it has none', () => {
    expect(resolve('msx-a', 'headless', 80)).toMatchObject({ address: '10.88.0.6', via: 'endpoint' });
    const none = resolve('msx-a', 'headless-asleep', 80);
    expect(none.ok ? 'ok' : none.reason).toBe(
      'Service msx-a/headless-asleep is headless (no ClusterIP) and has no ready endpoint',
    );
  });

  it("header-routes by the Service's port even when the pod listens on another", () => {
    const routed = createEndpointIndex();
    routed.apply('add', slice({ namespace: 'msx-main', service: 'api', endpoints: { '10.88.1.1': true } }));
    routed.apply('add', slice({ namespace: 'msx-pr', service: 'api', endpoints: { '10.88.1.2': true } }));
    const { table: hosts } = buildHostTable([
      {
        metadata: {
          name: 'api',
          namespace: 'msx-main',
          labels: { 'app.kubernetes.io/managed-by': 'microstax', 'microstax.dev/environment': 'main' },
        },
        spec: {
          ingressClassName: 'microstax',
          rules: [
            {
              host: 'api.main.microstax.localhost',
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
      },
    ]);
    const decision = decideRoute({
      snapshot: {
        hosts,
        services: lookup([
          service({ namespace: 'msx-main', name: 'api' }),
          service({ namespace: 'msx-pr', name: 'api' }),
        ]),
        endpoints: routed.lookup,
        tables: [
          {
            version: 1,
            environment: 'main',
            header: 'baggage',
            baggageKey: 'microstax-env',
            services: { api: { host: 'api.msx-main.svc.cluster.local', ports: [80] } },
          },
          {
            version: 1,
            environment: 'pr',
            baseline: 'main',
            header: 'baggage',
            baggageKey: 'microstax-env',
            services: { api: { host: 'api.msx-pr.svc.cluster.local', ports: [80] } },
          },
        ],
      },
      host: 'api.main.microstax.localhost',
      path: '/',
      environment: 'pr',
    });
    expect(decision).toMatchObject({
      kind: 'proxy',
      address: '10.88.1.2',
      port: 8080,
      routedTo: 'pr',
      via: 'endpoint',
    });
  });
});
