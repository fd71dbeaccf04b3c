import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { blueprintDigest, createActivities } from '../../../activities/create-activities.js';
import type { EnvironmentPlanner, EnvironmentRuntime } from '../../../activities/ports.js';
import type { PlacementPlan } from '../../../planner/types.js';
import { checkoutDev } from '../deploy/fixtures.js';

const placement: PlacementPlan = { services: [], hourlyCost: 1, naiveHourlyCost: 2, solver: 'heuristic' };

/** A planner that counts its calls and places everything the same way. */
function countingPlanner(): EnvironmentPlanner & { calls: number } {
  const planner = {
    calls: 0,
    async plan() {
      planner.calls++;
      return { placement: { ...placement, hourlyCost: 3 } };
    },
  };
  return planner;
}

function activities(planner: EnvironmentPlanner) {
  // planEnvironment touches neither the runtime nor Temporal.
  return createActivities({ planner, runtime: {} as EnvironmentRuntime, temporal: {} as Client });
}

describe('planEnvironment for an apply', () => {
  it('keeps the running placement when only an image changed (no solve)', async () => {
    const planner = countingPlanner();
    const next = checkoutDev();
    next.services[0] = { ...next.services[0]!, image: 'ghcr.io/acme/checkout-api:2.0' };
    const planned = await activities(planner).planEnvironment({
      blueprint: next,
      previous: { blueprint: checkoutDev(), placement },
    });
    expect(planner.calls).toBe(0);
    expect(planned.placement).toBe(placement);
    expect(planned.blueprintDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('plans again when requests, replicas or the services change, or without a running placement', async () => {
    const planner = countingPlanner();
    const bigger = checkoutDev();
    bigger.services[2] = { ...bigger.services[2]!, resources: { requests: { cpu: '2' } } };
    const more = checkoutDev();
    more.services[0] = { ...more.services[0]!, replicas: 3 };
    for (const blueprint of [bigger, more]) {
      const planned = await activities(planner).planEnvironment({
        blueprint,
        previous: { blueprint: checkoutDev(), placement },
      });
      expect(planned.placement?.hourlyCost).toBe(3);
    }
    await activities(planner).planEnvironment({
      blueprint: checkoutDev(),
      previous: { blueprint: checkoutDev() },
    });
    expect(planner.calls).toBe(3);
  });
});

describe('the digest a warm claim matches on', () => {
  it("counts the snapshot a create restores, and is the blueprint's alone without one", async () => {
    const plain = await activities(countingPlanner()).planEnvironment({ blueprint: checkoutDev() });
    const golden = await activities(countingPlanner()).planEnvironment({
      blueprint: checkoutDev(),
      fromSnapshot: 'snap-golden',
    });
    // Warm environments made before snapshots counted keep their digest.
    expect(plain.blueprintDigest).toBe(blueprintDigest(checkoutDev()));
    expect(golden.blueprintDigest).toBe(blueprintDigest(checkoutDev(), 'snap-golden'));
    expect(golden.blueprintDigest).not.toBe(plain.blueprintDigest);
    expect(blueprintDigest(checkoutDev(), 'snap-other')).not.toBe(golden.blueprintDigest);
  });
});
