/**
 * Go-style durations as blueprints write them (30m, 4h, 7d, 1h30m), in milliseconds, and the one cap
 * on every duration MicroStax accepts. Pure, so workflow code can use it to validate update arguments.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const WHOLE = /^(\d+(ms|s|m|h|d))+$/;
const PART = /(\d+)(ms|s|m|h|d)/g;

/**
 * The longest duration accepted anywhere (blueprint and API ttl / idleAfter, extend, share ttl), and
 * how far ahead an environment's expiry may lie: one year. It keeps every expiry a valid date that
 * the store's columns hold (ttl_seconds is a 32-bit integer) and a workflow timer can wait for.
 */
export const MAX_DURATION = '365d';
export const MAX_DURATION_MS = 365 * UNIT_MS.d!;

/** Parses a duration; returns undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return total;
}

/** Why `text` is refused as a duration (not one, or over MAX_DURATION); undefined when it is fine. */
export function durationProblem(text: string): string | undefined {
  const ms = parseDuration(text);
  if (ms === undefined) return `"${text}" is not a duration such as 30m, 4h or 7d`;
  if (ms > MAX_DURATION_MS) return `"${text}" is longer than ${MAX_DURATION}, the longest duration allowed`;
  return undefined;
}

/**
 * The expiry after extending by `by` from the later of `now` and the current expiry, or why it is
 * refused: `by` is not a duration within MAX_DURATION, or the expiry would lie more than MAX_DURATION
 * after `now`.
 */
export function extendedExpiry(params: {
  by: string;
  expiresAt?: string;
  now: number;
}): { expiresAt: string } | { problem: string } {
  const problem = durationProblem(params.by);
  if (problem) return { problem };
  const current = params.expiresAt ? Date.parse(params.expiresAt) : Number.NaN;
  const base = Number.isFinite(current) ? Math.max(params.now, current) : params.now;
  const next = base + parseDuration(params.by)!;
  if (next > params.now + MAX_DURATION_MS) {
    return {
      problem: `extending by ${params.by} would put the expiry more than ${MAX_DURATION} ahead (the longest allowed)`,
    };
  }
  return { expiresAt: new Date(next).toISOString() };
}
