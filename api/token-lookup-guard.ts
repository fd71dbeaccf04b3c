import { LRUCache } from 'lru-cache';

/** Client addresses (or refused tokens) remembered at most: an attacker with many addresses evicts old ones. */
const MAX_ENTRIES = 10_000;
const WINDOW_MS = 60_000;

/**
 * Keeps a flood of unknown tokens off the database. A token the database did not know is refused from
 * memory for `missTtlMs` (keyed by its hash), and each client address may make only `lookupsPerMinute`
 * database lookups for tokens no cache answers; a lookup that finds a live token is given back, so the
 * budget only runs out on unknown tokens (at most that many database queries per address per minute).
 */
export class TokenLookupGuard {
  private readonly misses: LRUCache<string, true> | null;
  private readonly lookups: LRUCache<string, number>;
  private readonly lookupsPerMinute: number;

  constructor(opts: {
    missTtlMs: number;
    lookupsPerMinute: number;
    maxEntries?: number;
    /** The clock, in milliseconds (tests pass their own). */
    now?: () => number;
  }) {
    const max = opts.maxEntries ?? MAX_ENTRIES;
    // ttlResolution 0: read the clock on every check rather than once per millisecond timer.
    const perf = opts.now ? { now: opts.now } : undefined;
    this.misses =
      opts.missTtlMs > 0 ? new LRUCache({ max, ttl: opts.missTtlMs, perf, ttlResolution: 0 }) : null;
    this.lookups = new LRUCache({ max, ttl: WINDOW_MS, perf, ttlResolution: 0 });
    this.lookupsPerMinute = opts.lookupsPerMinute;
  }

  /** Whether this token hash was unknown to the database moments ago. */
  isKnownMiss(tokenHash: string): boolean {
    return this.misses?.has(tokenHash) ?? false;
  }

  rememberMiss(tokenHash: string): void {
    this.misses?.set(tokenHash, true);
  }

  /** Forgets every remembered miss (a token's expiry may have been moved: the database decides again). */
  forgetMisses(): void {
    this.misses?.clear();
  }

  /**
   * Takes one lookup from the address's budget for its current minute; false when it is spent. Taken
   * before the query starts, so concurrent requests cannot overshoot it.
   */
  tryTakeLookup(address: string): boolean {
    const used = this.lookups.get(address) ?? 0;
    if (used >= this.lookupsPerMinute) return false;
    // The window starts at the address's first lookup and is not extended by later ones.
    this.lookups.set(address, used + 1, { noUpdateTTL: used > 0 });
    return true;
  }

  /** Gives a lookup back: it found a live token. */
  giveBackLookup(address: string): void {
    const used = this.lookups.get(address);
    if (used !== undefined && used > 0) this.lookups.set(address, used - 1, { noUpdateTTL: true });
  }
}
