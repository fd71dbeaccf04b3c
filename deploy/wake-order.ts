import type { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { stronglyConnectedGroups } from '../blueprints/dependency-graph.js';
import type { DependencyGraph } from '../blueprints/resolved.js';
import type { DeployConfig } from './config.js';
import { ANNOTATIONS, LABELS } from './labels.js';

/**
 * How a sleeping environment wakes (`config.wakeOrder`): `dependencies` scales each service up the
 * moment every service it depends on is ready; `parallel` scales them all at once (how every wake went
 * before the graph was written on the workloads, and what an environment without it still does).
 */
export type WakeOrder = DeployConfig['wakeOrder'];

/**
 * The dependencies a workload carries in its `microstax.dev/depends-on` annotation (written at apply
 * time from the blueprint's `dependsOn`): the names, or undefined when the workload has none (applied
 * before the annotation existed). An empty value is a service that depends on nothing.
 */
export function dependsOnAnnotation(workload: V1Deployment | V1StatefulSet): string[] | undefined {
  const value = workload.metadata?.annotations?.[ANNOTATIONS.dependsOn];
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** The annotation's value for a service's direct dependencies: their names, sorted, comma-separated. */
export function dependsOnValue(dependsOn: readonly string[]): string {
  return [...dependsOn].sort().join(',');
}

/**
 * The environment's dependency graph from its workloads' annotations, keyed by service; undefined
 * when any workload lacks the annotation: an environment deployed before it wakes all at once.
 */
export function graphFromWorkloads(
  workloads: readonly (V1Deployment | V1StatefulSet)[],
): DependencyGraph | undefined {
  const graph: DependencyGraph = {};
  for (const workload of workloads) {
    const dependsOn = dependsOnAnnotation(workload);
    if (dependsOn === undefined) return undefined;
    graph[workload.metadata?.labels?.[LABELS.service] ?? workload.metadata?.name ?? ''] = dependsOn;
  }
  return graph;
}

/**
 * Who waits on whom during a wake: for each of `services`, the services that must be ready before it
 * is scaled up. Its direct dependencies, restricted to `services` (a dependency with no workload here,
 * e.g. one a branch reuses from its baseline, is not waited for). Services in a dependency cycle start
 * together: each waits for what the cycle as a whole depends on outside it, never for each other.
 * Waiting for direct dependencies only is enough: each of those was scaled only once its own were ready.
 */
export function wakeWaits(graph: DependencyGraph, services: readonly string[]): Map<string, string[]> {
  const present = new Set(services);
  const restricted: DependencyGraph = {};
  for (const service of present) {
    restricted[service] = (graph[service] ?? []).filter((dependency) => present.has(dependency));
  }
  const waits = new Map<string, string[]>();
  for (const group of stronglyConnectedGroups(restricted)) {
    const members = new Set(group);
    const outside = new Set(group.flatMap((member) => restricted[member]!.filter((d) => !members.has(d))));
    for (const member of group) waits.set(member, [...outside].sort());
  }
  return waits;
}

/** The services whose every wait is over (in `ready`), among those not started yet. */
export function readyToStart(params: {
  waits: ReadonlyMap<string, readonly string[]>;
  notStarted: ReadonlySet<string>;
  ready: ReadonlySet<string>;
}): string[] {
  return [...params.notStarted]
    .filter((service) => (params.waits.get(service) ?? []).every((d) => params.ready.has(d)))
    .sort();
}
