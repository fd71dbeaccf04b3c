import type { ResolvedBlueprint, ResolvedInitStep, ResolvedService } from './resolved.js';
import type { Blueprint, EnvValue, InitStep, Service } from './schema.js';
import { looksSecret } from './secrets.js';

/**
 * Writes a resolved blueprint back as an explicit blueprint (every default and inferred value
 * spelt out) plus its init scripts. Resolving the result gives the same resolved blueprint, which
 * the property tests check; it is also a way to "eject" a merged blueprint with its overlays.
 * Secret values are written as `{secret: ...}`: pass an unmasked resolved blueprint.
 */
export function resolvedToBlueprint(resolved: ResolvedBlueprint): {
  blueprint: Blueprint;
  scripts: Record<string, string>;
} {
  const scripts: Record<string, string> = {};
  const services = resolved.services.map((service) => serviceToBlueprint(service, scripts));
  return {
    blueprint: {
      name: resolved.name,
      ...(resolved.description !== undefined ? { description: resolved.description } : {}),
      ...(resolved.ttl !== undefined ? { ttl: resolved.ttl } : {}),
      ...(resolved.idleAfter !== undefined ? { idleAfter: resolved.idleAfter } : {}),
      ...(resolved.idle !== undefined ? { idle: resolved.idle } : {}),
      routing: resolved.routing,
      ...(resolved.prewarm !== undefined ? { prewarm: resolved.prewarm } : {}),
      services,
    },
    scripts,
  };
}

function serviceToBlueprint(service: ResolvedService, scripts: Record<string, string>): Service {
  const env: Record<string, EnvValue> = {};
  for (const variable of service.env) {
    env[variable.name] =
      variable.kind === 'plain'
        ? // A plain value that detection would take for a secret was marked so: keep the mark.
          looksSecret(variable)
          ? { value: variable.value, secret: false }
          : variable.value
        : variable.kind === 'secret'
          ? { secret: variable.value }
          : { secretRef: { name: variable.secretName, key: variable.secretKey } };
  }
  for (const step of service.init) if (step.type === 'sql') scripts[step.script] = step.content;
  return {
    name: service.name,
    image: service.image,
    ...(service.ports.length > 0 ? { ports: service.ports } : {}),
    ...(service.exposedPorts.length > 0 ? { expose: service.exposedPorts } : {}),
    ...(service.access ? { access: service.access } : {}),
    ...(service.command ? { command: service.command } : {}),
    ...(service.args ? { args: service.args } : {}),
    ...(service.env.length > 0 ? { env } : {}),
    ...(service.resources ? { resources: service.resources } : {}),
    replicas: service.replicas,
    ...(service.healthCheck ? { healthCheck: service.healthCheck } : {}),
    ...(service.dependsOn.length > 0 ? { dependsOn: service.dependsOn } : {}),
    ...(service.volumes.length > 0 ? { volumes: service.volumes } : {}),
    stateful: service.stateful,
    isolation: service.isolation,
    ...(service.fork ? { fork: service.fork } : {}),
    ...(service.security ? { security: service.security } : {}),
    ...(service.init.length > 0
      ? {
          init: service.init.map((step) => writtenInitStep(step)),
        }
      : {}),
  };
}

/** An init step as a blueprint writes it (a sql step names its script; the content travels beside it). */
function writtenInitStep(step: ResolvedInitStep): InitStep {
  if (step.type === 'snapshot') return { type: 'snapshot', snapshot: step.snapshot };
  if (step.type === 'sql') {
    return {
      type: 'sql',
      script: step.script,
      ...(step.database !== undefined ? { database: step.database } : {}),
    };
  }
  return {
    type: 'job',
    name: step.name,
    image: step.image,
    ...(step.command ? { command: step.command } : {}),
    ...(step.args ? { args: step.args } : {}),
    ...(step.env.length > 0 ? { env: Object.fromEntries(step.env.map((v) => [v.name, v.value])) } : {}),
  };
}
