import type { Queryable } from './database.js';
import { type ActivityBatchEntry, type ActivitySource, recordActivity } from './environment-activity.js';

/** Counts uses of environments in memory and writes them in batches, off the request's path. */
export interface ActivityRecorder {
  /** One use of the environment, now. Synchronous and O(1): never waits for the database. */
  note(environmentId: string): void;
  /** Writes what was noted since the last flush. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left. */
  close(): Promise<void>;
}

/** Flush period: short against any sensible idleAfter (minutes), long enough to make one write of many uses. */
export const DEFAULT_ACTIVITY_FLUSH_MS = 5_000;
/** Environments remembered between flushes; beyond, new ones wait for the next flush (memory stays bounded). */
const MAX_PENDING = 50_000;

/**
 * The batching recorder: `note` bumps a counter in a map; a timer flushes the map every `flushEveryMs`
 * with one upsert (store/environment-activity.ts). A failed flush keeps its counts for the next one and
 * reports through `onError`; the requests it counted have long been answered.
 */
export function createActivityRecorder(params: {
  db: Queryable;
  source: ActivitySource;
  flushEveryMs?: number;
  onError?: (error: unknown) => void;
}): ActivityRecorder {
  let pending = new Map<string, ActivityBatchEntry>();
  let flushing: Promise<void> | undefined;
  const merge = (into: Map<string, ActivityBatchEntry>, entry: ActivityBatchEntry) => {
    const known = into.get(entry.environmentId);
    if (known) {
      known.requests += entry.requests;
      if (entry.lastUsedAt > known.lastUsedAt) known.lastUsedAt = entry.lastUsedAt;
    } else if (into.size < MAX_PENDING) {
      into.set(entry.environmentId, { ...entry });
    }
  };
  const flushOnce = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await recordActivity(params.db, { source: params.source, entries: [...batch.values()] });
    } catch (error) {
      for (const entry of batch.values()) merge(pending, entry);
      params.onError?.(error);
    }
  };
  const flush = (): Promise<void> => {
    // One flush at a time; a call during one waits for it and then writes what came meanwhile.
    const next = (flushing ?? Promise.resolve()).then(flushOnce);
    flushing = next.finally(() => {
      if (flushing === settled) flushing = undefined;
    });
    const settled = flushing;
    return next;
  };
  const timer = setInterval(() => void flush(), params.flushEveryMs ?? DEFAULT_ACTIVITY_FLUSH_MS);
  // The timer alone never keeps a process alive.
  timer.unref();
  return {
    note(environmentId) {
      const now = new Date();
      const known = pending.get(environmentId);
      if (known) {
        known.requests++;
        known.lastUsedAt = now;
      } else if (pending.size < MAX_PENDING) {
        pending.set(environmentId, { environmentId, lastUsedAt: now, requests: 1 });
      }
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
