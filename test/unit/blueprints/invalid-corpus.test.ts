import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../blueprints/problems.js';
import { resolveBlueprintFile } from '../../../blueprints/resolve.js';

/**
 * Each file in invalid/ is a broken blueprint that lists, in `# expect:` comments at its end, the
 * exact problem lines it must produce (file shown by base name). `# overlay:` and `# context:`
 * comments at its top add overlays and context.
 */
const dir = 'test/unit/blueprints/invalid';
const cases = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

describe('invalid blueprint corpus', () => {
  it('has a case for every rejection the issue lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s is rejected with exactly the expected problems', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]);
    const overlays = [...text.matchAll(/^# overlay: (.+)$/gm)].map((m) => join(dir, m[1]!));
    const context = Object.fromEntries(
      [...text.matchAll(/^# context: ([\w.-]+)=(.+)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(expected.length).toBeGreaterThan(0);

    const result = await resolveBlueprintFile({ file: join(dir, file), overlays, context });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => formatProblem({ ...p, file: basename(p.file) }))).toEqual(expected);
  });
});
