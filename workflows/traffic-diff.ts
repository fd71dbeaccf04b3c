import { CancellationScope, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/create-activities.js';
import { buildDiffReport, type DiffReport, type RequestOutcome } from '../diff/diff-report.js';
import { quick } from './activity-proxies.js';
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
 * is noise, the rest is the report. Writes go to the branch only, where the write policy allows.
 * Progress is a query; the report is the result, and is recorded with the run (store/diff-runs.ts)
 * so it outlives the workflow.
 */
export async function trafficDiff(input: TrafficDiffInput): Promise<DiffReport> {
  // Runs started before runs were recorded return their report without recording it.
  if (!patched('record-diff-run')) return compareAll(input);
  let report: DiffReport;
  try {
    report = await compareAll(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A cancelled run is recorded too: the record must not be cancelled with it.
    await CancellationScope.nonCancellable(() =>
      quick.recordDiffRun({ runId: input.runId, outcome: { state: 'failed', message } }),
    );
    throw error;
  }
  await quick.recordDiffRun({ runId: input.runId, outcome: { state: 'completed', report } });
  return report;
}

async function compareAll(input: TrafficDiffInput): Promise<DiffReport> {
  const progress: TrafficDiffProgress = { state: 'running', total: input.requests.length, done: 0 };
  setHandler(trafficDiffProgressQuery, () => progress);
  const [baseline, branch] = [await runtimeIdFor(input.baselineId), await runtimeIdFor(input.branchId)];
  const batchSize = input.batchSize ?? 20;
  const outcomes: RequestOutcome[] = [];
  for (let start = 0; start < input.requests.length; start += batchSize) {
    const batch = input.requests.slice(start, start + batchSize);
    outcomes.push(
      ...(await replay.compareTrafficBatch({
        baselineId: baseline,
        branchId: branch,
        requests: batch,
        ...(input.writes && { writes: input.writes }),
      })),
    );
    progress.done = Math.min(input.requests.length, start + batch.length);
  }
  progress.state = 'done';
  return buildDiffReport(outcomes);
}
