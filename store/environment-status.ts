import type pg from 'pg';
import type { EnvironmentStatus } from '../workflows/contracts.js';
import { type Queryable, withTransaction } from './database.js';
import { awakeHourlyCost, billingState, measuredHourlyCost, recordCostState } from './environment-costs.js';
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
    costPerHour: billingState(status.phase) === 'asleep' ? 0 : (awakeHourlyCost(status) ?? null),
    expiresAt: status.expiresAt ? new Date(status.expiresAt) : null,
    error: status.error ? { type: status.error.type, message: status.error.message } : null,
  };
}

/**
 * Writes a workflow's status into its environment row, and its cost state (environment-costs.ts): the one query shape the worker's lifecycle store
 * and the API's status mirror share. Idempotent (it sets values); returns true when anything changed.
 */
export async function recordEnvironmentStatus(db: Queryable, status: EnvironmentStatus): Promise<boolean> {
  // One transaction: the row's change notification (sent at commit) reaches caches only once the cost
  // intervals match it, so a cached row never shows the new phase with the old interval.
  if ('connect' in db && typeof db.connect === 'function' && !('release' in db)) {
    return withTransaction(db as pg.Pool, (client) => recordInTransaction(client, status));
  }
  return recordInTransaction(db, status);
}

async function recordInTransaction(db: Queryable, status: EnvironmentStatus): Promise<boolean> {
  const changed = await updateEnvironmentStatus(db, statusUpdateOf(status));
  // Unchanged row, unchanged phase and rates: the cost intervals stay as they are.
  if (changed) {
    await recordCostState(db, {
      environmentId: status.environmentId,
      state: billingState(status.phase),
      measuredHourlyCost: measuredHourlyCost(status),
      plannedHourlyCost: status.hourlyCost,
      cloneAllHourlyCost: status.placement?.cloneAllHourlyCost,
    });
  }
  return changed;
}
