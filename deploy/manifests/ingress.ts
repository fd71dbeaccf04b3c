import type { V1Ingress } from '@kubernetes/client-node';
import type { ResolvedService } from '../../blueprints/resolved.js';
import type { DeployConfig } from '../config.js';
import { ANNOTATIONS } from '../labels.js';
import { objectMeta, type RenderContext } from './context.js';

/** Host of an exposed port: <service>.<environment>.<baseDomain>; further ports add "-<port>". */
export function ingressHost(ctx: RenderContext, service: string, port: number, first: boolean): string {
  const name = first ? service : `${service}-${port}`;
  return `${name}.${ctx.environment.id}.${ctx.config.baseDomain}`;
}

/**
 * The host a named environment's port also answers at: <service>.<name>.<team>.<baseDomain>. One label
 * more than the id host, so the two never collide; the team keeps two teams' `pr-42` apart.
 */
export function namedIngressHost(ctx: RenderContext, service: string, port: number, first: boolean) {
  const { name: envName, team } = ctx.environment;
  if (!envName || !team) return undefined;
  const name = first ? service : `${service}-${port}`;
  return `${name}.${envName}.${team}.${ctx.config.baseDomain}`;
}

/** The URL an ingress host answers at: the scheme, and the port when the ingress is not on the default one. */
export function ingressUrl(
  config: Pick<DeployConfig, 'ingressScheme' | 'ingressPort'>,
  host: string,
): string {
  return `${config.ingressScheme}://${host}${config.ingressPort ? `:${config.ingressPort}` : ''}`;
}

/** One Ingress per exposed service, a host per exposed port; plus the URLs they give. */
export function renderIngress(
  ctx: RenderContext,
  service: ResolvedService,
): { ingress: V1Ingress; urls: string[] } | undefined {
  if (service.exposedPorts.length === 0) return undefined;
  // A named environment's URLs are its name hosts; the id hosts keep answering (bookmarks, old links).
  const named = service.exposedPorts.flatMap((port, i) => {
    const host = namedIngressHost(ctx, service.name, port, i === 0);
    return host ? [{ port, host }] : [];
  });
  const hosts = [
    ...named,
    ...service.exposedPorts.map((port, i) => ({ port, host: ingressHost(ctx, service.name, port, i === 0) })),
  ];
  const ingress: V1Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(ctx, {
      name: service.name,
      role: 'workload',
      service: service.name,
      ...(service.access === 'public' && { annotations: { [ANNOTATIONS.access]: 'public' } }),
    }),
    spec: {
      ingressClassName: ctx.config.ingressClassName,
      rules: hosts.map(({ host, port }) => ({
        host,
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: service.name, port: { number: port } } },
            },
          ],
        },
      })),
    },
  };
  return { ingress, urls: hosts.map(({ host }) => ingressUrl(ctx.config, host)) };
}
