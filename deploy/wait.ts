import type {
  CoreV1Event,
  KubernetesObject,
  V1Deployment,
  V1Job,
  V1Pod,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { DeployTimeoutError, type KubeApiError, type ServiceFailure, ServicesFailedError } from './errors.js';
import type { KubeClient, WatchedList } from './kube-client.js';
import { LABELS } from './labels.js';
import type { PhaseRecorder } from './phase-marks.js';
import { assessService, type ClusterSnapshot, nextUnschedulableDeadline } from './readiness.js';
import type { DeployProgress, ServiceProgress, WorkloadExpectation } from './types.js';

/** The kinds whose changes can move a service towards ready or failed. */
const WATCHED = [
  { key: 'deployments', apiVersion: 'apps/v1', kind: 'Deployment', byEnvironment: true },
  { key: 'statefulSets', apiVersion: 'apps/v1', kind: 'StatefulSet', byEnvironment: true },
  { key: 'pods', apiVersion: 'v1', kind: 'Pod', byEnvironment: true },
  { key: 'jobs', apiVersion: 'batch/v1', kind: 'Job', byEnvironment: true },
  // Events carry no labels; those of this namespace are about this environment.
  { key: 'events', apiVersion: 'v1', kind: 'Event', byEnvironment: false },
] as const;

type SnapshotKey = (typeof WATCHED)[number]['key'];

/** How often a quiet wait still calls `heartbeat`: well under any sensible activity heartbeat timeout. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * Waits until every service is ready, by WATCHING the namespace (list+watch caches, no polling).
 * Calls `onProgress` whenever a service changes phase, ready count or detail. Rejects with a
 * ServicesFailedError naming every failed service and its cause, or a DeployTimeoutError.
 */
export async function waitForServices(params: {
  kube: KubeClient;
  environmentId: string;
  namespace: string;
  workloads: WorkloadExpectation[];
  timeoutMs: number;
  unschedulableGraceMs: number;
  onProgress?: (progress: DeployProgress) => void;
  /** Called every HEARTBEAT_INTERVAL_MS while waiting, even when nothing changes (activity heartbeats). */
  heartbeat?: () => void;
  signal?: AbortSignal;
  /** Marks the pod-level phases (scheduled, images, started, init, ready) as the watches see them. */
  phases?: PhaseRecorder;
  /**
   * For a service not started yet (a wake in dependency order), the services it still waits for:
   * a timeout names them rather than the pods it has not got.
   */
  notStartedWaitsFor?: (service: string) => string[] | undefined;
}): Promise<ServiceProgress[]> {
  const { kube, namespace, workloads } = params;
  const started = Date.now();
  const lists = new Map<SnapshotKey, WatchedList<KubernetesObject>>();
  const last = new Map<string, string>();
  let current: ServiceProgress[] = [];
  let settle: { resolve: (v: ServiceProgress[]) => void; reject: (e: unknown) => void } | undefined;
  let scheduled = false;
  let graceTimer: NodeJS.Timeout | undefined;
  // Set once a failure is found: its log tails are being read, and nothing else is judged.
  let failing = false;

  const done = new Promise<ServiceProgress[]>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // It may settle (timeout, abort) while the watches are still starting: handled when awaited below.
  done.catch(() => undefined);
  const finish = (outcome: { value?: ServiceProgress[]; error?: unknown }) => {
    const s = settle;
    settle = undefined;
    if (!s) return;
    if (outcome.error !== undefined) s.reject(outcome.error);
    else s.resolve(outcome.value ?? []);
  };

  const snapshot = (): ClusterSnapshot => ({
    deployments: (lists.get('deployments')?.list() ?? []) as V1Deployment[],
    statefulSets: (lists.get('statefulSets')?.list() ?? []) as V1StatefulSet[],
    pods: (lists.get('pods')?.list() ?? []) as V1Pod[],
    jobs: (lists.get('jobs')?.list() ?? []) as V1Job[],
    events: (lists.get('events')?.list() ?? []) as CoreV1Event[],
  });

  const evaluate = () => {
    scheduled = false;
    if (!settle || failing || lists.size < WATCHED.length) return;
    const snap = snapshot();
    const now = Date.now();
    params.phases?.observe(snap, now);
    current = workloads.map((expectation) =>
      assessService({
        expectation,
        snapshot: snap,
        now,
        unschedulableGraceMs: params.unschedulableGraceMs,
        seedExits: { since: started },
      }),
    );
    const readyCount = current.filter((s) => s.phase === 'ready').length;
    for (const progress of current) {
      const fingerprint = `${progress.phase}|${progress.readyReplicas}|${progress.detail}`;
      if (last.get(progress.service) === fingerprint) continue;
      last.set(progress.service, fingerprint);
      params.onProgress?.({
        environmentId: params.environmentId,
        namespace,
        changed: progress,
        services: current,
        readyCount,
        total: workloads.length,
      });
    }
    const failures = current.flatMap((s) => (s.failure ? [s.failure] : []));
    if (failures.length > 0) {
      failing = true;
      void withLogTails({ kube, namespace, failures }).then((told) =>
        finish({
          error: new ServicesFailedError({ environmentId: params.environmentId, namespace, failures: told }),
        }),
      );
      return;
    }
    if (readyCount === workloads.length) {
      params.phases?.mark('ready', now);
      finish({ value: current });
      return;
    }
    // An unschedulable pod fails only when its grace ends, which no event announces: wake up then.
    const deadline = nextUnschedulableDeadline(snap, params.unschedulableGraceMs);
    if (deadline !== undefined) {
      clearTimeout(graceTimer);
      graceTimer = setTimeout(schedule, Math.max(0, deadline - Date.now()) + 50);
    }
  };
  // Many events arrive together (a list, a burst of pod updates): judge once per burst.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(evaluate);
  }

  const timeout = setTimeout(() => {
    finish({
      error: new DeployTimeoutError({
        environmentId: params.environmentId,
        what: 'waiting for services to be ready',
        timeoutMs: params.timeoutMs,
        pending: current
          .filter((s) => s.phase !== 'ready')
          .map((s) => {
            const waitsFor = params.notStartedWaitsFor?.(s.service);
            return {
              name: s.service,
              state: waitsFor?.length
                ? `not started: waiting for ${waitsFor.join(', ')}`
                : `${s.phase}: ${s.detail}`,
            };
          }),
      }),
    });
  }, params.timeoutMs);
  const onAbort = () => finish({ error: params.signal?.reason ?? new Error('aborted') });
  params.signal?.addEventListener('abort', onAbort, { once: true });
  const beat = params.heartbeat ? setInterval(params.heartbeat, HEARTBEAT_INTERVAL_MS) : undefined;

  try {
    await Promise.all(
      WATCHED.map(async (w) => {
        const list = await kube.watchList<KubernetesObject>({
          apiVersion: w.apiVersion,
          kind: w.kind,
          namespace,
          labelSelector: w.byEnvironment ? `${LABELS.environment}=${params.environmentId}` : undefined,
          onChange: schedule,
          onError: (error: KubeApiError) => finish({ error }),
        });
        lists.set(w.key, list);
      }),
    );
    schedule();
    return await done;
  } catch (error) {
    finish({ error });
    throw error;
  } finally {
    clearTimeout(timeout);
    clearTimeout(graceTimer);
    clearInterval(beat);
    params.signal?.removeEventListener('abort', onAbort);
    await Promise.all([...lists.values()].map((l) => l.stop().catch(() => undefined)));
  }
}

