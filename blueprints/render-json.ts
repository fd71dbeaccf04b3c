import type { DependencyGraph, Provenance, ResolvedBlueprint, ResolvedEnvVar } from './resolved.js';
import { maskSecret, SECRET_MARKER } from './secrets.js';

export { SECRET_MARKER };

/** The `microstax render --json` document. */
export interface RenderedBlueprint {
  blueprint: ResolvedBlueprint;
  graph: DependencyGraph;
  provenance: Provenance;
}

/**
 * The render document of a successful resolution. Secret values (kind "secret") are replaced by
 * SECRET_MARKER (only the password, for a URL) unless `showSecrets` is set; the input is not changed.
 */
export function renderBlueprintJson(
  result: { blueprint: ResolvedBlueprint; graph: DependencyGraph; provenance: Provenance },
  opts: { showSecrets?: boolean } = {},
): RenderedBlueprint {
  const maskEnv = (variable: ResolvedEnvVar): ResolvedEnvVar =>
    variable.kind === 'secret' && !opts.showSecrets
      ? { ...variable, value: maskSecret(variable.value) }
      : variable;
  return {
    blueprint: {
      ...result.blueprint,
      services: result.blueprint.services.map((service) => ({ ...service, env: service.env.map(maskEnv) })),
    },
    graph: result.graph,
    provenance: result.provenance,
  };
}
