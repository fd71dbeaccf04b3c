import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { resolvedToBlueprint } from '../../../blueprints/to-blueprint.js';

const SOURCE = `name: shop
services:
  - name: db
    image: postgres:16-alpine
    fork: seed
    init:
      - type: job
        name: migrate
        image: ghcr.io/acme/shop-api:1.0
        command: [node, migrate.js]
        env:
          LOG_LEVEL: debug
          RETRIES: 3
      - type: sql
        script: seed.sql
`;

describe('init steps of kind job, and fork', () => {
  it('resolves a job step in order beside a sql step, with a hash of its definition', async () => {
    const result = await resolveBlueprintSource({
      source: SOURCE,
      fileName: 'shop.yaml',
      scripts: { 'seed.sql': 'SELECT 1;' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const db = result.blueprint.services[0]!;
    expect(db.fork).toBe('seed');
    expect(db.isDataService).toBe(true);
    expect(db.init.map((s) => s.type)).toEqual(['job', 'sql']);
    expect(db.init[0]).toMatchObject({
      type: 'job',
      name: 'migrate',
      image: 'ghcr.io/acme/shop-api:1.0',
      command: ['node', 'migrate.js'],
      env: [
        { name: 'LOG_LEVEL', value: 'debug' },
        { name: 'RETRIES', value: '3' },
      ],
    });
    expect(db.init[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the steps back so that resolving again gives the same blueprint', async () => {
    const first = await resolveBlueprintSource({
      source: SOURCE,
      fileName: 'shop.yaml',
      scripts: { 'seed.sql': 'SELECT 1;' },
    });
    if (!first.ok) throw new Error('does not resolve');
    const { blueprint, scripts } = resolvedToBlueprint(first.blueprint);
    const again = await resolveBlueprintSource({
      source: stringify(blueprint),
      fileName: 'shop.yaml',
      scripts,
    });
    expect(again.ok && again.blueprint).toEqual(first.blueprint);
  });
});
