import type { Logger } from 'pino';
import { type ActivityRecorder, createActivityRecorder } from '../store/activity-recorder.js';
import type { Queryable } from '../store/database.js';

/**
 * What the gateway tells about use: each request let through to an environment counts as a use of the
 * environment whose copy answers (a branch's, when header routing chose it). The idle sweep reads it, so
 * an environment in use is never slept or torn down as idle.
 */
export interface EnvironmentActivity {
  used(route: { routedTo: string }): void;
  /** Writes what is left; called when the gateway stops. */
  close(): Promise<void>;
}

/** Counts in memory and flushes to the metadata database every `flushEveryMs` (store/activity-recorder.ts). */
export function createGatewayActivity(params: {
  db: Queryable;
  log: Logger;
  flushEveryMs?: number;
}): EnvironmentActivity {
  let lastWarned = 0;
  const recorder: ActivityRecorder = createActivityRecorder({
    db: params.db,
    source: 'gateway',
    flushEveryMs: params.flushEveryMs,
    onError: (error) => {
      // At most once a minute during an outage: the counts are kept and written when the database is back.
      if (Date.now() - lastWarned < 60_000) return;
      lastWarned = Date.now();
      params.log.warn(
        { error: String(error) },
        'could not record environment activity; kept for the next flush',
      );
    },
  });
  return {
    used: (route) => recorder.note(route.routedTo),
    close: () => recorder.close(),
  };
}
