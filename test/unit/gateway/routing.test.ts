import type { V1Ingress, V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { RoutingTable } from '../../../deploy/manifests/routing-table.js';
import { decideRoute, type RoutingSnapshot } from '../../../gateway/decide.js';
import { buildHostTable, isServedIngress, matchRoute, normalizeHost } from '../../../gateway/host-table.js';
import { parseServiceHost, resolveServiceBackend } from '../../../gateway/service-backend.js';

function ingress(params: {
  namespace: string;
  name: string;
  environment?: string;
  created?: string;
  /** Default: MicroStax's class; null: none. */
  className?: string | null;
  /** Default: managed by MicroStax. */
  managedBy?: string;
  rules: {
    host?: string;
    paths: { path?: string; pathType?: string; service: string; port: number | string }[];
  }[];
}): V1Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: params.name,
      namespace: params.namespace,
      creationTimestamp: params.created ? new Date(params.created) : undefined,
      labels: {
        'app.kubernetes.io/managed-by': params.managedBy ?? 'microstax',
        ...(params.environment ? { 'microstax.dev/environment': params.environment } : {}),
      },
    },
    spec: {
      ...(params.className !== null && { ingressClassName: params.className ?? 'microstax' }),
      rules: params.rules.map((rule) => ({
        host: rule.host,
        http: {
          paths: rule.paths.map((p) => ({
            path: p.path ?? '/',
            pathType: p.pathType ?? 'Prefix',
            backend: {
              service: {
                name: p.service,
                port: typeof p.port === 'number' ? { number: p.port } : { name: p.port },
              },
            },
          })),
        },
      })),
    },
  };
}

function service(params: {
  namespace: string;
  name: string;
  clusterIP?: string;
  ports?: { name?: string; port: number }[];
  externalName?: string;
}): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: params.name, namespace: params.namespace },
    spec: params.externalName
      ? { type: 'ExternalName', externalName: params.externalName, ports: params.ports }
      : {
          type: 'ClusterIP',
          clusterIP: params.clusterIP ?? '10.96.0.10',
          ports: params.ports ?? [{ port: 8080 }],
        },
  };
}

function lookup(services: V1Service[]) {
  const index = new Map(services.map((s) => [`${s.metadata?.namespace}/${s.metadata?.name}`, s]));
  return (namespace: string, name: string) => index.get(`${namespace}/${name}`);
}

function table(environment: string, services: RoutingTable['services'], baseline?: string): RoutingTable {
  return {
    version: 1,
    environment,
    header: 'baggage',
    baggageKey: 'microstax-env',
    services,
    ...(baseline ? { baseline } : {}),
  };
}

describe('normalizeHost', () => {
  it('strips the port, lower-cases and drops a trailing dot', () => {
    expect(normalizeHost('API.Main.microstax.localhost:18081')).toBe('api.main.microstax.localhost');
    expect(normalizeHost('api.main.microstax.localhost.')).toBe('api.main.microstax.localhost');
    expect(normalizeHost('[::1]:8080')).toBe('[::1]');
    expect(normalizeHost('')).toBeUndefined();
    expect(normalizeHost(undefined)).toBeUndefined();
  });
});

