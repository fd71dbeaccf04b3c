import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../workflows/duration.js';

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
