/**
 * The workflow bundle's entry: every workflow the lifecycle worker registers. The exported names are the
 * workflow types (see WorkflowType in contracts.ts).
 */
export { createEnvironment } from './environment.js';
export { githubPullRequest } from './github-pull-request.js';
export { idleSweep, orphanSweep, prewarmPool } from './schedules.js';
export { seedEnvironment } from './seed.js';
export { shareEnvironment } from './share.js';
export { deleteSnapshot, snapshotEnvironment } from './snapshot.js';
export { teardownEnvironment } from './teardown.js';
export { trafficDiff } from './traffic-diff.js';
