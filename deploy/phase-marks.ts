import type { CoreV1Event, V1Job, V1Pod } from '@kubernetes/client-node';
import { LABELS } from './labels.js';
import { type PhaseMarks, TIMING_PHASES, type TimingPhase } from './phases.js';
import { isInitJobDone } from './readiness.js';

export type { PhaseMarks, TimingPhase } from './phases.js';

/** What the rollout's watches hold (the pods, Jobs and events of the namespace). */
export interface RolloutView {
  pods: readonly V1Pod[];
  jobs: readonly V1Job[];
  events: readonly CoreV1Event[];
}

/**
 * Records the first moment each pod-level phase held for every pod the rollout made (scheduled,
 * images on the node, containers started, init Jobs complete), as the watches see them: the
 * watcher's clock has millisecond resolution, where pod conditions and events only carry seconds.
 * Pods older than `since` (a rollout's old ReplicaSet) do not count.
 */
export class PhaseRecorder {
  private readonly marks: PhaseMarks = {};
  /** Kubernetes timestamps have whole seconds: a pod made in the same second as `since` is new. */
  private readonly sinceSecond: number;

  constructor(
    readonly since: number = Date.now(),
    /** False for a step that makes no service pods (a seed): only its init Jobs count. */
    private readonly servicePods = true,
  ) {
    this.sinceSecond = Math.floor(since / 1000) * 1000;
  }

  /** Marks a phase that ends now (the first call wins: a retried step keeps its first moment). */
  mark(phase: TimingPhase, at: number = Date.now()): void {
    this.marks[phase] ??= at;
  }

  /** Looks at the watches' view and marks every pod-level phase that now holds. */
  observe(view: RolloutView, now: number = Date.now()): void {
    // A pod made in the same second as a seed started would otherwise count as the seed's own.
    const pods = this.servicePods ? view.pods.filter((p) => this.isNewServicePod(p)) : [];
    if (pods.length > 0) {
      if (pods.every(isScheduled)) this.mark('scheduled', now);
      if (pods.every((p) => imagesReady(p, view.events))) this.mark('image', now);
      if (pods.every(containersStarted)) this.mark('started', now);
    }
    const jobs = view.jobs.filter((j) => this.isNew(j.metadata?.creationTimestamp));
    if (jobs.length > 0 && jobs.every((j) => isInitJobDone(j, view.pods))) this.mark('init', now);
  }

  /** The marks so far, in phase order. */
  result(): PhaseMarks {
    const ordered: PhaseMarks = {};
    for (const phase of TIMING_PHASES)
      if (this.marks[phase] !== undefined) ordered[phase] = this.marks[phase];
    return ordered;
  }

  private isNew(created: Date | string | undefined): boolean {
    if (!created) return true;
    return new Date(created).getTime() >= this.sinceSecond;
  }

  private isNewServicePod(pod: V1Pod): boolean {
    if (pod.metadata?.deletionTimestamp) return false;
    if (pod.metadata?.labels?.[LABELS.role] === 'init') return false;
    return this.isNew(pod.metadata?.creationTimestamp);
  }
}

function isScheduled(pod: V1Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.status === 'True');
}

function hasStarted(status: { state?: { running?: unknown; terminated?: unknown } } | undefined): boolean {
  return !!(status?.state?.running || status?.state?.terminated);
}

/** Every container of the pod running (or already finished). */
function containersStarted(pod: V1Pod): boolean {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const statuses = pod.status?.containerStatuses ?? [];
  return names.length > 0 && names.every((n) => hasStarted(statuses.find((s) => s.name === n)));
}

/**
 * Every container's image is on the node: the kubelet said so (a `Pulled` event: pulled, or "already
 * present on machine"), or the container has started, which it cannot do without its image.
 */
function imagesReady(pod: V1Pod, events: readonly CoreV1Event[]): boolean {
  const name = pod.metadata?.name;
  const pulled = events.filter(
    (e) => e.reason === 'Pulled' && e.involvedObject?.kind === 'Pod' && e.involvedObject.name === name,
  );
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return (
    containers.length > 0 &&
    containers.every(
      (c) =>
        hasStarted(statuses.find((s) => s.name === c.name)) ||
        pulled.some((e) => e.involvedObject.fieldPath?.includes(`{${c.name}}`)),
    )
  );
}
