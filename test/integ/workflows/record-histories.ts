/**
 * Records the histories the replay test (test/unit/workflows/replay.test.ts) replays. Run it on the
 * real Temporal server after a DELIBERATE change to workflow logic has been guarded with patched(), to
 * add histories of the new version next to the old ones (never delete old ones while such workflows
 * may still run):
 *
 *   npx tsx test/integ/workflows/record-histories.ts
 *
 * Payloads are encrypted with the fixtures' own test key (test/fixtures/histories/codec-key.txt), which
 * protects nothing; real keys never appear in the repository.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PrewarmPoolResult, WorkflowType, workflowIds } from '../../../workflows/contracts.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';
import { InMemoryRuntime } from './support/in-memory-runtime.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
process.env.MICROSTAX_CODEC_KEY = (await readFile(join(fixturesDir, 'codec-key.txt'), 'utf8')).trim();

const harness = new WorkflowTestHarness();
await harness.setUp();
const label = process.argv[2] ?? 'v1';

async function save(name: string, workflowId: string): Promise<void> {
  const handle = harness.temporal.client.workflow.getHandle(workflowId);
  await handle.result().catch(() => undefined);
  const history = await handle.fetchHistory();
  const file = join(fixturesDir, `${name}.${label}.json`);
  await writeFile(file, `${JSON.stringify(history, null, 1)}\n`);
  process.stdout.write(`recorded ${file} (${history.events?.length} events)\n`);
}

try {
  {
    const { lifecycle } = await harness.startWorker({
      testName: 'record-create',
      runtime: new InMemoryRuntime(),
    });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await lifecycle.waitReady(id);
    await lifecycle.markActivity(id, 'ada');
    await lifecycle.extendTtl(id, '1h');
    await lifecycle.teardown(id, { reason: 'requested', requestedBy: 'ada' });
    await save('create-teardown', workflowIds.environment(id));
  }
  {
    const runtime = new InMemoryRuntime({ failService: { name: 'api', reason: 'CrashLoopBackOff: exit 1' } });
    const { lifecycle } = await harness.startWorker({ testName: 'record-compensation', runtime });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await save('create-compensated', workflowIds.environment(id));
  }
  {
    const runtime = new InMemoryRuntime({ serviceDelayMs: 60_000 });
    const { lifecycle } = await harness.startWorker({ testName: 'record-cancel', runtime });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    for (let i = 0; i < 200 && (await lifecycle.getStatus(id))?.phase !== 'waiting'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('create-cancelled', workflowIds.environment(id));
  }
  {
    const { lifecycle } = await harness.startWorker({
      testName: 'record-ttl',
      runtime: new InMemoryRuntime(),
    });
    const id = newEnvironmentId('rec');
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint: checkoutBlueprint(),
      owner: 'a',
      team: 't',
      ttl: '2s',
    });
    await save('create-ttl-expired', workflowIds.environment(id));
  }
  {
    const { lifecycle } = await harness.startWorker({
      testName: 'record-share',
      runtime: new InMemoryRuntime(),
    });
    const shareId = newEnvironmentId('share');
    await lifecycle.share({ shareId, environmentId: 'env-x', grantee: 'bob@example.com', ttl: '1h' });
    await lifecycle.revokeShare(shareId, 'ada');
    await save('share-revoked', workflowIds.share(shareId));
  }
  {
    const { lifecycle } = await harness.startWorker({
      testName: 'record-teardown',
      runtime: new InMemoryRuntime(),
    });
    const id = newEnvironmentId('gone');
    await lifecycle.teardown(id, { reason: 'requested' });
    await save('teardown-absent', workflowIds.teardown(id));
  }
  {
    const { lifecycle } = await harness.startWorker({
      testName: 'record-seed',
      runtime: new InMemoryRuntime(),
    });
    const id = newEnvironmentId('seed');
    await lifecycle.seed(
      { environmentId: id, blueprint: checkoutBlueprint(), service: 'db', source: { kind: 'init' } },
      'r1',
    );
    await save('seed-init', workflowIds.seed(id, 'r1'));
  }
  {
    const { lifecycle, taskQueue } = await harness.startWorker({
      testName: 'record-warm',
      runtime: new InMemoryRuntime(),
    });
    const blueprint = checkoutBlueprint({ name: 'record-pool' });
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
} finally {
  await harness.tearDown();
}
