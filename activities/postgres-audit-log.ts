import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import type { AuditLog } from './ports.js';

/** The audit log in the metadata database's `events`, as the API writes it; the worker acts as no team. */
export function postgresAuditLog(db: Queryable): AuditLog {
  return {
    async append(event) {
      await appendEvent(db, { teamId: null, actorId: null, ...event });
    },
  };
}
