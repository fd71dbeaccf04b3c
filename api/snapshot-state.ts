import type pg from 'pg';
import { type SnapshotRecord, updateSnapshot } from '../store/snapshots.js';
import type { EnvironmentLifecycle } from './lifecycle.js';

/**
 * A pending row whose workflow Temporal does not know after this long will never finish (its start
 * failed before failed starts removed their row): it is marked failed, so it can be deleted.
 */
const NEVER_STARTED_AFTER_MS = 60_000;

/** Brings a pending snapshot's row up to date with its workflow. */
export async function refreshSnapshot(
  db: pg.Pool,
  lifecycle: EnvironmentLifecycle,
  snapshot: SnapshotRecord,
) {
  if (snapshot.phase !== 'pending') return snapshot;
  const outcome = await lifecycle.snapshotOutcome(snapshot.id).catch(() => ({ state: 'running' as const }));
  if (outcome.state === 'completed') {
    const details = { artifacts: outcome.result.artifacts };
    await updateSnapshot(db, { id: snapshot.id, phase: 'ready', details });
    return { ...snapshot, phase: 'ready' as const, details };
  }
  const neverStarted =
    outcome.state === 'not-found' && Date.now() - snapshot.createdAt.getTime() > NEVER_STARTED_AFTER_MS;
  if (outcome.state === 'failed' || neverStarted) {
    const details = {
      error: outcome.state === 'failed' ? outcome.message : 'its workflow never started; snapshot again',
    };
    await updateSnapshot(db, { id: snapshot.id, phase: 'failed', details });
    return { ...snapshot, phase: 'failed' as const, details };
  }
  return snapshot;
}