describe('buildHostTable and matchRoute', () => {
  it('maps each rule host to its Service and environment; same service name in two environments stays apart', () => {
    const { table, conflicts } = buildHostTable([
      ingress({
        namespace: 'msx-a',
        name: 'api',
        environment: 'a',
        rules: [{ host: 'api.a.microstax.localhost', paths: [{ service: 'api', port: 8080 }] }],
      }),
      ingress({
        namespace: 'msx-b',
        name: 'api',
        environment: 'b',
        rules: [{ host: 'API.b.microstax.localhost', paths: [{ service: 'api', port: 'http' }] }],
      }),
    ]);
    expect(conflicts).toEqual([]);
    expect(matchRoute(table, 'api.a.microstax.localhost', '/orders?x=1')).toMatchObject({
      environment: 'a',
      ingress: 'msx-a/api',
      backend: { namespace: 'msx-a', service: 'api', port: 8080 },
    });
    expect(matchRoute(table, 'api.b.microstax.localhost', '/')).toMatchObject({
      environment: 'b',
      backend: { namespace: 'msx-b', service: 'api', port: 'http' },
    });
    expect(matchRoute(table, 'api.c.microstax.localhost', '/')).toBeUndefined();
  });

  it('takes the environment from the namespace when the Ingress has no environment label', () => {
    const { table } = buildHostTable([
      ingress({
        namespace: 'team-x',
        name: 'web',
        rules: [{ host: 'web.x', paths: [{ service: 'web', port: 80 }] }],
      }),
    ]);
    expect(matchRoute(table, 'web.x', '/')?.environment).toBe('team-x');
  });

  it('matches paths as Kubernetes does: longest first, Exact before Prefix, Prefix by path element', () => {
    const { table } = buildHostTable([
      ingress({
        namespace: 'n',
        name: 'i',
        rules: [
          {
            host: 'h',
            paths: [
              { path: '/', service: 'root', port: 80 },
              { path: '/api', service: 'api', port: 80 },
              { path: '/api', pathType: 'Exact', service: 'exact', port: 80 },
              { path: '/api/v2/', service: 'v2', port: 80 },
            ],
          },
        ],
      }),
    ]);
    const to = (path: string) => matchRoute(table, 'h', path)?.backend.service;
    expect(to('/api')).toBe('exact');
    expect(to('/api/')).toBe('api');
    expect(to('/api/orders')).toBe('api');
    expect(to('/apis')).toBe('root');
    expect(to('/api/v2')).toBe('v2');
    expect(to('/api/v2/x')).toBe('v2');
    expect(to('/')).toBe('root');
  });

  it('falls back to a wildcard host, never to rules without a host or default backends', () => {
    const withDefault = ingress({
      namespace: 'n',
      name: 'fallback',
      rules: [
        { host: '*.apps.test', paths: [{ service: 'wild', port: 80 }] },
        { paths: [{ service: 'hostless', port: 80 }] },
      ],
    });
    withDefault.spec!.defaultBackend = { service: { name: 'default', port: { number: 80 } } };
    const { table } = buildHostTable([withDefault]);
    expect(matchRoute(table, 'x.apps.test', '/')?.backend.service).toBe('wild');
    expect(matchRoute(table, 'y.x.apps.test', '/')).toBeUndefined();
    expect(matchRoute(table, 'anything.else', '/')).toBeUndefined();
    expect([...table.keys()]).toEqual(['*.apps.test']);
  });

  it('keeps the older Ingress when two claim the same host and path, and reports the other', () => {
    const rules = [{ host: 'api.a.microstax.localhost', paths: [{ service: 'api', port: 80 }] }];
    const { table, conflicts } = buildHostTable([
      ingress({ namespace: 'late', name: 'api', created: '2026-02-01T00:00:00Z', rules }),
      ingress({ namespace: 'early', name: 'api', created: '2026-01-01T00:00:00Z', rules }),
    ]);
    expect(matchRoute(table, 'api.a.microstax.localhost', '/')?.ingress).toBe('early/api');
    expect(conflicts).toEqual([
      { host: 'api.a.microstax.localhost', path: '/', kept: 'early/api', ignored: 'late/api' },
    ]);
  });

  it("serves only MicroStax's Ingresses: its class and its managed-by label, nothing class-less", () => {
    const rules = (host: string) => [{ host, paths: [{ service: host, port: 80 }] }];
    const ingresses = [
      ingress({ namespace: 'n', name: 'nginx', className: 'nginx', rules: rules('nginx') }),
      ingress({ namespace: 'n', name: 'ours', rules: rules('ours') }),
      ingress({ namespace: 'n', name: 'classless', className: null, rules: rules('classless') }),
      ingress({ namespace: 'n', name: 'unlabelled', managedBy: 'helm', rules: rules('unlabelled') }),
      ingress({ namespace: 'n', name: 'other', className: 'other', rules: rules('other') }),
    ];
    expect(ingresses.filter((i) => isServedIngress(i, 'microstax')).map((i) => i.metadata?.name)).toEqual([
      'ours',
    ]);
    expect([...buildHostTable(ingresses).table.keys()]).toEqual(['ours']);
    expect([...buildHostTable(ingresses, { ingressClass: 'other' }).table.keys()]).toEqual(['other']);
    // The deprecated class annotation does not make a class-less Ingress ours.
    const annotated = ingress({
      namespace: 'n',
      name: 'annotated',
      className: null,
      rules: rules('annotated'),
    });
    annotated.metadata!.annotations = { 'kubernetes.io/ingress.class': 'microstax' };
    expect(isServedIngress(annotated, 'microstax')).toBe(false);
  });
});

