import { PlannerError } from '../errors.js';
import { type DemandModel, fitDemandModel, forecastDemand } from './demand-model.js';
import { DAY_MS, HOUR_MS, hourStart } from './time.js';
import type { EnvRequest } from './types.js';
import { recommendWarmPool } from './warm-pool.js';

/**
 * Replays a request trace against a warm pool policy: a request takes a ready warm environment
 * (a hit) or is created cold (a miss); a taken slot is rebuilt, ready after the refill time. The
 * pool grows ahead of a bigger hour by the refill time, so warm environments are ready when the
 * hour starts, and shrinks by deleting idle environments. Idle time is what the pool costs.
 */

export interface ReplayResult {
  requests: number;
  hits: number;
  /** hits / requests (1 for an empty trace). */
  hitRate: number;
  /** Warm environments sitting ready and unused, times pods per environment, in hours. */
  idlePodHours: number;
  /** Warm environments built, including those deleted unused when the pool shrank. */
  environmentsBuilt: number;
}

export interface ReplayOptions {
  /** Requests of one blueprint; need not be sorted; those outside [from, to) are ignored. */
  requests: readonly EnvRequest[];
  /** Start and end of the replay, on hour boundaries. */
  from: number;
  to: number;
  refillMinutes: number;
  podsPerEnvironment?: number;
  /** Pool size wanted during the hour that starts at `hourStart`. */
  poolSize: (hourStart: number) => number;
}

export function replayWarmPool(options: ReplayOptions): ReplayResult {
  const { from, to, poolSize } = options;
  const refill = options.refillMinutes * 60_000;
  if (!(refill > 0) || from % HOUR_MS !== 0 || to % HOUR_MS !== 0 || to <= from) {
    throw new PlannerError(
      'invalid-forecast-input',
      'replay needs hour-aligned from < to and a positive refill time',
      {
        from,
        to,
        refillMinutes: options.refillMinutes,
      },
    );
  }
  const arrivals = options.requests
    .filter((r) => r.at >= from && r.at < to)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  // The wanted size at instant t: this hour's, or the next hour's once it is within one refill.
  const target = (t: number): number => {
    const current = poolSize(hourStart(t));
    const next = hourStart(t) + HOUR_MS;
    return t >= next - refill && next < to ? Math.max(current, poolSize(next)) : current;
  };
  const changes: number[] = [];
  for (let h = from; h < to; h += HOUR_MS) {
    changes.push(h);
    if (h + HOUR_MS - refill > h) changes.push(h + HOUR_MS - refill);
  }
  changes.sort((a, b) => a - b);

  let now = from;
  let ready = 0;
  let wanted = 0;
  let idleMs = 0;
  let hits = 0;
  let built = 0;
  const rebuilding: number[] = []; // completion times, in order (refill time is constant)
  let rebuildHead = 0;
  let nextArrival = 0;
  let nextChange = 0;
  const topUp = (t: number) => {
    while (ready + (rebuilding.length - rebuildHead) < wanted) {
      rebuilding.push(t + refill);
      built++;
    }
  };
  for (;;) {
    const completion = rebuildHead < rebuilding.length ? rebuilding[rebuildHead]! : Number.POSITIVE_INFINITY;
    const change = nextChange < changes.length ? changes[nextChange]! : Number.POSITIVE_INFINITY;
    const arrival = nextArrival < arrivals.length ? arrivals[nextArrival]! : Number.POSITIVE_INFINITY;
    const t = Math.min(completion, change, arrival, to);
    idleMs += ready * (t - now);
    now = t;
    if (t >= to) break;
    if (completion === t) {
      rebuildHead++;
      ready = Math.min(ready + 1, wanted); // a slot finished after the pool shrank is deleted
    } else if (change === t) {
      nextChange++;
      wanted = target(t);
      ready = Math.min(ready, wanted);
      topUp(t);
    } else {
      nextArrival++;
      if (ready > 0) {
        ready--;
        hits++;
      }
      topUp(t);
    }
  }
  const pods = options.podsPerEnvironment ?? 1;
  return {
    requests: arrivals.length,
    hits,
    hitRate: arrivals.length > 0 ? hits / arrivals.length : 1,
    idlePodHours: (idleMs / HOUR_MS) * pods,
    environmentsBuilt: built,
  };
}

/** Sizes for the 24 hours from `day` under `model`, aiming at `target` (one hour more is forecast for pre-warming). */
function daySizes(model: DemandModel, day: number, refillMinutes: number, target: number): number[] {
  const forecast = forecastDemand(model, { from: day, hours: 25 });
  return recommendWarmPool({
    expectedPerHour: forecast,
    refillMinutes,
    targetHitRate: target,
  }).poolSizes.slice(0, 24);
}

/**
 * Real demand is burstier than the Poisson arrivals the sizing assumes, so aiming at the target
 * undershoots it. Replaying the last week with a few raised aims and keeping the lowest one that
 * would have met the target corrects for that, from the blueprint's own history.
 */
