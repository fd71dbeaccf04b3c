/**
 * A short-lived in-process cache whose entries are dropped the moment the database says they changed.
 * The API keeps two: API token hash -> principal, and environment id -> environment row, so a status
 * read (`GET /v1/environments/{id}`) usually needs no database round trip at all.
 *
 * Why it is safe:
 * - Misses are never cached: an unknown token or environment is looked up every time.
 * - An entry lives at most `ttlMs`, and never past its own `validUntil` (a token's expiry).
 * - It is only used while its owner listens for changes (Postgres triggers NOTIFY on every change that
 *   could make an entry wrong, whoever makes it: this API, another replica, the CLI, psql). A change
 *   drops its key (or everything); losing the listening connection empties and disables the cache until
 *   listening again.
 * - A lookup that started before an invalidation cannot write its (possibly stale) answer back: `set`
 *   takes the generation read before the lookup and drops the answer if any invalidation happened since.
 */
export class ListeningCache<V> {
  private readonly entries = new Map<string, { value: V; validUntil: number }>();
  private readonly inflight = new Map<string, { generation: number; promise: Promise<V | null> }>();
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

  /** Whether a TTL above zero was configured (listening is then worth it). */
  get wanted(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached value, or undefined (absent, expired, or the cache is off). */
  get(key: string): V | undefined {
    if (!this.active) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.validUntil <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The cached value, or else the loaded one (remembered when found). Concurrent misses of one key share
   * one load, so an expiry under load costs one query, not one per waiting request; a call made after an
   * invalidation never joins a load that started before it.
   */
  async getOrLoad(
    key: string,
    load: () => Promise<{ value: V; validUntil?: Date | null } | null>,
  ): Promise<V | null> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    if (!this.active) return (await load())?.value ?? null;
    const generation = this.currentGeneration;
    const pending = this.inflight.get(key);
    if (pending && pending.generation === generation) return pending.promise;
    const promise = load()
      .then((found) => {
        if (found) this.set({ key, value: found.value, validUntil: found.validUntil, generation });
        return found?.value ?? null;
      })
      .finally(() => {
        if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
      });
    this.inflight.set(key, { generation, promise });
    return promise;
  }

  /**
   * Remembers a value read from the database for `ttlMs`, or until `validUntil` if sooner. Dropped when
   * the cache is off or was invalidated since `generation` was read.
   */
  set(params: { key: string; value: V; validUntil?: Date | null; generation: number }): void {
    if (!this.active || params.generation !== this.currentGeneration) return;
    const validUntil = Math.min(
      this.now() + this.ttlMs,
      params.validUntil?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(params.key);
    this.entries.set(params.key, { value: params.value, validUntil });
  }

  /** Forgets one key, and makes lookups in flight unable to write back. */
  invalidate(key: string): void {
    this.currentGeneration++;
    this.entries.delete(key);
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

  /** How many entries are cached (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }
}
