import { describe, expect, it } from 'vitest';
import { fitDemandModel, forecastDemand } from '../../../planner/forecast/demand-model.js';
import { recommendWarmPools } from '../../../planner/forecast/recommend.js';
import { poisson, seededRandom } from '../../../planner/forecast/seeded-random.js';
import {
  comparePoolPolicies,
  predictivePoolSchedule,
  replayWarmPool,
} from '../../../planner/forecast/simulator.js';
import { generateSyntheticTrace } from '../../../planner/forecast/synthetic-trace.js';
import { DAY_MS, HOUR_MS, hourOfWeek, isWeekend, WEEK_MS } from '../../../planner/forecast/time.js';
import type { EnvRequest } from '../../../planner/forecast/types.js';
import { erlangB, recommendWarmPool } from '../../../planner/forecast/warm-pool.js';

const MONDAY = Date.UTC(2026, 0, 5);
const MINUTE = 60_000;

describe('time', () => {
  it('numbers hours of the week from Monday 00:00 UTC', () => {
    expect(hourOfWeek(MONDAY)).toBe(0);
    expect(hourOfWeek(MONDAY + 10 * HOUR_MS + 59 * MINUTE)).toBe(10);
    expect(hourOfWeek(MONDAY + WEEK_MS - 1)).toBe(167);
    expect(isWeekend(MONDAY + 5 * DAY_MS)).toBe(true);
    expect(isWeekend(MONDAY + 4 * DAY_MS + 23 * HOUR_MS)).toBe(false);
  });
});

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws Poisson counts with the right mean', () => {
    const random = seededRandom(3);
    const draws = Array.from({ length: 20_000 }, () => poisson(random, 2.5));
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(2.5, 1);
  });
});

describe('generateSyntheticTrace', () => {
  const trace = generateSyntheticTrace({ seed: 42, start: MONDAY, weeks: 4 });

  it('is deterministic per seed and sorted by time', () => {
    expect(generateSyntheticTrace({ seed: 42, start: MONDAY, weeks: 4 })).toEqual(trace);
    expect(generateSyntheticTrace({ seed: 43, start: MONDAY, weeks: 4 })).not.toEqual(trace);
    expect(trace.every((r, i) => i === 0 || trace[i - 1]!.at <= r.at)).toBe(true);
    expect(trace.every((r) => r.at >= MONDAY && r.at < MONDAY + 4 * WEEK_MS)).toBe(true);
  });

  it('has weekday peaks, quiet nights and quiet weekends', () => {
    const weekday = trace.filter((r) => !isWeekend(r.at)).length / 5;
    const weekend = trace.filter((r) => isWeekend(r.at)).length / 2;
    expect(weekend).toBeLessThan(weekday * 0.15);
    const hourOfDay = (r: EnvRequest) => new Date(r.at).getUTCHours();
    const peak = trace.filter((r) => hourOfDay(r) >= 9 && hourOfDay(r) < 17).length;
    const night = trace.filter((r) => hourOfDay(r) < 6).length;
    expect(night).toBeLessThan(peak * 0.05);
  });

  it('has team bursts: a team asking for 4 or more environments within 40 minutes', () => {
    const bursts = trace.filter((r, i) => {
      const sameTeam = trace.filter((o) => o.team === r.team && o.at >= r.at && o.at < r.at + 40 * MINUTE);
      return sameTeam.length >= 4 && i >= 0;
    });
    expect(bursts.length).toBeGreaterThan(0);
  });
});

