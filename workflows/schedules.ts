import { getExternalWorkflowHandle, log, ParentClosePolicy, startChild, uuid4 } from '@temporalio/workflow';
import { long, quick } from './activity-proxies.js';
import {
  type IdleSweepInput,
  type IdleSweepResult,
  type OrphanSweepInput,
  type OrphanSweepResult,
  type PrewarmPoolInput,
  type PrewarmPoolResult,
  sleepSignal,
  teardownSignal,
  WARM_POOL_OWNER,
  workflowIds,
} from './contracts.js';
import { createEnvironment } from './environment.js';
import { initialSearchAttributes } from './search-attribute-values.js';

/**
 * Run by the idle-teardown Schedule: asks every ready environment past its TTL or idle for longer than
 * its idleAfter to tear itself down, or to sleep when its `idle` action is `sleep` (each environment's
 * workflow does the work).
 */
export async function idleSweep(input: IdleSweepInput = {}): Promise<IdleSweepResult> {
  const { examined, due } = await quick.findIdleEnvironments({ limit: input.limit });
  const tornDown: IdleSweepResult['tornDown'] = [];
  const putToSleep: string[] = [];
  for (const { environmentId, reason, action } of due) {
    if (action === 'sleep') {
      try {
        await getExternalWorkflowHandle(workflowIds.environment(environmentId)).signal(sleepSignal, {
          reason: 'idle',
          requestedBy: 'idle-sweep',
        });
        putToSleep.push(environmentId);
      } catch (error) {
        log.info('environment already gone', { environmentId, error: String(error) });
      }
      continue;
    }
    try {
      await getExternalWorkflowHandle(workflowIds.environment(environmentId)).signal(teardownSignal, {
        reason,
        requestedBy: 'idle-sweep',
      });
      tornDown.push({ environmentId, reason });
    } catch (error) {
      // It ended between the listing and the signal: nothing left to do.
      log.info('environment already gone', { environmentId, error: String(error) });
    }
  }
  return putToSleep.length > 0 ? { examined, tornDown, putToSleep } : { examined, tornDown };
}

/**
 * Run by the pre-warm Schedule: keeps a pool of warm environments per blueprint, sized by the planner's
 * forecast unless a fixed size is given. Warm environments are ordinary environment workflows (owner
 * `warm-pool`, phase `warm`) that a create claims instead of deploying cold.
 */
export async function prewarmPool(input: PrewarmPoolInput): Promise<PrewarmPoolResult> {
  const result: PrewarmPoolResult = { pools: [] };
  for (const pool of input.pools) {
    const target = pool.size ?? (await quick.forecastWarmPoolSize({ blueprint: pool.blueprint }));
    const warm = await quick.listWarmEnvironments({ blueprintName: pool.blueprint.name });
    const started: string[] = [];
    for (let i = warm.length; i < target; i++) {
      const environmentId = `warm-${pool.blueprint.name}-${uuid4().slice(0, 8)}`.slice(0, 63);
      const child = {
        environmentId,
        blueprint: pool.blueprint,
        owner: WARM_POOL_OWNER,
        team: pool.team ?? WARM_POOL_OWNER,
        warm: true,
        claimWarm: false,
      };
      await startChild(createEnvironment, {
        workflowId: workflowIds.environment(environmentId),
        args: [child],
        // The warm environment outlives this run of the schedule.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: initialSearchAttributes(child),
      });
      started.push(environmentId);
    }
    result.pools.push({ blueprint: pool.blueprint.name, target, warm: warm.length, started });
  }
  return result;
}

/**
 * Run by the orphan-sweep Schedule: namespaces MicroStax labelled whose environment is unknown, deleted
 * or failed are marked, then deleted by a later run once orphaned for the grace period; each deletion
 * is audited and counted. Namespaces without MicroStax's labels are never looked at.
 */
export async function orphanSweep(input: OrphanSweepInput = {}): Promise<OrphanSweepResult> {
  return long.sweepOrphanNamespaces(input);
}
