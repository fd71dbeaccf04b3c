import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../../local/stack/postgres.js';
import { formatDuration, lineProgress } from '../../../../local/stack/progress.js';

describe('progress lines', () => {
  it('formats durations for humans', () => {
    expect(formatDuration(1234)).toBe('1.2s');
    expect(formatDuration(185_000)).toBe('3m05s');
  });

  it('throttles ticks so long builds print a line now and then, not per package', () => {
    const lines: string[] = [];
    const progress = lineProgress((line) => lines.push(line), 60_000);
    const started = Date.now();
    for (let i = 0; i < 100; i++) progress.tick(`${i} packages`, started);
    expect(lines).toHaveLength(1);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://me:s3cret@db:5432/app')).toBe('postgres://me:***@db:5432/app');
    expect(redactUrl('postgres://me@db/app')).toBe('postgres://me@db/app');
  });
});
