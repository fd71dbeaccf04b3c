/** Time arithmetic for the forecast, in epoch milliseconds and UTC, so results never depend on the host's zone. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
export const HOURS_PER_WEEK = 168;

/** Start of the hour that contains `at`. */
export function hourStart(at: number): number {
  return Math.floor(at / HOUR_MS) * HOUR_MS;
}

/** Hour of the week, 0 = Monday 00:00-01:00 UTC, 167 = Sunday 23:00-24:00 UTC. */
export function hourOfWeek(at: number): number {
  const date = new Date(at);
  return ((date.getUTCDay() + 6) % 7) * 24 + date.getUTCHours();
}

/** Saturday or Sunday (UTC). */
export function isWeekend(at: number): boolean {
  return hourOfWeek(at) >= 5 * 24;
}
