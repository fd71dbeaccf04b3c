import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  generatePrewarmDemand,
  PREWARM_DEMAND_FIXTURE,
  scheduleDecision,
} from '../../../bench/prewarm/demand.js';
import { PlannerError } from '../../../planner/errors.js';
import { fixedPoolAtEqualHitRate, replayPrewarmSchedule } from '../../../planner/forecast/schedule-replay.js';
import { DAY_MS, HOUR_MS } from '../../../planner/forecast/time.js';
import { smallBlueprint } from '../../integ/workflows/support/blueprints.js';

const MONDAY = Date.UTC(2026, 0, 5);
const MINUTE = 60_000;

describe('replayPrewarmSchedule', () => {
  // Two hours, a run every 30 minutes, 10 minutes to build a warm environment, 2 pods each.
  // Target 2 in the first hour, 0 in the second. Creates at 0:05, 0:12, 0:20, 0:45 and 1:10.
  const at = (h: number, m: number) => MONDAY + h * HOUR_MS + m * MINUTE;
  const replay = () =>
    replayPrewarmSchedule({
      arrivals: [at(1, 10), at(0, 5), at(0, 12), at(0, 20), at(0, 45), at(2, 0), at(-1, 0)],
      from: MONDAY,
      to: MONDAY + 2 * HOUR_MS,
      everyMinutes: 30,
      buildMinutes: 10,
      podsPerEnvironment: 2,
      target: (now) => (now < at(1, 0) ? 2 : 0),
    });

  it('counts hits, misses, starts, drains and idle pod-hours of a hand-made history', async () => {
    const r = await replay();
    // 0:00 run starts 2 (ready 0:10). 0:05 miss. 0:12 hit (1 ready left). 0:20 hit (none left).
    // 0:30 run: 0 warm, starts 2 (ready 0:40). 0:45 hit (1 left). 1:00 run: target 0 drains the ready one.
    // 1:10 miss. 1:30 run: nothing. Creates outside [from, to) are not counted.
    expect(r.runs).toEqual([
      { at: at(0, 0), target: 2, warm: 0, started: 2, drained: 0 },
      { at: at(0, 30), target: 2, warm: 0, started: 2, drained: 0 },
      { at: at(1, 0), target: 0, warm: 1, started: 0, drained: 1 },
      { at: at(1, 30), target: 0, warm: 0, started: 0, drained: 0 },
    ]);
    expect(r).toMatchObject({ requests: 5, hits: 3, environmentsBuilt: 4, drained: 1 });
    expect(r.hitRate).toBeCloseTo(0.6, 10);
    // Ready and unclaimed: 2 envs 0:10-0:12, 1 env 0:12-0:20, 2 envs 0:40-0:45, 1 env 0:45-1:00
    // = 4 + 8 + 10 + 15 = 37 environment-minutes, times 2 pods.
    expect(r.idlePodHours).toBeCloseTo((37 * 2) / 60, 10);
    expect(r.hours.map((h) => [h.requests, h.hits, h.target])).toEqual([
      [4, 3, 2],
      [1, 0, 0],
    ]);
    expect(r.hours[1]!.idlePodHours).toBe(0);
  });

  it('drains building environments (newest first) only after every ready one', async () => {
    const r = await replayPrewarmSchedule({
      arrivals: [],
      from: MONDAY,
      to: MONDAY + HOUR_MS,
      everyMinutes: 10,
      buildMinutes: 15,
      target: (now) => (now === MONDAY ? 3 : now === at(0, 10) ? 4 : now === at(0, 20) ? 1 : 1),
    });
    // 0:00 starts 3 (ready 0:15); 0:10 starts 1 (ready 0:25); 0:15 three ready; 0:20 target 1: drains
    // 3 of the 4 (the 3 ready), keeping the one still building; it is ready at 0:25 and idles to 1:00.
    expect(r.runs.slice(0, 3).map((run) => [run.warm, run.started, run.drained])).toEqual([
      [0, 3, 0],
      [3, 1, 0],
      [4, 0, 3],
    ]);
    expect(r.idlePodHours).toBeCloseTo((3 * 5 + 35) / 60, 10);
  });

  it('refuses a replay that is not hour-aligned or has no period', async () => {
    const bad = {
      arrivals: [],
      from: MONDAY + 1,
      to: MONDAY + HOUR_MS,
      everyMinutes: 5,
      buildMinutes: 1,
      target: () => 1,
    };
    await expect(replayPrewarmSchedule(bad)).rejects.toBeInstanceOf(PlannerError);
    await expect(replayPrewarmSchedule({ ...bad, from: MONDAY, everyMinutes: 0 })).rejects.toThrow(
      /positive period/,
    );
  });
});

describe('fixedPoolAtEqualHitRate', () => {
  it('interpolates the idle cost between the two whole sizes around the hit rate', async () => {
    const results = [
      { hitRate: 0.5, idlePodHours: 0 },
      { hitRate: 0.8, idlePodHours: 10 },
      { hitRate: 1, idlePodHours: 30 },
    ];
    const f = await fixedPoolAtEqualHitRate({
      replay: async (k) => ({
        requests: 10,
        hits: 0,
        environmentsBuilt: 0,
        drained: 0,
        runs: [],
        hours: [],
        ...results[k]!,
      }),
      hitRate: 0.9,
    });
    expect(f.fixed.poolSize).toBe(2);
    expect(f.smaller.poolSize).toBe(1);
    expect(f.idlePodHoursAtEqualHitRate).toBeCloseTo(20, 10);
  });
});

describe('the recorded demand of the prewarm-replay bench', () => {
  it('is what the seeded model generates, a working day replayed after three weeks of history', async () => {
    const fixture = JSON.parse(await readFile(PREWARM_DEMAND_FIXTURE, 'utf8'));
    expect(fixture).toEqual(generatePrewarmDemand());
    expect(fixture.replayDay).toBe(MONDAY + 21 * DAY_MS);
    const day = fixture.creates.filter((t: number) => t >= fixture.replayDay);
    const byHour = Array.from({ length: 24 }, (_, h) =>
      day.filter((t: number) => Math.floor((t - fixture.replayDay) / HOUR_MS) === h),
    );
    // Hourly seasonality: the working hours carry most of the day.
    const working = byHour.slice(9, 17).reduce((n, hour) => n + hour.length, 0);
    expect(working).toBeGreaterThan(0.6 * day.length);
  });

  it('sizes the pool by the worker planner adapter within the blueprint bounds', async () => {
    const fixture = generatePrewarmDemand();
    const requests = fixture.creates.map((at) => ({ blueprint: 'checkout', team: fixture.team, at }));
    const blueprint = { ...smallBlueprint({ name: 'checkout' }), prewarm: { min: 0, max: 1 } };
    const decide = scheduleDecision({ requests, blueprint, team: fixture.team });
    // Busy late morning: the forecast wants more than one, the bound keeps one.
    expect(await decide(fixture.replayDay + 10 * HOUR_MS)).toBe(1);
    const night = scheduleDecision({
      requests,
      blueprint: { ...blueprint, prewarm: { min: 0, max: 10 } },
      team: fixture.team,
    });
    expect(await night(fixture.replayDay + 3 * HOUR_MS)).toBe(0);
    expect(await night(fixture.replayDay + 10 * HOUR_MS)).toBeGreaterThan(1);
  });
});
