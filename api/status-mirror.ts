import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { recordEnvironmentStatus } from '../store/environment-status.js';
import type { EnvironmentRecord } from '../store/environments.js';
import { appendEvent } from '../store/events.js';
import { type EnvironmentStatus, TERMINAL_PHASES } from '../workflows/contracts.js';
import type { EnvironmentLifecycle } from './lifecycle.js';

/** How long one status query may take before the mirror moves on (a workflow with no live worker hangs). */
export const STATUS_QUERY_TIMEOUT_MS = 2_000;

/** True when the environment's workflow has finished: nothing left to mirror. */
export function isTerminalPhase(phase: string): boolean {
  return (TERMINAL_PHASES as readonly string[]).includes(phase);
}

/**
 * Mirrors one environment's workflow status into its row; a phase change is also written to the
 * audit log. The workflow owns the lifecycle: this only copies what it reports. Returns true when the
 * row changed. Errors (Temporal down, no worker yet) are logged and leave the row as it was.
 */
export async function mirrorEnvironmentStatus(params: {
  db: pg.Pool;
  lifecycle: EnvironmentLifecycle;
  env: EnvironmentRecord;
  log: FastifyBaseLogger;
}): Promise<boolean> {
  const { db, lifecycle, env, log } = params;
  if (isTerminalPhase(env.phase)) return false;
  let status: EnvironmentStatus | null;
  try {
    status = await lifecycle.getStatus(env.id, STATUS_QUERY_TIMEOUT_MS);
  } catch (error) {
    log.debug({ err: error, environmentId: env.id }, 'status query failed');
    return false;
  }
  if (!status) return false;
  const changed = await recordEnvironmentStatus(db, status);
  if (changed && status.phase !== env.phase) {
    await appendEvent(db, {
      teamId: env.teamId,
      actorId: null,
      actor: 'workflow',
      action: 'environment.phase',
      environmentId: env.id,
      details: {
        from: env.phase,
        to: status.phase,
        ...(status.error ? { error: status.error.message } : {}),
      },
    });
  }
  return changed;
}
