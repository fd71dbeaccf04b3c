import { artifactEngine, imageEngine } from './data-engines.js';
import type { ResolvedBlueprint } from './resolved.js';

/** What a snapshot holds of one service (the part of a snapshot artifact binding reads). */
export interface ArtifactShape {
  service: string;
  engine: string;
}

/**
 * Why `artifact` cannot be restored into `target` (default: its own service) of the blueprint, naming both
 * engines or the missing service; undefined when it fits. The API's refusals (422) and the pre-warm
 * catalog's skips say the same.
 */
export function snapshotFitProblem(params: {
  snapshotName: string;
  artifact: ArtifactShape;
  blueprint: ResolvedBlueprint;
  target?: string;
}): string | undefined {
  const { artifact, blueprint, snapshotName } = params;
  const target = params.target ?? artifact.service;
  const service = blueprint.services.find((s) => s.name === target);
  const wanted = artifactEngine(artifact.engine);
  if (!service) {
    return `snapshot ${snapshotName} holds ${wanted} data of service ${artifact.service}, which blueprint ${blueprint.name} does not have`;
  }
  if (imageEngine(service.image) !== wanted) {
    return `snapshot ${snapshotName} holds ${wanted} data (engine ${artifact.engine}) of service ${artifact.service}, but ${target} in blueprint ${blueprint.name} runs ${service.image} (engine ${imageEngine(service.image) ?? 'unknown'})`;
  }
  return undefined;
}

/** The artifact a snapshot init step of `service` restores: the service's own data, or the only artifact. */
export function artifactForStep<A extends ArtifactShape>(
  service: string,
  artifacts: readonly A[],
): A | undefined {
  return artifacts.find((a) => a.service === service) ?? (artifacts.length === 1 ? artifacts[0] : undefined);
}
