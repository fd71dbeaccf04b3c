import type { Queryable } from '../store/database.js';
import { activityOf } from '../store/environment-activity.js';
import type { ActivityLog } from './ports.js';

/** The activity log over the metadata database's `environment_activity` (written by the gateway and the API). */
export function postgresActivityLog(db: Queryable): ActivityLog {
  return {
    async lastUsedAt(environmentIds) {
      const found = await activityOf(db, environmentIds);
      return new Map([...found].map(([id, activity]) => [id, activity.lastUsedAt]));
    },
  };
}
