import { PlannerError } from '../errors.js';
import { HOUR_MS, HOURS_PER_WEEK, hourOfWeek, hourStart, WEEK_MS } from './time.js';
import type { EnvRequest } from './types.js';

/**
 * Demand per blueprint by hour of the week, with a recent trend. Each hour-of-week slot is an
 * exponentially weighted mean over past weeks (recent weeks count more), blended with the same
 * hour of the other days of its kind (weekday or weekend) so a few weeks of history are enough and
 * one-off bursts do not dominate. The trend compares the last week with what older weeks predicted.
 */
export interface DemandModel {
  blueprint: string;
  /** The model knows requests before this instant only. */
  fittedAt: number;
  /** Expected requests per hour for each hour of the week (0 = Monday 00:00 UTC), before trend. */
  hourlyRate: number[];
  /** Multiplier for recent growth or decline, clamped to [0.67, 1.5]. */
  trend: number;
}

export interface FitOptions {
  requests: readonly EnvRequest[];
  blueprint: string;
  /** Fit on requests strictly before this instant. */
  now: number;
  /** How many weeks of history to use. Default 6. */
  weeks?: number;
  /** Weight halves every this many weeks back. Default 2. */
  halfLifeWeeks?: number;
  /** Weight of a slot's own history against its day-kind neighbours. Default 0.5. */
  slotWeight?: number;
}

/** Fits the model for one blueprint. Requests need not be sorted. */
export function fitDemandModel(options: FitOptions): DemandModel {
  const { blueprint, now } = options;
  const weeks = options.weeks ?? 6;
  const halfLife = options.halfLifeWeeks ?? 2;
  const alpha = options.slotWeight ?? 0.5;
  if (!(weeks > 0) || !(halfLife > 0) || !(alpha >= 0 && alpha <= 1)) {
    throw new PlannerError(
      'invalid-forecast-input',
      'weeks and halfLifeWeeks must be positive, slotWeight in [0, 1]',
      {
        weeks,
        halfLife,
        alpha,
      },
    );
  }
  const end = hourStart(now);
  const own = options.requests.filter((r) => r.blueprint === blueprint && r.at < end);
  const earliest = own.reduce((min, r) => Math.min(min, r.at), Number.POSITIVE_INFINITY);
  const windowStart = Math.max(end - weeks * WEEK_MS, hourStart(earliest));

  const counts = new Map<number, number>();
  for (const r of own) {
    if (r.at < windowStart) continue;
    const bin = hourStart(r.at);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  const estimate = (from: number, to: number): number[] => {
    const slotSum = new Float64Array(HOURS_PER_WEEK);
    const slotWeight = new Float64Array(HOURS_PER_WEEK);
    const kindSum = new Float64Array(48); // [weekday|weekend] x hour of day
    const kindWeight = new Float64Array(48);
    for (let bin = from; bin < to; bin += HOUR_MS) {
      const w = 0.5 ** ((end - bin) / WEEK_MS / halfLife);
      const c = counts.get(bin) ?? 0;
      const slot = hourOfWeek(bin);
      const kind = (slot >= 120 ? 24 : 0) + (slot % 24);
      slotSum[slot]! += w * c;
      slotWeight[slot]! += w;
      kindSum[kind]! += w * c;
      kindWeight[kind]! += w;
    }
    let totalSum = 0;
    let totalWeight = 0;
    for (let i = 0; i < 48; i++) {
      totalSum += kindSum[i]!;
      totalWeight += kindWeight[i]!;
    }
    const overall = totalWeight > 0 ? totalSum / totalWeight : 0;
    return Array.from({ length: HOURS_PER_WEEK }, (_, slot) => {
      const kind = (slot >= 120 ? 24 : 0) + (slot % 24);
      const kindRate = kindWeight[kind]! > 0 ? kindSum[kind]! / kindWeight[kind]! : overall;
      const slotRate = slotWeight[slot]! > 0 ? slotSum[slot]! / slotWeight[slot]! : kindRate;
      return alpha * slotRate + (1 - alpha) * kindRate;
    });
  };

  const hourlyRate =
    windowStart < end ? estimate(windowStart, end) : new Array<number>(HOURS_PER_WEEK).fill(0);
  let trend = 1;
  const lastWeekStart = end - WEEK_MS;
  if (windowStart <= lastWeekStart - WEEK_MS) {
    const older = estimate(windowStart, lastWeekStart);
    let expected = 0;
    let actual = 0;
    for (let bin = lastWeekStart; bin < end; bin += HOUR_MS) {
      expected += older[hourOfWeek(bin)]!;
      actual += counts.get(bin) ?? 0;
    }
    trend = Math.min(1.5, Math.max(0.67, (actual + 1) / (expected + 1)));
  }
  return { blueprint, fittedAt: end, hourlyRate, trend };
}

/** Expected requests in each of the `hours` hours starting at the hour that contains `from`. */
export function forecastDemand(model: DemandModel, options: { from: number; hours: number }): number[] {
  const first = hourStart(options.from);
  return Array.from(
    { length: options.hours },
    (_, i) => model.hourlyRate[hourOfWeek(first + i * HOUR_MS)]! * model.trend,
  );
}
