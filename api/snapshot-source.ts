import type pg from 'pg';
import { snapshotStep } from '../blueprints/build-resolved.js';
import { hasSnapshotSteps } from '../blueprints/init-segments.js';
import type { ResolvedBlueprint, ResolvedService } from '../blueprints/resolved.js';
import { artifactForStep, snapshotFitProblem } from '../blueprints/snapshot-fit.js';
import { findTeamSnapshot } from '../store/snapshots.js';
import type { SnapshotArtifact } from '../workflows/contracts.js';
import { ApiError, conflict, ErrorCode, notFound } from './errors.js';
import type { EnvironmentLifecycle } from './lifecycle.js';
import { refreshSnapshot } from './snapshot-state.js';

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
    checkEngine({
      snapshotName: snapshot.name,
      artifact,
      blueprint: params.blueprint,
      field: 'body.fromSnapshot',
    });
  }
  return { snapshotId: snapshot.id };
}

/** 422 naming both engines (or the missing service) when `artifact` cannot be restored into its target. */
function checkEngine(params: {
  snapshotName: string;
  artifact: SnapshotArtifact;
  blueprint: ResolvedBlueprint;
  field: string;
  /** The service the data goes into (default: the artifact's own service). */
  into?: string;
  /** Where the request asked for it, e.g. "services.db.init.1: ". */
  at?: string;
}): void {
  const problem = snapshotFitProblem({
    snapshotName: params.snapshotName,
    artifact: params.artifact,
    blueprint: params.blueprint,
    target: params.into,
  });
  if (problem) {
    throw new ApiError({
      statusCode: 422,
      code: ErrorCode.ValidationFailed,
      message: `${params.at ?? ''}${problem}`,
      field: params.field,
    });
  }
}

/**
 * The blueprint with each `{type: snapshot}` init step bound to a snapshot of the creating team: the
 * same refusals as `fromSnapshot` (another team's or a missing one: 404; not ready: 409; another
 * engine: 422 naming both). The data restored is the snapshot's data of the same service, or its
 * only artifact.
 */
export async function bindSnapshotSteps(params: {
  db: pg.Pool;
  lifecycle: EnvironmentLifecycle;
  teamId: string;
  blueprint: ResolvedBlueprint;
  /** Bind only these services' steps (an update: the services it adds); the others are left as given. */
  only?: ReadonlySet<string>;
}): Promise<ResolvedBlueprint> {
  if (!params.blueprint.services.some(hasSnapshotSteps)) return params.blueprint;
  const services = [];
  for (const service of params.blueprint.services) {
    if (params.only && !params.only.has(service.name)) {
      services.push(service);
      continue;
    }
    const init = [];
    for (const [index, step] of service.init.entries()) {
      if (step.type !== 'snapshot') {
        init.push(step);
        continue;
      }
      const at = `services.${service.name}.init.${index}: `;
      const found = await findTeamSnapshot(params.db, { teamId: params.teamId, idOrName: step.snapshot });
      if (!found) throw notFound(`snapshot ${step.snapshot} (${at.slice(0, -2)})`);
      const snapshot = await refreshSnapshot(params.db, params.lifecycle, found);
      if (snapshot.phase !== 'ready') {
        throw conflict(`${at}snapshot ${snapshot.name} is ${snapshot.phase}, not ready`);
      }
      const artifacts = (snapshot.details.artifacts ?? []) as SnapshotArtifact[];
      const artifact = artifactForStep(service.name, artifacts);
      if (!artifact) {
        throw new ApiError({
          statusCode: 422,
          code: ErrorCode.ValidationFailed,
          message: `${at}snapshot ${snapshot.name} holds no data of service ${service.name} (it holds ${artifacts.map((a) => a.service).join(', ') || 'nothing'})`,
          field: 'body.blueprint',
        });
      }
      checkEngine({
        snapshotName: snapshot.name,
        artifact,
        blueprint: params.blueprint,
        field: 'body.blueprint',
        into: service.name,
        at,
      });
      init.push(snapshotStep(step.snapshot, { snapshotId: snapshot.id, from: artifact.service }));
    }
    services.push({ ...service, init });
  }
  return { ...params.blueprint, services };
}

/**
 * An apply restores data only into the services it adds (their snapshot steps run before their
 * dependants start); a service that runs already keeps its data. So snapshot steps added to or changed on
 * a running service are refused with a 422 naming it, rather than silently not run.
 */
export function refuseNewSnapshotSteps(params: {
  current: ResolvedBlueprint;
  next: ResolvedBlueprint;
  environment: string;
}): void {
  const snapshotsOf = (service: ResolvedService | undefined) =>
    (service?.init ?? []).flatMap((step) => (step.type === 'snapshot' ? [step.snapshot] : []));
  for (const service of params.next.services) {
    const wanted = snapshotsOf(service);
    if (wanted.length === 0) continue;
    const running = params.current.services.find((s) => s.name === service.name);
    if (!running) continue;
    if (wanted.join('\n') === snapshotsOf(running).join('\n')) continue;
    const index = service.init.findIndex((step) => step.type === 'snapshot');
    throw new ApiError({
      statusCode: 422,
      code: ErrorCode.ValidationFailed,
      message: `services.${service.name}.init.${index}: an apply restores snapshots only into services it adds, and ${service.name} runs already, so it would keep its data without snapshot ${wanted.join(', ')}; environment ${params.environment} keeps its blueprint. Create a new environment with this one (env create, or a first apply of another name)`,
      field: 'body.blueprint',
    });
  }
}
