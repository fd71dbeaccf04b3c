import type { V1Service } from '@kubernetes/client-node';
import type { ResolvedService } from '../../blueprints/resolved.js';
import { ANNOTATIONS } from '../labels.js';
import { serviceHost } from '../names.js';
import { objectMeta, type RenderContext, selectorLabels } from './context.js';
import { portName } from './workload.js';

/** The Service in front of a service's pods; none for a service without ports. */
export function renderService(ctx: RenderContext, service: ResolvedService): V1Service | undefined {
  if (service.ports.length === 0) return undefined;
  const spec: V1Service['spec'] = {
    type: 'ClusterIP',
    selector: selectorLabels(ctx, service.name),
    ports: service.ports.map((port) => ({ name: portName(port), port, targetPort: port, protocol: 'TCP' })),
  };
  if (publishesBeforeReady(service)) spec.publishNotReadyAddresses = true;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(ctx, { name: service.name, role: 'workload', service: service.name }),
    spec,
  };
}

/**
 * A single-replica data service's Service publishes its pod as soon as it has an address: kube-proxy's
 * rule for a new pod (a branch's fork, a woken database) is then synced while the server starts,
 * instead of up to a second after it is ready, which is when its clients' first queries waited. With
 * one replica, "not ready" routes nowhere else either: a client is refused by the pod until the server
 * accepts, as it was by the empty Service. Only where ready means "accepts connections" (the default
 * probe or a TCP check: a blueprint's HTTP or exec check may wait for more, e.g. a restore). Not for an
 * exposed one: the gateway routes to published pods.
 */
export function publishesBeforeReady(service: ResolvedService): boolean {
  const readyWhenListening = !service.healthCheck || 'tcp' in service.healthCheck;
  return (
    service.isDataService && service.replicas === 1 && service.exposedPorts.length === 0 && readyWhenListening
  );
}

/**
 * The name of the Service an init Job reaches its service's pods by, or none when the
 * service has no port or a service of the blueprint already has that name.
 */
export function directServiceName(ctx: RenderContext, service: ResolvedService): string | undefined {
  const name = `${service.name}-direct`;
  if (service.ports.length === 0 || ctx.blueprint.services.some((s) => s.name === name)) return undefined;
  return name;
}

/**
 * A second Service over a service's pods that publishes them before they are ready: the proxies route
 * to a pod as soon as it has an address, while the server is still initialising, so the init Job
 * connects the moment the server accepts connections (Postgres listens on TCP only once its first
 * start is over) instead of after the readiness probe and the rule sync behind the main Service. Not
 * headless: its name resolves from the start, where a headless one answered NXDOMAIN until the pod had
 * an address, and cluster DNS caches that answer for seconds.
 */
export function renderDirectService(ctx: RenderContext, service: ResolvedService): V1Service | undefined {
  const name = directServiceName(ctx, service);
  if (!name) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(ctx, { name, role: 'init', service: service.name }),
    spec: {
      type: 'ClusterIP',
      publishNotReadyAddresses: true,
      selector: selectorLabels(ctx, service.name),
      ports: service.ports.map((port) => ({ name: portName(port), port, targetPort: port, protocol: 'TCP' })),
    },
  };
}

/** Where a reused service really lives: the baseline's Service. */
export function reuseTarget(ctx: RenderContext, service: string): string {
  if (!ctx.baselineNamespace) throw new Error('reuseTarget needs a baseline namespace');
  return serviceHost(service, ctx.baselineNamespace, ctx.config.clusterDomain);
}

/**
 * A reused service of a branch: an ExternalName Service with the plain name, so the branch's own
 * services reach the baseline's copy through cluster DNS without any change of config.
 */
export function renderReusedService(ctx: RenderContext, service: ResolvedService): V1Service {
  const target = reuseTarget(ctx, service.name);
  const spec: V1Service['spec'] = { type: 'ExternalName', externalName: target };
  if (service.ports.length > 0) {
    spec.ports = service.ports.map((port) => ({ name: portName(port), port, protocol: 'TCP' }));
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(ctx, {
      name: service.name,
      role: 'reuse',
      service: service.name,
      annotations: { [ANNOTATIONS.reusedFrom]: target },
    }),
    spec,
  };
}
