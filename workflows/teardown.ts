import { teardown } from './activity-proxies.js';
import type { TeardownEnvironmentInput, TeardownEnvironmentResult } from './contracts.js';

/**
 * Tears an environment down when its own workflow is gone (half-created, or cleaned up out of band).
 * Idempotent: on an environment that is already gone it reports `existed: false`.
 */
export async function teardownEnvironment(
  input: TeardownEnvironmentInput,
): Promise<TeardownEnvironmentResult> {
  const { existed } = await teardown.teardownEnvironment({ environmentId: input.environmentId });
  return { environmentId: input.environmentId, existed };
}
