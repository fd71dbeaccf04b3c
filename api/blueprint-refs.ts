import type pg from 'pg';
import {
  type BlueprintVersionRecord,
  getBlueprintVersion,
  getBlueprintVersionById,
  type NewBlueprintVersion,
  registerBlueprintVersionIn,
} from '../store/blueprints.js';
import type { EnvironmentRecord } from '../store/environments.js';
import { type BlueprintInput, type Resolved, resolveOrReject } from './blueprint-resolution.js';
import { notFound } from './errors.js';

/** A blueprint as a request names it: registered {name, version?} or inline {source, fileName?, scripts?}. */
export type BlueprintRefInput =
  | { name: string; version?: number }
  | { source: string; fileName?: string; scripts?: Record<string, string> };

type Layering = Pick<BlueprintInput, 'overlays' | 'context'>;

/** Resolves a stored version (plus overlays and context); the source never leaves the server. */
export function resolveVersion(version: BlueprintVersionRecord, layering: Layering = {}): Promise<Resolved> {
  return resolveOrReject({
    source: version.source,
    fileName: version.fileName,
    scripts: version.scripts,
    ...layering,
  });
}

/** Looks up a team's registered blueprint version; 404 when the team has no such blueprint or version. */
export async function findVersionOrThrow(
  db: pg.Pool,
  params: { teamId: string; name: string; version?: number },
): Promise<BlueprintVersionRecord> {
  const version = await getBlueprintVersion(db, params);
  if (!version)
    throw notFound(`blueprint ${params.name}${params.version ? ` version ${params.version}` : ''}`);
  return version;
}

/**
 * Where an environment's blueprint version comes from: a registered one, or inline content that is
 * registered only together with what records the environment (`versionFor`), so a refused request
 * leaves no version behind.
 */
export type VersionSource = { version: BlueprintVersionRecord } | { inline: NewBlueprintVersion };

/**
 * Resolves a blueprint reference for a team, storing nothing. Inline content is returned as a version
 * to register (same content, same version), so environments always point at a stored version that can
 * be resolved again later.
 */
export async function resolveRef(
  db: pg.Pool,
  params: {
    ref: BlueprintRefInput;
    teamId: string;
    userId: string;
    field: string;
  } & Layering,
): Promise<{ resolved: Resolved; source: VersionSource }> {
  const layering = { overlays: params.overlays, context: params.context };
  if ('name' in params.ref) {
    const version = await findVersionOrThrow(db, { teamId: params.teamId, ...params.ref });
    return { resolved: await resolveVersion(version, layering), source: { version } };
  }
  const fileName = params.ref.fileName ?? 'blueprint.yaml';
  const input = { source: params.ref.source, fileName, scripts: params.ref.scripts };
  // Register the blueprint's own content (without overlays), so its digest identifies the source.
  const plain = await resolveOrReject(input, `${params.field}.source`);
  const resolved =
    params.overlays?.length || params.context ? await resolveOrReject({ ...input, ...layering }) : plain;
  const inline: NewBlueprintVersion = {
    teamId: params.teamId,
    name: plain.blueprint.name,
    fileName,
    source: input.source,
    scripts: input.scripts ?? {},
    resolvedDigest: plain.digest,
    serviceCount: plain.blueprint.services.length,
    createdBy: params.userId,
    prewarm: plain.blueprint.prewarm,
  };
  return { resolved, source: { inline } };
}

/** The stored version of a source, registering inline content in the caller's transaction. */
export async function versionFor(
  client: pg.PoolClient,
  source: VersionSource,
): Promise<BlueprintVersionRecord> {
  if ('version' in source) return source.version;
  return (await registerBlueprintVersionIn(client, source.inline)).version;
}

/** Rebuilds an environment's resolved blueprint (version + the overlays and context it was created with). */
export async function resolveEnvironmentBlueprint(db: pg.Pool, env: EnvironmentRecord): Promise<Resolved> {
  const version = await getBlueprintVersionById(db, env.blueprintVersionId);
  if (!version) throw notFound('blueprint version');
  return resolveVersion(version, { overlays: env.overlays, context: env.context });
}
