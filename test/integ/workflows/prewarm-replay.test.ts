import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blueprintDigest } from '../../../activities/create-activities.js';
import { createPlanner } from '../../../activities/planner-adapter.js';
import { postgresPrewarmCatalog } from '../../../activities/postgres-prewarm-catalog.js';
import { demandRequests, generatePrewarmDemand, scheduleDecision } from '../../../bench/prewarm/demand.js';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { HOUR_MS, hourStart } from '../../../planner/forecast/time.js';
import { registerBlueprintVersion } from '../../../store/blueprints.js';
import { createHistory } from '../../../store/create-history.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { ensureSchedules } from '../../../temporal/schedules.js';
import { type PrewarmPoolResult, scheduleIds } from '../../../workflows/contracts.js';
import { until } from '../../support/until.js';
import { WorkflowTestHarness } from './support/harness.js';

/**
 * The prewarm-replay bench replays the pre-warm decisions on a simulated clock. This is its check on the
 * real stack: the recorded demand is written to Postgres as past creates (moved so that now is the late
 * morning of the replayed day), the real pre-warm Schedule runs once, and its pool target is the one the
 * bench's decision takes at the same instant. Fresh database, Temporal, kwok nodes.
 */
const harness = new WorkflowTestHarness({ database: 'prewarm_replay' });
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

const suffix = randomUUID().slice(0, 6);
const team = `replayteam-${suffix}`;
const name = `replay-${suffix}`;
const source = `name: ${name}
prewarm: { min: 0, max: 3 }
services:
  - name: web
    image: ghcr.io/acme/web:1.0
    expose: 8080
`;

describe('pre-warm replay on the real Schedule', () => {
  it('the Schedule sizes the pool as the replay decides at the same instant', {
    timeout: 120_000,
  }, async () => {
    const resolved = await resolveBlueprintSource({ source, fileName: `${name}.yaml` });
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
    const blueprint = resolved.blueprint;
    await ensureTeam(harness.pool, { id: team });
    const user = await upsertUser(harness.pool, { name: 'ada', teamId: team, role: 'member' });
    const { version } = await registerBlueprintVersion(harness.pool, {
      teamId: team,
      name,
      fileName: `${name}.yaml`,
      source,
      scripts: {},
      resolvedDigest: blueprintDigest(blueprint),
      serviceCount: blueprint.services.length,
      createdBy: user.id,
      prewarm: blueprint.prewarm,
    });

    // The recorded creates, moved so that this hour is 10:00 of the replayed day; those before now are written.
    const demand = generatePrewarmDemand();
    const shift = hourStart(Date.now()) - (demand.replayDay + 10 * HOUR_MS);
    const past = demandRequests({ ...demand, blueprint: name, team }, shift).filter((r) => r.at < Date.now());
    await harness.pool.query(
      `INSERT INTO environments (id, team_id, owner_id, blueprint_version_id, phase, workflow_id, request_digest, created_at)
       SELECT 'hist-' || n, $1, $2, $3, 'deleted', 'env-hist-' || n, 'replay', at
         FROM unnest($4::timestamptz[]) WITH ORDINALITY AS t(at, n)`,
      [team, user.id, version.id, past.map((r) => new Date(r.at))],
    );
    expect(await createHistory(harness.pool, { blueprint: name, team })).toHaveLength(past.length);

    const { taskQueue } = await harness.startWorker({
      testName: 'prewarm-replay',
      // The worker's planner: the forecast over the team's creates in the database.
      planner: createPlanner({
        requestHistory: (bp, t) => createHistory(harness.pool, { blueprint: bp, team: t }),
      }),
      extra: { prewarmCatalog: postgresPrewarmCatalog(harness.pool) },
    });
    const schedules = await ensureSchedules({
      client: harness.temporal.client,
      taskQueue,
      idSuffix: taskQueue,
      schedules: {
        idleSweepEvery: '1h',
        prewarm: { every: '1h', input: { pools: [], optedIn: { teams: [team], maxWarmPerTeam: 10 } } },
      },
    });
    try {
      const prewarm = harness.temporal.client.schedule.getHandle(
        schedules.find((id) => id.startsWith(scheduleIds.prewarm))!,
      );
      const before = Date.now();
      await prewarm.trigger();
      const actions = await until(
        'the triggered pre-warm run',
        async () => (await prewarm.describe()).info.recentActions,
        (recent) => recent.length > 0,
        { timeoutMs: 30_000 },
      );
      const run: PrewarmPoolResult = await harness.temporal.client.workflow
        .getHandle(actions[0]!.action.workflow.workflowId)
        .result();
      const after = Date.now();

      const decide = scheduleDecision({ requests: past, blueprint, team });
      // The decision depends on the hour only; a run that straddles an hour may take either.
      const expected = new Set([await decide(before), await decide(after)]);
      expect(run.pools).toHaveLength(1);
      const [taken] = run.pools;
      expect(taken).toMatchObject({ blueprint: name, team, warm: 0 });
      expect([...expected]).toContain(taken!.target);
      expect(taken!.started).toHaveLength(taken!.target);
      // A busy hour of the recorded day: the forecast keeps warm environments.
      expect(taken!.target).toBeGreaterThan(0);
      process.stderr.write(
        `prewarm-replay: ${past.length} recorded creates; the Schedule's target ${taken!.target}, the replay's ${[...expected].join(' or ')}\n`,
      );
    } finally {
      for (const id of schedules) await harness.temporal.client.schedule.getHandle(id).delete();
    }
  });
});
