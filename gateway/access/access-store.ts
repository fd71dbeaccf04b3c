import { findPrincipalByTokenHash } from '../../store/api-tokens.js';
import type { Queryable } from '../../store/database.js';
import { findLiveShareByTokenHash } from '../../store/shares.js';

/**
 * What the access check reads from the API's tables (tokens, shares, environments), by the sha256 of
 * a presented token: the clear token never leaves the request. Only live credentials come back
 * (not revoked, not expired).
 */
export interface AccessStore {
  /** The team and role behind a live API token. */
  principal(tokenHash: string): Promise<TokenGrant | null>;
  /** The environment a live share opens. */
  share(tokenHash: string): Promise<ShareGrant | null>;
  /** The team that owns an environment, or null when the database has no such environment. */
  teamOf(environmentId: string): Promise<string | null>;
}

export interface TokenGrant {
  teamId: string;
  role: 'member' | 'team-admin' | 'admin';
  expiresAt: Date | null;
}

export interface ShareGrant {
  environmentId: string;
  expiresAt: Date;
}

/** The store over the metadata database (the API's own queries, prepared once per connection). */
export function postgresAccessStore(db: Queryable): AccessStore {
  return {
    principal: async (tokenHash) => {
      const found = await findPrincipalByTokenHash(db, tokenHash);
      return found
        ? { teamId: found.principal.teamId, role: found.principal.role, expiresAt: found.expiresAt }
        : null;
    },
    share: async (tokenHash) => {
      const share = await findLiveShareByTokenHash(db, tokenHash);
      return share ? { environmentId: share.environmentId, expiresAt: share.expiresAt } : null;
    },
    teamOf: async (environmentId) => {
      const { rows } = await db.query<{ team_id: string }>({
        name: 'gateway-environment-team',
        text: 'SELECT team_id FROM environments WHERE id = $1',
        values: [environmentId],
      });
      return rows[0]?.team_id ?? null;
    },
  };
}

/** Longest time a revoked or expired credential may still be honoured (the bound is 5 s). */
export const MAX_ACCESS_CACHE_MS = 5_000;

/**
 * Remembers each answer (misses too, so a flood of bad tokens costs one query per token per period)
 * for `ttlMs`, and shares one lookup among concurrent requests. A credential whose own expiry
 * passes is dropped at once, whatever the cache holds. At most `maxEntries` answers are kept: past
 * that the oldest are dropped.
 */
export function cachedAccessStore(
  store: AccessStore,
  options: { ttlMs: number; maxEntries?: number; now?: () => number },
): AccessStore {
  if (options.ttlMs > MAX_ACCESS_CACHE_MS) {
    throw new RangeError(`access cache ttl ${options.ttlMs} ms is over ${MAX_ACCESS_CACHE_MS} ms`);
  }
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = <T>(read: (key: string) => Promise<T>, expiry: (value: T) => Date | null) => {
    const entries = new Map<string, { at: number; value: Promise<T> }>();
    return async (key: string): Promise<T> => {
      const hit = entries.get(key);
      if (hit && now() - hit.at < options.ttlMs) {
        const value = await hit.value;
        const until = expiry(value);
        if (!until || until.getTime() > now()) return value;
      }
      const value = read(key);
      entries.delete(key);
      entries.set(key, { at: now(), value });
      // Maps iterate in insertion order: the first key is the oldest.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    };
  };
  return {
    principal: cache(store.principal, (grant) => grant?.expiresAt ?? null),
    share: cache(store.share, (grant) => grant?.expiresAt ?? null),
    teamOf: cache(store.teamOf, () => null),
  };
}
