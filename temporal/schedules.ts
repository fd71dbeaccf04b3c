import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import {
  LIFECYCLE_TASK_QUEUE,
  type OrphanSweepInput,
  type PrewarmPoolInput,
  scheduleIds,
  WorkflowType,
} from '../workflows/contracts.js';
import { parseDuration } from '../workflows/duration.js';

/** What ensureSchedules installs. Durations are Temporal duration strings such as "5m". */
export interface LifecycleSchedules {
  /** How often the idle sweep runs (default 5m). */
  idleSweepEvery?: string;
  /** Warm pools to keep, and how often to top them up (default 5m). Absent: no pre-warm schedule. */
  prewarm?: { every?: string; input: PrewarmPoolInput };
  /** How often the orphan sweep runs (default 5m) and what it gets. Absent: no orphan-sweep schedule. */
  orphanSweep?: { every?: string; input?: OrphanSweepInput };
}

/**
 * Creates the lifecycle's Temporal Schedules (visible under Schedules in the UI), or updates them when
 * they exist, so running it at every worker start is safe. Overlapping runs are skipped: a sweep that is
 * still running makes the next one pointless.
 */
export async function ensureSchedules(params: {
  client: Client;
  taskQueue?: string;
  schedules: LifecycleSchedules;
  /** Distinguishes schedules of separate task queues (tests); default none. */
  idSuffix?: string;
}): Promise<string[]> {
  const taskQueue = params.taskQueue ?? LIFECYCLE_TASK_QUEUE;
  const suffix = params.idSuffix ? `-${params.idSuffix}` : '';
  const installed: string[] = [];
  const upsert = async (scheduleId: string, every: string, workflowType: string, args: unknown[]) => {
    const spec = { intervals: [{ every: everyMs(every) }] };
    const action = {
      type: 'startWorkflow' as const,
      workflowType,
      taskQueue,
      args,
      workflowId: `${scheduleId}-run`,
    };
    try {
      await params.client.schedule.create({
        scheduleId,
        spec,
        action,
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await params.client.schedule
        .getHandle(scheduleId)
        .update((previous) => ({ ...previous, spec, action }));
    }
    installed.push(scheduleId);
  };
  await upsert(
    `${scheduleIds.idleSweep}${suffix}`,
    params.schedules.idleSweepEvery ?? '5m',
    WorkflowType.idleSweep,
    [{}],
  );
  if (params.schedules.prewarm) {
    await upsert(
      `${scheduleIds.prewarm}${suffix}`,
      params.schedules.prewarm.every ?? '5m',
      WorkflowType.prewarmPool,
      [params.schedules.prewarm.input],
    );
  }
  if (params.schedules.orphanSweep) {
    const orphans = params.schedules.orphanSweep;
    await upsert(`${scheduleIds.orphanSweep}${suffix}`, orphans.every ?? '5m', WorkflowType.orphanSweep, [
      orphans.input ?? {},
    ]);
  }
  return installed;
}

function everyMs(every: string): number {
  const ms = parseDuration(every);
  if (ms === undefined || ms < 1000)
    throw new Error(`schedule interval "${every}" must be a duration of at least 1s`);
  return ms;
}
