import type { V1HostAlias, V1NetworkPolicyEgressRule } from '@kubernetes/client-node';
import type { RenderContext } from './context.js';
import { runningServices } from './context.js';

/**
 * Calls between the services of a `routing: header` baseline go through the in-cluster header
 * router, so a request carrying a branch's baggage reaches the branch's copy of whichever service
 * the branch changed, not only of the entry service. How: a baseline service's URL of another
 * (`http://payments:8080`) becomes the namespaced `http://payments.<namespace>:8080`, and the
 * baseline's pods resolve that name to the router (a host alias), which reads the baseline from the
 * Host and the branch from the baggage. Everything else keeps its plain names, so `dns` blueprints,
 * branches and non-HTTP connections (databases, caches) are untouched.
 */

/** The router's Service as the worker found it (deploy/header-router-lookup.ts). */
export interface HeaderRouterTarget {
  /** Namespace of the router's Service and pods. */
  namespace: string;
  /** The Service's ClusterIP: host aliases need an address. */
  address: string;
  /** The Service's ports: a URL on another port keeps going straight to the baseline's copy. */
  ports: number[];
  /** Labels of the router's pods (the Service's selector), for the egress rule. */
  podSelector: Record<string, string>;
}

/** The router when this environment's calls go through it: a header-routed baseline, with a router. */
function activeRouter(ctx: RenderContext): HeaderRouterTarget | undefined {
  if (ctx.blueprint.routing !== 'header' || ctx.environment.baselineId) return undefined;
  return ctx.router;
}

/** Services whose calls the router can take: running here, with ports. */
function routedServices(ctx: RenderContext): Map<string, number[]> {
  return new Map(runningServices(ctx).flatMap((s) => (s.ports.length > 0 ? [[s.name, s.ports]] : [])));
}

const SERVICE_URL = /^http:\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?::(\d+))?(?=[/?#]|$)/;

/** The service a URL names, when it is another service of this baseline on a port the router serves. */
function routedTarget(ctx: RenderContext, router: HeaderRouterTarget, value: string) {
  const match = SERVICE_URL.exec(value);
  if (!match) return undefined;
  const [whole, name, , portText] = match as unknown as [string, string, string?, string?];
  const port = portText ? Number(portText) : 80;
  const ports = routedServices(ctx).get(name);
  if (!ports?.includes(port) || !router.ports.includes(port)) return undefined;
  return {
    name,
    authority: `${name}.${ctx.namespace}${portText ? `:${portText}` : ''}`,
    rest: value.slice(whole.length),
  };
}

/**
 * `http://payments:8080/v1` -> `http://payments.msx-main:8080/v1` when it names another service
 * of this header-routed baseline on a port its Service and the router both have; else unchanged.
 */
export function routedUrl(ctx: RenderContext, value: string): string {
  const router = activeRouter(ctx);
  const target = router && routedTarget(ctx, router, value);
  return target ? `http://${target.authority}${target.rest}` : value;
}

/**
 * In the baseline's pods, `<service>.<namespace>` names the router for the services their URLs
 * call (cluster DNS still names the Service for everyone else, the router included).
 */
export function routerHostAliases(ctx: RenderContext): V1HostAlias[] | undefined {
  const router = activeRouter(ctx);
  if (!router) return undefined;
  const called = new Set<string>();
  for (const service of runningServices(ctx)) {
    for (const v of service.env) {
      const target = v.kind === 'plain' ? routedTarget(ctx, router, v.value) : undefined;
      if (target) called.add(`${target.name}.${ctx.namespace}`);
    }
  }
  return called.size > 0 ? [{ ip: router.address, hostnames: [...called].sort() }] : undefined;
}

/** The baseline's pods may reach the router's pods, and no other pod of its namespace. */
export function routerEgressRule(ctx: RenderContext): V1NetworkPolicyEgressRule | undefined {
  const router = activeRouter(ctx);
  if (!router) return undefined;
  return {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': router.namespace } },
        podSelector: { matchLabels: router.podSelector },
      },
    ],
  };
}
