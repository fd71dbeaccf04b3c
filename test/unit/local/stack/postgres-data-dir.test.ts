import { describe, expect, it } from 'vitest';
import { fallbackPostgresDataDir } from '../../../../local/stack/postgres.js';

describe('the fallback Postgres data dir (state dir out of the postgres user reach)', () => {
  it('is one dir per state dir, stable across calls, under the postgres user home', () => {
    const a = fallbackPostgresDataDir('/tmp/tmp.abc/.microstax/stack');
    expect(a).toBe(fallbackPostgresDataDir('/tmp/tmp.abc/.microstax/stack/'));
    expect(a).not.toBe(fallbackPostgresDataDir('/tmp/tmp.xyz/.microstax/stack'));
    expect(a).toMatch(/^\/var\/lib\/postgresql\/microstax\/[0-9a-f]{12}\/data$/);
  });
});
