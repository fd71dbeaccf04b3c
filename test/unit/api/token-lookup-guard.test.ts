import { describe, expect, it } from 'vitest';
import { TokenLookupGuard } from '../../../api/token-lookup-guard.js';

let clock = 1_000_000;
const now = () => clock;
const advance = (ms: number) => {
  clock += ms;
};

describe('TokenLookupGuard', () => {
  it("spends an address's lookups, not another's, and gives back lookups that found a token", () => {
    const guard = new TokenLookupGuard({ missTtlMs: 1_000, lookupsPerMinute: 2 });
    expect(guard.tryTakeLookup('a')).toBe(true);
    expect(guard.tryTakeLookup('a')).toBe(true);
    expect(guard.tryTakeLookup('a')).toBe(false);
    expect(guard.tryTakeLookup('b')).toBe(true);
    guard.giveBackLookup('a');
    expect(guard.tryTakeLookup('a')).toBe(true);
    expect(guard.tryTakeLookup('a')).toBe(false);
  });

  it('renews the budget a minute after the first lookup, not after the last', () => {
    const guard = new TokenLookupGuard({ missTtlMs: 1_000, lookupsPerMinute: 1, now });
    expect(guard.tryTakeLookup('a')).toBe(true);
    advance(59_000);
    expect(guard.tryTakeLookup('a')).toBe(false);
    advance(1_001);
    expect(guard.tryTakeLookup('a')).toBe(true);
  });

  it('remembers misses for their TTL, forgets them on demand, and not at all with a TTL of 0', () => {
    const guard = new TokenLookupGuard({ missTtlMs: 1_000, lookupsPerMinute: 1, now });
    guard.rememberMiss('h');
    expect(guard.isKnownMiss('h')).toBe(true);
    advance(1_001);
    expect(guard.isKnownMiss('h')).toBe(false);
    guard.rememberMiss('h');
    guard.forgetMisses();
    expect(guard.isKnownMiss('h')).toBe(false);
    const off = new TokenLookupGuard({ missTtlMs: 0, lookupsPerMinute: 1 });
    off.rememberMiss('h');
    expect(off.isKnownMiss('h')).toBe(false);
  });

  it('stays bounded in memory: the oldest addresses and misses are evicted', () => {
    const guard = new TokenLookupGuard({ missTtlMs: 60_000, lookupsPerMinute: 1, maxEntries: 3 });
    for (const key of ['1', '2', '3', '4']) {
      guard.rememberMiss(key);
      guard.tryTakeLookup(key);
    }
    expect(guard.isKnownMiss('1')).toBe(false);
    expect(guard.isKnownMiss('4')).toBe(true);
    expect(guard.tryTakeLookup('1')).toBe(true);
  });
});
