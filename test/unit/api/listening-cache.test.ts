import { describe, expect, it } from 'vitest';
import { ListeningCache } from '../../../api/listening-cache.js';

function cacheAt(start = 1_000_000, ttlMs = 10_000) {
  const clock = { now: start };
  const cache = new ListeningCache<string>({ ttlMs, maxEntries: 3, now: () => clock.now });
  cache.setEnabled(true);
  return { cache, clock };
}

const put = (cache: ListeningCache<string>, key: string, validUntil: Date | null = null) =>
  cache.set({ key, value: `v-${key}`, validUntil, generation: cache.generation });

describe('listening cache', () => {
  it('serves what was set until the TTL passes', () => {
    const { cache, clock } = cacheAt();
    put(cache, 'a');
    expect(cache.get('a')).toBe('v-a');
    clock.now += 9_999;
    expect(cache.get('a')).toBe('v-a');
    clock.now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it("never serves an entry past its own validity (a token's expiry)", () => {
    const { cache, clock } = cacheAt();
    put(cache, 'a', new Date(clock.now + 2_000));
    clock.now += 2_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops one key on a change, keeping the others', () => {
    const { cache } = cacheAt();
    put(cache, 'a');
    put(cache, 'b');
    cache.invalidate('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('v-b');
  });

  it('drops an answer looked up before an invalidation (a change racing a lookup)', () => {
    for (const invalidate of [
      (c: ListeningCache<string>) => c.invalidateAll(),
      (c: ListeningCache<string>) => c.invalidate('a'),
    ]) {
      const { cache } = cacheAt();
      const generation = cache.generation;
      invalidate(cache); // the change's notification arrives while the lookup is in flight
      cache.set({ key: 'a', value: 'stale', validUntil: null, generation });
      expect(cache.get('a')).toBeUndefined();
    }
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
    expect(cache.wanted).toBe(false);
    expect(cache.active).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const { cache } = cacheAt();
    for (const key of ['a', 'b', 'c', 'd']) put(cache, key);
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toBe('v-d');
  });

  it('shares one load among concurrent misses of a key, but never across an invalidation', async () => {
    const { cache } = cacheAt();
    let loads = 0;
    const waiting: (() => void)[] = [];
    const load = async () => {
      const n = ++loads;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { value: `loaded-${n}` };
    };
    const first = cache.getOrLoad('a', load);
    const second = cache.getOrLoad('a', load);
    expect(loads).toBe(1);
    cache.invalidate('a'); // a change while the load is in flight
    const third = cache.getOrLoad('a', load);
    expect(loads).toBe(2);
    for (const release of waiting) release();
    expect(await Promise.all([first, second, third])).toEqual(['loaded-1', 'loaded-1', 'loaded-2']);
  });

  it('loads straight through, remembering nothing, while off; a miss that finds nothing is not cached', async () => {
    const { cache } = cacheAt();
    expect(await cache.getOrLoad('gone', async () => null)).toBeNull();
    expect(cache.size).toBe(0);
    cache.setEnabled(false);
    expect(await cache.getOrLoad('a', async () => ({ value: 'x' }))).toBe('x');
    expect(cache.size).toBe(0);
  });
});
