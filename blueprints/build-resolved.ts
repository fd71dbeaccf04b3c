import { closestMatch } from './closest-key.js';
import { findCycles } from './dependency-graph.js';
import { type ScriptLoader, scriptHash, scriptPathError } from './init-scripts.js';
import { type LocatedNode, nodeAtPath } from './located-yaml.js';
import { problemAt } from './problems.js';
import { hostReferences, referencePort } from './references.js';
import type {
  BlueprintProblem,
  DependencyGraph,
  ResolvedBlueprint,
  ResolvedEnvVar,
  ResolvedInitStep,
  ResolvedJobStep,
  ResolvedService,
  ResolvedSnapshotStep,
} from './resolved.js';
import { type Blueprint, type JobInitStep, PREWARM_DEFAULTS, type Service, type Volume } from './schema.js';
import { looksSecret } from './secrets.js';
import { DEFAULT_APP_PORT, wellKnownImagePort } from './well-known-images.js';

/** Stands for the script of an init step too broken to check (its problem is already reported). */
export const UNCHECKED_SCRIPT = '\u0000unchecked';

export type BuildResult =
  | { ok: true; blueprint: ResolvedBlueprint; graph: DependencyGraph; problems: [] }
  | { ok: false; problems: BlueprintProblem[] };

/** An edge of the dependency graph and the blueprint path that created it (for error positions). */
interface Edge {
  to: string;
  path: (string | number)[];
}

/**
 * Turns a schema-valid blueprint into the resolved blueprint: checks what the schema cannot (unique
 * names, known dependencies, no cycles, readable init scripts), applies defaults and infers ports,
 * dependencies and secrets.
 */
