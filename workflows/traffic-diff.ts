import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/create-activities.js';
import { buildDiffReport, type DiffReport, type RequestOutcome } from '../diff/diff-report.js';
import { runtimeIdFor } from './runtime-id.js';
import {
  type TrafficDiffInput,
  type TrafficDiffProgress,
  trafficDiffProgressQuery,
} from './traffic-diff-contracts.js';

/** One batch of requests to both environments; it heartbeats per request, so a dead worker is seen in 20 s. */
const replay = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 5 },
});

/**
 * A traffic diff: every request goes to the baseline twice and to the branch once, batch by batch
 * (a restarted worker resumes at the batch it was in); what moves between the baseline's answers
 * is noise, the rest is the report. Progress is a query; the report is the result.
 */
export async function trafficDiff(input: TrafficDiffInput): Promise<DiffReport> {
  const progress: TrafficDiffProgress = { state: 'running', total: input.requests.length, done: 0 };
  setHandler(trafficDiffProgressQuery, () => progress);
  const [baseline, branch] = [await runtimeIdFor(input.baselineId), await runtimeIdFor(input.branchId)];
  const batchSize = input.batchSize ?? 20;
  const outcomes: RequestOutcome[] = [];
  for (let start = 0; start < input.requests.length; start += batchSize) {
    const batch = input.requests.slice(start, start + batchSize);
    outcomes.push(
      ...(await replay.compareTrafficBatch({ baselineId: baseline, branchId: branch, requests: batch })),
    );
    progress.done = Math.min(input.requests.length, start + batch.length);
  }
  progress.state = 'done';
  return buildDiffReport(outcomes);
}
