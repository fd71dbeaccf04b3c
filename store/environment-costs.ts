import type { EnvironmentStatus } from '../workflows/contracts.js';
import type { Queryable } from './database.js';

/**
 * Cost per environment from what its pods actually run on: intervals of one state at one hourly
 * rate (migration 0013). Billed from `ready` until it sleeps or ends; asleep costs no compute.
 */

export type BillingState = 'running' | 'asleep';

/** The billing state of a workflow phase; undefined: nothing billed (not ready yet, or over). */
export function billingState(phase: string): BillingState | undefined {
  if (phase === 'ready' || phase === 'warm') return 'running';
  if (phase === 'sleeping' || phase === 'waking') return 'asleep';
  return undefined;
}

/**
 * Hourly cost of the environment awake: the sum of its services' pods as placed (node price x the
 * share of the node their requests take), else the plan's estimate; undefined when neither is known.
 */
export function awakeHourlyCost(
  status: Pick<EnvironmentStatus, 'services' | 'hourlyCost'>,
): number | undefined {
  return measuredHourlyCost(status) ?? status.hourlyCost;
}

/** The sum of the services' measured hourly costs; undefined when no service reports one. */
export function measuredHourlyCost(status: Pick<EnvironmentStatus, 'services'>): number | undefined {
  const measured = status.services.filter((s) => s.hourlyCost !== undefined);
  if (measured.length === 0) return undefined;
  return Math.round(measured.reduce((sum, s) => sum + s.hourlyCost!, 0) * 1e6) / 1e6;
}

/**
 * Closes the environment's open interval when its state or a rate changed and opens the next one.
 * Idempotent: the same state and rates change nothing. The rate is what its pods measured; without a
 * measurement (asleep, or progress reports while it scales) it keeps the open interval's rate, and
 * only a first interval falls back to the plan's estimate. So an asleep environment keeps the rate it
 * had awake, for the saving against never sleeping.
 */
export async function recordCostState(
  db: Queryable,
  params: {
    environmentId: string;
    state: BillingState | undefined;
    measuredHourlyCost?: number;
    plannedHourlyCost?: number;
    cloneAllHourlyCost?: number;
  },
): Promise<void> {
  const { rows } = await db.query<{ id: string; state: string; hourly_cost: number; clone: number | null }>(
    `SELECT id, state, hourly_cost, clone_all_hourly_cost AS clone FROM environment_cost_intervals
      WHERE environment_id = $1 AND ended_at IS NULL`,
    [params.environmentId],
  );
  const open = rows[0];
  const rate =
    (params.state === 'running' ? params.measuredHourlyCost : undefined) ??
    open?.hourly_cost ??
    params.measuredHourlyCost ??
    params.plannedHourlyCost ??
    0;
  const clone = params.cloneAllHourlyCost ?? null;
  if (open && open.state === params.state && open.hourly_cost === rate && open.clone === clone) return;
  if (open) {
    await db.query(
      'UPDATE environment_cost_intervals SET ended_at = now() WHERE id = $1 AND ended_at IS NULL',
      [open.id],
    );
  }
  if (!params.state) return;
  // A concurrent writer (the worker and the API both record status) may have opened it: keep theirs.
  await db.query(
    `INSERT INTO environment_cost_intervals (environment_id, team_id, state, hourly_cost, clone_all_hourly_cost)
     SELECT id, team_id, $2, $3, $4 FROM environments WHERE id = $1
     ON CONFLICT DO NOTHING`,
    [params.environmentId, params.state, rate, clone],
  );
}

/** An environment's cost so far, in the pools' currency; seconds are wall-clock. */
export interface EnvironmentCost {
  runningSeconds: number;
  asleepSeconds: number;
  /** What it cost: running time x its rates. */
  accrued: number;
  /** Had it never slept: running and asleep time at its awake rates. */
  neverSleeping: number;
  /** Had the branch cloned every service: running time at the clone-all rates (= accrued for non-branches). */
  cloneAll: number;
}

/**
 * SQL for a LATERAL join that gives an environment `e` its cost columns: the totals of its closed
 * intervals, and its open interval (state, rate, since). Rows are cached (the API's status cache),
 * so the open interval is counted up to the time of reading, in `costAsOf`, not in SQL.
 */
export const COST_LATERAL_JOIN = `LEFT JOIN LATERAL (
    SELECT COALESCE(sum(k.seconds) FILTER (WHERE k.state = 'running'), 0) AS cost_running_seconds,
      COALESCE(sum(k.seconds) FILTER (WHERE k.state = 'asleep'), 0) AS cost_asleep_seconds,
      COALESCE(sum(k.seconds * k.hourly_cost / 3600) FILTER (WHERE k.state = 'running'), 0) AS cost_accrued,
      COALESCE(sum(k.seconds * k.hourly_cost / 3600), 0) AS cost_never_sleeping,
      COALESCE(sum(k.seconds * COALESCE(k.clone_all_hourly_cost, k.hourly_cost) / 3600)
        FILTER (WHERE k.state = 'running'), 0) AS cost_clone_all
    FROM (SELECT c.state, c.hourly_cost, c.clone_all_hourly_cost,
            EXTRACT(EPOCH FROM (c.ended_at - c.started_at))::double precision AS seconds
          FROM environment_cost_intervals c WHERE c.environment_id = e.id AND c.ended_at IS NOT NULL) k
  ) cost ON true
  LEFT JOIN environment_cost_intervals cost_open ON cost_open.environment_id = e.id AND cost_open.ended_at IS NULL`;

