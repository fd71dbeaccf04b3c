import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubernetesObject, V1Service } from '@kubernetes/client-node';
import { DEFAULT_INGRESS_CLASS } from '../../../deploy/config.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS, MANAGED_BY } from '../../../deploy/labels.js';
import { ROUTING_TABLE_KEY, type RoutingTable } from '../../../deploy/manifests/routing-table.js';
import { bridgeHasAddress } from '../../../local/stack/node/host-network.js';
import { BRIDGE_ADDRESS, POD_BRIDGE } from '../../../local/stack/node/layout.js';

/** Every object the gateway tests create carries this label, for clean-up. */
export const TEST_LABEL = 'microstax.test/gateway';

/** Fails loudly (never skips) when the node tier's bridge is not on this machine. */
export async function assertBridgeUp(): Promise<void> {
  if (!(await bridgeHasAddress())) {
    throw new Error(
      `The node tier is not up: interface ${POD_BRIDGE} with ${BRIDGE_ADDRESS} is missing (\`ip addr show ${POD_BRIDGE}\`). ` +
        'Start it with `node bin/microstax.js stack up --real-nodes`.',
    );
  }
}

/** An HTTP server on the bridge address that answers with its name (and what it was sent). */
export async function startBackend(name: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name, path: req.url, body, forwardedFor: req.headers['x-forwarded-for'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, BRIDGE_ADDRESS, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * A selector-less Service whose one endpoint is a test backend on the bridge: its ClusterIP reaches
 * the backend through kube-proxy, as it would reach a pod on the real node.
 */
export function bridgedService(params: {
  namespace: string;
  name: string;
  servicePort: number;
  backendPort: number;
}): KubernetesObject[] {
  const labels = { [TEST_LABEL]: 'true' };
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: params.name, namespace: params.namespace, labels },
      spec: {
        type: 'ClusterIP',
        ports: [{ name: 'http', port: params.servicePort, targetPort: params.backendPort, protocol: 'TCP' }],
      },
    } as KubernetesObject,
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${params.name}-bridge`,
        namespace: params.namespace,
        labels: {
          ...labels,
          'kubernetes.io/service-name': params.name,
          'endpointslice.kubernetes.io/managed-by': 'microstax-tests',
        },
      },
      addressType: 'IPv4',
      endpoints: [{ addresses: [BRIDGE_ADDRESS], conditions: { ready: true } }],
      ports: [{ name: 'http', port: params.backendPort, protocol: 'TCP' }],
    } as KubernetesObject,
  ];
}

/**
 * An Ingress like deploy/manifests/ingress.ts renders: MicroStax's class and managed-by label, one
 * host, path /, the Service's port.
 */
export function ingressFor(params: {
  namespace: string;
  environment: string;
  service: string;
  host: string;
  port: number | string;
  /** Extra annotations (e.g. microstax.dev/access). */
  annotations?: Record<string, string>;
}): KubernetesObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: params.service,
      namespace: params.namespace,
      labels: {
        [TEST_LABEL]: 'true',
        'microstax.dev/environment': params.environment,
        [LABELS.managedBy]: MANAGED_BY,
      },
      ...(params.annotations && { annotations: params.annotations }),
    },
    spec: {
      ingressClassName: DEFAULT_INGRESS_CLASS,
      rules: [
        {
          host: params.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: {
                  service: {
                    name: params.service,
                    port: typeof params.port === 'number' ? { number: params.port } : { name: params.port },
                  },
                },
              },
            ],
          },
        },
      ],
    },
  } as KubernetesObject;
}

/** A routing-table ConfigMap as deploy/manifests/routing-table.ts renders it. */
export function routingTableConfigMap(namespace: string, table: RoutingTable): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'microstax-routes',
      namespace,
      labels: { [TEST_LABEL]: 'true', 'microstax.dev/role': 'routing-table' },
    },
    data: { [ROUTING_TABLE_KEY]: JSON.stringify(table) },
  } as KubernetesObject;
}

/** A namespace for one test environment. */
export async function createNamespace(kube: KubeClient, name: string): Promise<void> {
  await kube.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [TEST_LABEL]: 'true' } },
  } as KubernetesObject);
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to `base` with the given Host header (as a browser at the environment's URL sends). */
export function get(params: {
  base: string;
  host: string;
  path?: string;
  headers?: Record<string, string>;
  /** How long to wait for the answer (default 10 s; a wake may take minutes). */
  timeoutMs?: number;
}): Promise<Answer> {
  const timeoutMs = params.timeoutMs ?? 10_000;
  const url = new URL(params.path ?? '/', params.base);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { host: params.host, accept: 'application/json', ...params.headers }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`no answer from ${url} (Host ${params.host}) in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end();
  });
}

/** Polls until `check` passes or the deadline; returns the last answer either way. */
export async function eventually(
  probe: () => Promise<Answer>,
  check: (answer: Answer) => boolean,
  timeoutMs: number,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!check(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

/**
 * Waits until kube-proxy answers a Service's ClusterIP with the expected backend (fresh connections,
 * so a probe sent before the rules existed cannot stick). Throws after `timeoutMs`.
 */
export async function waitForClusterIp(params: {
  kube: KubeClient;
  namespace: string;
  service: string;
  port: number;
  backend: string;
  timeoutMs: number;
}): Promise<void> {
  const svc = await params.kube.read<V1Service>({
    apiVersion: 'v1',
    kind: 'Service',
    name: params.service,
    namespace: params.namespace,
  });
  const base = `http://${svc.spec?.clusterIP}:${params.port}`;
  const answer = await eventually(
    () =>
      get({ base, host: 'probe' }).catch((error: Error) => ({ status: 0, headers: {}, body: error.message })),
    (a) => a.status === 200 && a.body.includes(`"name":"${params.backend}"`),
    params.timeoutMs,
  );
  if (answer.status !== 200) {
    throw new Error(
      `kube-proxy does not route ${params.namespace}/${params.service} (${base}) to its endpoint on ${BRIDGE_ADDRESS} ` +
        `after ${params.timeoutMs} ms (is kube-proxy running?): ${answer.status} ${answer.body}`,
    );
  }
}
