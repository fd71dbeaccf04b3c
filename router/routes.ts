import type { RoutingTable } from '../deploy/manifests/routing-table.js';

/** Where one request goes, and why. */
export interface Route {
  host: string;
  port: number;
  /** The environment whose copy serves the request. */
  environment: string;
}

/** The router's view: the baseline's table (defaults) and its branches' tables (overrides), by environment id. */
export interface RouterTables {
  baseline?: RoutingTable;
  branches: Map<string, RoutingTable>;
}

/**
 * Keeps the tables that matter to one baseline: its own, and those of branches that name it.
 * Tables of other baselines are ignored, so one table source can serve many routers.
 */
export function selectTables(params: { baselineId: string; tables: Iterable<RoutingTable> }): RouterTables {
  const result: RouterTables = { branches: new Map() };
  for (const table of params.tables) {
    if (table.environment === params.baselineId && !table.baseline) result.baseline = table;
    else if (table.baseline === params.baselineId) result.branches.set(table.environment, table);
  }
  return result;
}

/**
 * Picks the copy of `service` for a request: the branch named by the request's context, when that
 * branch runs its own copy; otherwise the baseline's. Same port when the copy listens on it.
 */
export function pickRoute(params: {
  tables: RouterTables;
  service: string;
  port: number;
  /** The environment id from the request's baggage, if any. */
  environment?: string;
}): Route | undefined {
  const { tables, service, port } = params;
  const branch = params.environment ? tables.branches.get(params.environment) : undefined;
  const candidates = [branch, tables.baseline];
  for (const table of candidates) {
    const entry = table?.services[service];
    if (!table || !entry) continue;
    const chosenPort = entry.ports.includes(port) ? port : entry.ports[0];
    if (chosenPort === undefined) continue;
    return { host: entry.host, port: chosenPort, environment: table.environment };
  }
  return undefined;
}

/** The service a request is for, from its Host header: "api", "api:8080" or "api.msx-main.svc.cluster.local". */
export function serviceFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.replace(/:\d+$/, '').split('.')[0];
  return name ? name.toLowerCase() : undefined;
}

/**
 * The baseline a request is for, from a namespaced Host header ("payments.msx-main:8080",
 * "payments.msx-main.svc.cluster.local"): the baseline whose table puts that service in that
 * namespace. One router can so front every baseline; a bare "payments" names none.
 */
export function baselineFromHost(params: {
  host: string | undefined;
  tables: Iterable<RoutingTable>;
}): string | undefined {
  const [service, namespace] = (params.host ?? '').replace(/:\d+$/, '').toLowerCase().split('.');
  if (!service || !namespace) return undefined;
  for (const table of params.tables) {
    if (table.baseline) continue;
    if (table.services[service]?.host.split('.')[1] === namespace) return table.environment;
  }
  return undefined;
}

/** The port a Host header names ("api:8080"), if any. */
export function portFromHost(host: string | undefined): number | undefined {
  const match = /:(\d+)$/.exec(host ?? '');
  return match ? Number(match[1]) : undefined;
}
