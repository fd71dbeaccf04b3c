import { snapshotStep } from '../blueprints/build-resolved.js';
import { hasSnapshotSteps } from '../blueprints/init-segments.js';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { artifactForStep, snapshotFitProblem } from '../blueprints/snapshot-fit.js';
import type { Queryable } from '../store/database.js';
import { findTeamSnapshot } from '../store/snapshots.js';
import type { SnapshotArtifact } from '../workflows/contracts.js';

/**
 * The data a team's warm environments are prepared with, bound as that team's creates bind it (the API's
 * `bindSnapshotSteps` and `fromSnapshot`): each `{type: snapshot}` init step names the team's ready
 * snapshot by id, and `prewarm.snapshot` becomes the snapshot the warm environments start from. So a warm
 * environment's digest is the one a create of the same team (with `--from-snapshot` of that snapshot)
 * computes, and no other team's create can ever match it. A snapshot that is missing, not ready or of
 * another engine gives a reason instead, and the pool is skipped.
 */
export async function bindPrewarmData(params: {
  db: Queryable;
  teamId: string;
  blueprint: ResolvedBlueprint;
}): Promise<
  { ok: true; blueprint: ResolvedBlueprint; fromSnapshot?: string } | { ok: false; reason: string }
> {
  const { db, teamId, blueprint } = params;
  const ready = async (idOrName: string, at: string) => {
    const found = await findTeamSnapshot(db, { teamId, idOrName });
    if (!found) return { reason: `${at}: snapshot ${idOrName} not found` };
    if (found.phase !== 'ready')
      return { reason: `${at}: snapshot ${found.name} is ${found.phase}, not ready` };
    return { snapshot: found, artifacts: (found.details.artifacts ?? []) as SnapshotArtifact[] };
  };
  let fromSnapshot: string | undefined;
  const wanted = blueprint.prewarm?.snapshot;
  if (wanted) {
    const found = await ready(wanted, 'prewarm.snapshot');
    if (!found.snapshot) return { ok: false, reason: found.reason };
    for (const artifact of found.artifacts) {
      const problem = snapshotFitProblem({ snapshotName: found.snapshot.name, artifact, blueprint });
      if (problem) return { ok: false, reason: `prewarm.snapshot: ${problem}` };
    }
    fromSnapshot = found.snapshot.id;
  }
  if (!blueprint.services.some(hasSnapshotSteps)) {
    return { ok: true, blueprint, ...(fromSnapshot ? { fromSnapshot } : {}) };
  }
  const services = [];
  for (const service of blueprint.services) {
    const init = [];
    for (const [index, step] of service.init.entries()) {
      if (step.type !== 'snapshot') {
        init.push(step);
        continue;
      }
      const at = `services.${service.name}.init.${index}`;
      const found = await ready(step.snapshot, at);
      if (!found.snapshot) return { ok: false, reason: found.reason };
      const artifact = artifactForStep(service.name, found.artifacts);
      if (!artifact) {
        return {
          ok: false,
          reason: `${at}: snapshot ${found.snapshot.name} holds no data of service ${service.name}`,
        };
      }
      const problem = snapshotFitProblem({
        snapshotName: found.snapshot.name,
        artifact,
        blueprint,
        target: service.name,
      });
      if (problem) return { ok: false, reason: `${at}: ${problem}` };
      init.push(snapshotStep(step.snapshot, { snapshotId: found.snapshot.id, from: artifact.service }));
    }
    services.push({ ...service, init });
  }
  return { ok: true, blueprint: { ...blueprint, services }, ...(fromSnapshot ? { fromSnapshot } : {}) };
}
