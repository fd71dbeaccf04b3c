import { compareRequest, type ObservedResponse } from '../diff/compare-responses.js';
import type { RequestOutcome } from '../diff/diff-report.js';
import { endpointTemplate } from '../diff/endpoint-template.js';
import type { ReplayRequest } from '../diff/request-set.js';
import { SAFE_METHODS } from '../workflows/traffic-diff-contracts.js';
import type { TrafficReplayer } from './ports.js';

/** Most findings kept per request (a report, and the workflow's history, stay small). */
const MAX_FINDINGS_PER_REQUEST = 25;

/**
 * Replays a batch, one request at a time (a diff must not load the environments it compares): the
 * baseline twice, then the branch. Requests that write are skipped and never sent anywhere.
 */
export async function compareBatch(params: {
  replayer: TrafficReplayer;
  baselineId: string;
  branchId: string;
  requests: readonly ReplayRequest[];
  signal: AbortSignal;
  onRequest: (done: number) => void;
}): Promise<RequestOutcome[]> {
  const { replayer, signal } = params;
  const outcomes: RequestOutcome[] = [];
  for (const [index, request] of params.requests.entries()) {
    const template = endpointTemplate(request.method, request.path);
    if (!SAFE_METHODS.includes(request.method)) {
      outcomes.push({
        template,
        skipped: `${request.method} writes: never sent, so the baseline's data stays as it is`,
      });
      continue;
    }
    const send = (environmentId: string): Promise<ObservedResponse> =>
      replayer.send({ environmentId, request, signal });
    try {
      const first = await send(params.baselineId);
      const second = await send(params.baselineId);
      const branch = await send(params.branchId);
      const comparison = compareRequest({ template, baseline: [first, second], branch });
      comparison.findings = comparison.findings.slice(0, MAX_FINDINGS_PER_REQUEST);
      outcomes.push({ template, comparison });
    } catch (error) {
      if (signal.aborted) throw error;
      outcomes.push({ template, failure: error instanceof Error ? error.message : String(error) });
    }
    params.onRequest(index + 1);
  }
  return outcomes;
}
