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
