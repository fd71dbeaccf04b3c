import type { KubernetesObject, V1EndpointSlice } from '@kubernetes/client-node';

/**
 * The ready pod endpoints of every Service, from its EndpointSlices' watch events, so the gateway
 * connects to a pod the moment the EndpointSlice says it is ready instead of waiting for kube-proxy
 * to program the Service's ClusterIP (a sync of ~1 s after a wake). Kept up to date per event:
 * slices change with every pod of the cluster, and no other table needs rebuilding for them.
 */

/** The Service an EndpointSlice belongs to (the label the EndpointSlice controller sets). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface Endpoint {
  address: string;
  port: number;
}

/**
 * The ready endpoints of a Service's port (by the Service port's name, '' when unnamed):
 * undefined when the cluster has no EndpointSlice for the Service (an ExternalName, a Service
 * just created), an empty list when it has slices but no ready endpoint on that port.
 */
export type EndpointLookup = (namespace: string, service: string, portName: string) => Endpoint[] | undefined;

/** One slice, reduced to what routing needs: per port name, the ready `address:port`s. */
type SliceTargets = Map<string, Endpoint[]>;

export interface EndpointIndex {
  /** Applies one watch event of an EndpointSlice. */
  apply(event: 'add' | 'update' | 'delete', object: KubernetesObject): void;
  /** Starts again from a fresh list (a re-opened watch: slices deleted meanwhile sent no event). */
  reset(slices: readonly KubernetesObject[]): void;
  lookup: EndpointLookup;
  /** Services with at least one slice (for /healthz). */
  size(): number;
}

/**
 * Ready targets of a slice by port name. An endpoint whose `ready` is unset counts as ready (the
 * API's rule); FQDN slices (never written by the EndpointSlice controller) and ports without a
 * number are left out.
 */
function readyTargets(slice: V1EndpointSlice): SliceTargets {
  const byName: SliceTargets = new Map();
  if (slice.addressType === 'FQDN') return byName;
  const ready = (slice.endpoints ?? []).filter((e) => e.conditions?.ready !== false);
  for (const port of slice.ports ?? []) {
    if (port.port === undefined || (port.protocol ?? 'TCP') !== 'TCP') continue;
    const number = port.port;
    byName.set(
      port.name ?? '',
      ready.flatMap((e) => e.addresses.map((address) => ({ address, port: number }))),
    );
  }
  return byName;
}

export function createEndpointIndex(): EndpointIndex {
  /** `namespace/service` → slice name → its ready targets. */
  const services = new Map<string, Map<string, SliceTargets>>();
  const apply: EndpointIndex['apply'] = (event, object) => {
    const slice = object as V1EndpointSlice;
    const namespace = slice.metadata?.namespace;
    const service = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    const name = slice.metadata?.name;
    if (!namespace || !service || !name) return;
    const key = `${namespace}/${service}`;
    const slices = services.get(key) ?? new Map<string, SliceTargets>();
    if (event === 'delete') slices.delete(name);
    else slices.set(name, readyTargets(slice));
    if (slices.size === 0) services.delete(key);
    else services.set(key, slices);
  };
  return {
    apply,
    reset(slices) {
      services.clear();
      for (const slice of slices) apply('add', slice);
    },
    lookup(namespace, service, portName) {
      const slices = services.get(`${namespace}/${service}`);
      if (!slices) return undefined;
      return [...slices.values()].flatMap((targets) => targets.get(portName) ?? []);
    },
    size: () => services.size,
  };
}

/** One of the ready endpoints, at random (as kube-proxy's rules pick), so load spreads over pods. */
export function pickEndpoint(endpoints: readonly Endpoint[], random: () => number = Math.random): Endpoint {
  return endpoints[Math.floor(random() * endpoints.length)]!;
}
