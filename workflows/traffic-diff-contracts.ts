import { defineQuery } from '@temporalio/workflow';
import type { DiffReport } from '../diff/diff-report.js';
import type { ReplayRequest } from '../diff/request-set.js';
import type { WritePolicy } from '../diff/write-policy.js';

/** Workflow type of a traffic diff run (the export in workflows/index.ts). */
export const TRAFFIC_DIFF_WORKFLOW_TYPE = 'trafficDiff';

/** One workflow per run, named after the branch, so a run id alone never opens another team's run. */
export function trafficDiffWorkflowId(branchId: string, runId: string): string {
  return `traffic-diff-${branchId}-${runId}`;
}

/** Methods a diff sends by default: they do not change data (RFC 9110 safe methods). */
export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];

export interface TrafficDiffInput {
  runId: string;
  branchId: string;
  baselineId: string;
  /** The requests to replay (captured at the baseline's gateway, or the user's set), sanitised. */
  requests: ReplayRequest[];
  /** Requests are compared in batches of this many per activity (default 20). */
  batchSize?: number;
  /**
   * Services a write may be sent to (to the branch only; diff/write-policy.ts). Absent: no write is
   * sent anywhere.
   */
  writes?: WritePolicy;
}

export interface TrafficDiffProgress {
  state: 'running' | 'done';
  total: number;
  done: number;
}

export const trafficDiffProgressQuery = defineQuery<TrafficDiffProgress>('trafficDiffProgress');

export type { DiffReport, WritePolicy };
