import type { V1Service } from '@kubernetes/client-node';
import { type EndpointLookup, pickEndpoint } from './endpoint-index.js';

/**
 * From a Service name and port to an address the gateway can connect to: one of its ready pod
 * endpoints (from its EndpointSlices: routable the moment a pod is ready, where kube-proxy's rules
 * for the ClusterIP follow up to a second or more later), else the Service's ClusterIP, which
 * kube-proxy answers on the host. Pure over lookups of the watched Services and EndpointSlices.
 */

/** Finds a watched Service; undefined when the cluster has none by that name. */
export type ServiceLookup = (namespace: string, name: string) => V1Service | undefined;

export type BackendResolution =
  | {
      ok: true;
      address: string;
      port: number;
      /** The namespace of the Service that answers (after following ExternalNames): whose pods serve. */
      namespace: string;
      /** `endpoint`: a ready pod's address; `cluster-ip`: the Service's (no ready endpoint known); `external`: an outside host. */
      via: 'endpoint' | 'cluster-ip' | 'external';
      /** The Service's own port (an endpoint's `port` is the pod's target port). */
      servicePort: number;
    }
  | { ok: false; reason: string };

/** ExternalName Services pointing at other Services (a branch's reused ones) are followed this deep. */
const MAX_HOPS = 4;

/** `<service>.<namespace>.svc[.<cluster domain>]` → its parts; undefined for any other name. */
export function parseServiceHost(host: string): { namespace: string; service: string } | undefined {
  const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.|$)/.exec(
    host.toLowerCase(),
  );
  return match ? { service: match[1]!, namespace: match[3]! } : undefined;
}

/**
 * Resolves a Service port (number or name) to a ready endpoint's address and target port, else
 * (no EndpointSlice, or none ready: asleep, crashed, an ExternalName's target without slices) to
 * ClusterIP and port. An ExternalName Service that names another Service of the cluster is
 * followed; one that names an outside host resolves to that host. Headless Services without a ready
 * endpoint and unknown ports are reasons, not addresses.
 */
export function resolveServiceBackend(params: {
  services: ServiceLookup;
  /** The watched EndpointSlices' ready endpoints; absent: always the ClusterIP. */
  endpoints?: EndpointLookup;
  namespace: string;
  service: string;
  port: number | string;
}): BackendResolution {
  let { namespace, service, port } = params;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const found = params.services(namespace, service);
    if (!found) return { ok: false, reason: `Service ${namespace}/${service} does not exist` };
    const spec = found.spec ?? {};
    const declared = spec.ports ?? [];
    const match = declared.find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
    if (spec.type === 'ExternalName') {
      // Its ports are informational: a named port gives its number, a number passes as it is.
      const number = match?.port ?? (typeof port === 'number' ? port : undefined);
      if (number === undefined) {
        return { ok: false, reason: `Service ${namespace}/${service} has no port named "${port}"` };
      }
      const target = spec.externalName ?? '';
      const inCluster = parseServiceHost(target);
      if (!inCluster) {
        return target
          ? { ok: true, address: target, port: number, namespace, via: 'external', servicePort: number }
          : { ok: false, reason: `ExternalName Service ${namespace}/${service} names no host` };
      }
      ({ namespace, service } = inCluster);
      port = number;
      continue;
    }
    if (!match) {
      const what = typeof port === 'number' ? `port ${port}` : `port named "${port}"`;
      return { ok: false, reason: `Service ${namespace}/${service} has no ${what}` };
    }
    const ready = params.endpoints?.(namespace, service, match.name ?? '');
    if (ready && ready.length > 0) {
      const endpoint = pickEndpoint(ready);
      return {
        ok: true,
        address: endpoint.address,
        port: endpoint.port,
        namespace,
        via: 'endpoint',
        servicePort: match.port,
      };
    }
    const clusterIP = spec.clusterIP;
    if (!clusterIP || clusterIP === 'None') {
      return {
        ok: false,
        reason: `Service ${namespace}/${service} is headless (no ClusterIP) and has no ready endpoint`,
      };
    }
    return {
      ok: true,
      address: clusterIP,
      port: match.port,
      namespace,
      via: 'cluster-ip',
      servicePort: match.port,
    };
  }
  return {
    ok: false,
    reason: `ExternalName Services chain more than ${MAX_HOPS} deep from ${params.namespace}/${params.service}`,
  };
}
