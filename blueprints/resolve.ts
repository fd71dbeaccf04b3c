import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildResolved, UNCHECKED_SCRIPT } from './build-resolved.js';
import { fileScriptLoader, type ScriptLoader, sourceScriptLoader } from './init-scripts.js';
import { PARSE_LIMITS } from './limits.js';
import { type LocatedNode, parseLocatedYaml, toPlain } from './located-yaml.js';
import { applyOverlays } from './merge.js';
import { parseOverlay } from './overlay.js';
import { sortProblems } from './problems.js';
import { provenanceOf } from './provenance.js';
import type { BlueprintProblem, DependencyGraph, Provenance, ResolvedBlueprint } from './resolved.js';
import { BlueprintSchema, type Service, ServiceSchema } from './schema.js';
import { zodIssuesToProblems } from './zod-problems.js';

export { type RenderedBlueprint, renderBlueprintJson, SECRET_MARKER } from './render-json.js';

/** The outcome of resolving a blueprint: everything downstream needs, or every problem found. */
export type ResolveResult =
  | { ok: true; blueprint: ResolvedBlueprint; graph: DependencyGraph; provenance: Provenance }
  | { ok: false; problems: BlueprintProblem[] };

/** A blueprint or overlay given as text, e.g. inline in an API request. */
export interface BlueprintSource {
  source: string;
  /** Name used in problems and provenance (FILE:LINE), e.g. "checkout-dev.yaml". */
  fileName: string;
}

/**
 * Reads, validates and resolves a blueprint file with its overlays: overlays that apply to the
 * blueprint and the context are merged (company, team, user), then defaults, ports, dependencies
 * and secrets are resolved and init scripts (relative to the blueprint's directory) are read and
 * hashed. File names in problems and provenance are the paths as given.
 */
export async function resolveBlueprintFile(opts: {
  file: string;
  overlays?: string[];
  context?: Record<string, string>;
}): Promise<ResolveResult> {
  const problems: BlueprintProblem[] = [];
  const base = await readSource(opts.file, problems);
  const overlays: BlueprintSource[] = [];
  for (const file of opts.overlays ?? []) {
    const overlay = await readSource(file, problems);
    if (overlay) overlays.push(overlay);
  }
  if (!base || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return resolveSources({
    base,
    overlays,
    context: opts.context ?? {},
    loadScript: fileScriptLoader({ baseDir: dirname(opts.file), fileName: opts.file }),
  });
}

/**
 * Resolves a blueprint given as text (the API's inline blueprints). Init scripts come from
 * `scripts`, keyed by the path the blueprint names (e.g. "scripts/seed.sql").
 */
export async function resolveBlueprintSource(opts: {
  source: string;
  fileName: string;
  scripts?: Record<string, string>;
  overlays?: BlueprintSource[];
  context?: Record<string, string>;
}): Promise<ResolveResult> {
  return resolveSources({
    base: { source: opts.source, fileName: opts.fileName },
    overlays: opts.overlays ?? [],
    context: opts.context ?? {},
    loadScript: sourceScriptLoader(opts.scripts ?? {}),
  });
}

async function readSource(file: string, problems: BlueprintProblem[]): Promise<BlueprintSource | undefined> {
  const at = { file, line: 1, column: 1, path: '' };
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      problems.push({ ...at, message: 'not a file' });
      return undefined;
    }
    if (info.size > PARSE_LIMITS.maxFileBytes) {
      problems.push({
        ...at,
        message: `file is ${info.size} bytes; the limit is ${PARSE_LIMITS.maxFileBytes} bytes`,
      });
      return undefined;
    }
    return { source: await readFile(file, 'utf8'), fileName: file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ ...at, message: code === 'ENOENT' ? 'no such file' : `cannot read file (${code})` });
    return undefined;
  }
}

