import { createServer, type Server, type ServerResponse } from 'node:http';
import { ROUTING_BAGGAGE_KEY, ROUTING_HEADER } from '../deploy/manifests/routing-table.js';
import { parseBaggage } from './baggage.js';
import { forwardRequest } from './forward.js';
import { pickRoute, portFromHost, type RouterTables, serviceFromHost } from './routes.js';

/** Response header naming the environment that served the request, for debugging and tests. */
export const ROUTED_TO_HEADER = 'x-microstax-routed-to';

export interface RouterServerOptions {
  /** The current tables for a request's Host; called per request, so a table source can swap them at any time. */
  tables: (host: string | undefined) => RouterTables;
  /** The port this listener stands for (routes keep it when the copy listens on it). */
  port: number;
  /** Take the port a request's Host names over `port` (a router fronting many services on one port). */
  portFromHost?: boolean;
  /** Route every request to this service; absent: the service is the first label of the Host header. */
  service?: string;
  /** The baggage member naming the environment (default microstax-env). */
  baggageKey?: string;
  /** Called once per proxied request, e.g. for access logs. */
  onRequest?: (entry: { service: string; environment?: string; routedTo?: string; status: number }) => void;
}

/**
 * The header router: a small reverse proxy in front of a baseline's shared services. Per request,
 * it reads the environment from the `baggage` header (`microstax-env=<id>`) and forwards to that
 * branch's copy of the service when the branch runs one, else to the baseline's copy.
 */
export function createRouterServer(options: RouterServerOptions): Server {
  const baggageKey = options.baggageKey ?? ROUTING_BAGGAGE_KEY;
  return createServer((req, res) => {
    const service = options.service ?? serviceFromHost(req.headers.host);
    const environment = parseBaggage(req.headers[ROUTING_HEADER]).get(baggageKey);
    const log = (status: number, routedTo?: string) =>
      options.onRequest?.({ service: service ?? '?', environment, routedTo, status });
    if (!service) {
      reply(res, 400, 'the request names no service (no Host header)');
      log(400);
      return;
    }
    const port = (options.portFromHost && portFromHost(req.headers.host)) || options.port;
    const route = pickRoute({ tables: options.tables(req.headers.host), service, port, environment });
    if (!route) {
      reply(res, 502, `no route for service "${service}": neither the baseline nor the branch runs it`);
      log(502);
      return;
    }
    forwardRequest({
      req,
      res,
      host: route.host,
      port: route.port,
      responseHeaders: { [ROUTED_TO_HEADER]: route.environment },
      onUnreachable: (error) =>
        reply(
          res,
          502,
          `upstream ${route.host}:${route.port} (${route.environment}) failed: ${error.message}`,
        ),
      onDone: (status) => log(status, route.environment),
    });
  });
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
