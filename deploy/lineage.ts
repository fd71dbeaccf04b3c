import type { V1Namespace } from '@kubernetes/client-node';
import type { DeployConfig } from './config.js';
import { DeployConfigurationError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import { ANCESTOR_LABEL_PREFIX, ancestorLabelKey, LABELS } from './labels.js';
import { environmentIdProblem, namespaceFor } from './names.js';

/**
 * Lineage of branch environments: root R <- B1 <- B2. A branch's namespace names every ancestor in a
 * label of its own (labels.ts `ancestorLabelKey`), so each ancestor's NetworkPolicy can admit all its
 * descendants with one `Exists` selector, and no one else.
 */

/** Far more than the API's nesting limit: walking further means the baseline labels form a cycle. */
const MAX_LINEAGE_DEPTH = 16;

/** The ancestor labels of a namespace. `ancestors` is root first, the baseline last (value "1"). */
export function ancestorLabels(ancestors: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  ancestors.forEach((id, i) => {
    labels[ancestorLabelKey(id)] = String(ancestors.length - i);
  });
  return labels;
}

/**
 * The ancestors a namespace's labels name, root first. A label that is not ours to read (bad id,
 * generation that is not 1..n) is an error naming the namespace and label: guessing would open or
 * close the wrong doors.
 */
export function ancestorsFromLabels(params: {
  labels: Record<string, string> | undefined;
  namespace: string;
}): string[] {
  const byGeneration = new Map<number, string>();
  for (const [key, value] of Object.entries(params.labels ?? {})) {
    if (!key.startsWith(ANCESTOR_LABEL_PREFIX)) continue;
    const id = key.slice(ANCESTOR_LABEL_PREFIX.length);
    const problem = environmentIdProblem(id);
    const generation = Number(value);
    const where = `namespace ${params.namespace} label ${key}=${value}`;
    if (problem) throw lineageError(`${where}: ${problem}`);
    if (!Number.isInteger(generation) || generation < 1) {
      throw lineageError(`${where}: the value must be the number of generations up (1 for the baseline)`);
    }
    if (byGeneration.has(generation)) {
      throw lineageError(`${where}: generation ${generation} is also ${byGeneration.get(generation)}`);
    }
    byGeneration.set(generation, id);
  }
  const ancestors: string[] = [];
  for (let generation = byGeneration.size; generation >= 1; generation--) {
    const id = byGeneration.get(generation);
    if (id === undefined) {
      throw lineageError(`namespace ${params.namespace} has no ancestor label for generation ${generation}`);
    }
    ancestors.push(id);
  }
  return ancestors;
}

/**
 * Checks what a render is given: ancestors are valid ids, root first, end with the baseline, and
 * never repeat or include the environment itself.
 */
export function validateAncestors(params: {
  environmentId: string;
  baselineId: string | undefined;
  ancestors: readonly string[];
}): void {
  const { environmentId, baselineId, ancestors } = params;
  ancestors.forEach((id, i) => {
    const problem = environmentIdProblem(id);
    if (problem) throw new DeployConfigurationError({ field: `ancestors[${i}]`, problem });
  });
  if (!baselineId) {
    if (ancestors.length > 0) {
      throw new DeployConfigurationError({
        field: 'ancestors',
        problem: 'an environment without a baseline has no ancestors',
      });
    }
    return;
  }
  if (ancestors.at(-1) !== baselineId) {
    throw new DeployConfigurationError({
      field: 'ancestors',
      problem: `must end with the baseline "${baselineId}" (root first), got [${ancestors.join(', ')}]`,
    });
  }
  const seen = new Set<string>();
  for (const id of [environmentId, ...ancestors]) {
    if (seen.has(id)) {
      throw new DeployConfigurationError({
        field: 'ancestors',
        problem: `"${id}" appears twice in the lineage ${[...ancestors, environmentId].join(' <- ')}: baselines cannot form a cycle`,
      });
    }
    seen.add(id);
  }
}

/** Where a branch sits: its ancestors (root first, baseline last) and whether the baseline's namespace exists. */
export interface Lineage {
  ancestors: string[];
  baselineFound: boolean;
}

/**
 * Reads a branch's lineage from the cluster: the baseline namespace's ancestor labels plus the
 * baseline itself. A baseline deployed before ancestor labels existed has only `microstax.dev/baseline`;
 * then the chain is followed namespace by namespace. Without a baseline namespace the lineage is just
 * the baseline (the caller decides whether that is an error).
 */
export async function readLineage(params: {
  kube: KubeClient;
  baselineId: string;
  config: DeployConfig;
}): Promise<Lineage> {
  const above = await ancestorsOf({ ...params, environmentId: params.baselineId, depth: 0 });
  return { ancestors: [...(above ?? []), params.baselineId], baselineFound: above !== null };
}

/** The ancestors of one environment, root first; null when its namespace does not exist. */
async function ancestorsOf(params: {
  kube: KubeClient;
  environmentId: string;
  config: DeployConfig;
  depth: number;
}): Promise<string[] | null> {
  const name = namespaceFor(params.environmentId, params.config.namespacePrefix);
  const namespace = await params.kube.readOrNull<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name });
  if (!namespace) return null;
  const labels = namespace.metadata?.labels ?? {};
  const labelled = ancestorsFromLabels({ labels, namespace: name });
  const parent = labels[LABELS.baseline];
  if (labelled.length > 0 || !parent) return labelled;
  // Deployed before ancestor labels: follow `microstax.dev/baseline` up.
  const problem = environmentIdProblem(parent);
  if (problem) throw lineageError(`namespace ${name} label ${LABELS.baseline}: ${problem}`);
  if (params.depth >= MAX_LINEAGE_DEPTH) {
    throw lineageError(
      `more than ${MAX_LINEAGE_DEPTH} baselines above ${name}: the baseline labels form a cycle`,
    );
  }
  const above = await ancestorsOf({ ...params, environmentId: parent, depth: params.depth + 1 });
  return [...(above ?? []), parent];
}

function lineageError(problem: string): DeployConfigurationError {
  return new DeployConfigurationError({ field: 'baseline.environmentId', problem });
}