function calibratedAim(options: {
  requests: readonly EnvRequest[];
  model: DemandModel;
  day: number;
  refillMinutes: number;
  targetHitRate: number;
}): number {
  const { requests, model, day, refillMinutes, targetHitRate } = options;
  const from = day - 7 * DAY_MS;
  if (!requests.some((r) => r.at < from)) return targetHitRate; // not a week of history yet
  const aims = [0, 0.02, 0.04, 0.06, 0.08].map((raise) => Math.min(0.995, targetHitRate + raise));
  for (const aim of aims) {
    const sizes = new Map<number, number>();
    for (let d = from; d < day; d += DAY_MS) {
      daySizes(model, d, refillMinutes, aim).forEach((size, h) => {
        sizes.set(d + h * HOUR_MS, size);
      });
    }
    const replay = replayWarmPool({
      requests,
      from,
      to: day,
      refillMinutes,
      poolSize: (hour) => sizes.get(hour) ?? 0,
    });
    if (replay.requests === 0 || replay.hitRate >= targetHitRate) return aim;
  }
  return aims[aims.length - 1]!;
}

/**
 * The predictive policy's schedule: at the start of each day it refits the demand model on the
 * requests seen so far, calibrates its aim on the past week, forecasts that day and sizes the pool.
 */
export function predictivePoolSchedule(options: {
  requests: readonly EnvRequest[];
  blueprint: string;
  from: number;
  to: number;
  refillMinutes: number;
  targetHitRate: number;
  historyWeeks?: number;
  /** Raise the aim to make up for bursty demand (default true). */
  calibrate?: boolean;
}): Map<number, number> {
  const schedule = new Map<number, number>();
  const own = options.requests.filter((r) => r.blueprint === options.blueprint);
  for (let day = options.from; day < options.to; day += DAY_MS) {
    const history = own.filter((r) => r.at < day);
    const model = fitDemandModel({
      requests: history,
      blueprint: options.blueprint,
      now: day,
      weeks: options.historyWeeks,
    });
    const aim =
      options.calibrate === false
        ? options.targetHitRate
        : calibratedAim({
            requests: history,
            model,
            day,
            refillMinutes: options.refillMinutes,
            targetHitRate: options.targetHitRate,
          });
    daySizes(model, day, options.refillMinutes, aim).forEach((size, h) => {
      schedule.set(day + h * HOUR_MS, size);
    });
  }
  return schedule;
}

export interface PolicyComparison {
  blueprint: string;
  none: ReplayResult;
  predictive: ReplayResult;
  /** The smallest fixed pool whose hit rate is at least the predictive pool's. */
  fixed: ReplayResult & { poolSize: number };
  /** Idle pod-hours of a fixed pool at exactly the predictive hit rate (interpolated between sizes). */
  fixedIdleAtEqualHitRate: number;
}

/**
 * Replays no pool, the predictive pool, and the smallest fixed pool that matches the predictive
 * pool's hit rate, over [from, to). History before `from` trains the predictive pool.
 */
export function comparePoolPolicies(options: {
  requests: readonly EnvRequest[];
  blueprint: string;
  from: number;
  to: number;
  refillMinutes: number;
  targetHitRate: number;
  podsPerEnvironment?: number;
  maxFixedPoolSize?: number;
}): PolicyComparison {
  const own = options.requests.filter((r) => r.blueprint === options.blueprint);
  const replay = (poolSize: (hour: number) => number) =>
    replayWarmPool({
      requests: own,
      from: options.from,
      to: options.to,
      refillMinutes: options.refillMinutes,
      podsPerEnvironment: options.podsPerEnvironment,
      poolSize,
    });
  const schedule = predictivePoolSchedule({ ...options, requests: own });
  const predictive = replay((hour) => schedule.get(hour) ?? 0);
  const none = replay(() => 0);
  let smaller: ReplayResult & { poolSize: number } = { ...none, poolSize: 0 };
  let fixed = smaller;
  for (let k = 1; k <= (options.maxFixedPoolSize ?? 100) && fixed.hitRate < predictive.hitRate; k++) {
    smaller = fixed;
    fixed = { ...replay(() => k), poolSize: k };
  }
  // Whole pool sizes overshoot the hit rate; alternating between the two sizes around it would hit
  // it exactly, at the interpolated idle cost. This is the fair "equal hit rate" comparison.
  const span = fixed.hitRate - smaller.hitRate;
  const share =
    span > 0 && fixed !== smaller
      ? Math.min(1, Math.max(0, (predictive.hitRate - smaller.hitRate) / span))
      : 1;
  const fixedIdleAtEqualHitRate = smaller.idlePodHours + share * (fixed.idlePodHours - smaller.idlePodHours);
  return { blueprint: options.blueprint, none, predictive, fixed, fixedIdleAtEqualHitRate };
}
