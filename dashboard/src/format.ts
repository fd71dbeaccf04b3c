/** Human forms of times and durations, relative to now. */

const UNITS: [number, string][] = [
  [86_400, 'd'],
  [3_600, 'h'],
  [60, 'm'],
  [1, 's'],
];

/** 95 -> "1m 35s", 7300 -> "2h 1m": the two largest units. */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s === 0) return '0s';
  const parts: string[] = [];
  let rest = s;
  for (const [size, unit] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(' ');
}

/** "3h 2m" since the time, or "" without one. */
export function age(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  return shortDuration((now - Date.parse(iso)) / 1000);
}

/** "in 5h 10m", "expired", or "never". */
export function expiry(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = (Date.parse(iso) - now) / 1000;
  return seconds <= 0 ? 'expired' : `in ${shortDuration(seconds)}`;
}

/** Phases an environment passes through on its way somewhere: worth following live. */
export const IN_FLIGHT_PHASES = new Set([
  'pending',
  'planning',
  'claiming',
  'applying',
  'waiting',
  'initializing',
  'publishing',
  'waking',
  'tearing-down',
]);

/** The colour family of a phase (CSS class). */
export function phaseTone(phase: string): 'ok' | 'busy' | 'bad' | 'idle' {
  // Init step results (done, running) share the environment phases' colours.
  if (phase === 'ready' || phase === 'done') return 'ok';
  if (phase === 'failed') return 'bad';
  if (IN_FLIGHT_PHASES.has(phase) || phase === 'running') return 'busy';
  return 'idle';
}
