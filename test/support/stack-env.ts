import { localStackEnv } from '../../local/stack/process-settings.js';

let env: Promise<NodeJS.ProcessEnv> | undefined;

/**
 * This process's environment plus the settings of the running local stack (database, Temporal, cluster,
 * dev codec key, snapshot dir): what product code needs, since it never looks the stack up itself.
 * Passed explicitly, never written into process.env, so the stacks tests start of their own keep theirs.
 */
export function stackEnv(): Promise<NodeJS.ProcessEnv> {
  env ??= localStackEnv(process.env);
  return env;
}
