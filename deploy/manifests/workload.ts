import type {
  V1Container,
  V1Deployment,
  V1EnvVar,
  V1ObjectMeta,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1PodTemplateSpec,
  V1Probe,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { ResolvedService } from '../../blueprints/resolved.js';
import { ANNOTATIONS, LABELS } from '../labels.js';
import type { WorkloadExpectation } from '../types.js';
import { dependsOnValue } from '../wake-order.js';
import { commonLabels, objectMeta, type RenderContext, selectorLabels } from './context.js';
import { forksData, isPostgresImage, replicationScriptMount, withForkedStart } from './data-fork.js';
import { routerHostAliases } from './header-router.js';
import { podScheduling } from './scheduling.js';
import { renderEnvVar } from './secret.js';
import { containerSecurityContext, podSecurityContext } from './security.js';
import { seedScriptMounts, seedsInService } from './seed-in-service.js';

export const DEFAULT_VOLUME_SIZE = '1Gi';

/** Port names must be IANA service names: at most 15 characters, with a letter. */
export function portName(port: number): string {
  return `p${port}`;
}

/**
 * The readiness probe a blueprint health check becomes. A data service without one is ready once
 * its port accepts connections: a started container is not a database that answers (Postgres's
 * entrypoint runs its init scripts on a server that listens on no TCP port), and its clients'
 * first queries would fail.
 */
export function renderProbe(service: ResolvedService): V1Probe | undefined {
  const check = service.healthCheck;
  const defaultPort = service.ports[0];
  if (!check) {
    if (!service.isDataService || defaultPort === undefined) return undefined;
    return isPostgresImage(service.image)
      ? postgresReadinessProbe(defaultPort)
      : { tcpSocket: { port: defaultPort }, periodSeconds: 1 };
  }
  const probe: V1Probe = {};
  if ('http' in check) {
    const port = check.http.port ?? defaultPort;
    if (port === undefined) return undefined;
    probe.httpGet = { path: check.http.path, port };
  } else if ('tcp' in check) {
    const port = check.tcp.port ?? defaultPort;
    if (port === undefined) return undefined;
    probe.tcpSocket = { port };
  } else {
    probe.exec = { command: check.exec.command };
  }
  if (check.initialDelaySeconds !== undefined) probe.initialDelaySeconds = check.initialDelaySeconds;
  if (check.periodSeconds !== undefined) probe.periodSeconds = check.periodSeconds;
  if (check.timeoutSeconds !== undefined) probe.timeoutSeconds = check.timeoutSeconds;
  if (check.failureThreshold !== undefined) probe.failureThreshold = check.failureThreshold;
  return probe;
}

/**
 * A Postgres data service's default readiness: a command in its container that waits (asking every
 * 50 ms, up to ~8 s) until the server accepts connections. A TCP probe that fails is asked again only
 * on the kubelet's next tick, a second later at the shortest period, so a server that became ready
 * just after a tick waited up to that second; a run that waits returns the moment it is ready, and
 * the kubelet publishes a readiness change at once. The kubelet starts a run without waiting for a
 * tick whenever it syncs a started pod that is not ready yet (prober_manager.go, UpdatePodStatus), so
 * the first run begins right after the container starts. Once ready, a run every 10 s (an exec, not a
 * free TCP dial: not every second). Unlike a port check, a server still recovering is not ready.
 */
function postgresReadinessProbe(port: number): V1Probe {
  return {
    // It gives up itself after ~8 s, inside the probe's 10 s timeout: a run the kubelet kills would leave
    // its pg_isready behind, a child of the postmaster.
    exec: { command: ['sh', '-c', postgresWaitScript(port)] },
    periodSeconds: 10,
    timeoutSeconds: 10,
    failureThreshold: 1,
  };
}

/** Asks every 50 ms (each ask up to 1 s) until the server accepts, for at most ~8 s. */
function postgresWaitScript(port: number): string {
  const ask = `pg_isready -q -t 1 -h 127.0.0.1 -p ${port}`;
  return `end=$(($(date +%s) + 8)); until ${ask}; do [ "$(date +%s)" -lt "$end" ] || exit 1; sleep 0.05; done`;
}

/**
 * A Postgres data service initialises its data directory on first start: without an fsync of every
 * file it made, which saves seconds on a busy disk and risks nothing an environment keeps (a crash
 * during initdb leaves an empty directory that the next start initialises again). A blueprint that
 * sets POSTGRES_INITDB_ARGS keeps its own.
 */
function fastInitEnv(service: ResolvedService): V1EnvVar | undefined {
  if (!service.isDataService || !/(^|\/)(postgres|postgis|timescaledb)[^/]*(:|@|$)/.test(service.image)) {
    return undefined;
  }
  if (service.env.some((v) => v.name === 'POSTGRES_INITDB_ARGS')) return undefined;
  return { name: 'POSTGRES_INITDB_ARGS', value: '--no-sync' };
}

/** Where well-known data images keep their data, for data services that declare no volume. */
const KNOWN_DATA_PATHS: [RegExp, string][] = [
  [/(^|\/)(postgres|postgis|timescaledb)[^/]*(:|@|$)/, '/var/lib/postgresql/data'],
  [/(^|\/)(mysql|mariadb|percona)[^/]*(:|@|$)/, '/var/lib/mysql'],
  [/(^|\/)mongo[^/]*(:|@|$)/, '/data/db'],
  [/(^|\/)(redis|valkey)[^/]*(:|@|$)/, '/data'],
];

/**
 * The volumes a service gets: those it declares, or, for a data service that declares none, one
 * "data" volume where its image keeps data (so a StatefulSet always has a claim to keep).
 */
export function effectiveVolumes(service: ResolvedService): ResolvedService['volumes'] {
  if (service.volumes.length > 0 || !service.isDataService) return service.volumes;
  const known = KNOWN_DATA_PATHS.find(([pattern]) => pattern.test(service.image));
  return [{ name: 'data', path: known?.[1] ?? '/data' }];
}

/** Volume names as the blueprint gives them, or data, data-1, ... */
export function volumeNames(service: ResolvedService): string[] {
  return effectiveVolumes(service).map((v, i) => v.name ?? (i === 0 ? 'data' : `data-${i}`));
}

function renderContainer(ctx: RenderContext, service: ResolvedService): V1Container {
  const container: V1Container = { name: service.name, image: service.image };
  if (service.command) container.command = service.command;
  if (service.args) container.args = service.args;
  if (service.ports.length > 0) {
    container.ports = service.ports.map((port) => ({
      name: portName(port),
      containerPort: port,
      protocol: 'TCP',
    }));
  }
  if (service.env.length > 0) container.env = service.env.map((v) => renderEnvVar(ctx, service.name, v));
  const fastInit = fastInitEnv(service);
  if (fastInit) container.env = [...(container.env ?? []), fastInit];
  const resources = service.resources;
  if (resources?.requests || resources?.limits) {
    container.resources = {};
    if (resources.requests) container.resources.requests = quantities(resources.requests);
    if (resources.limits) container.resources.limits = quantities(resources.limits);
  }
  const probe = renderProbe(service);
  if (probe) container.readinessProbe = probe;
  container.securityContext = containerSecurityContext(service);
  const names = volumeNames(service);
  if (names.length > 0) {
    container.volumeMounts = effectiveVolumes(service).map((v, i) => ({
      name: names[i]!,
      mountPath: v.path,
    }));
  }
  return container;
}

function quantities(amounts: { cpu?: string | number; memory?: string | number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (amounts.cpu !== undefined) out.cpu = String(amounts.cpu);
  if (amounts.memory !== undefined) out.memory = String(amounts.memory);
  return out;
}

function renderPodTemplate(ctx: RenderContext, service: ResolvedService): V1PodTemplateSpec {
  const labels = {
    ...commonLabels(ctx),
    ...selectorLabels(ctx, service.name),
    [LABELS.service]: service.name,
  };
  const template: V1PodTemplateSpec = {
    metadata: { labels },
    spec: {
      containers: [renderContainer(ctx, service)],
      enableServiceLinks: false,
      // Environment workloads never call the Kubernetes API: no token to steal from a pod.
      automountServiceAccountToken: false,
      securityContext: podSecurityContext(service),
    },
  };
  Object.assign(template.spec!, podScheduling(ctx, service.name, service.replicas));
  const hostAliases = routerHostAliases(ctx);
  if (hostAliases) template.spec!.hostAliases = hostAliases;
  if (service.isDataService && isPostgresImage(service.image)) {
    const container = template.spec!.containers[0]!;
    const replication = replicationScriptMount(service);
    const dataMounts = container.volumeMounts ?? [];
    container.volumeMounts = [...dataMounts, replication.mount];
    template.spec!.volumes = [replication.volume];
    if (forksData(ctx, service)) withForkedStart(ctx, service, container);
    if (seedsInService(ctx, service)) {
      const seed = seedScriptMounts(service);
      container.volumeMounts = [...container.volumeMounts, ...seed.mounts];
      template.spec!.volumes.push(seed.volume);
    }
  }
  return template;
}

/**
 * Metadata of a service's workload, Deployment or StatefulSet: its labels, the plan action it runs for,
 * and its dependencies (a wake's order).
 */
function workloadMetadata(ctx: RenderContext, service: ResolvedService): V1ObjectMeta {
  const mode = ctx.modes.get(service.name);
  const annotations: Record<string, string> = mode ? { [ANNOTATIONS.planAction]: mode } : {};
  annotations[ANNOTATIONS.dependsOn] = dependsOnValue(service.dependsOn);
  if (seedsInService(ctx, service)) annotations[ANNOTATIONS.seedInService] = String(service.init.length);
  return objectMeta(ctx, { name: service.name, role: 'workload', service: service.name, annotations });
}

/** A stateless service: a Deployment. */
export function renderDeployment(ctx: RenderContext, service: ResolvedService): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: workloadMetadata(ctx, service),
    spec: {
      replicas: service.replicas,
      selector: { matchLabels: selectorLabels(ctx, service.name) },
      template: renderPodTemplate(ctx, service),
    },
  };
}

