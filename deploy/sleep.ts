import {
  type KubernetesObject,
  PatchStrategy,
  type V1Deployment,
  type V1Namespace,
  type V1StatefulSet,
} from '@kubernetes/client-node';
import type { DependencyGraph } from '../blueprints/resolved.js';
import { type DeployConfig, deployConfig } from './config.js';
import { DeployConfigurationError } from './errors.js';
import { describe, type KubeClient } from './kube-client.js';
import { LABELS } from './labels.js';
import { namespaceFor } from './names.js';
import { type PhaseMarks, PhaseRecorder } from './phase-marks.js';
import { withPodPlacement } from './pod-placement.js';
import type { DeployProgress, ServiceProgress, WorkloadExpectation } from './types.js';
import { waitForServices, waitUntilGone } from './wait.js';
import { graphFromWorkloads, readyToStart, type WakeOrder, wakeWaits } from './wake-order.js';

/** Where a sleeping workload keeps the replica count it runs with when awake. */
export const PLANNED_REPLICAS_ANNOTATION = 'microstax.dev/planned-replicas';

/**
 * Scaling is a merge patch under its own field manager, never server-side apply under ours: an apply
 * of just `spec.replicas` would drop every other field we own. A later full re-apply (force) takes
 * `spec.replicas` back, which is what a redeploy of a sleeping environment should do.
 */
const SCALE_FIELD_MANAGER = 'microstax-sleep';

type Workload = V1Deployment | V1StatefulSet;

export interface ScaleEnvironmentResult {
  environmentId: string;
  namespace: string;
  /** Every workload as it stands at the end: 0/0 asleep, n/n awake. */
  services: ServiceProgress[];
  /** Workloads whose replicas this call changed (0 when it was already so: idempotent). */
  changed: number;
  /** When the scale was applied and each pod-level phase ended (a wake's breakdown). */
  marks: PhaseMarks;
  /** A wake's order as it ran: `parallel` when asked for, or when a workload carries no dependencies. */
  wakeOrder?: WakeOrder;
}

/**
 * Puts an environment to sleep (`replicas: 'zero'`: every Deployment and StatefulSet scaled to zero,
 * the planned count kept in an annotation; volumes, Secrets, Services, ConfigMaps stay) or wakes it
 * (`'planned'`: back to the kept count), then waits by watching until that is true (asleep: no pod of a
 * service left; awake: every service ready). A wake goes in dependency order when every workload carries
 * its dependencies (`wakeOrder`), else all at once. Idempotent: a retry after a crash finishes the job
 * and never loses the planned count. An environment without a namespace is a DeployConfigurationError.
 */
export async function scaleEnvironment(params: {
  kube: KubeClient;
  environmentId: string;
  replicas: 'zero' | 'planned';
  config?: DeployConfig;
  onProgress?: (progress: DeployProgress) => void;
  /** Called every few seconds while waiting, even when nothing changes: heartbeat the activity here. */
  heartbeat?: () => void;
  signal?: AbortSignal;
  /** How a wake scales its services (default: `config.wakeOrder`); a sleep scales all at once. */
  wakeOrder?: WakeOrder;
}): Promise<ScaleEnvironmentResult> {
  const config = params.config ?? deployConfig();
  const phases = new PhaseRecorder();
  const { kube, environmentId } = params;
  const namespace = namespaceFor(environmentId, config.namespacePrefix);
  const found = await kube.readOrNull<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  if (!found || found.metadata?.deletionTimestamp) {
    throw new DeployConfigurationError({
      field: 'environmentId',
      problem: `environment "${environmentId}" has no live namespace ${namespace}; there is nothing to ${params.replicas === 'zero' ? 'put to sleep' : 'wake'}`,
    });
  }
  const selector = `${LABELS.environment}=${environmentId},${LABELS.role}=workload`;
  const [deployments, statefulSets] = await Promise.all([
    kube.list<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace,
      labelSelector: selector,
    }),
    kube.list<V1StatefulSet>({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      namespace,
      labelSelector: selector,
    }),
  ]);
  const workloads: { kind: 'Deployment' | 'StatefulSet'; object: Workload }[] = [
    ...deployments.items.map((object) => ({ kind: 'Deployment' as const, object })),
    ...statefulSets.items.map((object) => ({ kind: 'StatefulSet' as const, object })),
  ];

  const entries = workloads.map(({ kind, object }) => {
    const target = scaleTarget(object, params.replicas);
    const expectation: WorkloadExpectation = {
      service: object.metadata?.labels?.[LABELS.service] ?? object.metadata!.name!,
      kind,
      name: object.metadata!.name!,
      replicas: target.replicas,
      initJobs: [],
    };
    return { kind, object, target, expectation };
  });
  const expectations = entries.map((e) => e.expectation).sort((a, b) => a.service.localeCompare(b.service));
  let changed = 0;
  const scale = async ({ kind, object, target }: (typeof entries)[number]) => {
    if (!target.patch) return;
    await kube.call(`scale ${describe({ ...object, kind })} to ${target.replicas}`, () =>
      kube.objects.patch(
        // A merge patch: `null` removes the annotation, which V1ObjectMeta's type does not allow.
        {
          apiVersion: 'apps/v1',
          kind,
          metadata: { name: object.metadata!.name!, namespace, ...target.patch!.metadata },
          spec: target.patch!.spec,
        } as KubernetesObject,
        undefined,
        undefined,
        SCALE_FIELD_MANAGER,
        undefined,
        PatchStrategy.MergePatch,
      ),
    );
    changed++;
  };
  const wait = {
    kube,
    environmentId,
    namespace,
    workloads: expectations,
    timeoutMs: config.readyTimeoutMs,
    unschedulableGraceMs: config.unschedulableGraceMs,
    onProgress: params.onProgress,
    heartbeat: params.heartbeat,
    signal: params.signal,
    phases,
  };

  const graph =
    params.replicas === 'planned' && (params.wakeOrder ?? config.wakeOrder) === 'dependencies'
      ? graphFromWorkloads(workloads.map((w) => w.object))
      : undefined;
  let waited: ServiceProgress[];
  if (graph) {
    waited = await wakeInDependencyOrder({ entries, graph, scale, wait });
  } else {
    await Promise.all(entries.map(scale));
    phases.mark('applied');
    waited = await waitForServices(wait);
  }
  // Awake again: the pods may run on other pools than before (and cost what those cost).
  const services =
    params.replicas === 'zero' ? waited : await withPodPlacement({ kube, namespace, services: waited });
  if (params.replicas === 'zero') {
    // Asleep means no pod left that costs anything; init Job pods are finished and stay for their logs.
    await waitUntilGone({
      kube,
      apiVersion: 'v1',
      kind: 'Pod',
      labelSelector: `${LABELS.environment}=${environmentId},${LABELS.service},${LABELS.role}!=init`,
      timeoutMs: config.teardownTimeoutMs,
      environmentId,
      heartbeat: params.heartbeat,
    });
  }
  return {
    environmentId,
    namespace,
    services,
    changed,
    marks: phases.result(),
    ...(params.replicas === 'planned' && { wakeOrder: graph ? 'dependencies' : 'parallel' }),
  };
}

