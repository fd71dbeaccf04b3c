import type {
  CoreV1Event,
  V1ContainerStateTerminated,
  V1Deployment,
  V1Job,
  V1Pod,
  V1PodCondition,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { FailureCause, ServiceFailure } from './errors.js';
import { LABELS } from './labels.js';
import type { ServiceProgress, WorkloadExpectation } from './types.js';

/** What the cluster says about an environment right now: the caches of the watches. */
export interface ClusterSnapshot {
  deployments: readonly V1Deployment[];
  statefulSets: readonly V1StatefulSet[];
  pods: readonly V1Pod[];
  jobs: readonly V1Job[];
  events: readonly CoreV1Event[];
}

/** Container waiting reasons that will not fix themselves, and what they mean. */
const WAITING_FAILURES: Record<string, FailureCause> = {
  ImagePullBackOff: 'image-pull',
  ErrImagePull: 'image-pull',
  InvalidImageName: 'image-pull',
  ErrImageNeverPull: 'image-pull',
  CrashLoopBackOff: 'crash-loop',
  CreateContainerConfigError: 'container-failed',
  CreateContainerError: 'container-failed',
  RunContainerError: 'container-failed',
};

/**
 * Waiting messages under those reasons that the kubelet retries its way out of: its Secret and
 * ConfigMap caches time out on a busy node ("failed to sync secret cache: timed out waiting for the
 * condition") while the object exists. Such a container is still starting, not failed.
 */
const TRANSIENT_WAITING = [/failed to sync (secret|configmap) cache/i];

/**
 * Where one service stands, judged from the snapshot: ready, still on its way, or failed with the
 * real cause (image pull, crash loop, unschedulable with the scheduler's message, quota refusal,
 * failed init Job). Pure, so every rule is unit-tested without a cluster.
 */
export function assessService(params: {
  expectation: WorkloadExpectation;
  snapshot: ClusterSnapshot;
  now: number;
  /** A pod unschedulable for longer than this has failed. */
  unschedulableGraceMs: number;
  /** Which exits of a seeded service's first run can be the seed's (findSeedFailure); absent: none. */
  seedExits?: SeedExitWindow;
}): ServiceProgress {
  const { expectation: exp, snapshot, now } = params;
  const base = { service: exp.service, replicas: exp.replicas };
  const workload =
    exp.kind === 'Deployment'
      ? snapshot.deployments.find((d) => d.metadata?.name === exp.name)
      : snapshot.statefulSets.find((s) => s.metadata?.name === exp.name);
  const pods = snapshot.pods.filter((p) => isServicePod(p, exp.service));
  const readyReplicas = workload ? readyCount(workload) : 0;
  const failed = (failure: ServiceFailure): ServiceProgress => ({
    ...base,
    readyReplicas,
    phase: 'failed',
    detail: `${failure.reason}: ${failure.message}`,
    failure,
  });

  const seedFailure =
    exp.seedInService && params.seedExits ? findSeedFailure(exp.service, pods, params.seedExits) : undefined;
  if (seedFailure) return failed(seedFailure);
  const podFailure = findPodFailure({
    service: exp.service,
    pods,
    now,
    graceMs: params.unschedulableGraceMs,
    events: snapshot.events,
  });
  if (podFailure) return failed(podFailure);
  const jobs = exp.initJobs.map((name) => snapshot.jobs.find((j) => j.metadata?.name === name));
  for (const job of jobs) {
    const jobFailure = job
      ? findJobFailure({ service: exp.service, job, snapshot, now, graceMs: params.unschedulableGraceMs })
      : undefined;
    if (jobFailure) return failed(jobFailure);
  }
  const workloadReady = workload !== undefined && isWorkloadReady(workload, exp.replicas);
  const pendingJobs = exp.initJobs.filter((_, i) => !isInitJobDone(jobs[i], snapshot.pods));
  if (workloadReady && pendingJobs.length === 0) {
    return { ...base, readyReplicas, phase: 'ready', detail: `${readyReplicas}/${exp.replicas} pods ready` };
  }
  // Only now look at FailedCreate events: once ready, an old refusal no longer matters.
  const createFailed =
    (!workloadReady ? findCreateFailure(exp, workload, snapshot.events) : undefined) ??
    pendingJobs.map((name) => findEventFailure(exp.service, snapshot.events, 'Job', name)).find(Boolean);
  if (createFailed) return failed(createFailed);

  if (!workload) return { ...base, readyReplicas: 0, phase: 'pending', detail: `waiting for ${exp.kind}` };
  if (!workloadReady) {
    const detail =
      pods.length === 0 ? 'waiting for pods' : `${readyReplicas}/${exp.replicas} pods ready${podHint(pods)}`;
    return { ...base, readyReplicas, phase: pods.length === 0 ? 'pending' : 'starting', detail };
  }
  return { ...base, readyReplicas, phase: 'initializing', detail: `init job ${pendingJobs[0]} running` };
}

/**
 * A seed run by the service's own entrypoint (seedInService) failed when the container's first run
 * exited with an error: the entrypoint stops at the first failing script. The restart must not pass
 * for a seeded service (the official image then finds a data directory and skips the scripts), so
 * that exit counts however the pod stands now. Signals (exit codes from 128: an OOM kill, a stop)
 * are not the seed's, nor an exit outside the window: a seeded server that crashes weeks later must
 * not fail every later apply.
 */
export function findSeedFailure(
  service: string,
  pods: readonly V1Pod[],
  window: SeedExitWindow,
): ServiceFailure | undefined {
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp || !pod.metadata?.name) continue;
    for (const status of pod.status?.containerStatuses ?? []) {
      // The container's first run is the one whose entrypoint runs the scripts.
      const current = status.restartCount === 0 ? status.state?.terminated : undefined;
      const exit = current ?? (status.restartCount === 1 ? status.lastState?.terminated : undefined);
      if (!exit || exit.exitCode === 0 || exit.exitCode >= 128) continue;
      if (!inSeedWindow(exit, window)) continue;
      return {
        service,
        cause: 'init-job-failed',
        reason: 'InitScriptFailed',
        message: `container ${status.name} exited with code ${exit.exitCode} while its entrypoint ran the init scripts (the sql steps, in /docker-entrypoint-initdb.d)`,
        object: podRef(pod),
        logsFrom: {
          pod: pod.metadata.name,
          container: status.name,
          previous: current === undefined,
          errorsOnly: true,
        },
      };
    }
  }
  return undefined;
}

