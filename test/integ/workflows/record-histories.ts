/**
 * Records the histories the replay test (test/unit/workflows/replay.test.ts) replays. Run it on the
 * real Temporal server after a DELIBERATE change to workflow logic has been guarded with patched(), to
 * add histories of the new version next to the old ones (never delete old ones while such workflows
 * may still run):
 *
 *   npx tsx test/integ/workflows/record-histories.ts v2              # every case, labelled v2
 *   npx tsx test/integ/workflows/record-histories.ts v2 sleep warm   # only the cases named
 *
 * The worker deploys with the real KubeRuntime on the stack's cluster.
 * Payloads are encrypted with the fixtures' own test key (test/fixtures/histories/codec-key.txt), which
 * protects nothing; real keys never appear in the repository.
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type PrewarmPoolInput,
  type PrewarmPoolResult,
  WorkflowType,
  workflowIds,
} from '../../../workflows/contracts.js';
import {
  TRAFFIC_DIFF_WORKFLOW_TYPE,
  trafficDiffWorkflowId,
} from '../../../workflows/traffic-diff-contracts.js';
import { resolvedService } from '../../support/resolved-service.js';
import { smallBlueprint } from './support/blueprints.js';
import { CAPACITY_NODE_CPU, clusterRuntime } from './support/cluster.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';
import { HoldingStore } from './support/holding-store.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
process.env.MICROSTAX_CODEC_KEY = (await readFile(join(fixturesDir, 'codec-key.txt'), 'utf8')).trim();

const harness = new WorkflowTestHarness();
await harness.setUp();
const label = process.argv[2] ?? 'v1';
const only = new Set(process.argv.slice(3));
/** Whether to record this case: all of them, or those named after the label. */
const wanted = (name: string) => only.size === 0 || only.has(name);

async function save(name: string, workflowId: string): Promise<void> {
  const handle = harness.temporal.client.workflow.getHandle(workflowId);
  await handle.result().catch(() => undefined);
  const history = await handle.fetchHistory();
  const file = join(fixturesDir, `${name}.${label}.json`);
  await writeFile(file, `${JSON.stringify(history, null, 1)}\n`);
  process.stdout.write(`recorded ${file} (${history.events?.length} events)\n`);
}

