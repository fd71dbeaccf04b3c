import { describe, expect, it } from 'vitest';
import { PrincipalCache } from '../../../api/principal-cache.js';

function cacheAt(start = 1_000_000, ttlMs = 10_000) {
  const clock = { now: start };
  const cache = new PrincipalCache<string>({ ttlMs, maxEntries: 3, now: () => clock.now });
  cache.setEnabled(true);
  return { cache, clock };
}

const put = (cache: PrincipalCache<string>, tokenHash: string, tokenExpiresAt: Date | null = null) =>
  cache.set({ tokenHash, principal: `p-${tokenHash}`, tokenExpiresAt, generation: cache.generation });

describe('principal cache', () => {
  it('serves what was set until the TTL passes', () => {
    const { cache, clock } = cacheAt();
    put(cache, 'a');
    expect(cache.get('a')).toBe('p-a');
    clock.now += 9_999;
    expect(cache.get('a')).toBe('p-a');
    clock.now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it("never serves a principal past its token's own expiry", () => {
    const { cache, clock } = cacheAt();
    put(cache, 'a', new Date(clock.now + 2_000));
    clock.now += 2_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops an answer looked up before an invalidation (a revoke racing a lookup)', () => {
    const { cache } = cacheAt();
    const generation = cache.generation;
    cache.invalidateAll(); // the revoke's notification arrives while the lookup is in flight
    cache.set({ tokenHash: 'a', principal: 'stale', tokenExpiresAt: null, generation });
    expect(cache.get('a')).toBeUndefined();
  });

  it('is empty and unused while disabled (not listening for changes), and starts empty again', () => {
    const { cache } = cacheAt();
    put(cache, 'a');
    cache.setEnabled(false);
    expect(cache.active).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    put(cache, 'b');
    expect(cache.size).toBe(0);
    cache.setEnabled(true);
    expect(cache.get('a')).toBeUndefined();
  });

  it('is never active with a TTL of 0', () => {
    const { cache } = cacheAt(0, 0);
    put(cache, 'a');
    expect(cache.active).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const { cache } = cacheAt();
    for (const key of ['a', 'b', 'c', 'd']) put(cache, key);
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toBe('p-d');
  });
});
