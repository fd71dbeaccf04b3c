import { describe, expect, it } from 'vitest';
import { type EnvironmentStatus, WARM_POOL_OWNER } from '../../../workflows/contracts.js';
import { claimRefusal } from '../../../workflows/warm-claim.js';

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
