import { patched } from '@temporalio/workflow';
import { quick } from './activity-proxies.js';

/**
 * The namespace id of an environment: a claimed warm environment lives in the warm environment's
 * namespace. Runs before this change used the environment id as it was (hence the patch).
 */
export async function runtimeIdFor(environmentId: string): Promise<string> {
  return patched('resolve-runtime-id') ? await quick.runtimeIdOf({ environmentId }) : environmentId;
}
