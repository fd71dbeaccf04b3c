import { randomUUID } from 'node:crypto';
import type { ReplayRequest } from '../diff/request-set.js';
import { sanitizeHeaders } from '../diff/sensitive-headers.js';
import type { Queryable } from '../store/database.js';
import { type EnvironmentRecord, getEnvironment } from '../store/environments.js';
import { listCapturedRequests } from '../store/traffic-capture.js';
import type { TrafficDiffInput } from '../workflows/traffic-diff-contracts.js';
import { ApiError, conflict, ErrorCode } from './errors.js';
import { isTerminalPhase } from './status-mirror.js';

/** Most requests one run replays from the capture (the newest). */
export const MAX_CAPTURED_PER_RUN = 500;

/**
 * Which baseline a branch is diffed against: the environment it branched from. A diff against any
 * other environment, or against a baseline that is gone, is refused with the reason.
 */
export async function diffBaseline(params: {
  db: Queryable;
  branch: EnvironmentRecord;
  /** The baseline the caller named (already resolved and visible to them), if any. */
  against?: EnvironmentRecord;
}): Promise<EnvironmentRecord> {
  const { branch, against } = params;
  const parentId = branch.parentId ?? branch.baselineId;
  if (!parentId) {
    throw conflict(
      `environment ${branch.id} is not a branch: a diff compares a branch with the environment it branched from`,
    );
  }
  if (against && against.id !== parentId) {
    throw conflict(
      `environment ${against.id} is not the baseline of ${branch.id}: ${branch.id} branched from ${parentId}, and a diff only compares a branch with its own baseline (the services it reuses answer from there)`,
    );
  }
  const baseline = against ?? (await getEnvironment(params.db, parentId));
  if (!baseline || isTerminalPhase(baseline.phase)) {
    throw conflict(
      `the baseline ${parentId} of ${branch.id} is ${baseline?.phase ?? 'gone'}: there is nothing to compare the branch with`,
    );
  }
  return baseline;
}

/**
 * The run's input: the caller's requests, else the baseline's captured ones (those whose body was cut
 * are left out: they cannot be replayed as they were).
 */
export async function trafficDiffInput(params: {
  db: Queryable;
  branch: EnvironmentRecord;
  baseline: EnvironmentRecord;
  requests?: (Omit<ReplayRequest, 'headers'> & { headers?: Record<string, string> })[];
}): Promise<TrafficDiffInput> {
  let requests: ReplayRequest[] | undefined = params.requests?.map((r) => ({
    ...r,
    headers: sanitizeHeaders(r.headers ?? {}),
  }));
  if (!requests) {
    const captured = await listCapturedRequests(params.db, {
      environmentId: params.baseline.id,
      limit: MAX_CAPTURED_PER_RUN,
    });
    requests = captured
      .filter((r) => !r.bodyTruncated)
      .map((r) => ({
        service: r.service,
        method: r.method,
        path: r.path,
        headers: r.headers,
        ...(r.body !== null && { body: r.body }),
      }));
    if (requests.length === 0) {
      throw new ApiError({
        statusCode: 409,
        code: ErrorCode.Conflict,
        message: `no captured requests for ${params.baseline.id}: turn capture on (PUT /v1/environments/${params.baseline.id}/traffic-capture, or \`microstax env capture ${params.baseline.id} --rate 1\`) and send it traffic, or give a request set (--requests FILE)`,
      });
    }
  }
  return { runId: randomUUID(), branchId: params.branch.id, baselineId: params.baseline.id, requests };
}
