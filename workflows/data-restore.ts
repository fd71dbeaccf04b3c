import { ApplicationFailure } from '@temporalio/workflow';
import { imageEngine } from '../blueprints/data-engines.js';
import { initSegments } from '../blueprints/init-segments.js';
import type { ResolvedBlueprint, ResolvedService } from '../blueprints/resolved.js';
import type { BranchPlan } from '../planner/types.js';
import { long, quick } from './activity-proxies.js';
import { LifecycleErrorType, type SnapshotArtifact, WARM_POOL_OWNER } from './contracts.js';

/**
 * Restoring data into an environment: a `fromSnapshot` create and `{type: snapshot}` init steps.
 * The restored services start first, their data is loaded, and only then do the services that depend
 * on them start (createEnvironment deploys in two stages).
 */

/**
 * The services whose snapshot init steps this environment runs: its own copies (not reused from a
 * baseline, nor a branch copy that starts from its baseline's data).
 */
export function servicesWithSnapshotSteps(params: {
  blueprint: ResolvedBlueprint;
  plan?: BranchPlan;
  branch: boolean;
}): ResolvedService[] {
  return params.blueprint.services.filter((service) => {
    if (!service.init.some((step) => step.type === 'snapshot')) return false;
    const action = params.plan?.services.find((p) => p.name === service.name)?.action;
    if (action === 'reuse') return false;
    const forksData =
      params.branch &&
      action === 'fork' &&
      imageEngine(service.image) === 'postgres' &&
      (service.fork ?? 'data') === 'data';
    return !forksData;
  });
}

/**
 * Whether a warm environment restores `service`'s snapshot steps while it is prepared: only one made for
 * a team (the API's or the pre-warm catalog's binding named that team's snapshots), with every step
 * bound. A shared pool's (team `warm-pool`) or an unbound one stays without the data, as before, and its
 * digest then matches no create that restores data.
 */
export function preparesData(input: { team: string }, service: ResolvedService): boolean {
  if (input.team === WARM_POOL_OWNER) return false;
  return service.init.every((step) => step.type !== 'snapshot' || (!!step.snapshotId && !!step.from));
}

/**
 * Of `next` (services with snapshot steps the environment runs itself), those an apply adds: not in the
 * running blueprint. Their data is restored during the apply; a service that runs already keeps its data
 * (the API refuses snapshot steps changed on one).
 */
export function addedServicesWithSnapshotSteps(params: {
  current: ResolvedBlueprint;
  next: readonly ResolvedService[];
}): ResolvedService[] {
  const running = new Set(params.current.services.map((service) => service.name));
  return params.next.filter((service) => !running.has(service.name));
}

/** The services named and everything they depend on, in the blueprint's order. */
export function withDependencies(blueprint: ResolvedBlueprint, names: readonly string[]): string[] {
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of blueprint.services.find((s) => s.name === name)?.dependsOn ?? []) visit(dep);
  };
  for (const name of names) visit(name);
  return blueprint.services.filter((s) => wanted.has(s.name)).map((s) => s.name);
}

/**
 * Runs a service's init steps from its first snapshot step on, in order: each snapshot is restored
 * (the worker reads it from the artifact store), then the steps after it run as a Job of their own.
 * The steps before the first snapshot ran in the deploy's init Job (or the seed's `runInitSteps`).
 * Returns how many steps ran. Idempotent on retry: a restore replaces the data, and each Job is named
 * after the workflow run and its segment.
 */
export async function runSnapshotSegments(params: {
  runtimeId: string;
  blueprint: ResolvedBlueprint;
  service: ResolvedService;
}): Promise<number> {
  const { service } = params;
  let stepsRun = 0;
  for (const [segmentIndex, segment] of initSegments(service.init).entries()) {
    if (!segment.snapshot) continue;
    const { step, index } = segment.snapshot;
    const where = `services.${service.name}.init.${index} (snapshot ${step.snapshot})`;
    if (!step.snapshotId || !step.from) {
      throw ApplicationFailure.create({
        type: LifecycleErrorType.InvalidInput,
        nonRetryable: true,
        message: `${where}: not bound to a snapshot of the team (create the environment through the API)`,
      });
    }
    const snapshot = await quick.loadSnapshot({ snapshotId: step.snapshotId });
    const artifact = snapshot.artifacts.find((a) => a.service === step.from);
    if (!artifact) {
      throw ApplicationFailure.create({
        type: LifecycleErrorType.NotFound,
        nonRetryable: true,
        message: `${where}: the snapshot holds no data of service ${step.from}`,
      });
    }
    await restoreInto({ runtimeId: params.runtimeId, blueprint: params.blueprint, service, artifact });
    stepsRun += 1;
    if (segment.steps.length > 0) {
      const ran = await long.runInitSteps({
        environmentId: params.runtimeId,
        blueprint: params.blueprint,
        service: service.name,
        segment: segmentIndex,
      });
      stepsRun += ran.stepsRun;
    }
  }
  return stepsRun;
}

/** Loads `artifact` (possibly another service's data of the same engine) into `service`. */
export function restoreInto(params: {
  runtimeId: string;
  blueprint: ResolvedBlueprint;
  service: ResolvedService;
  artifact: SnapshotArtifact;
}): Promise<void> {
  return long.restoreService({
    environmentId: params.runtimeId,
    blueprint: params.blueprint,
    artifact: { ...params.artifact, service: params.service.name },
  });
}
