import { ApplicationFailure, getExternalWorkflowHandle, log, patched } from '@temporalio/workflow';
import { hasSnapshotSteps } from '../blueprints/init-segments.js';
import type { PhaseTimings } from '../deploy/phases.js';
import { long, quick } from './activity-proxies.js';
import {
  LifecycleErrorType,
  markActivitySignal,
  type SeedEnvironmentInput,
  type SeedEnvironmentResult,
  workflowIds,
} from './contracts.js';
import { runSnapshotSegments } from './data-restore.js';
import { timingsOf } from './phase-timings.js';
import { runtimeIdFor } from './runtime-id.js';

/** Runs (or re-runs) a service's init steps, or loads a snapshot of it into the environment. */
export async function seedEnvironment(input: SeedEnvironmentInput): Promise<SeedEnvironmentResult> {
  if (!input.blueprint.services.some((s) => s.name === input.service)) {
    throw ApplicationFailure.create({
      type: LifecycleErrorType.InvalidInput,
      nonRetryable: true,
      message: `service: blueprint ${input.blueprint.name} has no service named ${input.service}`,
    });
  }
  const runtimeId = await runtimeIdFor(input.environmentId);
  let stepsRun = 0;
  let timings: PhaseTimings | undefined;
  if (input.source.kind === 'init') {
    const ran = await long.runInitSteps({
      environmentId: runtimeId,
      blueprint: input.blueprint,
      service: input.service,
    });
    stepsRun = ran.stepsRun;
    const service = input.blueprint.services.find((s) => s.name === input.service)!;
    if (hasSnapshotSteps(service) && patched('snapshot-init-steps')) {
      stepsRun += await runSnapshotSegments({ runtimeId, blueprint: input.blueprint, service });
    }
    if (patched('phase-timings')) {
      timings = timingsOf({ operation: 'seed', requestedAt: input.requestedAt, marks: [ran.marks] });
    }
  } else {
    const snapshot = await quick.loadSnapshot({ snapshotId: input.source.snapshotId });
    const artifact = snapshot.artifacts.find((a) => a.service === input.service);
    if (!artifact) {
      throw ApplicationFailure.create({
        type: LifecycleErrorType.NotFound,
        nonRetryable: true,
        message: `snapshot ${input.source.snapshotId} holds no data of service ${input.service}`,
      });
    }
    await long.restoreService({ environmentId: runtimeId, blueprint: input.blueprint, artifact });
    stepsRun = 1;
  }
  // Seeding is activity: it keeps the environment from idling out.
  try {
    await getExternalWorkflowHandle(workflowIds.environment(input.environmentId)).signal(
      markActivitySignal,
      timings ? { timings } : {},
    );
  } catch (error) {
    log.warn('could not mark activity on the environment', { error: String(error) });
  }
  return {
    environmentId: input.environmentId,
    service: input.service,
    stepsRun,
    source: input.source,
    ...(timings && { timings }),
  };
}
