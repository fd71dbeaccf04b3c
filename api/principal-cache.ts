/**
 * A short-lived in-process cache of API token hash -> principal, so a status read costs one database
 * round trip instead of two.
 *
 * Why it is safe:
 * - It is keyed by the token's sha256 (what the database stores), never by the token itself.
 * - Misses are never cached: an unknown token is looked up every time, and a new token works at once.
 * - An entry lives at most `ttlMs`, and never past the token's own expiry.
 * - It is only used while the owner is listening for principal changes (a Postgres trigger notifies on
 *   any revoke, expiry change, user move or role change, whoever makes it). Every notification empties
 *   it; losing the listening connection empties and disables it until listening again.
 * - A lookup that started before an invalidation cannot write its (possibly stale) answer back:
 *   `set` takes the generation read before the lookup and drops the answer if it has moved on.
 */
export class PrincipalCache<P> {
  private readonly entries = new Map<string, { principal: P; validUntil: number }>();
  private currentGeneration = 0;
  private enabled = false;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: { ttlMs: number; maxEntries?: number; now?: () => number }) {
    this.ttlMs = opts.ttlMs;
    this.maxEntries = opts.maxEntries ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** Read before a database lookup and pass to `set`, so an invalidation in between wins. */
  get generation(): number {
    return this.currentGeneration;
  }

  /** Whether answers are being served from the cache (listening, and a TTL above zero). */
  get active(): boolean {
    return this.enabled && this.ttlMs > 0;
  }

  /** The cached principal of a token hash, or undefined (absent, expired, or the cache is off). */
  get(tokenHash: string): P | undefined {
    if (!this.active) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.validUntil <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  /**
   * Remembers a principal found in the database for `ttlMs`, or until `tokenExpiresAt` if sooner.
   * Dropped when the cache is off or was invalidated since `generation` was read.
   */
  set(params: { tokenHash: string; principal: P; tokenExpiresAt: Date | null; generation: number }): void {
    if (!this.active || params.generation !== this.currentGeneration) return;
    const validUntil = Math.min(
      this.now() + this.ttlMs,
      params.tokenExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(params.tokenHash);
    this.entries.set(params.tokenHash, { principal: params.principal, validUntil });
  }

  /** Forgets everything, and makes lookups in flight unable to write back. */
  invalidateAll(): void {
    this.currentGeneration++;
    this.entries.clear();
  }

  /** Turns the cache on (listening for changes) or off (not listening: nothing may be trusted). */
  setEnabled(enabled: boolean): void {
    this.invalidateAll();
    this.enabled = enabled;
  }

  /** How many principals are cached (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }
}
