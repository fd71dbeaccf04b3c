import type { V1Ingress, V1IngressBackend } from '@kubernetes/client-node';
import { DEFAULT_INGRESS_CLASS } from '../deploy/config.js';
import { ANNOTATIONS, LABELS, MANAGED_BY } from '../deploy/labels.js';

/**
 * The gateway's routing table, built from MicroStax's own Ingress objects: which backend Service
 * answers a host and path. Pure, so the rules Kubernetes defines for Ingress (longest path first,
 * Exact before Prefix) are unit-tested without a cluster.
 */

/** The Service (and its port, by number or name) an Ingress path sends requests to. */
export interface ServiceBackendRef {
  namespace: string;
  service: string;
  port: number | string;
}

/** One path of one Ingress rule. */
export interface HostRoute {
  path: string;
  pathType: 'Exact' | 'Prefix';
  backend: ServiceBackendRef;
  /** The environment the Ingress belongs to (its environment label, else its namespace). */
  environment: string;
  /** `namespace/name` of the Ingress, for logs and conflicts. */
  ingress: string;
  /** Served without a credential: the Ingress is annotated `microstax.dev/access: public`. */
  public: boolean;
}

/** Routes by host (exact names and `*.domain` wildcards); nothing matches every host. */
export type HostTable = ReadonlyMap<string, readonly HostRoute[]>;

/** A path two Ingresses both claim for a host: the older Ingress keeps it. */
export interface RouteConflict {
  host: string;
  path: string;
  kept: string;
  ignored: string;
}

/** A Host header as a table key: port stripped, lower case, trailing dot dropped; undefined when empty. */
export function normalizeHost(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let host = header.trim().toLowerCase();
  // [v6]:port keeps its brackets; name:port loses the port.
  host = host.startsWith('[') ? host.replace(/\]:\d+$/, ']') : host.replace(/:\d*$/, '');
  host = host.replace(/\.$/, '');
  return host || undefined;
}

function serviceBackend(backend: V1IngressBackend | undefined, namespace: string) {
  const service = backend?.service;
  if (!service?.name) return undefined;
  const port = service.port?.number ?? service.port?.name;
  if (port === undefined || port === '') return undefined;
  return { namespace, service: service.name, port };
}

function sortKey(ingress: V1Ingress): string {
  const created = ingress.metadata?.creationTimestamp;
  const time = created ? new Date(created).toISOString() : '9999';
  return `${time} ${ingress.metadata?.namespace ?? ''}/${ingress.metadata?.name ?? ''}`;
}

/**
 * Whether the gateway serves an Ingress at all: only MicroStax's own, i.e. of its IngressClass (by
 * `spec.ingressClassName`; class-less Ingresses belong to the cluster's default controller, if any)
 * and labelled managed-by MicroStax. Other tools' Ingresses, and the auth annotations they rely on,
 * are their controllers' business.
 */
export function isServedIngress(ingress: V1Ingress, ingressClass: string): boolean {
  return (
    ingress.spec?.ingressClassName === ingressClass &&
    ingress.metadata?.labels?.[LABELS.managedBy] === MANAGED_BY
  );
}

/**
 * Builds the host table from the Ingresses `isServedIngress` accepts. Rules without a host and
 * default backends are skipped: they would match any Host. When two Ingresses claim the same host
 * and path, the older one wins (as ingress-nginx does) and the other is listed in `conflicts`.
 */
export function buildHostTable(
  ingresses: readonly V1Ingress[],
  options: { ingressClass: string } = { ingressClass: DEFAULT_INGRESS_CLASS },
): { table: HostTable; conflicts: RouteConflict[] } {
  const byHost = new Map<string, HostRoute[]>();
  const conflicts: RouteConflict[] = [];
  const add = (host: string, route: HostRoute) => {
    const routes = byHost.get(host) ?? [];
    const clash = routes.find((r) => r.path === route.path && r.pathType === route.pathType);
    if (clash) {
      conflicts.push({ host, path: route.path, kept: clash.ingress, ignored: route.ingress });
      return;
    }
    routes.push(route);
    byHost.set(host, routes);
  };
  const ordered = [...ingresses].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  for (const ingress of ordered) {
    const namespace = ingress.metadata?.namespace ?? 'default';
    if (!isServedIngress(ingress, options.ingressClass)) continue;
    const base = {
      environment: ingress.metadata?.labels?.[LABELS.environment] ?? namespace,
      ingress: `${namespace}/${ingress.metadata?.name ?? '?'}`,
      public: ingress.metadata?.annotations?.[ANNOTATIONS.access] === 'public',
    };
    for (const rule of ingress.spec?.rules ?? []) {
      if (!rule.host) continue;
      const host = rule.host.toLowerCase();
      for (const path of rule.http?.paths ?? []) {
        const backend = serviceBackend(path.backend, namespace);
        if (!backend) continue;
        add(host, {
          ...base,
          path: path.path || '/',
          pathType: path.pathType === 'Exact' ? 'Exact' : 'Prefix',
          backend,
        });
      }
    }
  }
  for (const routes of byHost.values()) {
    // Longest path first; at equal length, Exact before Prefix.
    routes.sort(
      (a, b) =>
        b.path.length - a.path.length || (a.pathType === b.pathType ? 0 : a.pathType === 'Exact' ? -1 : 1),
    );
  }
  return { table: byHost, conflicts };
}

/** Kubernetes Prefix matching: by path element, so /api matches /api and /api/x but not /apis. */
function pathMatches(route: HostRoute, path: string): boolean {
  if (route.pathType === 'Exact') return path === route.path;
  const prefix = route.path.replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The route for a normalized host and a request path (query ignored): the exact host first,
 * then a `*.domain` wildcard one label up.
 */
export function matchRoute(table: HostTable, host: string, requestPath: string): HostRoute | undefined {
  const path = requestPath.split('?')[0] || '/';
  const dot = host.indexOf('.');
  const keys = [host, ...(dot > 0 ? [`*${host.slice(dot)}`] : [])];
  for (const key of keys) {
    const route = table.get(key)?.find((candidate) => pathMatches(candidate, path));
    if (route) return route;
  }
  return undefined;
}
