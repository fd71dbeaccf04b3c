import { ApplicationFailure } from '@temporalio/workflow';
import { long, quick } from './activity-proxies.js';
import {
  type DeleteSnapshotInput,
  LifecycleErrorType,
  type SnapshotEnvironmentInput,
  type SnapshotRecord,
} from './contracts.js';
import { runtimeIdFor } from './runtime-id.js';

/**
 * Captures the data services of an environment (each with the engine that supports it: Postgres is a
 * logical dump) and records the snapshot. A new environment can start from it (`fromSnapshot`).
 */
export async function snapshotEnvironment(input: SnapshotEnvironmentInput): Promise<SnapshotRecord> {
  const dataServices = input.blueprint.services.filter((s) => s.isDataService).map((s) => s.name);
  const wanted = input.services ?? dataServices;
  const unknown = wanted.filter((name) => !input.blueprint.services.some((s) => s.name === name));
  if (unknown.length > 0 || wanted.length === 0) {
    throw ApplicationFailure.create({
      type: LifecycleErrorType.InvalidInput,
      nonRetryable: true,
      message:
        unknown.length > 0
          ? `services: ${unknown.join(', ')} not in blueprint ${input.blueprint.name}`
          : `services: blueprint ${input.blueprint.name} has no data service to snapshot`,
    });
  }
  const runtimeId = await runtimeIdFor(input.environmentId);
  const artifacts = await Promise.all(
    wanted.map((service) =>
      long.captureService({
        snapshotId: input.snapshotId,
        environmentId: runtimeId,
        blueprint: input.blueprint,
        service,
      }),
    ),
  );
  const record: SnapshotRecord = {
    snapshotId: input.snapshotId,
    environmentId: input.environmentId,
    blueprint: input.blueprint.name,
    createdAt: new Date(Date.now()).toISOString(),
    artifacts,
  };
  await quick.recordSnapshot(record);
  return record;
}

/**
 * Removes a snapshot's stored artifacts (the API has already removed its row). Idempotent: removing what
 * is gone succeeds, so a retried or repeated deletion is harmless.
 */
export async function deleteSnapshot(input: DeleteSnapshotInput): Promise<void> {
  await quick.discardSnapshot(input);
}
