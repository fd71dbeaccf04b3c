import { describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { BranchPlan } from '../../../planner/types.js';
import {
  addedServicesWithSnapshotSteps,
  preparesData,
  servicesWithSnapshotSteps,
  withDependencies,
} from '../../../workflows/data-restore.js';
import { resolvedService } from '../../support/resolved-service.js';

const snapshot = { type: 'snapshot' as const, snapshot: 'golden', sha256: 'e'.repeat(64) };
const blueprint: ResolvedBlueprint = {
  name: 'shop',
  routing: 'dns',
  services: [
    resolvedService({ name: 'api', image: 'ghcr.io/acme/api:1', dependsOn: ['db', 'cache'] }),
    resolvedService({
      name: 'db',
      image: 'postgres:16',
      isDataService: true,
      init: [snapshot],
      dependsOn: ['vault'],
    }),
    resolvedService({ name: 'cache', image: 'redis:7', isDataService: true, init: [snapshot] }),
    resolvedService({ name: 'vault', image: 'ghcr.io/acme/vault:1' }),
  ],
};

describe('restoring data before dependants start', () => {
  it('restores into the services an environment runs itself, not reused ones nor branch copies of baseline data', () => {
    const names = (plan?: BranchPlan, branch = false) =>
      servicesWithSnapshotSteps({ blueprint, plan, branch }).map((s) => s.name);
    expect(names()).toEqual(['db', 'cache']);
    const plan: BranchPlan = {
      services: [
        { name: 'api', action: 'deploy', reasons: [] },
        { name: 'db', action: 'fork', reasons: [] },
        { name: 'cache', action: 'reuse', reasons: [] },
        { name: 'vault', action: 'reuse', reasons: [] },
      ],
      summary: { deploy: 1, fork: 1, reuse: 2, removed: [] },
    };
    expect(names(plan, true)).toEqual([]);
    const seeded = {
      ...blueprint,
      services: blueprint.services.map((s) => ({ ...s, fork: 'seed' as const })),
    };
    expect(servicesWithSnapshotSteps({ blueprint: seeded, plan, branch: true }).map((s) => s.name)).toEqual([
      'db',
    ]);
  });

  it('starts the restored services and what they need first', () => {
    expect(withDependencies(blueprint, ['db'])).toEqual(['db', 'vault']);
    expect(withDependencies(blueprint, ['cache', 'db'])).toEqual(['db', 'cache', 'vault']);
  });

  it("prepares a warm environment's data only for a team, from snapshot steps bound to that team's snapshots", () => {
    const db = blueprint.services[1]!;
    const bound = { ...db, init: [{ ...snapshot, snapshotId: 'snap-1', from: 'db' }] };
    expect(preparesData({ team: 'payments' }, bound)).toBe(true);
    // Unbound (a worker's --prewarm file) or the shared pool: deployed without the data, as before.
    expect(preparesData({ team: 'payments' }, db)).toBe(false);
    expect(preparesData({ team: 'warm-pool' }, bound)).toBe(false);
  });

  it('restores during an apply only the services it adds', () => {
    const running: ResolvedBlueprint = {
      ...blueprint,
      services: blueprint.services.filter((s) => s.name !== 'cache'),
    };
    const next = servicesWithSnapshotSteps({ blueprint, branch: false });
    expect(addedServicesWithSnapshotSteps({ current: running, next }).map((s) => s.name)).toEqual(['cache']);
    expect(addedServicesWithSnapshotSteps({ current: blueprint, next })).toEqual([]);
  });
});
