import type { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { LABELS } from '../deploy/labels.js';
import { PLANNED_REPLICAS_ANNOTATION } from '../deploy/sleep.js';

/**
 * Which environments are asleep, from their workloads alone (no Temporal needed): deploy/sleep.ts
 * puts an environment to sleep by scaling every Deployment and StatefulSet to zero and keeping the
 * awake count in the `microstax.dev/planned-replicas` annotation; waking removes the annotation.
 */

/** A namespace whose workloads sleep. */
export interface SleepingEnvironment {
  namespace: string;
  /** The workloads' `microstax.dev/environment` label: the id that names the namespace (runtime id). */
  runtimeId: string;
  /** The services scaled to zero, sorted. */
  services: string[];
}

/** Sleeping environments by namespace. */
export type SleepIndex = ReadonlyMap<string, SleepingEnvironment>;

/** True when sleep scaled this workload to zero and it has not been woken since. */
export function isAsleep(workload: V1Deployment | V1StatefulSet): boolean {
  return (
    workload.metadata?.annotations?.[PLANNED_REPLICAS_ANNOTATION] !== undefined &&
    workload.spec?.replicas === 0
  );
}

/**
 * Indexes the sleeping workloads by namespace. Workloads without the environment label are not
 * MicroStax's and never count.
 */
export function buildSleepIndex(workloads: Iterable<V1Deployment | V1StatefulSet>): SleepIndex {
  const index = new Map<string, SleepingEnvironment>();
  for (const workload of workloads) {
    const namespace = workload.metadata?.namespace;
    const runtimeId = workload.metadata?.labels?.[LABELS.environment];
    if (!namespace || !runtimeId || !isAsleep(workload)) continue;
    const entry = index.get(namespace) ?? { namespace, runtimeId, services: [] };
    entry.services.push(workload.metadata?.labels?.[LABELS.service] ?? workload.metadata?.name ?? '?');
    index.set(namespace, entry);
  }
  for (const entry of index.values()) entry.services.sort();
  return index;
}
