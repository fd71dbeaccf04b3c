import { PlannerError } from '../errors.js';
import { poisson, seededRandom } from './seeded-random.js';
import { DAY_MS, HOUR_MS, hourOfWeek, WEEK_MS } from './time.js';
import type { EnvRequest } from './types.js';

/**
 * A realistic, seeded trace of environment requests for tests and benchmarks: busy weekday
 * mornings and afternoons with a lunch dip, quiet nights and weekends, bursts when a team pushes a
 * train of pull requests or runs a QA cycle, and slow growth week over week.
 */

export interface SyntheticBlueprint {
  name: string;
  teams: string[];
  /** Requests per hour at the weekday peak (10:00-12:00 UTC), before growth. */
  peakPerHour: number;
  /** Bursts per team per week: 4-12 requests within 40 minutes, on a weekday working hour. */
  burstsPerTeamPerWeek: number;
  /** Week-over-week growth of the base rate, e.g. 0.03 for 3%. */
  weeklyGrowth: number;
}

export const DEFAULT_SYNTHETIC_BLUEPRINTS: SyntheticBlueprint[] = [
  {
    name: 'checkout',
    teams: ['payments', 'checkout', 'growth'],
    peakPerHour: 3,
    burstsPerTeamPerWeek: 1.5,
    weeklyGrowth: 0.03,
  },
  {
    name: 'marketplace',
    teams: ['search', 'catalog'],
    peakPerHour: 1.5,
    burstsPerTeamPerWeek: 1,
    weeklyGrowth: 0.02,
  },
  { name: 'analytics', teams: ['data'], peakPerHour: 0.6, burstsPerTeamPerWeek: 0.5, weeklyGrowth: 0 },
];

/** Share of the peak rate by UTC hour of a weekday. */
const WEEKDAY_PROFILE = [
  0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.45, 0.8, 1, 1, 0.6, 0.75, 0.9, 0.95, 0.85, 0.6, 0.3, 0.15,
  0.08, 0.05, 0.03, 0.02,
];
/** Weekends see a small fraction of weekday traffic. */
const WEEKEND_FACTOR = 0.06;

/** Generates the trace, sorted by time. `start` should be a Monday 00:00 UTC for weeks to line up. */
export function generateSyntheticTrace(options: {
  seed: number;
  start: number;
  weeks: number;
  blueprints?: SyntheticBlueprint[];
}): EnvRequest[] {
  const { seed, start, weeks } = options;
  if (!Number.isInteger(weeks) || weeks < 1) {
    throw new PlannerError(
      'invalid-forecast-input',
      `weeks must be a whole number of at least 1, got ${weeks}`,
    );
  }
  const random = seededRandom(seed);
  const requests: EnvRequest[] = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (const blueprint of options.blueprints ?? DEFAULT_SYNTHETIC_BLUEPRINTS) {
    for (let hour = 0; hour < weeks * 168; hour++) {
      const at = start + hour * HOUR_MS;
      const slot = hourOfWeek(at);
      const weekend = slot >= 120;
      const growth = (1 + blueprint.weeklyGrowth) ** ((at - start) / WEEK_MS);
      const rate =
        blueprint.peakPerHour * WEEKDAY_PROFILE[slot % 24]! * (weekend ? WEEKEND_FACTOR : 1) * growth;
      const count = poisson(random, rate);
      for (let i = 0; i < count; i++) {
        requests.push({
          blueprint: blueprint.name,
          team: pick(blueprint.teams),
          at: at + Math.floor(random() * HOUR_MS),
        });
      }
    }
    for (let week = 0; week < weeks; week++) {
      for (const team of blueprint.teams) {
        const bursts = poisson(random, blueprint.burstsPerTeamPerWeek);
        for (let b = 0; b < bursts; b++) {
          const day = Math.floor(random() * 5);
          const burstStart =
            start +
            week * WEEK_MS +
            day * DAY_MS +
            (9 + Math.floor(random() * 8)) * HOUR_MS +
            Math.floor(random() * HOUR_MS);
          const size = 4 + Math.floor(random() * 9);
          for (let i = 0; i < size; i++) {
            requests.push({
              blueprint: blueprint.name,
              team,
              at: burstStart + Math.floor(random() * 40 * 60_000),
            });
          }
        }
      }
    }
  }
  const end = start + weeks * WEEK_MS;
  return requests
    .filter((r) => r.at < end)
    .sort((a, b) => a.at - b.at || (a.blueprint < b.blueprint ? -1 : a.blueprint > b.blueprint ? 1 : 0));
}
