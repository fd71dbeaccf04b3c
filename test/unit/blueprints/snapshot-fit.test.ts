import { describe, expect, it } from 'vitest';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { artifactForStep, snapshotFitProblem } from '../../../blueprints/snapshot-fit.js';
import { resolvedService } from '../../support/resolved-service.js';

const blueprint: ResolvedBlueprint = {
  name: 'shop',
  routing: 'dns',
  services: [
    resolvedService({ name: 'db', image: 'postgres:16-alpine', isDataService: true }),
    resolvedService({ name: 'cache', image: 'redis:7-alpine', isDataService: true }),
  ],
};
const pg = { service: 'db', engine: 'postgres-logical' };
const redis = { service: 'cache', engine: 'redis-rdb' };

describe('whether a snapshot fits a blueprint', () => {
  it('fits a service of the same engine, and names both engines or the missing service otherwise', () => {
    expect(snapshotFitProblem({ snapshotName: 'golden', artifact: pg, blueprint })).toBeUndefined();
    expect(snapshotFitProblem({ snapshotName: 'golden', artifact: pg, blueprint, target: 'cache' })).toBe(
      'snapshot golden holds postgres data (engine postgres-logical) of service db, but cache in blueprint shop runs redis:7-alpine (engine redis)',
    );
    expect(
      snapshotFitProblem({ snapshotName: 'golden', artifact: { ...pg, service: 'orders' }, blueprint }),
    ).toBe('snapshot golden holds postgres data of service orders, which blueprint shop does not have');
  });

  it("restores a step's own service's data, else a snapshot's only artifact", () => {
    expect(artifactForStep('cache', [pg, redis])).toBe(redis);
    expect(artifactForStep('orders', [pg])).toBe(pg);
    expect(artifactForStep('orders', [pg, redis])).toBeUndefined();
  });
});

describe('prewarm.snapshot', () => {
  it('resolves with the bounds, and keeps the bounds alone without it', async () => {
    const resolve = async (prewarm: string) => {
      const result = await resolveBlueprintSource({
        source: `name: shop\nprewarm: ${prewarm}\nservices:\n  - name: db\n    image: postgres:16-alpine\n`,
        fileName: 'shop.yaml',
        scripts: {},
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.blueprint.prewarm;
    };
    expect(await resolve('{ max: 2, snapshot: golden }')).toEqual({ min: 0, max: 2, snapshot: 'golden' });
    expect(await resolve('{ max: 2 }')).toEqual({ min: 0, max: 2 });
    expect(await resolve('true')).toEqual({ min: 0, max: 5 });
  });
});