describe('resolveServiceBackend', () => {
  const services = lookup([
    service({
      namespace: 'msx-a',
      name: 'api',
      clusterIP: '10.96.1.1',
      ports: [{ name: 'http', port: 8080 }],
    }),
    service({ namespace: 'msx-a', name: 'headless', clusterIP: 'None' }),
    service({
      namespace: 'msx-br',
      name: 'api',
      externalName: 'api.msx-a.svc.cluster.local',
      ports: [{ name: 'http', port: 8080 }],
    }),
    service({ namespace: 'msx-br', name: 'outside', externalName: 'example.test' }),
  ]);

  it('gives the ClusterIP and the Service port, by number or by name', () => {
    expect(resolveServiceBackend({ services, namespace: 'msx-a', service: 'api', port: 8080 })).toEqual({
      ok: true,
      address: '10.96.1.1',
      port: 8080,
      namespace: 'msx-a',
      via: 'cluster-ip',
      servicePort: 8080,
    });
    expect(
      resolveServiceBackend({ services, namespace: 'msx-a', service: 'api', port: 'http' }),
    ).toMatchObject({
      address: '10.96.1.1',
      port: 8080,
    });
  });

  it('follows an ExternalName Service to the in-cluster Service it names (a branch reusing the baseline)', () => {
    // The reused Service's pods are the baseline's: its namespace is the one that may sleep.
    expect(resolveServiceBackend({ services, namespace: 'msx-br', service: 'api', port: 'http' })).toEqual({
      ok: true,
      address: '10.96.1.1',
      port: 8080,
      namespace: 'msx-a',
      via: 'cluster-ip',
      servicePort: 8080,
    });
    expect(resolveServiceBackend({ services, namespace: 'msx-br', service: 'outside', port: 443 })).toEqual({
      ok: true,
      address: 'example.test',
      port: 443,
      namespace: 'msx-br',
      via: 'external',
      servicePort: 443,
    });
  });

  it('says why there is no address', () => {
    const reason = (namespace: string, name: string, port: number | string) => {
      const result = resolveServiceBackend({ services, namespace, service: name, port });
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason('msx-a', 'ghost', 80)).toBe('Service msx-a/ghost does not exist');
    expect(reason('msx-a', 'api', 9999)).toBe('Service msx-a/api has no port 9999');
    expect(reason('msx-a', 'api', 'grpc')).toBe('Service msx-a/api has no port named "grpc"');
    expect(reason('msx-a', 'headless', 8080)).toMatch(/headless/);
  });

  it('parses in-cluster Service host names only', () => {
    expect(parseServiceHost('api.msx-main.svc.cluster.local')).toEqual({
      service: 'api',
      namespace: 'msx-main',
    });
    expect(parseServiceHost('api.msx-main.svc')).toEqual({ service: 'api', namespace: 'msx-main' });
    expect(parseServiceHost('api.example.com')).toBeUndefined();
  });
});