/**
 * A wake in dependency order: the services that wait for nothing are scaled first (`applied` marks
 * their patches), then each other service the moment the watches see every service it waits for ready
 * (deploy/wake-order.ts), all within the one wait for the whole environment. A workload a previous
 * attempt already scaled needs no patch and is simply waited for, so a retry picks up where it stopped.
 */
async function wakeInDependencyOrder<Entry extends { expectation: WorkloadExpectation }>(params: {
  entries: Entry[];
  graph: DependencyGraph;
  scale: (entry: Entry) => Promise<void>;
  wait: Parameters<typeof waitForServices>[0] & { phases: PhaseRecorder };
}): Promise<ServiceProgress[]> {
  const { entries, wait } = params;
  const byService = new Map(entries.map((e) => [e.expectation.service, e]));
  const waits = wakeWaits(params.graph, [...byService.keys()]);
  const notStarted = new Set(byService.keys());
  const ready = new Set<string>();
  // A scale that fails (after the client's retries) ends the wait with its error.
  const scaleFailed = new AbortController();
  // Every patch sent, awaited before returning: one sent in the wait's last check would land later.
  const scalings: Promise<void>[] = [];
  const start = (): Promise<void>[] =>
    readyToStart({ waits, notStarted, ready }).map((service) => {
      notStarted.delete(service);
      const scaling = params.scale(byService.get(service)!);
      scalings.push(scaling);
      return scaling;
    });

  await Promise.all(start());
  wait.phases.mark('applied');
  const waited = await waitForServices({
    ...wait,
    signal: wait.signal ? AbortSignal.any([wait.signal, scaleFailed.signal]) : scaleFailed.signal,
    onProgress: (progress) => {
      for (const service of progress.services) if (service.phase === 'ready') ready.add(service.service);
      for (const scaling of start()) scaling.catch((error: unknown) => scaleFailed.abort(error));
      wait.onProgress?.(progress);
    },
    notStartedWaitsFor: (service) =>
      notStarted.has(service) ? (waits.get(service) ?? []).filter((d) => !ready.has(d)) : undefined,
  });
  // A service planned at zero replicas counts as ready while still asleep: the wait can end before its
  // patch was sent (or landed). Every service is ready now, so the ones left start, and every patch's
  // outcome counts.
  for (const service of byService.keys()) ready.add(service);
  await Promise.all([...scalings, ...start()]);
  return waited;
}

/**
 * The replicas a workload should have, and the merge patch that gets it there (none when it is there
 * already). Asleep, the annotation keeps the awake count; a workload at zero keeps the annotation it has,
 * so a second sleep never overwrites the planned count with 0.
 */
function scaleTarget(
  workload: Workload,
  replicas: 'zero' | 'planned',
): {
  replicas: number;
  patch?: { metadata?: { annotations: Record<string, string | null> }; spec: { replicas: number } };
} {
  const current = workload.spec?.replicas ?? 1;
  const kept = workload.metadata?.annotations?.[PLANNED_REPLICAS_ANNOTATION];
  if (replicas === 'zero') {
    if (current === 0 && kept !== undefined) return { replicas: 0 };
    return {
      replicas: 0,
      patch: {
        metadata: { annotations: { [PLANNED_REPLICAS_ANNOTATION]: String(current) } },
        spec: { replicas: 0 },
      },
    };
  }
  if (kept === undefined) return { replicas: current };
  const planned = Number.parseInt(kept, 10);
  const target = Number.isInteger(planned) && planned >= 0 ? planned : 1;
  // null removes the annotation in a merge patch: awake again, nothing kept.
  return {
    replicas: target,
    patch: { metadata: { annotations: { [PLANNED_REPLICAS_ANNOTATION]: null } }, spec: { replicas: target } },
  };
}
