import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { serviceRequests } from '../placement/demand.js';
import { memoryBytes } from '../quantity.js';
import type { BranchPlan } from '../types.js';

/** What an environment asks of the cluster, summed over the services it runs and their replicas. */
export interface ResourceAmounts {
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
  /** Bytes of volumes. */
  storage: number;
}

export const NO_AMOUNTS: ResourceAmounts = { cpu: 0, memory: 0, storage: 0 };

/** The size of a volume that names none: the deploy layer's default (deploy/manifests/workload.ts). */
export const DEFAULT_VOLUME_SIZE = '1Gi';

/**
 * The requests of the services an environment runs: a branch runs only what its plan deploys or forks
 * (reused services run in the baseline, and count there). Services without requests count with the
 * placement's defaults, volumes without a size as the deploy default, each replica with its own.
 */
export function blueprintAmounts(blueprint: ResolvedBlueprint, plan?: BranchPlan | null): ResourceAmounts {
  const actions = plan ? new Map(plan.services.map((s) => [s.name, s.action])) : null;
  const total = { ...NO_AMOUNTS };
  for (const service of blueprint.services) {
    const action = actions?.get(service.name);
    if (actions && action !== 'deploy' && action !== 'fork') continue;
    const { cpu, memory } = serviceRequests(service);
    total.cpu += cpu * service.replicas;
    total.memory += memory * service.replicas;
    for (const volume of service.volumes) {
      const size = memoryBytes(volume.size ?? DEFAULT_VOLUME_SIZE, `services.${service.name}.volumes.size`);
      total.storage += size * Math.max(service.replicas, 1);
    }
  }
  return total;
}

/** Adds amounts. */
export function addAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  return { cpu: a.cpu + b.cpu, memory: a.memory + b.memory, storage: a.storage + b.storage };
}

/** Millicores as people read them: 250m, 2 or 2.5 (cores). */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0 || millicores >= 10_000
    ? String(Math.round(millicores / 10) / 100)
    : `${millicores}m`;
}

/** Bytes in the largest binary unit that keeps two decimals meaningful: 512Mi, 1.5Gi. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes >= size) return `${Math.round((bytes / size) * 100) / 100}${unit}`;
  }
  return String(bytes);
}