/** The claim name a StatefulSet gives replica `ordinal` of volume `volume`. */
export function claimName(volume: string, service: string, ordinal: number): string {
  return `${volume}-${service}-${ordinal}`;
}

/** The claim templates of a data service's StatefulSet: one per volume. */
function claimTemplates(ctx: RenderContext, service: ResolvedService): V1PersistentVolumeClaim[] {
  const names = volumeNames(service);
  return effectiveVolumes(service).map((v, i) => {
    const claim: V1PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: names[i]! },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: String(v.size ?? DEFAULT_VOLUME_SIZE) } },
      },
    };
    // Static volumes are bound by name; "" stops a default StorageClass from claiming them.
    if (ctx.volumeProvisioning === 'static') claim.spec!.storageClassName = '';
    else if (ctx.config.storageClassName) claim.spec!.storageClassName = ctx.config.storageClassName;
    return claim;
  });
}

/** A data service: a StatefulSet with a PersistentVolumeClaim per volume. */
export function renderStatefulSet(ctx: RenderContext, service: ResolvedService): V1StatefulSet {
  const claims = claimTemplates(ctx, service);
  const statefulSet: V1StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: workloadMetadata(ctx, service),
    spec: {
      replicas: service.replicas,
      serviceName: service.name,
      selector: { matchLabels: selectorLabels(ctx, service.name) },
      template: renderPodTemplate(ctx, service),
      // Claims go with the environment (the namespace), not with a scale-down.
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
    },
  };
  if (claims.length > 0) statefulSet.spec!.volumeClaimTemplates = claims;
  return statefulSet;
}