/**
 * `since`: a deploy wait's start; the seed runs in a pod the apply created, so an exit that ended
 * earlier is not this apply's seed. `withinMs`: for a status, which has no start; a first run that
 * lasted longer than a deploy wait may (the ready timeout) was past its seed.
 */
export interface SeedExitWindow {
  since?: number;
  withinMs?: number;
}

function inSeedWindow(exit: V1ContainerStateTerminated, window: SeedExitWindow): boolean {
  // The kubelet's times are whole seconds (a watch cache may hold strings): a second of slack.
  const finished = exit.finishedAt ? new Date(exit.finishedAt).getTime() : undefined;
  const started = exit.startedAt ? new Date(exit.startedAt).getTime() : undefined;
  if (window.since !== undefined && finished !== undefined && finished < window.since - 1_000) return false;
  if (window.withinMs !== undefined) {
    if (finished === undefined || started === undefined) return false;
    if (finished - started > window.withinMs + 1_000) return false;
  }
  return true;
}

function isServicePod(pod: V1Pod, service: string): boolean {
  const labels = pod.metadata?.labels ?? {};
  return labels[LABELS.name] === service && labels[LABELS.role] !== 'init';
}

function readyCount(workload: V1Deployment | V1StatefulSet): number {
  return workload.status?.readyReplicas ?? 0;
}