try {
  if (wanted('create')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-create' });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: smallBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await lifecycle.waitReady(id);
    await lifecycle.markActivity(id, 'ada');
    await lifecycle.extendTtl(id, '1h');
    await lifecycle.teardown(id, { reason: 'requested', requestedBy: 'ada' });
    await save('create-teardown', workflowIds.environment(id));
  }
  if (wanted('extend-bounded')) {
    // Extends within the cap (the bounded-extend patch marker), one refused by the Update validator
    // (no history event), then a teardown.
    const { lifecycle } = await harness.startWorker({ testName: 'record-extend-bounded' });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: smallBlueprint({ ttl: '1h' }),
      owner: 'ada',
      team: 'payments',
    });
    await lifecycle.waitReady(id);
    await lifecycle.extendTtl(id, '2h');
    await lifecycle.extendTtl(id, '99999999999999999999d').catch(() => undefined);
    await lifecycle.extendTtl(id, '364d').catch(() => undefined);
    await lifecycle.teardown(id, { reason: 'requested', requestedBy: 'ada' });
    await save('extend-bounded', workflowIds.environment(id));
  }
  if (wanted('compensation')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-compensation' });
    const id = newEnvironmentId('rec');
    const blueprint = smallBlueprint();
    // More CPU than any node has: the scheduler refuses it.
    blueprint.services[1]!.resources = {
      requests: { cpu: CAPACITY_NODE_CPU },
      limits: { cpu: CAPACITY_NODE_CPU },
    };
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint,
      owner: 'ada',
      team: 'payments',
    });
    await save('create-compensated', workflowIds.environment(id));
  }
  if (wanted('cancel')) {
    const runtime = clusterRuntime(harness.kube, { unschedulableGraceMs: 60_000 });
    const { lifecycle } = await harness.startWorker({ testName: 'record-cancel', runtime });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: smallBlueprint({ waitForCapacity: true }),
      owner: 'ada',
      team: 'payments',
    });
    for (let i = 0; i < 200 && (await lifecycle.getStatus(id))?.phase !== 'waiting'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('create-cancelled', workflowIds.environment(id));
  }
  if (wanted('ttl')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-ttl' });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: smallBlueprint(),
      owner: 'a',
      team: 't',
      ttl: '15s',
    });
    await save('create-ttl-expired', workflowIds.environment(id));
  }
  if (wanted('share')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-share' });
    const shareId = newEnvironmentId('share');
    await lifecycle.share({ shareId, environmentId: 'env-x', grantee: 'bob@example.com', ttl: '1h' });
    await lifecycle.revokeShare(shareId, 'ada');
    await save('share-revoked', workflowIds.share(shareId));
  }
  if (wanted('teardown')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-teardown' });
    const id = newEnvironmentId('gone');
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('teardown-absent', workflowIds.teardown(id));
  }
  if (wanted('seed')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-seed' });
    const id = newEnvironmentId('seed');
    const blueprint = {
      name: 'seeded',
      routing: 'dns' as const,
      services: [
        resolvedService({
          name: 'db',
          image: 'postgres:16-alpine',
          ports: [5432],
          isDataService: true,
          init: [{ type: 'sql' as const, script: 'seed.sql', content: 'SELECT 1;', sha256: 'd'.repeat(64) }],
        }),
      ],
    };
    await lifecycle.createEnvironment({ environmentId: id, blueprint, owner: 'a', team: 't' });
    await lifecycle.waitReady(id);
    await lifecycle.seed({ environmentId: id, blueprint, service: 'db', source: { kind: 'init' } }, 'r1');
    await save('seed-init', workflowIds.seed(id, 'r1'));
    await lifecycle.teardown(id, { reason: 'requested' });
  }
  if (wanted('sleep')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-sleep' });
    const id = newEnvironmentId('sleep');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: smallBlueprint(),
      owner: 'a',
      team: 't',
    });
    await lifecycle.waitReady(id);
    await lifecycle.sleep(id, 'a');
    await lifecycle.wake(id, 'a');
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('sleep-wake', workflowIds.environment(id));
  }
  if (wanted('sleep-during-wake')) {
    // A sleep asked while the wake's closing record runs (wake-update-own-wake): the wake is answered by
    // the wake that ended, then the sleep runs, then a second wake.
    const store = new HoldingStore();
    const { lifecycle } = await harness.startWorker({
      testName: 'record-sleep-during-wake',
      extra: { store },
    });
    const id = newEnvironmentId('sleep');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: smallBlueprint(),
      owner: 'a',
      team: 't',
    });
    await lifecycle.waitReady(id);
    await lifecycle.sleep(id, 'a');
    const closing = store.holdNext((status) => status.environmentId === id && status.phase === 'ready');
    const woken = lifecycle.wake(id, 'a');
    await closing.reached;
    await lifecycle.requestSleepMode({ environmentId: id, mode: 'sleep', requestedBy: 'a' });
    closing.release();
    await woken;
    await lifecycle.sleep(id, 'a');
    await lifecycle.wake(id, 'a');
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('sleep-during-wake', workflowIds.environment(id));
  }
  if (wanted('branch')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-branch' });
    const parent = newEnvironmentId('recpar');
    const branch = newEnvironmentId('recbr');
    const blueprint = smallBlueprint();
    await lifecycle.createEnvironment({ environmentId: parent, blueprint, owner: 'a', team: 't' });
    await lifecycle.waitReady(parent);
    await lifecycle.createEnvironment({
      environmentId: branch,
      blueprint,
      baseline: { environmentId: parent, blueprint },
      owner: 'a',
      team: 't',
    });
    await lifecycle.waitReady(branch);
    await lifecycle.teardown(branch, { reason: 'requested' });
    await save('branch-create', workflowIds.environment(branch));
    await lifecycle.teardown(parent, { reason: 'requested' });
  }
  if (wanted('apply')) {
    const { lifecycle } = await harness.startWorker({ testName: 'record-apply' });
    const id = newEnvironmentId('apply');
    const blueprint = smallBlueprint();
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint,
      owner: 'a',
      team: 't',
      name: 'pr-1',
      labels: { pr: '1' },
    });
    await lifecycle.waitReady(id);
    await lifecycle.apply(id, { blueprint, labels: { pr: '1' } });
    const next = {
      ...blueprint,
      services: blueprint.services.map((s) =>
        s.name === 'api' ? { ...s, image: 'ghcr.io/acme/api:2.0' } : s,
      ),
    };
    await lifecycle.apply(id, { blueprint: next, labels: { pr: '1', sha: 'b' } });
    await lifecycle.apply(id, { blueprint: smallBlueprint({ name: 'other' }) }).catch(() => undefined);
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('apply-update', workflowIds.environment(id));
  }
  if (wanted('warm')) {
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'record-warm' });
    const blueprint = smallBlueprint({ name: 'record-pool' });
    const prewarmId = newEnvironmentId('prewarm');
    const prewarm: PrewarmPoolResult = await harness.temporal.client.workflow.execute(
      WorkflowType.prewarmPool,
      {
        taskQueue,
        workflowId: prewarmId,
        args: [{ pools: [{ blueprint, size: 1 }] }],
      },
    );
    await save('prewarm-pool', prewarmId);
    const warmId = prewarm.pools[0]!.started[0]!;
    await lifecycle.waitReady(warmId);
    const id = newEnvironmentId('claim');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint,
      owner: 'ada',
      team: 'payments',
      idleAfter: '1s',
    });
    await lifecycle.waitReady(id);
    await save('warm-claimed', workflowIds.environment(warmId));
    await new Promise((r) => setTimeout(r, 1200));
    const sweepId = newEnvironmentId('sweep');
    await harness.temporal.client.workflow.execute(WorkflowType.idleSweep, {
      taskQueue,
      workflowId: sweepId,
      args: [{}],
    });
    await save('idle-sweep', sweepId);
    await save('claimer-idled-out', workflowIds.environment(id));
  }
  if (wanted('diff')) {
    // A fixture replayer (the recording is about the workflow's events, not the answers): the
    // baseline's two answers differ in a request id, the branch adds a field.
    let served = 0;
    const { taskQueue } = await harness.startWorker({
      testName: 'record-diff',
      extra: {
        trafficReplayer: {
          send: async ({ environmentId }) => ({
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ requestId: served++, ...(environmentId.includes('br') && { added: 1 }) }),
          }),
        },
      },
    });
    const runId = randomUUID();
    const workflowId = trafficDiffWorkflowId('recbr', runId);
    await harness.temporal.client.workflow.execute(TRAFFIC_DIFF_WORKFLOW_TYPE, {
      taskQueue,
      workflowId,
      args: [
        {
          runId,
          branchId: 'recbr',
          baselineId: 'recbase',
          requests: [
            { service: 'api', method: 'GET', path: '/a', headers: {} },
            { service: 'api', method: 'POST', path: '/a', headers: {}, body: '{}' },
          ],
          batchSize: 1,
          // v2 on: the write goes to the branch only.
          writes: { allowed: ['api'], refused: {} },
        },
      ],
    });
    await save('traffic-diff', workflowId);
  }

  if (wanted('prewarm-opt-in')) {
    // The opt-in run (`prewarm-opt-in` patch): one run fills a pool, the next (nothing kept) drains it.
    const { lifecycle, taskQueue } = await harness.startWorker({ testName: 'record-prewarm-opt-in' });
    const blueprint = smallBlueprint({ name: 'record-optin' });
    const team = 'payments';
    const run = async (input: PrewarmPoolInput) => {
      const workflowId = newEnvironmentId('prewarm');
      const result: PrewarmPoolResult = await harness.temporal.client.workflow.execute(
        WorkflowType.prewarmPool,
        {
          taskQueue,
          workflowId,
          args: [input],
        },
      );
      return { workflowId, result };
    };
    const filled = await run({ pools: [{ blueprint, size: 1, team }], optedIn: { teams: [team] } });
    await save('prewarm-pool', filled.workflowId);
    const warmId = filled.result.pools[0]!.started[0]!;
    await lifecycle.waitReady(warmId);
    const drained = await run({ pools: [], optedIn: { teams: [team] } });
    await save('prewarm-drain', drained.workflowId);
    await harness.temporal.client.workflow.getHandle(workflowIds.environment(warmId)).result();
  }
} finally {
  await harness.tearDown();
}
