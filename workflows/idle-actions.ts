/**
 * What happens to an environment idle for longer than its idleAfter: torn down (default) or put to
 * sleep. On its own (no Temporal import) so the CLI can offer the choices without loading the SDK.
 */
export const IDLE_ACTIONS = ['teardown', 'sleep'] as const;
export type IdleAction = (typeof IDLE_ACTIONS)[number];