describe('decideRoute', () => {
  const hosts = buildHostTable([
    ingress({
      namespace: 'msx-main',
      name: 'api',
      environment: 'main',
      rules: [{ host: 'api.main.microstax.localhost', paths: [{ service: 'api', port: 8080 }] }],
    }),
    ingress({
      namespace: 'msx-main',
      name: 'web',
      environment: 'main',
      rules: [{ host: 'web.main.microstax.localhost', paths: [{ service: 'web', port: 80 }] }],
    }),
    ingress({
      namespace: 'msx-pr-1',
      name: 'api',
      environment: 'pr-1',
      rules: [{ host: 'api.pr-1.microstax.localhost', paths: [{ service: 'api', port: 8080 }] }],
    }),
    ingress({
      namespace: 'msx-gone',
      name: 'api',
      environment: 'gone',
      rules: [{ host: 'api.gone.microstax.localhost', paths: [{ service: 'api', port: 8080 }] }],
    }),
  ]).table;
  const snapshot: RoutingSnapshot = {
    hosts,
    services: lookup([
      service({ namespace: 'msx-main', name: 'api', clusterIP: '10.96.0.1' }),
      service({ namespace: 'msx-main', name: 'web', clusterIP: '10.96.0.2', ports: [{ port: 80 }] }),
      service({ namespace: 'msx-pr-1', name: 'api', clusterIP: '10.96.0.3' }),
      service({ namespace: 'msx-pr-2', name: 'api', clusterIP: '10.96.0.4', ports: [{ port: 9090 }] }),
    ]),
    tables: [
      table('main', {
        api: { host: 'api.msx-main.svc.cluster.local', ports: [8080] },
        web: { host: 'web.msx-main.svc.cluster.local', ports: [80] },
      }),
      table('pr-1', { api: { host: 'api.msx-pr-1.svc.cluster.local', ports: [8080] } }, 'main'),
      table('pr-2', { api: { host: 'api.msx-pr-2.svc.cluster.local', ports: [9090] } }, 'main'),
      table('pr-x', { api: { host: 'api.msx-x.svc.cluster.local', ports: [8080] } }, 'other'),
    ],
  };
  const decide = (host: string | undefined, environment?: string) =>
    decideRoute({ snapshot, host, path: '/', environment });

  it('routes a baseline host to the baseline without baggage', () => {
    expect(decide('api.main.microstax.localhost:18081')).toEqual({
      kind: 'proxy',
      address: '10.96.0.1',
      port: 8080,
      service: 'msx-main/api',
      routedTo: 'main',
      headerRouted: false,
      backendNamespace: 'msx-main',
      via: 'cluster-ip',
      host: 'api.main.microstax.localhost',
      environment: 'main',
      public: false,
    });
  });

  it("routes a baseline host to the branch's copy when the baggage names a branch that runs it", () => {
    expect(decide('api.main.microstax.localhost', 'pr-1')).toEqual({
      kind: 'proxy',
      address: '10.96.0.3',
      port: 8080,
      service: 'msx-pr-1/api',
      routedTo: 'pr-1',
      headerRouted: true,
      backendNamespace: 'msx-pr-1',
      via: 'cluster-ip',
      // The access check covers the host's environment and the branch that answers.
      host: 'api.main.microstax.localhost',
      environment: 'main',
      public: false,
    });
    // A branch listening on another port: its first port.
    expect(decide('api.main.microstax.localhost', 'pr-2')).toMatchObject({
      address: '10.96.0.4',
      port: 9090,
    });
  });

  it('keeps the baseline when the branch does not run the service, is unknown, or branches from another baseline', () => {
    expect(decide('web.main.microstax.localhost', 'pr-1')).toMatchObject({
      routedTo: 'main',
      headerRouted: false,
    });
    expect(decide('api.main.microstax.localhost', 'nobody')).toMatchObject({ routedTo: 'main' });
    expect(decide('api.main.microstax.localhost', 'pr-x')).toMatchObject({ routedTo: 'main' });
  });

  it("routes a branch's own host to the branch, whatever the baggage", () => {
    expect(decide('api.pr-1.microstax.localhost')).toMatchObject({ address: '10.96.0.3', routedTo: 'pr-1' });
    expect(decide('api.pr-1.microstax.localhost', 'main')).toMatchObject({ routedTo: 'pr-1' });
  });

  it('names the host it does not know and the service it cannot reach', () => {
    expect(decide(undefined)).toEqual({ kind: 'no-host' });
    expect(decide('nope.main.microstax.localhost')).toEqual({
      kind: 'unknown-host',
      host: 'nope.main.microstax.localhost',
    });
    expect(decide('api.gone.microstax.localhost')).toEqual({
      kind: 'no-backend',
      host: 'api.gone.microstax.localhost',
      service: 'msx-gone/api',
      routedTo: 'gone',
      reason: 'Service msx-gone/api does not exist',
      environment: 'gone',
      public: false,
    });
  });
});