export const COST_COLUMNS = `cost.cost_running_seconds, cost.cost_asleep_seconds, cost.cost_accrued,
    cost.cost_never_sleeping, cost.cost_clone_all, cost_open.state AS cost_open_state,
    cost_open.hourly_cost AS cost_open_rate, cost_open.clone_all_hourly_cost AS cost_open_clone,
    cost_open.started_at AS cost_open_since`;

export interface CostRow {
  cost_running_seconds: number | null;
  cost_asleep_seconds: number | null;
  cost_accrued: number | null;
  cost_never_sleeping: number | null;
  cost_clone_all: number | null;
  cost_open_state?: string | null;
  cost_open_rate?: number | null;
  cost_open_clone?: number | null;
  cost_open_since?: Date | null;
}

/** An environment's closed cost intervals, summed, and the open one. */
export interface CostLedger {
  closed: EnvironmentCost;
  open?: { state: BillingState; hourlyCost: number; cloneAllHourlyCost?: number; since: Date };
}

const closedCost = (row: CostRow): EnvironmentCost => ({
  runningSeconds: Number(row.cost_running_seconds ?? 0),
  asleepSeconds: Number(row.cost_asleep_seconds ?? 0),
  accrued: Number(row.cost_accrued ?? 0),
  neverSleeping: Number(row.cost_never_sleeping ?? 0),
  cloneAll: Number(row.cost_clone_all ?? 0),
});

export function toCostLedger(row: CostRow): CostLedger {
  const ledger: CostLedger = { closed: closedCost(row) };
  if (row.cost_open_state && row.cost_open_since) {
    ledger.open = {
      state: row.cost_open_state as BillingState,
      hourlyCost: Number(row.cost_open_rate ?? 0),
      cloneAllHourlyCost: row.cost_open_clone ?? undefined,
      since: row.cost_open_since,
    };
  }
  return ledger;
}

/** What the ledger adds up to at `now`: the open interval counted until then. */
export function costAsOf(ledger: CostLedger, now: Date): EnvironmentCost {
  const cost = { ...ledger.closed };
  const open = ledger.open;
  if (!open) return cost;
  const seconds = Math.max(0, (now.getTime() - open.since.getTime()) / 1000);
  const hours = seconds / 3600;
  cost.neverSleeping += hours * open.hourlyCost;
  if (open.state === 'asleep') {
    cost.asleepSeconds += seconds;
  } else {
    cost.runningSeconds += seconds;
    cost.accrued += hours * open.hourlyCost;
    cost.cloneAll += hours * (open.cloneAllHourlyCost ?? open.hourlyCost);
  }
  return cost;
}

/** One team's cost on one UTC day. */
export interface TeamDayCost extends EnvironmentCost {
  team: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  environments: number;
}

/**
 * Cost per team per UTC day over [from, to): each interval is cut at day boundaries, so an
 * environment that ran over midnight counts on both days. `teams` undefined: every team.
 */
export async function teamDailyCosts(
  db: Queryable,
  params: { from: Date; to: Date; teams?: string[] },
): Promise<TeamDayCost[]> {
  const { rows } = await db.query<CostRow & { team: string; day: string; environments: string }>(
    `WITH days AS (
       SELECT d AS day_start, d + interval '1 day' AS day_end
         FROM generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                              $2::timestamptz - interval '1 microsecond', interval '1 day') d
     ),
     k AS (
       SELECT c.team_id, c.environment_id, c.state, c.hourly_cost, c.clone_all_hourly_cost,
              to_char(days.day_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              EXTRACT(EPOCH FROM (
                LEAST(COALESCE(c.ended_at, now()), days.day_end, $2::timestamptz)
                - GREATEST(c.started_at, days.day_start, $1::timestamptz)))::double precision AS seconds
         FROM environment_cost_intervals c
         JOIN days ON c.started_at < days.day_end AND COALESCE(c.ended_at, now()) > days.day_start
        WHERE c.started_at < $2 AND COALESCE(c.ended_at, now()) > $1
          AND ($3::text[] IS NULL OR c.team_id = ANY($3::text[]))
     )
     SELECT team_id AS team, day, count(DISTINCT environment_id) AS environments,
       COALESCE(sum(seconds) FILTER (WHERE state = 'running'), 0) AS cost_running_seconds,
       COALESCE(sum(seconds) FILTER (WHERE state = 'asleep'), 0) AS cost_asleep_seconds,
       COALESCE(sum(seconds * hourly_cost / 3600) FILTER (WHERE state = 'running'), 0) AS cost_accrued,
       COALESCE(sum(seconds * hourly_cost / 3600), 0) AS cost_never_sleeping,
       COALESCE(sum(seconds * COALESCE(clone_all_hourly_cost, hourly_cost) / 3600)
         FILTER (WHERE state = 'running'), 0) AS cost_clone_all
       FROM k WHERE seconds > 0
      GROUP BY team_id, day ORDER BY day, team_id`,
    [params.from, params.to, params.teams ?? null],
  );
  return rows.map((row) => ({
    team: row.team,
    day: row.day,
    environments: Number(row.environments),
    ...closedCost(row),
  }));
}
