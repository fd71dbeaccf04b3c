import type pg from 'pg';
import { recordEnvironmentStatus } from '../store/environment-status.js';
import type { EnvironmentStatus, ShareStatus, SnapshotRecord } from '../workflows/contracts.js';
import type { LifecycleStore } from './ports.js';

/**
 * The lifecycle's mirror in the metadata database (store/): every phase change of an environment's
 * workflow updates its row, so the row never waits for the API's status mirror to notice. Rows are made
 * by the API at create time; an environment without one (a warm-pool environment, a test) is skipped.
 * Snapshots and shares are recorded by the API in their own tables when requested; here they are not
 * mirrored, and a snapshot's record is read from its workflow's result.
 *
 * Postgres being down makes recordEnvironment throw: the activity retries with backoff until it is back,
 * and the update is idempotent (it sets values, it does not add them), so no record is lost or doubled.
 */
export class PostgresLifecycleStore implements LifecycleStore {
  constructor(private readonly db: pg.Pool) {
    // An idle connection dies with its server (a restart): the pool replaces it on the next query. Without
    // a listener the pool's 'error' event would crash the worker.
    db.on('error', () => undefined);
  }

  async recordEnvironment(status: EnvironmentStatus): Promise<void> {
    await recordEnvironmentStatus(this.db, status);
  }

  async recordSnapshot(_record: SnapshotRecord): Promise<void> {}

  async getSnapshot(_snapshotId: string): Promise<SnapshotRecord | null> {
    return null;
  }

  async recordShare(_share: ShareStatus): Promise<void> {}
}