export async function buildResolved(opts: {
  blueprint: Blueprint;
  root: LocatedNode;
  loadScript: ScriptLoader;
  /**
   * When checking a blueprint that failed validation: the position in the file of each (valid)
   * service passed, and the names of all services, valid or not.
   */
  salvage?: { positions: number[]; allNames: string[] };
}): Promise<BuildResult> {
  const { blueprint, root } = opts;
  const position = (i: number): number => opts.salvage?.positions[i] ?? i;
  const problems: BlueprintProblem[] = [];
  const at = (path: (string | number)[]) => {
    const found = nodeAtPath(root, path);
    return (found.node ?? found.deepest).location;
  };
  const report = (path: (string | number)[], message: string) =>
    problems.push(problemAt(at(path), path.join('.'), message));

  const firstIndex = new Map<string, number>();
  blueprint.services.forEach((service, i) => {
    const first = firstIndex.get(service.name);
    if (first === undefined) firstIndex.set(service.name, i);
    else {
      report(
        ['services', position(i), 'name'],
        `services.${service.name}.name: duplicate service name "${service.name}" (first defined at line ${at(['services', position(first), 'name']).line})`,
      );
    }
  });
  const names = [...firstIndex.keys()];
  const known = new Set([...names, ...(opts.salvage?.allNames ?? [])]);

  // Edges and inferred ports from env values that name services.
  const edges = new Map<string, Edge[]>(names.map((name) => [name, []]));
  const inferredPorts = new Map<string, Set<number>>(names.map((name) => [name, new Set()]));
  blueprint.services.forEach((service, i) => {
    for (const [envName, raw] of Object.entries(service.env ?? {})) {
      const value =
        typeof raw === 'string'
          ? raw
          : typeof raw === 'object' && 'value' in raw
            ? String(raw.value)
            : typeof raw === 'object' && 'secret' in raw
              ? raw.secret
              : '';
      for (const reference of hostReferences({ name: envName, value })) {
        if (!firstIndex.has(reference.host)) continue;
        const port = referencePort(reference);
        if (port !== undefined) inferredPorts.get(reference.host)!.add(port);
        if (reference.host !== service.name) {
          edges
            .get(service.name)!
            .push({ to: reference.host, path: ['services', position(i), 'env', envName] });
        }
      }
    }
    (service.dependsOn ?? []).forEach((dependency, j) => {
      const path = ['services', position(i), 'dependsOn', j];
      if (dependency === service.name) {
        report(path, `services.${service.name}.dependsOn: a service cannot depend on itself`);
      } else if (!known.has(dependency)) {
        const suggestion = closestMatch(dependency, [...known]);
        report(
          path,
          `services.${service.name}.dependsOn: no service named "${dependency}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        );
      } else if (firstIndex.has(dependency)) {
        edges.get(service.name)!.push({ to: dependency, path });
      }
    });
  });

  const graph: DependencyGraph = {};
  for (const [name, list] of edges) graph[name] = [...new Set(list.map((e) => e.to))].sort();
  for (const cycle of findCycles(graph)) {
    const from = cycle[0]!;
    const edge = edges.get(from)!.find((e) => e.to === cycle[1]);
    report(
      edge?.path ?? ['services', position(firstIndex.get(from)!)],
      `dependency cycle: ${cycle.join(' -> ')} (break it by removing a dependsOn or a URL that names a service)`,
    );
  }

  const services: ResolvedService[] = [];
  for (const [i, service] of blueprint.services.entries()) {
    checkPortsAndVolumes({ service, index: position(i), report });
    const init = await resolveInit({ service, index: position(i), loadScript: opts.loadScript, report });
    const envNode = nodeAtPath(root, ['services', position(i), 'env']).node;
    const numberText = (name: string): string | undefined => {
      const value = envNode?.kind === 'map' ? envNode.entries.find((e) => e.key === name)?.value : undefined;
      return value?.kind === 'scalar' ? value.text : undefined;
    };
    services.push(
      resolveService({ service, init, inferred: inferredPorts.get(service.name), graph, numberText }),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    problems: [],
    graph,
    blueprint: {
      name: blueprint.name,
      ...(blueprint.description !== undefined ? { description: blueprint.description } : {}),
      ...(blueprint.ttl !== undefined ? { ttl: blueprint.ttl } : {}),
      ...(blueprint.idleAfter !== undefined ? { idleAfter: blueprint.idleAfter } : {}),
      ...(blueprint.idle !== undefined ? { idle: blueprint.idle } : {}),
      routing: blueprint.routing ?? 'dns',
      ...prewarmBounds(blueprint.prewarm),
      services,
    },
  };
}

/** Exposed ports must be declared ports (when ports are declared); volume names and paths unique. */
function checkPortsAndVolumes(opts: {
  service: Service;
  index: number;
  report: (path: (string | number)[], message: string) => void;
}): void {
  const { service, index, report } = opts;
  const field = `services.${service.name}`;
  const declared = service.ports;
  if (declared) {
    const seen = new Set<number>();
    declared.forEach((port, j) => {
      if (seen.has(port))
        report(['services', index, 'ports', j], `${field}.ports: port ${port} is listed twice`);
      seen.add(port);
    });
    const exposed =
      typeof service.expose === 'number'
        ? [service.expose]
        : Array.isArray(service.expose)
          ? service.expose
          : [];
    for (const port of exposed) {
      if (!declared.includes(port)) {
        report(
          ['services', index, 'expose'],
          `${field}.expose: port ${port} is not one of the service's ports (${declared.join(', ')})`,
        );
      }
    }
  }
  const names = new Set<string>();
  const paths = new Set<string>();
  (service.volumes ?? []).forEach((volume, j) => {
    const name = volume.name ?? (j === 0 ? 'data' : `data-${j}`);
    if (names.has(name))
      report(['services', index, 'volumes', j], `${field}.volumes: two volumes are named "${name}"`);
    if (paths.has(volume.path)) {
      report(
        ['services', index, 'volumes', j, 'path'],
        `${field}.volumes: two volumes mount at ${volume.path}`,
      );
    }
    names.add(name);
    paths.add(volume.path);
  });
}

async function resolveInit(opts: {
  service: Service;
  index: number;
  loadScript: ScriptLoader;
  report: (path: (string | number)[], message: string) => void;
}): Promise<ResolvedInitStep[]> {
  const { service, index, report } = opts;
  const steps = service.init === undefined ? [] : Array.isArray(service.init) ? service.init : [service.init];
  const resolved: ResolvedInitStep[] = [];
  for (const [j, step] of steps.entries()) {
    if (step.type === 'job') {
      resolved.push(resolveJobStep(step));
      continue;
    }
    if (step.type === 'snapshot') {
      resolved.push(snapshotStep(step.snapshot));
      continue;
    }
    const path = Array.isArray(service.init)
      ? ['services', index, 'init', j, 'script']
      : ['services', index, 'init', 'script'];
    const field = `services.${service.name}.init${Array.isArray(service.init) ? `.${j}` : ''}.script`;
    if (step.script === UNCHECKED_SCRIPT) continue; // salvaged from an invalid step, already reported
    const pathError = scriptPathError(step.script);
    if (pathError) {
      report(path, `${field}: ${pathError}`);
      continue;
    }
    const loaded = await opts.loadScript(step.script);
    if (!loaded.ok) {
      report(path, `${field}: ${loaded.reason}`);
      continue;
    }
    resolved.push({
      type: 'sql',
      script: step.script,
      ...(step.database !== undefined ? { database: step.database } : {}),
      content: loaded.content,
      sha256: scriptHash(loaded.content),
    });
  }
  return resolved;
}

/** A snapshot step; `snapshotId` once the API has found the creating team's snapshot of that name. */
export function snapshotStep(
  snapshot: string,
  found?: { snapshotId: string; from: string },
): ResolvedSnapshotStep {
  return {
    type: 'snapshot',
    snapshot,
    ...(found ? { snapshotId: found.snapshotId, from: found.from } : {}),
    sha256: scriptHash(`snapshot:${snapshot}:${found?.snapshotId ?? ''}`),
  };
}

/** A job step with its defaults, its env sorted, and a hash of what it runs. */
function resolveJobStep(step: JobInitStep): ResolvedJobStep {
  const env = Object.entries(step.env ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value: String(value) }));
  const definition = {
    name: step.name ?? 'job',
    image: step.image,
    ...(step.command ? { command: step.command } : {}),
    ...(step.args ? { args: step.args } : {}),
    env,
  };
  return { type: 'job', ...definition, sha256: scriptHash(JSON.stringify(definition)) };
}