/** How many log lines of a failed init step a failure carries. */
export const FAILURE_LOG_LINES = 20;

/**
 * Adds the log tail of the container each failure names (a failed init step) to its message. Best
 * effort and bounded: a node that serves no logs leaves the message as it was.
 */
async function withLogTails(params: {
  kube: KubeClient;
  namespace: string;
  failures: ServiceFailure[];
}): Promise<ServiceFailure[]> {
  return Promise.all(
    params.failures.map(async (failure) => {
      if (!failure.logsFrom) return failure;
      try {
        const log = await Promise.race([
          params.kube.core.readNamespacedPodLog({
            name: failure.logsFrom.pod,
            namespace: params.namespace,
            container: failure.logsFrom.container,
            tailLines: FAILURE_LOG_LINES,
            ...(failure.logsFrom.previous ? { previous: true } : {}),
          }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 5_000).unref()),
        ]);
        const tail = (failure.logsFrom.errorsOnly ? errorLines(String(log)) : String(log)).trimEnd();
        return tail ? { ...failure, message: `${failure.message}; log tail:\n${tail}` } : failure;
      } catch {
        return failure;
      }
    }),
  );
}

/** psql's and the server's error lines (ERROR, FATAL), without the statements they quote. */
export function errorLines(log: string): string {
  return log
    .split('\n')
    .filter((line) => /^psql:|\b(ERROR|FATAL|PANIC):/.test(line) && !/\bSTATEMENT:/.test(line))
    .join('\n');
}

/**
 * Waits until no object of a kind matches (a deleted namespace, its volumes), by watching.
 * Resolves at once when nothing matches.
 */
export async function waitUntilGone(params: {
  kube: KubeClient;
  apiVersion: string;
  kind: string;
  labelSelector?: string;
  fieldSelector?: string;
  timeoutMs: number;
  environmentId: string;
  heartbeat?: () => void;
}): Promise<void> {
  const beat = params.heartbeat ? setInterval(params.heartbeat, HEARTBEAT_INTERVAL_MS) : undefined;
  let list: WatchedList<KubernetesObject> | undefined;
  let resolveGone: () => void = () => {};
  let rejectGone: (e: unknown) => void = () => {};
  const gone = new Promise<void>((resolve, reject) => {
    resolveGone = resolve;
    rejectGone = reject;
  });
  // The deadline may pass while the watch is still starting: handled when awaited below.
  gone.catch(() => undefined);
  const check = () => {
    if (list && list.list().length === 0) resolveGone();
  };
  const timer = setTimeout(() => {
    const left = list?.list() ?? [];
    rejectGone(
      new DeployTimeoutError({
        environmentId: params.environmentId,
        what: `deleting ${params.kind}`,
        timeoutMs: params.timeoutMs,
        pending: left.map((o) => ({
          name: `${params.kind}/${o.metadata?.name}`,
          state: describeTerminating(o),
        })),
      }),
    );
  }, params.timeoutMs);
  try {
    list = await params.kube.watchList({
      apiVersion: params.apiVersion,
      kind: params.kind,
      labelSelector: params.labelSelector,
      fieldSelector: params.fieldSelector,
      onChange: () => check(),
      onError: (error) => rejectGone(error),
    });
    check();
    await gone;
  } finally {
    clearTimeout(timer);
    clearInterval(beat);
    await list?.stop().catch(() => undefined);
  }
}

/** Why a namespace is still there: its status conditions say what blocks it. */
function describeTerminating(object: KubernetesObject): string {
  const status = (
    object as { status?: { phase?: string; conditions?: { status?: string; message?: string }[] } }
  ).status;
  const blocking = status?.conditions?.filter((c) => c.status === 'True').map((c) => c.message);
  return [status?.phase ?? 'present', ...(blocking ?? [])].join(': ');
}
