import type { ResolvedEnvVar, ResolvedService } from '../../blueprints/resolved.js';
import type { HealthCheck, Resources, Volume } from '../../blueprints/schema.js';
import { cpuMillicores, memoryBytes } from '../quantity.js';

/**
 * Compares two resolved services by meaning: only fields that change what runs count, values are
 * normalised first (quantities, port order, volume order), and secret values are masked in the result.
 */

/** One changed field, with printable old and new values (secrets already masked). */
export interface FieldChange {
  /** Dotted field path, e.g. image, env.LOG_LEVEL, resources.requests.cpu, init.0.script. */
  field: string;
  old: string;
  new: string;
}

/** What a missing field or value prints as. */
export const UNSET = '(unset)';
/** What a secret value prints as, old or new. */
export const MASKED = '******';

/** The fields of `branch` that differ in meaning from `baseline`, in a stable order. */
export function compareServices(baseline: ResolvedService, branch: ResolvedService): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (field: string, oldValue: string, newValue: string): void => {
    if (oldValue !== newValue) changes.push({ field, old: oldValue, new: newValue });
  };

  push('image', baseline.image, branch.image);
  push('command', printList(baseline.command), printList(branch.command));
  push('args', printList(baseline.args), printList(branch.args));
  push('ports', printPorts(baseline.ports), printPorts(branch.ports));
  push('expose', printPorts(baseline.exposedPorts), printPorts(branch.exposedPorts));
  push('replicas', String(baseline.replicas), String(branch.replicas));
  changes.push(...compareEnv(baseline.env, branch.env));
  changes.push(...compareResources(baseline.resources, branch.resources));
  if (baseline.healthCheck || branch.healthCheck) {
    push('healthCheck', printHealthCheck(baseline.healthCheck), printHealthCheck(branch.healthCheck));
  }
  if (baseline.volumes.length > 0 || branch.volumes.length > 0) {
    push('volumes', printVolumes(baseline.volumes), printVolumes(branch.volumes));
  }
  push('stateful', String(baseline.stateful), String(branch.stateful));
  changes.push(...compareInit(baseline, branch));
  push('dependsOn', printList(baseline.dependsOn), printList(branch.dependsOn));
  push('security', printSecurity(baseline.security), printSecurity(branch.security));
  return changes;
}

/** Key order and capability order never count as a change. */
function printSecurity(security: ResolvedService['security']): string {
  if (security === undefined) return UNSET;
  const sorted = {
    ...security,
    ...(security.capabilities ? { capabilities: [...security.capabilities].sort() } : {}),
  };
  return JSON.stringify(Object.fromEntries(Object.entries(sorted).sort(([a], [b]) => (a < b ? -1 : 1))));
}

function printList(values: readonly string[] | undefined): string {
  return values === undefined ? UNSET : JSON.stringify(values);
}

function printPorts(ports: readonly number[]): string {
  return ports.length === 0 ? UNSET : [...ports].sort((a, b) => a - b).join(',');
}

/** Prints an env value; a secret never shows its value, a secret reference shows only where it points. */
function printEnvValue(envVar: ResolvedEnvVar | undefined): string {
  if (envVar === undefined) return UNSET;
  switch (envVar.kind) {
    case 'plain':
      return JSON.stringify(envVar.value);
    case 'secret':
      return MASKED;
    case 'secretRef':
      return `secretRef ${envVar.secretName}/${envVar.secretKey}`;
  }
}

function sameEnvValue(a: ResolvedEnvVar, b: ResolvedEnvVar): boolean {
  if (a.kind === 'secretRef' || b.kind === 'secretRef') {
    return (
      a.kind === 'secretRef' &&
      b.kind === 'secretRef' &&
      a.secretName === b.secretName &&
      a.secretKey === b.secretKey
    );
  }
  // A value that moves between plain and secret is a change even when the text is equal: it changes
  // whether the value lands in a Secret or in the pod spec.
  return a.kind === b.kind && a.value === b.value;
}

function compareEnv(baseline: readonly ResolvedEnvVar[], branch: readonly ResolvedEnvVar[]): FieldChange[] {
  const before = new Map(baseline.map((v) => [v.name, v]));
  const after = new Map(branch.map((v) => [v.name, v]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const name of names) {
    const a = before.get(name);
    const b = after.get(name);
    if (a && b && sameEnvValue(a, b)) continue;
    let oldText = printEnvValue(a);
    const newText = printEnvValue(b);
    // Two masked secrets print the same; say that the value changed without showing it.
    if (oldText === MASKED && newText === MASKED) oldText = `${MASKED} (changed)`;
    changes.push({ field: `env.${name}`, old: oldText, new: newText });
  }
  return changes;
}

function compareResources(baseline: Resources | undefined, branch: Resources | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory'] as const) {
      const a = baseline?.[kind]?.[resource];
      const b = branch?.[kind]?.[resource];
      if (a === b) continue; // the common case, without parsing
      const normalise = resource === 'cpu' ? cpuMillicores : memoryBytes;
      const sameMeaning =
        (a === undefined && b === undefined) ||
        (a !== undefined && b !== undefined && normalise(a) === normalise(b));
      if (!sameMeaning) {
        changes.push({
          field: `resources.${kind}.${resource}`,
          old: a === undefined ? UNSET : String(a),
          new: b === undefined ? UNSET : String(b),
        });
      }
    }
  }
  return changes;
}

/** JSON with sorted keys, so that key order never counts as a change. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function printHealthCheck(check: HealthCheck | undefined): string {
  return check === undefined ? UNSET : canonicalJson(check);
}

function printVolumes(volumes: readonly Volume[]): string {
  if (volumes.length === 0) return UNSET;
  const normalised = volumes
    .map((v) => ({
      name: v.name,
      path: v.path,
      size: v.size === undefined ? undefined : memoryBytes(v.size),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return canonicalJson(normalised);
}

/** How a plan names an init step: a sql step by its script, a job step by its name and image. */
function stepLabel(step: ResolvedService['init'][number]): string {
  if (step.type === 'snapshot') return `snapshot ${step.snapshot}`;
  return step.type === 'sql' ? step.script : `job ${step.name} (${step.image})`;
}

function compareInit(baseline: ResolvedService, branch: ResolvedService): FieldChange[] {
  const changes: FieldChange[] = [];
  const count = Math.max(baseline.init.length, branch.init.length);
  for (let i = 0; i < count; i++) {
    const a = baseline.init[i];
    const b = branch.init[i];
    const path = `init.${i}`;
    if (!a || !b) {
      changes.push({
        field: path,
        old: a ? `${stepLabel(a)} (sha256 ${a.sha256.slice(0, 12)})` : UNSET,
        new: b ? `${stepLabel(b)} (sha256 ${b.sha256.slice(0, 12)})` : UNSET,
      });
      continue;
    }
    // A renamed script with the same content runs the same SQL: only the hash counts.
    if (a.sha256 !== b.sha256) {
      changes.push({
        field: `${path}.content`,
        old: `sha256 ${a.sha256.slice(0, 12)}`,
        new: `sha256 ${b.sha256.slice(0, 12)}`,
      });
    }
    const aDatabase = a.type === 'sql' ? a.database : undefined;
    const bDatabase = b.type === 'sql' ? b.database : undefined;
    if ((aDatabase ?? '') !== (bDatabase ?? '')) {
      changes.push({ field: `${path}.database`, old: aDatabase ?? UNSET, new: bDatabase ?? UNSET });
    }
  }
  return changes;
}
