import type { RoutingTable } from '../deploy/manifests/routing-table.js';
import { pickRoute, selectTables } from '../router/routes.js';
import type { EndpointLookup } from './endpoint-index.js';
import { type HostTable, matchRoute, normalizeHost } from './host-table.js';
import {
  type BackendResolution,
  parseServiceHost,
  resolveServiceBackend,
  type ServiceLookup,
} from './service-backend.js';

/** What the gateway does with one request. */
export type GatewayDecision =
  | ({
      kind: 'proxy';
      address: string;
      port: number;
      /** `namespace/name` of the Service that answers. */
      service: string;
      /** The environment whose copy answers (a branch's, when header routing chose it). */
      routedTo: string;
      /** True when the request's baggage moved it from the host's environment to a branch. */
      headerRouted: boolean;
      /** Namespace whose pods answer (a reused service's is the baseline's): the one that may be asleep. */
      backendNamespace: string;
      /** Whether `address` is a ready pod's, the Service's ClusterIP or an outside host's. */
      via: Extract<BackendResolution, { ok: true }>['via'];
    } & RouteAccess)
  | { kind: 'no-host' }
  | { kind: 'unknown-host'; host: string }
  | ({ kind: 'no-backend'; host: string; service: string; routedTo: string; reason: string } & RouteAccess);

/** What the access check needs of a routed request. */
export interface RouteAccess {
  /** The normalized host. */
  host: string;
  /** The environment whose Ingress the host matched. */
  environment: string;
  /** The Ingress is public: no credential needed. */
  public: boolean;
}

/** Everything the gateway knows about the cluster at one moment (see cluster-view.ts). */
export interface RoutingSnapshot {
  hosts: HostTable;
  services: ServiceLookup;
  /** Ready pod endpoints per Service port; absent: every backend is its ClusterIP. */
  endpoints?: EndpointLookup;
  /** Every routing table of `routing: header` environments. */
  tables: readonly RoutingTable[];
}

/**
 * Routes one request. The Host header picks the Ingress rule and so the environment and Service;
 * when that environment is a header-routed baseline and the request's baggage names one of its
 * branches that runs its own copy of the Service, the branch's copy answers instead.
 */
export function decideRoute(params: {
  snapshot: RoutingSnapshot;
  host: string | undefined;
  path: string;
  /** The environment named by the request's baggage, if any. */
  environment?: string;
}): GatewayDecision {
  const { snapshot } = params;
  const host = normalizeHost(params.host);
  if (!host) return { kind: 'no-host' };
  const route = matchRoute(snapshot.hosts, host, params.path);
  if (!route) return { kind: 'unknown-host', host };
  const { backend, environment } = route;
  const access: RouteAccess = { host, environment, public: route.public };
  const lookups = { services: snapshot.services, endpoints: snapshot.endpoints };
  const own = resolveServiceBackend({ ...lookups, ...backend });

  const servicePort = own.ok ? own.servicePort : typeof backend.port === 'number' ? backend.port : undefined;
  if (params.environment && params.environment !== environment && servicePort !== undefined) {
    const branch = pickRoute({
      tables: selectTables({ baselineId: environment, tables: snapshot.tables }),
      service: backend.service,
      port: servicePort,
      environment: params.environment,
    });
    const target = branch && branch.environment !== environment ? parseServiceHost(branch.host) : undefined;
    if (branch && target) {
      const resolved = resolveServiceBackend({ ...lookups, ...target, port: branch.port });
      const service = `${target.namespace}/${target.service}`;
      if (!resolved.ok) {
        return {
          kind: 'no-backend',
          ...access,
          service,
          routedTo: branch.environment,
          reason: resolved.reason,
        };
      }
      return {
        kind: 'proxy',
        address: resolved.address,
        port: resolved.port,
        service,
        routedTo: branch.environment,
        headerRouted: true,
        backendNamespace: resolved.namespace,
        via: resolved.via,
        ...access,
      };
    }
  }

  const service = `${backend.namespace}/${backend.service}`;
  if (!own.ok) return { kind: 'no-backend', ...access, service, routedTo: environment, reason: own.reason };
  return {
    kind: 'proxy',
    address: own.address,
    port: own.port,
    service,
    routedTo: environment,
    headerRouted: false,
    backendNamespace: own.namespace,
    via: own.via,
    ...access,
  };
}
