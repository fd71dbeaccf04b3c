import type pg from 'pg';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { findTeamSnapshot } from '../store/snapshots.js';
import type { SnapshotArtifact } from '../workflows/contracts.js';
import { ApiError, conflict, ErrorCode, notFound } from './errors.js';
import type { EnvironmentLifecycle } from './lifecycle.js';
import { refreshSnapshot } from './snapshot-state.js';

/** The engine family of a data image (what a snapshot of it can be restored into), if known. */
export function imageEngine(image: string): string | undefined {
  if (/(^|\/)(postgres|postgis|timescaledb)[^/]*(:|@|$)/.test(image)) return 'postgres';
  if (/(^|\/)(redis|valkey)[^/]*(:|@|$)/.test(image)) return 'redis';
  if (/(^|\/)(mysql|mariadb|percona)[^/]*(:|@|$)/.test(image)) return 'mysql';
  if (/(^|\/)mongo[^/]*(:|@|$)/.test(image)) return 'mongo';
  return undefined;
}

/** The engine family of a snapshot engine's name: "postgres-logical" is a postgres snapshot. */
export function artifactEngine(engine: string): string {
  return engine.split('-')[0]!;
}

/**
 * The snapshot a new environment starts from (`fromSnapshot`, an id or a name): one of the caller's
 * team (404 otherwise, whoever else has one), ready (409), and holding data only for services of the
 * blueprint that run the same engine (422 naming both).
 */
export async function snapshotForCreate(params: {
  db: pg.Pool;
  lifecycle: EnvironmentLifecycle;
  teamId: string;
  idOrName: string;
  blueprint: ResolvedBlueprint;
}): Promise<{ snapshotId: string }> {
  const found = await findTeamSnapshot(params.db, { teamId: params.teamId, idOrName: params.idOrName });
  if (!found) throw notFound(`snapshot ${params.idOrName}`);
  const snapshot = await refreshSnapshot(params.db, params.lifecycle, found);
  if (snapshot.phase !== 'ready') throw conflict(`snapshot ${snapshot.name} is ${snapshot.phase}, not ready`);
  const artifacts = (snapshot.details.artifacts ?? []) as SnapshotArtifact[];
  for (const artifact of artifacts) {
    const service = params.blueprint.services.find((s) => s.name === artifact.service);
    const wanted = artifactEngine(artifact.engine);
    const problem = !service
      ? `snapshot ${snapshot.name} holds ${wanted} data of service ${artifact.service}, which blueprint ${params.blueprint.name} does not have`
      : imageEngine(service.image) !== wanted
        ? `snapshot ${snapshot.name} holds ${wanted} data (engine ${artifact.engine}) of service ${artifact.service}, but ${artifact.service} in blueprint ${params.blueprint.name} runs ${service.image} (engine ${imageEngine(service.image) ?? 'unknown'})`
        : undefined;
    if (problem) {
      throw new ApiError({
        statusCode: 422,
        code: ErrorCode.ValidationFailed,
        message: problem,
        field: 'body.fromSnapshot',
      });
    }
  }
  return { snapshotId: snapshot.id };
}