/** The pipeline shared by both entry points. */
async function resolveSources(opts: {
  base: BlueprintSource;
  overlays: BlueprintSource[];
  context: Record<string, string>;
  loadScript: ScriptLoader;
}): Promise<ResolveResult> {
  const problems: BlueprintProblem[] = [];
  const parsed = parseLocatedYaml(opts.base);
  if (!parsed.ok) problems.push(...parsed.problems);
  if (opts.overlays.length > PARSE_LIMITS.maxOverlays) {
    problems.push({
      file: opts.overlays[PARSE_LIMITS.maxOverlays]!.fileName,
      line: 1,
      column: 1,
      path: '',
      message: `at most ${PARSE_LIMITS.maxOverlays} overlays may be applied at once`,
    });
  }
  const overlays = opts.overlays.map((source) => parseOverlay(source));
  for (const overlay of overlays) if (!overlay.ok) problems.push(...overlay.problems);
  if (!parsed.ok || problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  if (parsed.root.kind === 'map' && parsed.root.entries.some((e) => e.key === 'layer')) {
    const layer = parsed.root.entries.find((e) => e.key === 'layer')!;
    problems.push({
      ...layer.keyLocation,
      path: 'layer',
      message:
        'this file is an overlay, not a blueprint: pass it with --overlay next to the blueprint it changes',
    });
    return { ok: false, problems: sortProblems(problems) };
  }
  const merged = applyOverlays({
    base: parsed.root,
    overlays: overlays.flatMap((o) => (o.ok ? [o.overlay] : [])),
    context: opts.context,
  });
  problems.push(...merged.problems);
  const root: LocatedNode = merged.root;
  for (const trial of merged.trials) {
    // Overlays that do not apply in this context are still checked; only their own problems count.
    const trialCheck = BlueprintSchema.safeParse(toPlain(trial.root));
    if (trialCheck.success) continue;
    const trialProblems = zodIssuesToProblems({
      issues: trialCheck.error.issues,
      root: trial.root,
      schema: BlueprintSchema,
    });
    problems.push(...trialProblems.filter((problem) => problem.file === trial.fileName));
  }

  const plain = toPlain(root);
  const checked = BlueprintSchema.safeParse(plain);
  if (!checked.success) {
    problems.push(...zodIssuesToProblems({ issues: checked.error.issues, root, schema: BlueprintSchema }));
    problems.push(...(await checkValidServices({ plain, root, loadScript: opts.loadScript })));
    return { ok: false, problems: sortProblems(problems) };
  }
  const built = await buildResolved({ blueprint: checked.data, root, loadScript: opts.loadScript });
  problems.push(...built.problems);
  if (!built.ok || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, blueprint: built.blueprint, graph: built.graph, provenance: provenanceOf(root) };
}

/**
 * When a blueprint fails the schema, still runs the cross-service checks (duplicate names, unknown
 * dependencies, cycles, init scripts) on the services that are valid on their own, so one run
 * reports every problem it can.
 */
async function checkValidServices(opts: {
  plain: unknown;
  root: LocatedNode;
  loadScript: ScriptLoader;
}): Promise<BlueprintProblem[]> {
  const raw = (opts.plain as { services?: unknown })?.services;
  if (!Array.isArray(raw)) return [];
  const services: Service[] = [];
  const positions: number[] = [];
  const allNames: string[] = [];
  raw.forEach((item, i) => {
    const name = (item as { name?: unknown })?.name;
    if (typeof name === 'string') allNames.push(name);
    const service = salvageService(item);
    if (service) {
      services.push(service);
      positions.push(i);
    }
  });
  const built = await buildResolved({
    blueprint: { name: 'unchecked', services },
    root: opts.root,
    loadScript: opts.loadScript,
    salvage: { positions, allNames },
  });
  return built.problems;
}

/**
 * The valid part of a service that failed the schema: fields with problems are dropped (those
 * problems are already reported), init steps keep their script path so it is still checked.
 * Undefined when even the name is unusable.
 */
function salvageService(item: unknown): Service | undefined {
  const first = ServiceSchema.safeParse(item);
  if (first.success) return first.data;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const copy: Record<string, unknown> = { ...item };
  for (const issue of first.error.issues) {
    if (issue.path.length === 0 && issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) delete copy[key];
    } else if (issue.path.length > 0) {
      delete copy[String(issue.path[0])];
    }
  }
  if (copy.image === undefined) copy.image = 'placeholder';
  const rawInit = (item as { init?: unknown }).init;
  if (copy.init === undefined && rawInit !== undefined) {
    const scriptOf = (step: unknown) => {
      const script = (step as { script?: unknown })?.script;
      // Only a sql step has a script worth checking; another kind's problems are already reported.
      const kind = (step as { type?: unknown })?.type;
      if (kind !== undefined && kind !== 'sql') return { type: 'sql', script: UNCHECKED_SCRIPT };
      return { type: 'sql', script: typeof script === 'string' && script !== '' ? script : UNCHECKED_SCRIPT };
    };
    copy.init = Array.isArray(rawInit) ? rawInit.map(scriptOf) : scriptOf(rawInit);
  }
  const second = ServiceSchema.safeParse(copy);
  return second.success ? second.data : undefined;
}