/**
 * The claims the StatefulSet would make for each replica, made before it (the controller adopts a
 * claim by its name): the volume is provisioned and bound while the workloads are applied, where a
 * claim the controller makes with the pod keeps the scheduler waiting for its binding.
 */
export function renderClaims(ctx: RenderContext, service: ResolvedService): V1PersistentVolumeClaim[] {
  const claims: V1PersistentVolumeClaim[] = [];
  for (let ordinal = 0; ordinal < service.replicas; ordinal++) {
    for (const template of claimTemplates(ctx, service)) {
      const name = claimName(template.metadata!.name!, service.name, ordinal);
      const metadata = objectMeta(ctx, { name, role: 'volume', service: service.name });
      metadata.labels = { ...metadata.labels, ...selectorLabels(ctx, service.name) };
      claims.push({ ...template, metadata });
    }
  }
  return claims;
}

/**
 * For clusters without a volume provisioner (the simulated local one): one hostPath volume per
 * claim, pre-bound to it by claimRef. Cluster-scoped, so teardown deletes them by label.
 */
export function renderStaticVolumes(ctx: RenderContext, service: ResolvedService): V1PersistentVolume[] {
  if (ctx.volumeProvisioning !== 'static') return [];
  const names = volumeNames(service);
  const volumes: V1PersistentVolume[] = [];
  for (let ordinal = 0; ordinal < service.replicas; ordinal++) {
    effectiveVolumes(service).forEach((v, i) => {
      const claim = claimName(names[i]!, service.name, ordinal);
      const meta = objectMeta(ctx, {
        name: `${ctx.namespace}-${claim}`,
        role: 'volume',
        service: service.name,
      });
      delete meta.namespace;
      volumes.push({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: meta,
        spec: {
          capacity: { storage: String(v.size ?? DEFAULT_VOLUME_SIZE) },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: '',
          hostPath: { path: `/var/lib/microstax/${ctx.namespace}/${claim}`, type: 'DirectoryOrCreate' },
          claimRef: { namespace: ctx.namespace, name: claim },
        },
      });
    });
  }
  return volumes;
}

/** The workload for a service, and what "ready" means for it. */
export function renderWorkload(
  ctx: RenderContext,
  service: ResolvedService,
  initJobs: string[],
): { object: V1Deployment | V1StatefulSet; expectation: WorkloadExpectation } {
  const object = service.isDataService ? renderStatefulSet(ctx, service) : renderDeployment(ctx, service);
  return {
    object,
    expectation: {
      service: service.name,
      kind: service.isDataService ? 'StatefulSet' : 'Deployment',
      name: service.name,
      replicas: service.replicas,
      initJobs,
      ...(seedsInService(ctx, service) ? { seedInService: true } : {}),
    },
  };
}
