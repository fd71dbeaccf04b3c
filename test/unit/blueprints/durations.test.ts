import { describe, expect, it } from 'vitest';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { MAX_DURATION } from '../../../workflows/duration.js';

const problemsOf = async (source: string, overlays: { fileName: string; source: string }[] = []) => {
  const result = await resolveBlueprintSource({ source, fileName: 'shop.yaml', overlays });
  return result.ok
    ? []
    : result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`);
};

const blueprint = (extra: string) =>
  `name: shop\n${extra}services:\n  - name: web\n    image: ghcr.io/acme/web:1\n`;

describe('blueprint durations are bounded', () => {
  it('accepts ttl and idleAfter up to the cap', async () => {
    expect(await problemsOf(blueprint(`ttl: ${MAX_DURATION}\nidleAfter: 8760h\n`))).toEqual([]);
  });

  it('refuses a ttl or idleAfter over the cap at FILE:LINE:COL naming the field and the cap', async () => {
    expect(await problemsOf(blueprint('ttl: 30000d\n'))).toEqual([
      `shop.yaml:2:6: ttl: ttl: must be at most ${MAX_DURATION}, the longest duration allowed`,
    ]);
    const idle = await problemsOf(blueprint('idleAfter: 99999999999999999999999h\n'));
    expect(idle).toHaveLength(1);
    expect(idle[0]).toMatch(/^shop\.yaml:2:12: idleAfter: idleAfter: must be at most 365d/);
  });

  it('refuses an overlay that sets an over-cap ttl, at the overlay line', async () => {
    const problems = await problemsOf(blueprint(''), [
      { fileName: 'long.yaml', source: 'layer: team\nttl: 400d\n' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^long\.yaml:2:6: ttl: .*must be at most 365d/);
  });
});
