import type { DiffReport } from '../diff/diff-report.js';
import type { Queryable } from './database.js';

/** Where a run's requests came from. */
export type DiffRunSource = 'captured' | 'request-set';
export type DiffRunState = 'running' | 'completed' | 'failed';

/** A traffic diff run as kept in the metadata database (migration 0014). */
export interface DiffRunRecord {
  runId: string;
  teamId: string;
  branchId: string;
  baselineId: string;
  source: DiffRunSource;
  requests: number;
  startedBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  state: DiffRunState;
  verdict: DiffReport['verdict'] | null;
  counts: Pick<DiffReport, 'compared' | 'equal' | 'differing' | 'failed' | 'skipped'> | null;
  message: string | null;
  /** Only when read one by one (a list leaves it out: reports can be large). */
  report?: DiffReport | null;
}

/** How a run ended: its report, or why it failed. */
export type DiffRunOutcome =
  | { state: 'completed'; report: DiffReport }
  | { state: 'failed'; message: string };

interface DiffRunRow {
  id: string;
  team_id: string;
  branch_id: string;
  baseline_id: string;
  source: DiffRunSource;
  requests: number;
  started_by: string | null;
  started_at: Date;
  finished_at: Date | null;
  state: DiffRunState;
  verdict: DiffReport['verdict'] | null;
  compared: number | null;
  equal: number | null;
  differing: number | null;
  failed: number | null;
  skipped: number | null;
  message: string | null;
  report?: DiffReport | null;
}

const COLUMNS = `id, team_id, branch_id, baseline_id, source, requests, started_by, started_at, finished_at,
  state, verdict, compared, equal, differing, failed, skipped, message`;

const toRecord = (row: DiffRunRow): DiffRunRecord => ({
  runId: row.id,
  teamId: row.team_id,
  branchId: row.branch_id,
  baselineId: row.baseline_id,
  source: row.source,
  requests: row.requests,
  startedBy: row.started_by,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  state: row.state,
  verdict: row.verdict,
  counts:
    row.compared === null
      ? null
      : {
          compared: row.compared,
          equal: row.equal ?? 0,
          differing: row.differing ?? 0,
          failed: row.failed ?? 0,
          skipped: row.skipped ?? 0,
        },
  message: row.message,
  ...(row.report !== undefined && { report: row.report }),
});

/** Records a run the API is about to start (state running). */
export async function insertDiffRun(
  db: Queryable,
  run: Pick<
    DiffRunRecord,
    'runId' | 'teamId' | 'branchId' | 'baselineId' | 'source' | 'requests' | 'startedBy'
  >,
): Promise<void> {
  await db.query(
    `INSERT INTO diff_runs (id, team_id, branch_id, baseline_id, source, requests, started_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [run.runId, run.teamId, run.branchId, run.baselineId, run.source, run.requests, run.startedBy],
  );
}

/** Removes a run whose workflow never started (nothing half-made stays behind). */
export async function deleteDiffRun(db: Queryable, runId: string): Promise<void> {
  await db.query('DELETE FROM diff_runs WHERE id = $1', [runId]);
}

/**
 * Writes how a run ended. Idempotent (a retried activity, or the API reconciling from the workflow,
 * writes the same outcome); a run already finished keeps its first outcome. False when no row is
 * there (a run started outside the API).
 */
export async function finishDiffRun(db: Queryable, runId: string, outcome: DiffRunOutcome): Promise<boolean> {
  const report = outcome.state === 'completed' ? outcome.report : null;
  const { rowCount } = await db.query(
    `UPDATE diff_runs SET state = $2, finished_at = COALESCE(finished_at, now()), verdict = $3, compared = $4,
       equal = $5, differing = $6, failed = $7, skipped = $8, message = $9, report = $10::jsonb
     WHERE id = $1 AND state = 'running'`,
    [
      runId,
      outcome.state,
      report?.verdict ?? null,
      report?.compared ?? null,
      report?.equal ?? null,
      report?.differing ?? null,
      report?.failed ?? null,
      report?.skipped ?? null,
      outcome.state === 'failed' ? outcome.message : null,
      report === null ? null : JSON.stringify(report),
    ],
  );
  return (rowCount ?? 0) > 0;
}

/** One run of a team's branch, with its report; undefined for another team's or another branch's run. */
export async function getDiffRun(
  db: Queryable,
  params: { teamId: string; branchId: string; runId: string },
): Promise<DiffRunRecord | undefined> {
  const { rows } = await db.query<DiffRunRow>(
    `SELECT ${COLUMNS}, report FROM diff_runs WHERE id = $1 AND team_id = $2 AND branch_id = $3`,
    [params.runId, params.teamId, params.branchId],
  );
  return rows[0] && toRecord(rows[0]);
}

/** A team's branch's runs, newest first, without their reports. */
export async function listDiffRuns(
  db: Queryable,
  params: { teamId: string; branchId: string; limit: number },
): Promise<DiffRunRecord[]> {
  const { rows } = await db.query<DiffRunRow>(
    `SELECT ${COLUMNS} FROM diff_runs WHERE team_id = $1 AND branch_id = $2
     ORDER BY started_at DESC, id LIMIT $3`,
    [params.teamId, params.branchId, params.limit],
  );
  return rows.map(toRecord);
}
