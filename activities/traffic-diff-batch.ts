import { compareRequest, type ObservedResponse } from '../diff/compare-responses.js';
import type { RequestOutcome } from '../diff/diff-report.js';
import { endpointTemplate } from '../diff/endpoint-template.js';
import type { ReplayRequest } from '../diff/request-set.js';
import type { WritePolicy } from '../diff/write-policy.js';
import { SAFE_METHODS } from '../workflows/traffic-diff-contracts.js';
import type { TrafficReplayer } from './ports.js';

/** Most findings kept per request (a report, and the workflow's history, stay small). */
const MAX_FINDINGS_PER_REQUEST = 25;

/**
 * Replays a batch, one request at a time (a diff must not load the environments it compares): the
 * baseline twice, then the branch. A request that writes goes to the branch only, and only when the
 * write policy allows its service (the branch's own data takes it); otherwise it is skipped, with why.
 */
export async function compareBatch(params: {
  replayer: TrafficReplayer;
  baselineId: string;
  branchId: string;
  requests: readonly ReplayRequest[];
  writes?: WritePolicy;
  signal: AbortSignal;
  onRequest: (done: number) => void;
}): Promise<RequestOutcome[]> {
  const { replayer, signal } = params;
  const outcomes: RequestOutcome[] = [];
  for (const [index, request] of params.requests.entries()) {
    const template = endpointTemplate(request.method, request.path);
    const send = (environmentId: string): Promise<ObservedResponse> =>
      replayer.send({ environmentId, request, signal });
    const write = !SAFE_METHODS.includes(request.method);
    if (write && !params.writes?.allowed.includes(request.service)) {
      outcomes.push({ template, skipped: writeRefusal(request, params.writes) });
      params.onRequest(index + 1);
      continue;
    }
    try {
      if (write) {
        // The baseline is never asked: its answer would be its data changing.
        outcomes.push({ template, branchOnly: { status: (await send(params.branchId)).status } });
        params.onRequest(index + 1);
        continue;
      }
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

function writeRefusal(request: ReplayRequest, writes: WritePolicy | undefined): string {
  const why = writes
    ? (writes.refused[request.service] ?? `${request.service} is not a service of the branch`)
    : 'writes are not sent in this run';
  return `${request.method} writes: not sent (${why})`;
}
