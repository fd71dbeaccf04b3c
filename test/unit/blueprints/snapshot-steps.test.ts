import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { initSegments } from '../../../blueprints/init-segments.js';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { resolvedToBlueprint } from '../../../blueprints/to-blueprint.js';

const source = (snapshotStep: string) => `name: shop
services:
  - name: db
    image: postgres:16-alpine
    init:
      - type: sql
        script: schema.sql
${snapshotStep}
      - type: sql
        script: seed.sql
`;
const scripts = { 'schema.sql': 'CREATE TABLE t (id int);', 'seed.sql': 'SELECT 1;' };
const problemsOf = async (text: string) => {
  const result = await resolveBlueprintSource({ source: text, fileName: 'shop.yaml', scripts });
  return result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
};

describe('init steps of kind snapshot', () => {
  it('resolves in order between sql steps, unbound until an environment is created, and writes back', async () => {
    const result = await resolveBlueprintSource({
      source: source('      - type: snapshot\n        snapshot: before-release'),
      fileName: 'shop.yaml',
      scripts,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const db = result.blueprint.services[0]!;
    expect(db.init.map((s) => s.type)).toEqual(['sql', 'snapshot', 'sql']);
    expect(db.init[1]).toMatchObject({ type: 'snapshot', snapshot: 'before-release' });
    expect(db.init[1]).not.toHaveProperty('snapshotId');
    expect(db.init[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The deploy's Job runs step 0; the restore, then step 2 in a Job of its own.
    expect(initSegments(db.init).map((s) => [s.snapshot?.index, s.steps.map((x) => x.index)])).toEqual([
      [undefined, [0]],
      [1, [2]],
    ]);
    const written = resolvedToBlueprint(result.blueprint);
    const again = await resolveBlueprintSource({
      source: stringify(written.blueprint),
      fileName: 'shop.yaml',
      scripts: written.scripts,
    });
    expect(again.ok && again.blueprint).toEqual(result.blueprint);
  });

  it('refuses a malformed snapshot name, a missing one, and an unknown kind at FILE:LINE:COL', async () => {
    expect(await problemsOf(source('      - type: snapshot\n        snapshot: ../etc'))).toEqual([
      expect.stringMatching(/^shop\.yaml:9:19: .*snapshot name or id/),
    ]);
    expect(await problemsOf(source('      - type: snapshot'))).toEqual([
      expect.stringMatching(/^shop\.yaml:8:9: .*snapshot.*required field is missing/),
    ]);
    const unknown = await problemsOf(source('      - type: dump\n        snapshot: x'));
    expect(unknown).toEqual([expect.stringMatching(/^shop\.yaml:8:15: .*unknown kind "dump".*"snapshot"/)]);
  });
});