/** Ready: the controller has seen the latest spec and enough up-to-date pods are ready. */
export function isWorkloadReady(workload: V1Deployment | V1StatefulSet, replicas: number): boolean {
  const status = workload.status;
  if (!status) return replicas === 0 && workload.metadata?.generation === undefined;
  if ((status.observedGeneration ?? 0) < (workload.metadata?.generation ?? 0)) return false;
  if (replicas === 0) return true;
  // During a rollout (an update in place) old pods still count as ready: wait until only new ones are left.
  if ((status.replicas ?? 0) > (status.updatedReplicas ?? 0)) return false;
  return (status.readyReplicas ?? 0) >= replicas && (status.updatedReplicas ?? 0) >= replicas;
}

function isJobComplete(job: V1Job | undefined): boolean {
  if (!job) return false;
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
}

/**
 * An init Job's work is done once it is Complete, or once one of its pods has succeeded: a Job of
 * one completion is then bound to complete, and the Job controller's bookkeeping (it batches pod
 * updates and removes its tracking finalizer first) takes seconds on a busy control plane.
 */
export function isInitJobDone(job: V1Job | undefined, pods: readonly V1Pod[]): boolean {
  if (!job) return false;
  if (isJobComplete(job)) return true;
  const name = job.metadata?.name;
  return pods.some((p) => p.metadata?.labels?.['job-name'] === name && p.status?.phase === 'Succeeded');
}

function condition(pod: V1Pod, type: string): V1PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

function podRef(pod: V1Pod): string {
  return `Pod/${pod.metadata?.name ?? '?'}`;
}

/** A pod that cannot run: a bad image, a crash loop, a broken container config, or no node for it. */
function findPodFailure(params: {
  service: string;
  pods: V1Pod[];
  now: number;
  graceMs: number;
  events: readonly CoreV1Event[];
}): ServiceFailure | undefined {
  for (const pod of params.pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const status of statuses) {
      const waiting = status.state?.waiting;
      const cause = waiting?.reason ? WAITING_FAILURES[waiting.reason] : undefined;
      const transient = TRANSIENT_WAITING.some((pattern) => pattern.test(waiting?.message ?? ''));
      if (cause && waiting?.reason && !transient) {
        const last = status.lastState?.terminated;
        const lastNote = last
          ? ` (last exit code ${last.exitCode}${last.reason ? `, ${last.reason}` : ''})`
          : '';
        return {
          service: params.service,
          cause,
          reason: waiting.reason,
          message: `${waiting.message ?? `container ${status.name}`}${lastNote}`,
          object: podRef(pod),
          // A container that ran and failed says why in its last log.
          ...(last && pod.metadata?.name
            ? { logsFrom: { pod: pod.metadata.name, container: status.name, previous: true } }
            : {}),
        };
      }
    }
    if (pod.status?.phase === 'Failed') {
      const terminated = statuses.map((s) => s.state?.terminated).find((t) => t && t.exitCode !== 0);
      return {
        service: params.service,
        cause: 'container-failed',
        reason: terminated?.reason ?? pod.status.reason ?? 'Failed',
        message:
          terminated?.message ??
          pod.status.message ??
          (terminated ? `exit code ${terminated.exitCode}` : 'the pod failed'),
        object: podRef(pod),
      };
    }
    const unschedulable = unschedulableFor({
      pod,
      now: params.now,
      graceMs: params.graceMs,
      events: params.events,
    });
    if (unschedulable) return { service: params.service, ...unschedulable, object: podRef(pod) };
  }
  return undefined;
}

/**
 * A pod waiting for its claims to be bound is not stuck: a provisioner is making the volume, and
 * the controller retries its own conflicts on a 15 s resync. Such a pod fails only once a claim
 * reports ProvisioningFailed and stays unbound this long; otherwise the ready timeout bounds it.
 */
export const VOLUME_BINDING_GRACE_MS = 120_000;

const UNBOUND_CLAIMS = 'unbound immediate PersistentVolumeClaims';