describe('fitDemandModel and forecastDemand', () => {
  // Two requests every weekday 10:00-11:00, none otherwise, for `weeks` weeks.
  function pattern(weeks: number, perHour = 2, from = MONDAY): EnvRequest[] {
    const out: EnvRequest[] = [];
    for (let d = 0; d < weeks * 7; d++) {
      if (d % 7 >= 5) continue;
      for (let i = 0; i < perHour; i++) {
        out.push({ blueprint: 'shop', team: 't', at: from + d * DAY_MS + 10 * HOUR_MS + i * MINUTE });
      }
    }
    return out;
  }

  it('learns the hour-of-week pattern', () => {
    const model = fitDemandModel({ requests: pattern(4), blueprint: 'shop', now: MONDAY + 4 * WEEK_MS });
    expect(model.hourlyRate[10]).toBeCloseTo(2);
    expect(model.hourlyRate[5 * 24 + 10]).toBeCloseTo(0);
    expect(model.hourlyRate[3]).toBeCloseTo(0);
    expect(model.trend).toBeCloseTo(1);
    const forecast = forecastDemand(model, { from: MONDAY + 4 * WEEK_MS, hours: 24 });
    expect(forecast[10]).toBeCloseTo(2);
    expect(forecast[9]).toBeCloseTo(0);
  });

  it('picks up a recent rise as trend, within its clamp', () => {
    const requests = [...pattern(3), ...pattern(1, 6, MONDAY + 3 * WEEK_MS)];
    const model = fitDemandModel({ requests, blueprint: 'shop', now: MONDAY + 4 * WEEK_MS });
    expect(model.trend).toBeGreaterThan(1.2);
    expect(model.trend).toBeLessThanOrEqual(1.5);
  });

  it('uses only requests before `now` and only its blueprint', () => {
    const requests = [
      ...pattern(2),
      { blueprint: 'shop', team: 't', at: MONDAY + 2 * WEEK_MS + 3 * HOUR_MS },
      { blueprint: 'other', team: 't', at: MONDAY + 3 * HOUR_MS },
    ];
    const model = fitDemandModel({ requests, blueprint: 'shop', now: MONDAY + 2 * WEEK_MS });
    expect(model.hourlyRate[3]).toBe(0);
  });

  it('forecasts zero without history', () => {
    const model = fitDemandModel({ requests: [], blueprint: 'shop', now: MONDAY });
    expect(forecastDemand(model, { from: MONDAY, hours: 3 })).toEqual([0, 0, 0]);
  });
});

describe('warm pool sizing', () => {
  it('computes Erlang B', () => {
    expect(erlangB(0, 1)).toBe(1);
    expect(erlangB(1, 1)).toBeCloseTo(0.5);
    expect(erlangB(2, 1)).toBeCloseTo(0.2);
  });

  it('recommends nothing when no demand is expected', () => {
    expect(recommendWarmPool({ expectedPerHour: [0, 0], refillMinutes: 10, targetHitRate: 0.9 })).toEqual({
      poolSizes: [0, 0],
      expectedHitRate: 1,
      expectedIdlePodHours: 0,
    });
  });

  it('meets the target, sizing busy hours up and quiet hours down, and costs more for a higher target', () => {
    const rates = [0.05, 0.05, 6, 12, 6, 0.05];
    const low = recommendWarmPool({
      expectedPerHour: rates,
      refillMinutes: 15,
      targetHitRate: 0.8,
      podsPerEnvironment: 3,
    });
    const high = recommendWarmPool({
      expectedPerHour: rates,
      refillMinutes: 15,
      targetHitRate: 0.95,
      podsPerEnvironment: 3,
    });
    expect(low.expectedHitRate).toBeGreaterThanOrEqual(0.8);
    expect(high.expectedHitRate).toBeGreaterThanOrEqual(0.95);
    expect(high.expectedIdlePodHours).toBeGreaterThan(low.expectedIdlePodHours);
    expect(high.poolSizes[3]).toBeGreaterThan(high.poolSizes[0]!);
    expect(low.poolSizes[0]).toBe(0);
  });

  it('rejects a target outside [0, 1]', () => {
    expect(() => recommendWarmPool({ expectedPerHour: [1], refillMinutes: 10, targetHitRate: 2 })).toThrow(
      /targetHitRate/,
    );
  });
});

