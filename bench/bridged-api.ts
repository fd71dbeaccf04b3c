import type { KubernetesObject } from '@kubernetes/client-node';
import { DEFAULT_INGRESS_CLASS } from '../deploy/config.js';
import { ANNOTATIONS, LABELS, MANAGED_BY } from '../deploy/labels.js';
import { BRIDGE_ADDRESS } from '../local/stack/node/layout.js';

/**
 * The objects the gateway benches route to: a namespace whose Service `api` (port 80) is a process on
 * the host, reached through the node tier's bridge, so the measured path is the gateway's own.
 */

/** The namespace, its Service `api` and the EndpointSlice pointing it at the host's backend. */
export function bridgedApi(namespace: string, backendPort: number): KubernetesObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace },
      spec: { ports: [{ name: 'http', port: 80, targetPort: backendPort, protocol: 'TCP' }] },
    } as KubernetesObject,
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'api-bridge',
        namespace,
        labels: {
          'kubernetes.io/service-name': 'api',
          'endpointslice.kubernetes.io/managed-by': 'microstax-bench',
        },
      },
      addressType: 'IPv4',
      endpoints: [{ addresses: [BRIDGE_ADDRESS], conditions: { ready: true } }],
      ports: [{ name: 'http', port: backendPort, protocol: 'TCP' }],
    } as KubernetesObject,
  ];
}

/** A MicroStax Ingress for `<name>.<environment>.microstax.localhost` to Service api:80; public skips the access check. */
export function apiIngress(params: {
  namespace: string;
  environment: string;
  name: string;
  isPublic: boolean;
}): KubernetesObject {
  const { namespace, environment, name } = params;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      namespace,
      labels: { [LABELS.environment]: environment, [LABELS.managedBy]: MANAGED_BY },
      ...(params.isPublic && { annotations: { [ANNOTATIONS.access]: 'public' } }),
    },
    spec: {
      ingressClassName: DEFAULT_INGRESS_CLASS,
      rules: [
        {
          host: `${name}.${environment}.microstax.localhost`,
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  } as KubernetesObject;
}
