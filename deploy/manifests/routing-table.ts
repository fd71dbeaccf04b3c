import type { V1ConfigMap } from '@kubernetes/client-node';
import { z } from 'zod';
import { serviceHost } from '../names.js';
import { objectMeta, type RenderContext, runningServices } from './context.js';

/** The request header the router reads: W3C baggage, which tracing libraries already propagate. */
export const ROUTING_HEADER = 'baggage';
/** The baggage member that names the environment a request belongs to: `baggage: microstax-env=pr-42`. */
export const ROUTING_BAGGAGE_KEY = 'microstax-env';
export const ROUTING_TABLE_CONFIGMAP = 'microstax-routes';
export const ROUTING_TABLE_KEY = 'routes.json';

/**
 * One environment's routing table, as data: which services this environment runs itself and where.
 * The router merges the baseline's table (the defaults) with its branches' tables (the overrides).
 */
export const RoutingTableSchema = z.strictObject({
  version: z.literal(1),
  environment: z.string().min(1).describe('The environment this table belongs to'),
  baseline: z.string().min(1).optional().describe('The environment it branches from, for a branch'),
  header: z.literal(ROUTING_HEADER),
  baggageKey: z.string().min(1),
  services: z
    .record(z.string(), z.strictObject({ host: z.string().min(1), ports: z.array(z.number().int()) }))
    .describe('Service name to the host and ports of this environment’s own copy'),
});

export type RoutingTable = z.infer<typeof RoutingTableSchema>;

/** The table for `routing: header` environments: the services this environment runs itself. */
export function renderRoutingTable(ctx: RenderContext): RoutingTable {
  const services: RoutingTable['services'] = {};
  for (const service of runningServices(ctx)) {
    if (service.ports.length === 0) continue;
    services[service.name] = {
      host: serviceHost(service.name, ctx.namespace, ctx.config.clusterDomain),
      ports: service.ports,
    };
  }
  const table: RoutingTable = {
    version: 1,
    environment: ctx.environment.id,
    header: ROUTING_HEADER,
    baggageKey: ROUTING_BAGGAGE_KEY,
    services,
  };
  if (ctx.environment.baselineId) table.baseline = ctx.environment.baselineId;
  return table;
}

/** The routing table as a ConfigMap the router reads (labelled role=routing-table). */
export function renderRoutingTableConfigMap(ctx: RenderContext): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(ctx, { name: ROUTING_TABLE_CONFIGMAP, role: 'routing-table' }),
    data: { [ROUTING_TABLE_KEY]: `${JSON.stringify(renderRoutingTable(ctx), null, 2)}\n` },
  };
}
