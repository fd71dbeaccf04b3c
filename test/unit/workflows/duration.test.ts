import { describe, expect, it } from 'vitest';
import {
  durationProblem,
  extendedExpiry,
  MAX_DURATION_MS,
  parseDuration,
} from '../../../workflows/duration.js';

describe('parseDuration', () => {
  it('reads Go-style durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('250ms')).toBe(250);
  });

  it('rejects anything else', () => {
    for (const bad of ['', '4 hours', '1.5h', 'h', '-1h', '10']) expect(parseDuration(bad)).toBeUndefined();
  });
});

describe('the duration cap', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('refuses durations over MAX_DURATION and names the cap', () => {
    expect(MAX_DURATION_MS).toBe(365 * 86_400_000);
    expect(durationProblem('365d')).toBeUndefined();
    expect(durationProblem('8760h')).toBeUndefined();
    expect(durationProblem('365d1ms')).toBe('"365d1ms" is longer than 365d, the longest duration allowed');
    expect(durationProblem('99999999999999999999999d')).toContain('longer than 365d');
    expect(durationProblem('soon')).toContain('is not a duration');
  });

  it('extends from the later of now and the expiry, never past now + MAX_DURATION', () => {
    expect(extendedExpiry({ by: '2h', now })).toEqual({ expiresAt: '2026-01-01T02:00:00.000Z' });
    expect(extendedExpiry({ by: '2h', expiresAt: '2026-01-02T00:00:00.000Z', now })).toEqual({
      expiresAt: '2026-01-02T02:00:00.000Z',
    });
    expect(extendedExpiry({ by: '365d', expiresAt: '2025-12-31T00:00:00.000Z', now })).toEqual({
      expiresAt: '2027-01-01T00:00:00.000Z',
    });
    expect(extendedExpiry({ by: '365d', expiresAt: '2026-01-01T00:00:01.000Z', now })).toEqual({
      problem: 'extending by 365d would put the expiry more than 365d ahead (the longest allowed)',
    });
    // What used to throw a RangeError inside the workflow's update handler.
    expect(extendedExpiry({ by: '99999999999999999999d', now })).toMatchObject({
      problem: expect.stringContaining('longer than 365d'),
    });
  });
});
