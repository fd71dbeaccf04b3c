import type {
  CoreV1Event,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Namespace,
  V1Pod,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { type DeployConfig, deployConfig } from './config.js';
import type { KubeClient } from './kube-client.js';
import { ANNOTATIONS, LABELS } from './labels.js';
import { ingressUrl } from './manifests/ingress.js';
import { namespaceFor } from './names.js';
import { assessService, type ClusterSnapshot, isInitJobDone } from './readiness.js';
import type { EnvironmentStatus, InitJobStatus, ServiceProgress, WorkloadExpectation } from './types.js';

const LOG_TAIL_LINES = 50;
/** A node that does not answer log requests must not hold the status up. */
const LOG_DEADLINE_MS = 3_000;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * What an environment looks like in the cluster right now: per service phase and cause, reused
 * services, init Jobs with their result and log tail, URLs. Read-only; works on half-made ones.
 */
export async function getEnvironmentStatus(params: {
  kube: KubeClient;
  environmentId: string;
  config?: DeployConfig;
  /** Fetch init Job logs (one request per Job pod); default true. */
  includeLogs?: boolean;
}): Promise<EnvironmentStatus> {
  const config = params.config ?? deployConfig();
  const { kube, environmentId } = params;
  const namespace = namespaceFor(environmentId, config.namespacePrefix);
  const empty: EnvironmentStatus = {
    environmentId,
    namespace,
    phase: 'absent',
    labels: {},
    services: [],
    reused: [],
    initJobs: [],
    urls: {},
  };
  const ns = await kube.readOrNull<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  if (!ns) return empty;
  const labels = ns.metadata?.labels ?? {};
  if (ns.metadata?.deletionTimestamp) return { ...empty, phase: 'terminating', labels };

  const inNs = { namespace, labelSelector: `${LABELS.environment}=${environmentId}` };
  const [deployments, statefulSets, pods, jobs, events, services, ingresses] = await Promise.all([
    kube.list<V1Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', ...inNs }),
    kube.list<V1StatefulSet>({ apiVersion: 'apps/v1', kind: 'StatefulSet', ...inNs }),
    kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', ...inNs }),
    kube.list<V1Job>({ apiVersion: 'batch/v1', kind: 'Job', ...inNs }),
    kube.list<CoreV1Event>({ apiVersion: 'v1', kind: 'Event', namespace }),
    kube.list<V1Service>({ apiVersion: 'v1', kind: 'Service', ...inNs }),
    kube.list<V1Ingress>({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', ...inNs }),
  ]);
  const snapshot: ClusterSnapshot = {
    deployments: deployments.items,
    statefulSets: statefulSets.items,
    pods: pods.items,
    jobs: jobs.items,
    events: events.items,
  };
  const expectations = workloadExpectations(snapshot);
  const now = Date.now();
  const serviceStates = expectations.map((expectation) =>
    assessService({
      expectation,
      snapshot,
      now,
      unschedulableGraceMs: config.unschedulableGraceMs,
      seedExits: { withinMs: config.readyTimeoutMs },
    }),
  );
  const initJobs = await Promise.all(
    jobs.items.map((job) =>
      initJobStatus({ kube, job, pods: pods.items, includeLogs: params.includeLogs ?? true }),
    ),
  );
  initJobs.push(...seedsInServiceStatus(expectations, serviceStates));
  const reused = services.items
    .filter((s) => s.metadata?.labels?.[LABELS.role] === 'reuse')
    .map((s) => ({
      service: s.metadata!.name!,
      target: s.metadata?.annotations?.[ANNOTATIONS.reusedFrom] ?? s.spec?.externalName ?? '',
    }));
  const urls: Record<string, string[]> = {};
  for (const ingress of ingresses.items) {
    const service = ingress.metadata?.labels?.[LABELS.service] ?? ingress.metadata!.name!;
    urls[service] = (ingress.spec?.rules ?? []).map((r) => ingressUrl(config, r.host ?? ''));
  }
  const failed = serviceStates.some((s) => s.phase === 'failed');
  const ready = serviceStates.every((s) => s.phase === 'ready');
  return {
    environmentId,
    namespace,
    phase: failed ? 'failed' : ready ? 'ready' : 'deploying',
    labels,
    services: serviceStates,
    reused,
    initJobs,
    urls,
  };
}

/** Rebuilds what readiness means from the live workloads and their init Jobs (labels tie them). */
function workloadExpectations(snapshot: ClusterSnapshot): WorkloadExpectation[] {
  const jobsOf = (service: string) =>
    snapshot.jobs
      .filter((j) => j.metadata?.labels?.[LABELS.service] === service)
      .map((j) => j.metadata!.name!);
  const fromWorkload = (w: V1Deployment | V1StatefulSet, kind: WorkloadExpectation['kind']) => {
    const service = w.metadata?.labels?.[LABELS.service] ?? w.metadata!.name!;
    return {
      service,
      kind,
      name: w.metadata!.name!,
      replicas: w.spec?.replicas ?? 1,
      initJobs: jobsOf(service),
      ...(w.metadata?.annotations?.[ANNOTATIONS.seedInService] ? { seedInService: true } : {}),
    };
  };
  return [
    ...snapshot.deployments.map((d) => fromWorkload(d, 'Deployment')),
    ...snapshot.statefulSets.map((s) => fromWorkload(s, 'StatefulSet')),
  ].sort((a, b) => a.service.localeCompare(b.service));
}

/**
 * The seeds the services' own entrypoints run (no Job): done once the service is ready, failed with
 * the failure that names them (readiness.ts findSeedFailure). Named `<workload>/initdb.d`.
 */
function seedsInServiceStatus(
  expectations: WorkloadExpectation[],
  states: ServiceProgress[],
): InitJobStatus[] {
  return expectations.flatMap((exp) => {
    if (!exp.seedInService) return [];
    const state = states.find((s) => s.service === exp.service);
    const failure = state?.failure?.reason === 'InitScriptFailed' ? state.failure : undefined;
    const phase: InitJobStatus['phase'] = failure
      ? 'failed'
      : state?.phase === 'ready'
        ? 'succeeded'
        : state?.phase === 'starting'
          ? 'running'
          : 'pending';
    return [
      {
        service: exp.service,
        job: `${exp.name}/initdb.d`,
        phase,
        ...(failure ? { reason: failure.reason, message: failure.message } : {}),
      },
    ];
  });
}

async function initJobStatus(params: {
  kube: KubeClient;
  job: V1Job;
  pods: V1Pod[];
  includeLogs: boolean;
}): Promise<InitJobStatus> {
  const { job } = params;
  const name = job.metadata!.name!;
  const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  const status: InitJobStatus = {
    service: job.metadata?.labels?.[LABELS.service] ?? '',
    job: name,
    phase: failed
      ? 'failed'
      : isInitJobDone(job, params.pods)
        ? 'succeeded'
        : (job.status?.active ?? 0) > 0
          ? 'running'
          : 'pending',
  };
  if (failed) {
    status.reason = failed.reason;
    status.message = failed.message;
  }
  const pod = params.pods.filter((p) => p.metadata?.labels?.['job-name'] === name).at(-1);
  if (params.includeLogs && pod?.metadata?.name && pod.spec?.nodeName) {
    try {
      // No retries: a node that serves no logs (simulated nodes) should not slow the status down.
      status.logs = await withDeadline(
        params.kube.core.readNamespacedPodLog({
          name: pod.metadata.name,
          namespace: job.metadata!.namespace!,
          tailLines: LOG_TAIL_LINES,
        }),
        LOG_DEADLINE_MS,
      );
    } catch {
      // Logs are best effort: the result is in the Job's conditions either way.
    }
  }
  return status;
}
