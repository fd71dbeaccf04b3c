import type { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import type { DependencyGraph } from '../blueprints/resolved.js';
import { LABELS } from '../deploy/labels.js';
import { PLANNED_REPLICAS_ANNOTATION } from '../deploy/sleep.js';
import { graphFromWorkloads } from '../deploy/wake-order.js';

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
  /**
   * The namespace's dependencies (each workload's `microstax.dev/depends-on`, awake ones' too), when
   * every workload carries it: a woken service then waits only for the Services it depends on (wake-coordinator.ts).
   */
  dependsOn?: DependencyGraph;
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
  // Every workload of the namespace, awake ones too: during a partial wake a sleeping service may be
  // reached only through an awake one (api → queue, awake → db, asleep).
  const all = new Map<string, (V1Deployment | V1StatefulSet)[]>();
  for (const workload of workloads) {
    const namespace = workload.metadata?.namespace;
    const runtimeId = workload.metadata?.labels?.[LABELS.environment];
    if (!namespace || !runtimeId) continue;
    all.set(namespace, [...(all.get(namespace) ?? []), workload]);
    if (!isAsleep(workload)) continue;
    const entry = index.get(namespace) ?? { namespace, runtimeId, services: [] };
    entry.services.push(workload.metadata?.labels?.[LABELS.service] ?? workload.metadata?.name ?? '?');
    index.set(namespace, entry);
  }
  for (const entry of index.values()) {
    entry.services.sort();
    const graph = graphFromWorkloads(all.get(entry.namespace) ?? []);
    if (graph) entry.dependsOn = graph;
  }
  return index;
}

/**
 * The sleeping services `service` reaches through its dependencies, directly or not: the ones a held
 * request may need once its backend answers. Without the graph, every other sleeping service.
 */
export function servicesReachedBy(sleeping: SleepingEnvironment, service: string): string[] {
  if (!sleeping.dependsOn) return sleeping.services.filter((name) => name !== service);
  const reached = new Set<string>();
  const next = [...(sleeping.dependsOn[service] ?? [])];
  while (next.length > 0) {
    const name = next.pop()!;
    if (name === service || reached.has(name)) continue;
    reached.add(name);
    next.push(...(sleeping.dependsOn[name] ?? []));
  }
  return sleeping.services.filter((name) => reached.has(name));
}
