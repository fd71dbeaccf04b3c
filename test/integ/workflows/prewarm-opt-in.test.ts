import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blueprintDigest } from '../../../activities/create-activities.js';
import { postgresPrewarmCatalog } from '../../../activities/postgres-prewarm-catalog.js';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { registerBlueprintVersion } from '../../../store/blueprints.js';
import { ensureTeam } from '../../../store/teams.js';
import { ensureSchedules } from '../../../temporal/schedules.js';
import {
  type EnvironmentOutcome,
  type PrewarmPoolResult,
  scheduleIds,
  workflowIds,
} from '../../../workflows/contracts.js';
import { until } from '../../support/until.js';
import { isGone } from './support/cluster.js';
import { WorkflowTestHarness } from './support/harness.js';

/**
 * Pre-warm opted into by the blueprint: the real pre-warm Schedule (run once by a trigger) warms the
 * latest registered version that says `prewarm` for its team (within the team's budget), and drains the
 * pool once a newer version opts out. Real Postgres (a fresh database), Temporal and the stack's cluster (kwok nodes).
 */
const harness = new WorkflowTestHarness({ database: 'prewarm_opt_in' });
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

const suffix = randomUUID().slice(0, 6);
const team = `warmteam-${suffix}`;
const name = `optin-${suffix}`;
const source = (prewarm: string, blueprint = name) => `name: ${blueprint}
${prewarm}
services:
  - name: web
    image: ghcr.io/acme/web:1.0
    expose: 8080
  - name: api
    image: ghcr.io/acme/api:1.0
    ports: [8080]
`;

/** Registers a version of the blueprint for the team, as the API does (its resolved `prewarm` stored). */
async function register(text: string): Promise<void> {
  const resolved = await resolveBlueprintSource({ source: text, fileName: `${name}.yaml` });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  await registerBlueprintVersion(harness.pool, {
    teamId: team,
    name: resolved.blueprint.name,
    fileName: `${name}.yaml`,
    source: text,
    scripts: {},
    resolvedDigest: blueprintDigest(resolved.blueprint),
    serviceCount: resolved.blueprint.services.length,
    createdBy: null,
    prewarm: resolved.blueprint.prewarm,
  });
}

describe('pre-warm opted into by blueprints', () => {
  it('the Schedule warms an opted-in blueprint for its team, and drains the pool once it opts out', {
    timeout: 240_000,
  }, async () => {
    await ensureTeam(harness.pool, { id: team });
    await register(source('prewarm: { min: 1, max: 1 }'));
    // A second opted-in blueprint of the team: over the team's budget of one warm environment.
    const second = `${name}-b`;
    await register(source('prewarm: true', second));
    const { lifecycle, taskQueue } = await harness.startWorker({
      testName: 'prewarm-opt-in',
      extra: { prewarmCatalog: postgresPrewarmCatalog(harness.pool) },
    });
    const schedules = await ensureSchedules({
      client: harness.temporal.client,
      taskQueue,
      idSuffix: taskQueue,
      // Runs only when triggered below; only this test's team.
      schedules: {
        idleSweepEvery: '1h',
        prewarm: { every: '1h', input: { pools: [], optedIn: { teams: [team], maxWarmPerTeam: 1 } } },
      },
    });
    const prewarm = harness.temporal.client.schedule.getHandle(
      schedules.find((id) => id.startsWith(scheduleIds.prewarm))!,
    );
    /** Triggers the Schedule's action once and returns that run's result. */
    const runOnce = async (): Promise<PrewarmPoolResult> => {
      const before = (await prewarm.describe()).info.recentActions.length;
      await prewarm.trigger();
      const actions = await until(
        'the triggered pre-warm run',
        async () => (await prewarm.describe()).info.recentActions,
        (recent) => recent.length > before,
        { timeoutMs: 30_000 },
      );
      const { workflowId } = actions[actions.length - 1]!.action.workflow;
      return harness.temporal.client.workflow.getHandle(workflowId).result();
    };
    try {
      const filled = await runOnce();
      expect(filled.pools).toEqual([
        { blueprint: name, team, target: 1, warm: 0, started: [expect.stringMatching(/^warm-optin-/)] },
        { blueprint: second, team, target: 0, warm: 0, started: [] },
      ]);
      const warmId = filled.pools[0]!.started[0]!;
      const warm = await lifecycle.waitReady(warmId);
      expect(warm).toMatchObject({ phase: 'warm', team, owner: 'warm-pool' });

      // Running it again keeps the pool as it is.
      const kept = await runOnce();
      expect(kept.pools[0]).toMatchObject({ target: 1, warm: 1, started: [] });

      // Newer versions without `prewarm` opt out: the next run tears the pool down.
      await register(source('description: no longer warmed'));
      await register(source('description: no longer warmed', second));
      const drained = await runOnce();
      expect(drained).toEqual({ pools: [], drained: [warmId] });
      const outcome = (await harness.temporal.client.workflow
        .getHandle(workflowIds.environment(warmId))
        .result()) as EnvironmentOutcome;
      expect(outcome.phase).toBe('deleted');
      expect(await isGone(harness.kube, warmId)).toBe(true);
    } finally {
      for (const id of schedules) await harness.temporal.client.schedule.getHandle(id).delete();
    }
  });
});