function resolveService(opts: {
  service: Service;
  init: ResolvedInitStep[];
  inferred: Set<number> | undefined;
  graph: DependencyGraph;
  /** The written text of a numeric env value (VERSION: 1.10 stays "1.10"). */
  numberText: (name: string) => string | undefined;
}): ResolvedService {
  const { service, init } = opts;
  const expose = service.expose;
  const explicitExposed = typeof expose === 'number' ? [expose] : Array.isArray(expose) ? expose : [];
  const checkPort =
    service.healthCheck && 'http' in service.healthCheck ? service.healthCheck.http.port : undefined;
  const tcpPort =
    service.healthCheck && 'tcp' in service.healthCheck ? service.healthCheck.tcp.port : undefined;
  const inferred = new Set(opts.inferred);
  for (const port of [checkPort, tcpPort]) if (port !== undefined) inferred.add(port);
  let ports = service.ports ? [...new Set(service.ports)] : [...inferred].sort((a, b) => a - b);
  if (ports.length === 0 && explicitExposed.length === 0) {
    const known = wellKnownImagePort(service.image);
    if (known !== undefined) ports = [known];
    else if (expose === true) ports = [DEFAULT_APP_PORT];
  }
  for (const port of explicitExposed) if (!ports.includes(port)) ports.push(port);
  const exposedPorts =
    expose === true ? ports.slice(0, 1) : expose === false ? [] : [...new Set(explicitExposed)];

  const env: ResolvedEnvVar[] = Object.entries(service.env ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]): ResolvedEnvVar => {
      if (typeof value === 'object') {
        if ('secretRef' in value) {
          return {
            name,
            kind: 'secretRef',
            secretName: value.secretRef.name,
            secretKey: value.secretRef.key,
          };
        }
        if ('value' in value)
          return { name, kind: value.secret ? 'secret' : 'plain', value: String(value.value) };
        return { name, kind: 'secret', value: value.secret };
      }
      const text = (typeof value === 'number' ? opts.numberText(name) : undefined) ?? String(value);
      return { name, kind: looksSecret({ name, value: text }) ? 'secret' : 'plain', value: text };
    });

  const volumes: Volume[] = (service.volumes ?? []).map((volume, i) => ({
    ...volume,
    name: volume.name ?? (i === 0 ? 'data' : `data-${i}`),
  }));
  const stateful = service.stateful ?? volumes.length > 0;
  return {
    name: service.name,
    image: service.image,
    ports,
    exposedPorts,
    // Only when public, so resolved digests of private services stay as they were.
    ...(service.access === 'public' && exposedPorts.length > 0 ? { access: 'public' as const } : {}),
    ...(service.command ? { command: service.command } : {}),
    ...(service.args ? { args: service.args } : {}),
    env,
    ...(service.resources ? { resources: service.resources } : {}),
    replicas: service.replicas ?? 1,
    ...(service.healthCheck ? { healthCheck: service.healthCheck } : {}),
    volumes,
    stateful,
    isolation: service.isolation ?? 'isolated',
    // Only when written, so resolved digests of blueprints without it stay as they were.
    ...(service.fork ? { fork: service.fork } : {}),
    init,
    isDataService: init.length > 0 || volumes.length > 0 || stateful,
    dependsOn: opts.graph[service.name] ?? [],
    ...(service.security ? { security: service.security } : {}),
  };
}

/** `prewarm` as written → the pool's bounds (defaults filled in); nothing when not opted in. */
function prewarmBounds(prewarm: Blueprint['prewarm']): { prewarm?: ResolvedBlueprint['prewarm'] } {
  if (prewarm === undefined || prewarm === false) return {};
  if (prewarm === true) return { prewarm: { ...PREWARM_DEFAULTS } };
  const min = prewarm.min ?? PREWARM_DEFAULTS.min;
  const max = prewarm.max ?? Math.max(min, PREWARM_DEFAULTS.max);
  return { prewarm: { min, max, ...(prewarm.snapshot ? { snapshot: prewarm.snapshot } : {}) } };
}
