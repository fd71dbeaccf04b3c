import {
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  startChild,
  uuid4,
} from '@temporalio/workflow';
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
  type WarmEnvironment,
  workflowIds,
} from './contracts.js';
import { createEnvironment } from './environment.js';
import { initialSearchAttributes } from './search-attribute-values.js';
import { clampWarmPoolSize } from './warm-pool-size.js';

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
 * `warm-pool`, phase `warm`) that a create claims instead of deploying cold. With `optedIn`, every
 * blueprint whose latest registered version says `prewarm` gets a pool for its team (the forecast of that
 * team's creates, within the blueprint's min and max), and warm environments nobody keeps any more (opted
 * out, over the target, made from an older version) are torn down.
 */
export async function prewarmPool(input: PrewarmPoolInput): Promise<PrewarmPoolResult> {
  if (!patched('prewarm-opt-in')) return prewarmListedPools(input);
  const wanted: WantedPool[] = input.pools.map((pool) => ({
    blueprint: pool.blueprint,
    team: pool.team ?? WARM_POOL_OWNER,
    size: pool.size,
  }));
  const result: PrewarmPoolResult = { pools: [] };
  if (input.optedIn) {
    const catalog = await quick.listPrewarmBlueprints({ teams: input.optedIn.teams });
    // A worker's --prewarm pool of the same blueprint overrides the teams' opt-in.
    const overridden = new Set(input.pools.map((pool) => pool.blueprint.name));
    for (const pool of catalog.pools) {
      if (!overridden.has(pool.blueprint.name)) wanted.push(pool);
    }
    if (catalog.skipped.length > 0) result.skipped = catalog.skipped;
  }
  const teams = input.optedIn?.teams
    ? [...new Set([...input.optedIn.teams, ...wanted.map((w) => w.team)])]
    : undefined;
  const running = await quick.listWarmPool({ teams });
  const key = (blueprint: string, team: string) => `${team}\u0000${blueprint}`;
  const kept = new Set<string>();
  const perTeam = input.optedIn?.maxWarmPerTeam ?? DEFAULT_MAX_WARM_PER_TEAM;
  const teamWarm = new Map<string, number>();
  for (const pool of wanted) {
    const id = key(pool.blueprint.name, pool.team);
    kept.add(id);
    const mine = running.filter((w) => key(w.blueprint, w.team) === id);
    // Made from another version of the blueprint: no create of the team would ever claim it.
    const stale = pool.digest ? mine.filter((w) => w.digest !== undefined && w.digest !== pool.digest) : [];
    const current = mine.filter((w) => !stale.includes(w));
    const wantedSize =
      pool.size ??
      clampWarmPoolSize(await quick.forecastWarmPoolSize({ blueprint: pool.blueprint, team: pool.team }), {
        min: pool.min,
        max: pool.max,
      });
    // A team's opted-in pools share one budget: any member can register blueprints that opt in.
    const left = pool.digest ? Math.max(0, perTeam - (teamWarm.get(pool.team) ?? 0)) : wantedSize;
    const target = Math.min(wantedSize, left);
    if (pool.digest) teamWarm.set(pool.team, (teamWarm.get(pool.team) ?? 0) + target);
    const surplus = current.slice(target);
    const drained = await drain([...stale, ...surplus]);
    const started: string[] = [];
    for (let i = current.length; i < target; i++) {
      started.push(await startWarm(pool));
    }
    result.pools.push({
      blueprint: pool.blueprint.name,
      team: pool.team,
      target,
      warm: current.length,
      started,
      ...(drained.length > 0 ? { drained } : {}),
    });
  }
  if (input.optedIn) {
    const orphaned = await drain(running.filter((w) => !kept.has(key(w.blueprint, w.team))));
    if (orphaned.length > 0) result.drained = orphaned;
  }
  return result;
}

/** Most warm environments of one team's opted-in blueprints together (PrewarmPoolInput.optedIn.maxWarmPerTeam). */
const DEFAULT_MAX_WARM_PER_TEAM = 10;

interface WantedPool {
  blueprint: PrewarmPoolInput['pools'][number]['blueprint'];
  team: string;
  size?: number;
  min?: number;
  max?: number;
  digest?: string;
  fromSnapshot?: string;
}

/**
 * Starts one warm environment of a blueprint for a team (prepared from the pool's snapshot, if it names
 * one); it outlives this run of the schedule.
 */
async function startWarm(pool: WantedPool): Promise<string> {
  const { blueprint, team } = pool;
  const environmentId = `warm-${blueprint.name}-${uuid4().slice(0, 8)}`.slice(0, 63);
  const child = {
    environmentId,
    blueprint,
    owner: WARM_POOL_OWNER,
    team,
    warm: true,
    claimWarm: false,
    ...(pool.fromSnapshot ? { fromSnapshot: { snapshotId: pool.fromSnapshot } } : {}),
  };
  await startChild(createEnvironment, {
    workflowId: workflowIds.environment(environmentId),
    args: [child],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: initialSearchAttributes(child),
  });
  return environmentId;
}

/** Asks warm environments to tear themselves down; one claimed or gone meanwhile is skipped. */
async function drain(warm: WarmEnvironment[]): Promise<string[]> {
  const drained: string[] = [];
  for (const environment of warm) {
    try {
      await getExternalWorkflowHandle(environment.workflowId).signal(teardownSignal, {
        reason: 'requested',
        requestedBy: 'prewarm',
      });
      drained.push(environment.environmentId);
    } catch (error) {
      log.info('warm environment already gone', {
        environmentId: environment.environmentId,
        error: String(error),
      });
    }
  }
  return drained;
}

/** The pre-warm run before opt-in (`prewarm-opt-in`): only the listed pools, never shrunk. */
async function prewarmListedPools(input: PrewarmPoolInput): Promise<PrewarmPoolResult> {
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