describe('replayWarmPool', () => {
  const at = (minutes: number): EnvRequest => ({
    blueprint: 'shop',
    team: 't',
    at: MONDAY + minutes * MINUTE,
  });

  it('counts hits, misses while refilling, and idle time', () => {
    const result = replayWarmPool({
      requests: [at(30), at(35), at(55)],
      from: MONDAY,
      to: MONDAY + HOUR_MS,
      refillMinutes: 10,
      podsPerEnvironment: 2,
      poolSize: () => 1,
    });
    // Ready at 10; taken at 30 (hit), rebuilding until 40, so 35 misses; taken again at 55 (hit).
    expect(result).toMatchObject({ requests: 3, hits: 2, environmentsBuilt: 3 });
    expect(result.hitRate).toBeCloseTo(2 / 3);
    // Idle 10-30 and 40-55: 35 minutes, 2 pods.
    expect(result.idlePodHours).toBeCloseTo((35 / 60) * 2);
  });

  it('pre-warms ahead of a bigger hour and deletes idle environments when the pool shrinks', () => {
    const sizes = [0, 1, 0];
    const result = replayWarmPool({
      requests: [at(61)],
      from: MONDAY,
      to: MONDAY + 3 * HOUR_MS,
      refillMinutes: 10,
      poolSize: (hour) => sizes[(hour - MONDAY) / HOUR_MS]!,
    });
    expect(result.hits).toBe(1);
    // Built at 50, ready at 60, taken at 61; the rebuild (ready at 71) idles until 120.
    expect(result.idlePodHours).toBeCloseTo((1 + 49) / 60);
  });

  it('with no pool, every request misses and nothing idles', () => {
    const result = replayWarmPool({
      requests: [at(5), at(6)],
      from: MONDAY,
      to: MONDAY + HOUR_MS,
      refillMinutes: 10,
      poolSize: () => 0,
    });
    expect(result).toEqual({ requests: 2, hits: 0, hitRate: 0, idlePodHours: 0, environmentsBuilt: 0 });
  });
});

describe('comparePoolPolicies on a synthetic trace', () => {
  it('the predictive pool idles far less than a fixed pool of equal hit rate', () => {
    const trace = generateSyntheticTrace({ seed: 7, start: MONDAY, weeks: 5 });
    const comparison = comparePoolPolicies({
      requests: trace,
      blueprint: 'checkout',
      from: MONDAY + 4 * WEEK_MS,
      to: MONDAY + 5 * WEEK_MS,
      refillMinutes: 10,
      targetHitRate: 0.9,
      podsPerEnvironment: 4,
    });
    expect(comparison.none.hitRate).toBe(0);
    expect(comparison.predictive.hitRate).toBeGreaterThan(0.75);
    expect(comparison.fixed.hitRate).toBeGreaterThanOrEqual(comparison.predictive.hitRate);
    expect(comparison.predictive.idlePodHours).toBeLessThan(comparison.fixedIdleAtEqualHitRate * 0.6);
  });

  it('calibration on the past week raises the hit rate toward the target', () => {
    const trace = generateSyntheticTrace({ seed: 7, start: MONDAY, weeks: 4 });
    const options = {
      requests: trace,
      blueprint: 'checkout',
      from: MONDAY + 3 * WEEK_MS,
      to: MONDAY + 4 * WEEK_MS,
      refillMinutes: 10,
      targetHitRate: 0.9,
    };
    const replay = (calibrate: boolean) => {
      const schedule = predictivePoolSchedule({ ...options, calibrate });
      return replayWarmPool({ ...options, poolSize: (hour) => schedule.get(hour) ?? 0 });
    };
    const plain = replay(false);
    const calibrated = replay(true);
    expect(calibrated.hitRate).toBeGreaterThanOrEqual(plain.hitRate);
    expect(calibrated.idlePodHours).toBeGreaterThanOrEqual(plain.idlePodHours);
  });

  it('recommendWarmPools gives every blueprint a forecast and pool sizes', () => {
    const trace = generateSyntheticTrace({ seed: 7, start: MONDAY, weeks: 3 });
    const pools = recommendWarmPools({
      requests: trace,
      now: MONDAY + 3 * WEEK_MS,
      refillMinutes: 10,
      targetHitRate: 0.9,
    });
    expect(pools.map((p) => p.blueprint)).toEqual(['analytics', 'checkout', 'marketplace']);
    for (const p of pools) {
      expect(p.forecast).toHaveLength(24);
      expect(p.poolSizes).toHaveLength(24);
      // Monday night is quiet, Monday late morning busy.
      expect(p.poolSizes[2]).toBe(0);
      expect(p.poolSizes[10]).toBeGreaterThan(0);
    }
  });
});
