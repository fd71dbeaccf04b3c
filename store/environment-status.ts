import type { EnvironmentStatus } from '../workflows/contracts.js';
import type { Queryable } from './database.js';
import { type EnvironmentStatusUpdate, updateEnvironmentStatus } from './environments.js';

/** The row fields a workflow's status sets (the workflow owns them; the row mirrors them). */
export function statusUpdateOf(status: EnvironmentStatus): EnvironmentStatusUpdate {
  return {
    id: status.environmentId,
    phase: status.phase,
    services: status.services.map((s) => ({ ...s })),
    urls: status.urls,
    // The breakdown rides in the plan's JSON (no column of its own: no migration for a report).
    plan:
      status.plan || status.placement || status.timings
        ? {
            branch: status.plan ?? null,
            placement: status.placement ?? null,
            ...(status.timings && { timings: status.timings }),
          }
        : undefined,
    costPerHour: status.hourlyCost ?? null,
    expiresAt: status.expiresAt ? new Date(status.expiresAt) : null,
    error: status.error ? { type: status.error.type, message: status.error.message } : null,
  };
}

/**
 * Writes a workflow's status into its environment row: the one query shape the worker's lifecycle store
 * and the API's status mirror share. Idempotent (it sets values); returns true when anything changed.
 */
export function recordEnvironmentStatus(db: Queryable, status: EnvironmentStatus): Promise<boolean> {
  return updateEnvironmentStatus(db, statusUpdateOf(status));
}
