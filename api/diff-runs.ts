import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { type WritePolicy, writePolicy } from '../diff/write-policy.js';
import type { BranchPlan } from '../planner/types.js';
import { type DiffRunRecord, finishDiffRun, getDiffRun } from '../store/diff-runs.js';
import type { EnvironmentRecord } from '../store/environments.js';
import { resolveEnvironmentBlueprint } from './blueprint-refs.js';
import type { EnvironmentLifecycle } from './lifecycle.js';

/** A run whose workflow is not found this long after it was recorded has lost its workflow (not just starting). */
const START_GRACE_MS = 60_000;

/** The branch plan in an environment row's plan JSON (store/environment-status.ts), if any. */
function branchPlanOf(env: EnvironmentRecord): Pick<BranchPlan, 'services'> | null {
  const branch = (env.plan as { branch?: { services?: unknown } } | null)?.branch;
  return Array.isArray(branch?.services) ? (branch as Pick<BranchPlan, 'services'>) : null;
}

/** Which of the branch's services a run may send writes to (diff/write-policy.ts), from its blueprint and plan. */
export async function branchWritePolicy(db: pg.Pool, branch: EnvironmentRecord): Promise<WritePolicy> {
  const { blueprint } = await resolveEnvironmentBlueprint(db, branch);
  return writePolicy({ blueprint, plan: branchPlanOf(branch) });
}

/** A run as the API shows it; the report only when asked for one run. */
export function diffRunView(run: DiffRunRecord) {
  return {
    runId: run.runId,
    branch: run.branchId,
    baseline: run.baselineId,
    source: run.source,
    state: run.state,
    requests: run.requests,
    startedAt: run.startedAt.toISOString(),
    ...(run.finishedAt && { finishedAt: run.finishedAt.toISOString() }),
    ...(run.verdict && { verdict: run.verdict }),
    ...(run.counts && { counts: run.counts }),
    ...(run.message !== null && { message: run.message }),
    ...(run.report && { report: run.report }),
  };
}

/**
 * One run of a team's branch. A finished run is read from its row alone (its workflow may be long
 * gone); a running one asks its workflow, and writes the outcome to the row if the workflow has
 * finished without recording it (a worker without the database). Temporal not answering leaves it
 * shown as running.
 */
export async function readDiffRun(params: {
  db: pg.Pool;
  lifecycle: EnvironmentLifecycle;
  branch: EnvironmentRecord;
  runId: string;
  log: FastifyBaseLogger;
}) {
  const { db, branch, runId } = params;
  const run = await getDiffRun(db, { teamId: branch.teamId, branchId: branch.id, runId });
  if (!run) return undefined;
  if (run.state !== 'running') return diffRunView(run);
  const outcome = await params.lifecycle.trafficDiffOutcome(branch.id, runId).catch((error: unknown) => {
    params.log.warn({ err: error, runId }, 'diff run: workflow state not read');
    return undefined;
  });
  if (outcome?.state === 'running' || outcome === undefined) {
    const progress = outcome?.progress && { total: outcome.progress.total, done: outcome.progress.done };
    return { ...diffRunView(run), ...(progress && { progress }) };
  }
  if (outcome.state === 'not-found' && Date.now() - run.startedAt.getTime() < START_GRACE_MS) {
    return diffRunView(run);
  }
  await finishDiffRun(
    db,
    runId,
    outcome.state === 'completed'
      ? { state: 'completed', report: outcome.result }
      : {
          state: 'failed',
          message:
            outcome.state === 'failed'
              ? outcome.message
              : 'the run ended without an outcome (its workflow is gone)',
        },
  );
  const finished = await getDiffRun(db, { teamId: branch.teamId, branchId: branch.id, runId });
  return finished && diffRunView(finished);
}
