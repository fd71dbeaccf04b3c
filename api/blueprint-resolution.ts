import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { renderBlueprintJson, resolveBlueprintSource } from '../blueprints/resolve.js';
import type {
  BlueprintProblem,
  DependencyGraph,
  Provenance,
  ResolvedBlueprint,
  ResolvedInitStep,
  ResolvedService,
} from '../blueprints/resolved.js';
import { ApiError, ErrorCode } from './errors.js';

/** A blueprint that resolved cleanly. */
export interface Resolved {
  blueprint: ResolvedBlueprint;
  graph: DependencyGraph;
  provenance: Provenance;
  /** sha256 (hex) of the resolved blueprint in canonical JSON: equal meaning, equal digest. */
  digest: string;
}

export interface BlueprintInput {
  source: string;
  fileName: string;
  scripts?: Record<string, string>;
  overlays?: { source: string; fileName: string }[];
  context?: Record<string, string>;
}

/** Formats a problem as FILE:LINE:COL: message, the way the CLI prints it. */
export function formatProblem(problem: BlueprintProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Resolves a blueprint; an invalid one becomes a 422 listing every problem (first one in the message). */
export async function resolveOrReject(input: BlueprintInput, field = 'body.source'): Promise<Resolved> {
  const result = await resolveBlueprintSource(input);
  if (!result.ok) {
    const first = result.problems[0];
    throw new ApiError({
      statusCode: 422,
      code: ErrorCode.InvalidBlueprint,
      message: first
        ? `invalid blueprint: ${formatProblem(first)}${result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : ''}`
        : 'invalid blueprint',
      field,
      details: { problems: result.problems },
    });
  }
  return { ...result, digest: digestBlueprint(result.blueprint) };
}

/** The canonical digest of a resolved blueprint (keys sorted, so property order never matters). */
export function digestBlueprint(blueprint: ResolvedBlueprint): string {
  return createHash('sha256')
    .update(stringify(blueprint) ?? '')
    .digest('hex');
}

/** A resolved blueprint as responses show it. */
export type BlueprintView = Omit<ResolvedBlueprint, 'services'> & {
  services: (Omit<ResolvedService, 'init'> & { init: Omit<ResolvedInitStep, 'content'>[] })[];
};

/**
 * The resolved blueprint as a response may show it: secret values masked (renderBlueprintJson) and
 * init script contents left out (their sha256 stays).
 */
export function viewResolved(resolved: Resolved): { blueprint: BlueprintView; graph: DependencyGraph } {
  const rendered = renderBlueprintJson(resolved, { showSecrets: false });
  const services = rendered.blueprint.services.map((service) => ({
    ...service,
    init: service.init.map((step) => {
      if (step.type !== 'sql') return step;
      const { content: _content, ...shown } = step;
      return shown;
    }),
  }));
  return { blueprint: { ...rendered.blueprint, services }, graph: rendered.graph };
}
