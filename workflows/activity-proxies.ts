import { ActivityCancellationType, proxyActivities } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/create-activities.js';
import { LifecycleErrorType } from './contracts.js';

/**
 * How the workflows call activities. Three classes, by how long a step may take and how it must retry.
 * Permanent errors arrive as non-retryable ApplicationFailures; these types are listed as well so that a
 * plain error of such a type never burns retries.
 */
const permanentTypes = [
  LifecycleErrorType.InvalidInput,
  LifecycleErrorType.NotFound,
  LifecycleErrorType.SnapshotUnsupported,
  LifecycleErrorType.QuotaExceeded,
];

/** Short bookkeeping steps: planning, claiming, recording. */
export const quick = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 10,
    nonRetryableErrorTypes: permanentTypes,
  },
});

/**
 * Long waits on the cluster (deploy, init steps, snapshots). They heartbeat, so a dead worker is noticed
 * within the heartbeat timeout and the step retries elsewhere (the steps are idempotent). On cancel the
 * workflow waits until the activity has stopped, so compensation never races a deploy still applying.
 */
export const long = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '20 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 20,
    nonRetryableErrorTypes: permanentTypes,
  },
});

/** Teardown retries until it succeeds: leaving a namespace behind costs money and is never the answer. */
export const teardown = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '20 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});
