import { readFile } from 'node:fs/promises';
import { createPlanner } from '../../activities/planner-adapter.js';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { generateSyntheticTrace } from '../../planner/forecast/synthetic-trace.js';
import { DAY_MS } from '../../planner/forecast/time.js';
import type { EnvRequest } from '../../planner/forecast/types.js';
import { clampWarmPoolSize } from '../../workflows/warm-pool-size.js';

/**
 * The pre-warm replay's recorded demand: three weeks of one team's creates of one blueprint (what the
 * forecast learns from) and the day that is replayed, a Monday with the hourly shape of a working day.
 * Generated once from a seeded model and kept as a fixture (test/fixtures/prewarm-demand.v1.json), so a
 * change to the generator never changes the figures silently; a unit test checks the two still agree.
 */
export const PREWARM_DEMAND_MODEL = {
  seed: 22,
  /** A Monday, 00:00 UTC. */
  start: Date.UTC(2026, 0, 5),
  historyDays: 21,
  blueprint: {
    name: 'checkout',
    teams: ['payments'],
    peakPerHour: 8,
    burstsPerTeamPerWeek: 2,
    weeklyGrowth: 0.02,
  },
} as const;

export interface PrewarmDemand {
  blueprint: string;
  team: string;
  /** Start of the history (epoch ms, a Monday 00:00 UTC). */
  start: number;
  /** Start of the replayed day: the history is [start, replayDay), the replay [replayDay, replayDay + 1 day). */
  replayDay: number;
  /** Every create of history and replayed day, epoch ms, ascending. */
  creates: number[];
}

export const PREWARM_DEMAND_FIXTURE = new URL('../../test/fixtures/prewarm-demand.v1.json', import.meta.url);

/** Generates the demand from the seeded model (what the fixture holds); another seed gives another history and day. */
export function generatePrewarmDemand(seed: number = PREWARM_DEMAND_MODEL.seed): PrewarmDemand {
  const model = PREWARM_DEMAND_MODEL;
  const replayDay = model.start + model.historyDays * DAY_MS;
  const trace = generateSyntheticTrace({
    seed,
    start: model.start,
    weeks: Math.ceil((model.historyDays + 1) / 7),
    blueprints: [{ ...model.blueprint, teams: [...model.blueprint.teams] }],
  });
  return {
    blueprint: model.blueprint.name,
    team: model.blueprint.teams[0],
    start: model.start,
    replayDay,
    creates: trace.filter((r) => r.at < replayDay + DAY_MS).map((r) => r.at),
  };
}

/** The recorded demand, read from the fixture. */
export async function loadPrewarmDemand(): Promise<PrewarmDemand> {
  return JSON.parse(await readFile(PREWARM_DEMAND_FIXTURE, 'utf8')) as PrewarmDemand;
}

/** The demand as the forecast sees it, shifted by `shiftMs` (a real run moves it next to the real clock). */
export function demandRequests(demand: PrewarmDemand, shiftMs = 0): EnvRequest[] {
  return demand.creates.map((at) => ({ blueprint: demand.blueprint, team: demand.team, at: at + shiftMs }));
}

/** How far back the worker's create history reads (store/create-history.ts). */
const HISTORY_WINDOW_MS = 28 * DAY_MS;

/**
 * The pool size a pre-warm run decides at `now`, by the code the worker runs: the planner adapter's
 * forecast (its defaults: 5-minute refill, DEFAULT_PREWARM_AIM) over the team's creates of the last four weeks
 * before `now`, kept within the blueprint's `prewarm` bounds. Only the database read is replaced by the
 * recorded creates.
 */
export function scheduleDecision(params: {
  requests: readonly EnvRequest[];
  blueprint: ResolvedBlueprint;
  team: string;
  /** The adapter's aim (MICROSTAX_PREWARM_AIM); unset: its default, as the worker's. */
  targetHitRate?: number;
}): (now: number) => Promise<number> {
  let clock = 0;
  const planner = createPlanner({
    targetHitRate: params.targetHitRate,
    requestHistory: async (blueprint, team) =>
      params.requests.filter(
        (r) =>
          r.blueprint === blueprint &&
          (team === undefined || r.team === team) &&
          r.at >= clock - HISTORY_WINDOW_MS &&
          r.at < clock,
      ),
  });
  return async (now) => {
    clock = now;
    const forecast = await planner.warmPoolSize!({
      blueprint: params.blueprint,
      team: params.team,
      now: new Date(now),
    });
    return clampWarmPoolSize(forecast, params.blueprint.prewarm ?? {});
  };
}
