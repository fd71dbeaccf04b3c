import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBlueprintJson, resolveBlueprintFile, SECRET_MARKER } from '../../../blueprints/resolve.js';

const examples = 'blueprints/examples';
const blueprintFiles = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'overlays')
  .map((entry) => join(examples, entry.name, `${entry.name}.yaml`));
const overlayFiles = readdirSync(join(examples, 'overlays')).map((file) => join(examples, 'overlays', file));

/** The founding example, character for character as the issue gives it. */
const FOUNDING_EXAMPLE = `name: checkout-dev
services:
- name: api
  image: ghcr.io/acme/checkout-api:latest
  expose: true
  env:
    DATABASE_URL: postgres://postgres:secret@db:5432/checkout
    REDIS_URL: redis://cache:6379
- name: db
  image: postgres:16-alpine
  init:
    type: sql
    script: scripts/seed.sql
- name: cache
  image: redis:7-alpine
`;

describe('example blueprints', () => {
  it('keeps the founding checkout-dev example unchanged', () => {
    expect(readFileSync(join(examples, 'checkout-dev/checkout-dev.yaml'), 'utf8')).toBe(FOUNDING_EXAMPLE);
  });

  it('resolves checkout-dev: defaults, ports, dependencies, secrets, seed script', async () => {
    const result = await resolveBlueprintFile({ file: join(examples, 'checkout-dev/checkout-dev.yaml') });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.graph).toEqual({ api: ['cache', 'db'], db: [], cache: [] });
    const [api, db, cache] = result.blueprint.services;
    expect(result.blueprint.routing).toBe('dns');
    expect(api).toMatchObject({
      replicas: 1,
      isolation: 'isolated',
      exposedPorts: [8080],
      dependsOn: ['cache', 'db'],
    });
    expect(api!.env).toEqual([
      { name: 'DATABASE_URL', kind: 'secret', value: 'postgres://postgres:secret@db:5432/checkout' },
      { name: 'REDIS_URL', kind: 'plain', value: 'redis://cache:6379' },
    ]);
    expect(db!.ports).toEqual([5432]);
    expect(db!.isDataService).toBe(true);
    expect(db!.init[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(db!.init[0]).toMatchObject({ type: 'sql', content: expect.stringContaining('CREATE TABLE') });
    expect(cache!.ports).toEqual([6379]);
    expect(result.provenance['services.api.env.REDIS_URL']).toBe(
      `${examples}/checkout-dev/checkout-dev.yaml:8`,
    );
  });

  it('masks secrets in the render document unless asked', async () => {
    const result = await resolveBlueprintFile({ file: join(examples, 'checkout-dev/checkout-dev.yaml') });
    if (!result.ok) throw new Error('invalid');
    const masked = JSON.stringify(renderBlueprintJson(result, { showSecrets: false }));
    expect(masked).not.toContain(':secret@');
    expect(masked).toContain(`postgres://postgres:${SECRET_MARKER}@db:5432/checkout`);
    expect(JSON.stringify(renderBlueprintJson(result, { showSecrets: true }))).toContain(':secret@');
    // The resolved blueprint itself keeps the value: deploy needs it for the Kubernetes Secret.
    expect(result.blueprint.services[0]!.env[0]!).toMatchObject({
      value: expect.stringContaining(':secret@'),
    });
  });

  it('has a 20+ service example with at least two data stores', async () => {
    const result = await resolveBlueprintFile({ file: join(examples, 'marketplace/marketplace.yaml') });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.blueprint.services.length).toBeGreaterThanOrEqual(20);
    const dataStores = result.blueprint.services.filter((s) => s.isDataService && s.init.length > 0);
    expect(dataStores.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blueprintFiles)('%s validates, alone and with every overlay in every context', async (file) => {
    const alone = await resolveBlueprintFile({ file });
    if (!alone.ok) throw new Error(JSON.stringify(alone.problems, null, 2));
    const contexts: Record<string, string>[] = [
      {},
      { team: 'payments', user: 'alice', branch: 'feature/x' },
      { team: 'search' },
    ];
    for (const context of contexts) {
      const layered = await resolveBlueprintFile({ file, overlays: overlayFiles, context });
      if (!layered.ok) throw new Error(JSON.stringify(layered.problems, null, 2));
    }
  });
});
