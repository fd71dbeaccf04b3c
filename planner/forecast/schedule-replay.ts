import { PlannerError } from '../errors.js';
import { HOUR_MS, hourStart } from './time.js';

/**
 * Replays a day of creates against the pre-warm Schedule as it runs (workflows/schedules.ts
 * `prewarmPool`), on a simulated clock: every `everyMinutes` a run asks `target(now)` for the pool
 * size, starts the missing warm environments (claimable `buildMinutes` later) and drains the surplus,
 * ready ones first (the run drains the oldest: visibility lists newest first). A create claims a
 * ready warm environment (a hit) or is created cold (a miss); a claimed one is replaced only by the
 * next run, unlike `replayWarmPool` (simulator.ts), which refills at once.
 */

export interface ScheduleRun {
  at: number;
  target: number;
  /** Warm environments the run found, ready or still building. */
  warm: number;
  started: number;
  drained: number;
}

export interface HourOfReplay {
  hour: number;
  requests: number;
  hits: number;
  /** Largest target a run set in the hour. */
  target: number;
  idlePodHours: number;
}

export interface ScheduleReplayResult {
  requests: number;
  hits: number;
  /** hits / requests (1 without requests). */
  hitRate: number;
  /** Time warm environments sat ready and unclaimed, times pods per environment, in hours. */
  idlePodHours: number;
  /** Warm environments started, including those drained before anyone claimed them. */
  environmentsBuilt: number;
  drained: number;
  runs: ScheduleRun[];
  hours: HourOfReplay[];
}

export interface ScheduleReplayOptions {
  /** Create times (epoch ms); those outside [from, to) are ignored. */
  arrivals: readonly number[];
  /** Start and end of the replay, on hour boundaries. */
  from: number;
  to: number;
  /** The Schedule's period (`--prewarm-every`). */
  everyMinutes: number;
  /** From a run starting a warm environment to it being claimable. */
  buildMinutes: number;
  podsPerEnvironment?: number;
  /** The pool size a run decides at `now`. */
  target: (now: number) => number | Promise<number>;
}

export async function replayPrewarmSchedule(options: ScheduleReplayOptions): Promise<ScheduleReplayResult> {
  const { from, to } = options;
  const every = options.everyMinutes * 60_000;
  const build = options.buildMinutes * 60_000;
  if (!(every > 0) || !(build >= 0) || from % HOUR_MS !== 0 || to % HOUR_MS !== 0 || to <= from) {
    throw new PlannerError(
      'invalid-forecast-input',
      'a schedule replay needs hour-aligned from < to, a positive period and a build time of at least 0',
      { from, to, everyMinutes: options.everyMinutes, buildMinutes: options.buildMinutes },
    );
  }
  const pods = options.podsPerEnvironment ?? 1;
  const arrivals = options.arrivals.filter((at) => at >= from && at < to).sort((a, b) => a - b);
  const hours: HourOfReplay[] = [];
  for (let h = from; h < to; h += HOUR_MS)
    hours.push({ hour: h, requests: 0, hits: 0, target: 0, idlePodHours: 0 });
  const hourOf = (t: number) => hours[(hourStart(t) - from) / HOUR_MS]!;
  const runs: ScheduleRun[] = [];
  let ready = 0;
  let building: number[] = []; // completion times, ascending
  let now = from;
  let nextRun = from;
  let nextArrival = 0;
  let hits = 0;
  let built = 0;
  let drainedTotal = 0;

  // Idle time is split at hour boundaries so each hour carries its own share.
  const advance = (t: number) => {
    while (now < t) {
      const step = Math.min(t, hourStart(now) + HOUR_MS);
      if (ready > 0) hourOf(now).idlePodHours += (ready * (step - now) * pods) / HOUR_MS;
      now = step;
    }
  };
  for (;;) {
    const completion = building[0] ?? Number.POSITIVE_INFINITY;
    const arrival = arrivals[nextArrival] ?? Number.POSITIVE_INFINITY;
    const t = Math.min(completion, nextRun, arrival, to);
    advance(t);
    if (t >= to) break;
    // At one instant: builds finish, then the Schedule runs, then creates claim.
    if (completion === t) {
      building.shift();
      ready++;
    } else if (nextRun === t) {
      nextRun += every;
      const target = await options.target(t);
      const warm = ready + building.length;
      const surplus = Math.max(0, warm - target);
      const fromReady = Math.min(surplus, ready);
      ready -= fromReady;
      // The newest building ones are drained after every ready one is.
      building = building.slice(0, building.length - (surplus - fromReady));
      const started = Math.max(0, target - warm);
      for (let i = 0; i < started; i++) building.push(t + build);
      built += started;
      drainedTotal += surplus;
      runs.push({ at: t, target, warm, started, drained: surplus });
      const hour = hourOf(t);
      hour.target = Math.max(hour.target, target);
    } else {
      nextArrival++;
      const hour = hourOf(t);
      hour.requests++;
      if (ready > 0) {
        ready--;
        hits++;
        hour.hits++;
      }
    }
  }
  const idlePodHours = hours.reduce((sum, h) => sum + h.idlePodHours, 0);
  return {
    requests: arrivals.length,
    hits,
    hitRate: arrivals.length > 0 ? hits / arrivals.length : 1,
    idlePodHours,
    environmentsBuilt: built,
    drained: drainedTotal,
    runs,
    hours,
  };
}

export interface FixedPoolAtEqualHitRate {
  /** The smallest fixed pool whose hit rate is at least the one asked for. */
  fixed: ScheduleReplayResult & { poolSize: number };
  /** The next smaller pool (size 0: no pool). */
  smaller: ScheduleReplayResult & { poolSize: number };
  /** Idle pod-hours of a fixed pool at exactly that hit rate, interpolated between the two sizes. */
  idlePodHoursAtEqualHitRate: number;
}

/**
 * The fixed pool to compare a forecast-sized pool with: whole sizes overshoot the hit rate, so the
 * idle cost is interpolated between the two sizes around it (alternating between them would hit it
 * exactly), as `comparePoolPolicies` does for the hourly replay.
 */
export async function fixedPoolAtEqualHitRate(options: {
  replay: (poolSize: number) => Promise<ScheduleReplayResult>;
  hitRate: number;
  maxPoolSize?: number;
}): Promise<FixedPoolAtEqualHitRate> {
  let smaller = { ...(await options.replay(0)), poolSize: 0 };
  let fixed = smaller;
  for (let k = 1; k <= (options.maxPoolSize ?? 100) && fixed.hitRate < options.hitRate; k++) {
    smaller = fixed;
    fixed = { ...(await options.replay(k)), poolSize: k };
  }
  const span = fixed.hitRate - smaller.hitRate;
  const share =
    span > 0 && fixed !== smaller ? Math.min(1, Math.max(0, (options.hitRate - smaller.hitRate) / span)) : 1;
  return {
    fixed,
    smaller,
    idlePodHoursAtEqualHitRate: smaller.idlePodHours + share * (fixed.idlePodHours - smaller.idlePodHours),
  };
}
