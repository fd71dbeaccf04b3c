import { PlannerError } from '../errors.js';
import { fitDemandModel, forecastDemand } from './demand-model.js';
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

/**
 * The predictive policy's schedule: at the start of each day it refits the demand model on the
 * requests seen so far, forecasts that day and sizes the pool for the target hit rate.
 */
export function predictivePoolSchedule(options: {
  requests: readonly EnvRequest[];
  blueprint: string;
  from: number;
  to: number;
  refillMinutes: number;
  targetHitRate: number;
  historyWeeks?: number;
}): Map<number, number> {
  const schedule = new Map<number, number>();
  const own = options.requests.filter((r) => r.blueprint === options.blueprint);
  for (let day = options.from; day < options.to; day += DAY_MS) {
    const model = fitDemandModel({
      requests: own,
      blueprint: options.blueprint,
      now: day,
      weeks: options.historyWeeks,
    });
    // One hour beyond the day, so the pool can pre-warm for the first hour of the next day.
    const forecast = forecastDemand(model, { from: day, hours: 25 });
    const { poolSizes } = recommendWarmPool({
      expectedPerHour: forecast,
      refillMinutes: options.refillMinutes,
      targetHitRate: options.targetHitRate,
    });
    for (let h = 0; h < 24; h++) schedule.set(day + h * HOUR_MS, poolSizes[h]!);
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
