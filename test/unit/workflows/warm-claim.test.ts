import { describe, expect, it } from 'vitest';
import { type EnvironmentStatus, WARM_POOL_OWNER } from '../../../workflows/contracts.js';
import { claimedOutcomeLive, claimRefusal } from '../../../workflows/warm-claim.js';

const warm = (over: Partial<EnvironmentStatus> = {}) =>
  ({
    environmentId: 'warm-shop-1',
    phase: 'warm',
    team: WARM_POOL_OWNER,
    blueprintDigest: 'a'.repeat(64),
    ...over,
  }) as EnvironmentStatus;

describe('whether a warm environment accepts a claim', () => {
  it("accepts the claimer's digest from the shared pool or the claimer's own team", () => {
    const ask = { team: 'payments', blueprintDigest: 'a'.repeat(64) };
    expect(claimRefusal({ status: warm(), ask, taken: false })).toBeUndefined();
    expect(claimRefusal({ status: warm({ team: 'payments' }), ask, taken: false })).toBeUndefined();
  });

  it('refuses one taken, being torn down or no longer warm', () => {
    const ask = { team: 'payments' };
    expect(claimRefusal({ status: warm(), ask, taken: true })).toMatch(/not warm and free/);
    expect(claimRefusal({ status: warm({ phase: 'claimed' }), ask, taken: false })).toMatch(
      /not warm and free \(phase claimed\)/,
    );
  });

  it('refuses another blueprint version', () => {
    const ask = { team: 'payments', blueprintDigest: 'b'.repeat(64) };
    expect(claimRefusal({ status: warm(), ask, taken: false })).toMatch(/another blueprint version/);
  });

  it("refuses another team's, and the shared pool's when only the team's own will do", () => {
    expect(
      claimRefusal({ status: warm({ team: 'search' }), ask: { team: 'payments' }, taken: false }),
    ).toMatch(/not open to team payments/);
    expect(
      claimRefusal({ status: warm(), ask: { team: 'payments', sameTeamOnly: true }, taken: false }),
    ).toMatch(/not open to team payments/);
  });
});

describe("whether a completed environment's namespace is still owned (the orphan sweep's rule)", () => {
  const claimed = { environmentId: 'warm-shop-1', phase: 'claimed', reason: 'claimed' } as const;
  const asked: string[] = [];
  const claimerLive = (live: boolean) => (id: string) => {
    asked.push(id);
    return live;
  };

  it('keeps a claimed warm namespace while its claimer is live, and not after', async () => {
    expect(await claimedOutcomeLive({ ...claimed, claimedBy: 'shop-ana' }, claimerLive(true))).toBe(true);
    expect(await claimedOutcomeLive({ ...claimed, claimedBy: 'shop-ana' }, claimerLive(false))).toBe(false);
    expect(asked).toEqual(['shop-ana', 'shop-ana']);
  });

  it('never keeps a deleted one; keeps a claimed one recorded before claimers were named', async () => {
    asked.length = 0;
    const deleted = { environmentId: 'shop-bo', phase: 'deleted', reason: 'requested' } as const;
    expect(await claimedOutcomeLive(deleted, claimerLive(true))).toBe(false);
    expect(await claimedOutcomeLive(claimed, claimerLive(false))).toBe(true);
    expect(asked).toEqual([]);
  });
});