function unschedulableFor(params: {
  pod: V1Pod;
  now: number;
  graceMs: number;
  events: readonly CoreV1Event[];
}): Pick<ServiceFailure, 'cause' | 'reason' | 'message'> | undefined {
  const scheduled = condition(params.pod, 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') return undefined;
  const since = scheduled.lastTransitionTime ? new Date(scheduled.lastTransitionTime).getTime() : params.now;
  if (scheduled.message?.includes(UNBOUND_CLAIMS)) {
    if (params.now - since < Math.max(params.graceMs, VOLUME_BINDING_GRACE_MS)) return undefined;
    const provisioning = provisioningFailure(params.pod, params.events);
    if (!provisioning) return undefined;
    return { cause: 'unschedulable', reason: 'ProvisioningFailed', message: provisioning };
  }
  if (params.now - since < params.graceMs) return undefined;
  return {
    cause: 'unschedulable',
    reason: 'Unschedulable',
    message: scheduled.message ?? 'no node fits the pod',
  };
}

/** The latest ProvisioningFailed warning on one of the pod's claims, naming the claim. */
function provisioningFailure(pod: V1Pod, events: readonly CoreV1Event[]): string | undefined {
  const claims = new Set(
    (pod.spec?.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    ),
  );
  const failure = events
    .filter(
      (e) =>
        e.reason === 'ProvisioningFailed' &&
        e.involvedObject?.kind === 'PersistentVolumeClaim' &&
        claims.has(e.involvedObject.name ?? ''),
    )
    .at(-1);
  return failure && `claim ${failure.involvedObject.name}: ${failure.message ?? 'provisioning failed'}`;
}

/** When unschedulable pods must be judged again (the grace may end with no event to wake us). */
export function nextUnschedulableDeadline(snapshot: ClusterSnapshot, graceMs: number): number | undefined {
  let next: number | undefined;
  for (const pod of snapshot.pods) {
    const scheduled = condition(pod, 'PodScheduled');
    if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') continue;
    const since = scheduled.lastTransitionTime
      ? new Date(scheduled.lastTransitionTime).getTime()
      : Date.now();
    const deadline =
      since +
      (scheduled.message?.includes(UNBOUND_CLAIMS) ? Math.max(graceMs, VOLUME_BINDING_GRACE_MS) : graceMs);
    next = next === undefined ? deadline : Math.min(next, deadline);
  }
  return next;
}

/** Controllers that cannot create pods (a quota refusal, a rejected pod spec) say so in events and conditions. */
function findCreateFailure(
  exp: WorkloadExpectation,
  workload: V1Deployment | V1StatefulSet | undefined,
  events: readonly CoreV1Event[],
): ServiceFailure | undefined {
  if (workload && exp.kind === 'Deployment') {
    const replicaFailure = (workload as V1Deployment).status?.conditions?.find(
      (c) => c.type === 'ReplicaFailure' && c.status === 'True',
    );
    if (replicaFailure)
      return createFailure(exp.service, replicaFailure.message ?? '', `Deployment/${exp.name}`);
  }
  if (exp.kind === 'StatefulSet') return findEventFailure(exp.service, events, 'StatefulSet', exp.name);
  // A Deployment's ReplicaSets are named <deployment>-<hash>; their FailedCreate comes before the condition.
  return findEventFailure(exp.service, events, 'ReplicaSet', `${exp.name}-`);
}

/** FailedCreate events of an object (or, with a trailing "-", of objects with that name prefix). */
function findEventFailure(
  service: string,
  events: readonly CoreV1Event[],
  kind: string,
  name: string,
): ServiceFailure | undefined {
  const matches = events.filter((e) => {
    const involved = e.involvedObject;
    if (e.reason !== 'FailedCreate' || involved?.kind !== kind || !involved.name) return false;
    if (name.endsWith('-'))
      return involved.name.startsWith(name) && !involved.name.slice(name.length).includes('-');
    return involved.name === name;
  });
  const latest = matches.at(-1);
  if (!latest) return undefined;
  return createFailure(service, latest.message ?? '', `${kind}/${latest.involvedObject.name}`);
}

function createFailure(service: string, message: string, object: string): ServiceFailure {
  const quota = /exceeded quota|forbidden: failed quota/i.test(message);
  return {
    service,
    cause: quota ? 'quota-exceeded' : 'create-failed',
    reason: quota ? 'QuotaExceeded' : 'FailedCreate',
    message,
    object,
  };
}

/** A failed init Job: its Failed condition, plus what its pod's container reported. */
function findJobFailure(params: {
  service: string;
  job: V1Job;
  snapshot: ClusterSnapshot;
  now: number;
  graceMs: number;
}): ServiceFailure | undefined {
  const { job, snapshot } = params;
  const jobName = job.metadata?.name ?? '?';
  const jobPods = snapshot.pods.filter((p) => p.metadata?.labels?.['job-name'] === jobName);
  const failedCondition = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  // A step's image that cannot be pulled never fixes itself: fail now, not at the Job's deadline.
  for (const pod of jobPods) {
    if (pod.metadata?.deletionTimestamp) continue;
    for (const status of [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ]) {
      const waiting = status.state?.waiting;
      if (!waiting?.reason || WAITING_FAILURES[waiting.reason] !== 'image-pull') continue;
      return {
        service: params.service,
        cause: 'image-pull',
        reason: waiting.reason,
        message: `init job ${jobName}, ${stepOf(status.name)}: image "${status.image}" cannot be pulled: ${waiting.message ?? waiting.reason}`,
        object: podRef(pod),
      };
    }
  }
  if (failedCondition) {
    const failedContainer = jobPods
      .flatMap((p) => [
        ...(p.status?.initContainerStatuses ?? []).map((s) => ({ pod: p, status: s })),
        ...(p.status?.containerStatuses ?? []).map((s) => ({ pod: p, status: s })),
      ])
      .find(({ status }) => (status.state?.terminated?.exitCode ?? 0) !== 0);
    const terminated = failedContainer?.status.state?.terminated;
    const podNote =
      failedContainer && terminated
        ? `; ${stepOf(failedContainer.status.name)} (image ${failedContainer.status.image}) exited with code ${terminated.exitCode}${terminated.reason ? ` (${terminated.reason})` : ''}${terminated.message ? `: ${terminated.message}` : ''}`
        : '';
    return {
      service: params.service,
      cause: 'init-job-failed',
      reason: failedCondition.reason ?? 'Failed',
      message: `init job ${jobName} failed: ${failedCondition.message ?? 'no message'}${podNote}`,
      object: `Job/${jobName}`,
      ...(failedContainer?.pod.metadata?.name
        ? { logsFrom: { pod: failedContainer.pod.metadata.name, container: failedContainer.status.name } }
        : {}),
    };
  }
  for (const pod of jobPods) {
    const unschedulable = unschedulableFor({
      pod,
      now: params.now,
      graceMs: params.graceMs,
      events: snapshot.events,
    });
    if (unschedulable) {
      return {
        service: params.service,
        ...unschedulable,
        message: `init job ${jobName}: ${unschedulable.message}`,
        object: podRef(pod),
      };
    }
  }
  return undefined;
}

/** "init step 2 (step-2-migrate)" for a per-step container; "container sql" for the single SQL client. */
function stepOf(container: string): string {
  const step = /^step-(\d+)-/.exec(container);
  return step ? `init step ${step[1]} (${container})` : `container ${container}`;
}

/** A short note on the first pod that is not ready, e.g. " (api-7c9d: ContainerCreating)". */
function podHint(pods: V1Pod[]): string {
  for (const pod of pods) {
    const waiting = pod.status?.containerStatuses?.map((s) => s.state?.waiting?.reason).find(Boolean);
    if (waiting) return ` (${pod.metadata?.name}: ${waiting})`;
    if (pod.status?.phase === 'Pending') {
      const scheduled = condition(pod, 'PodScheduled');
      if (scheduled?.status === 'False')
        return ` (${pod.metadata?.name}: ${scheduled.reason ?? 'unscheduled'})`;
      return ` (${pod.metadata?.name}: Pending)`;
    }
  }
  return '';
}
