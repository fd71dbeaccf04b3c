import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient } from '../../../deploy/index.js';
import { REPO_ROOT } from '../../../local/stack/config.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { localStackEnv } from '../../../local/stack/process-settings.js';
import { isRunning } from '../../../local/stack/processes.js';
import { readStackState } from '../../../local/stack/state.js';
import { createPool } from '../../../store/database.js';
import { getEnvironment } from '../../../store/environments.js';
import { migrateUp } from '../../../store/migrate.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { bundleLifecycleWorkflows } from '../../../temporal/worker.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { stackKube } from '../deploy/helpers.js';
import { insertEnvironmentRow } from '../store/environment-row.js';
import { smallBlueprint } from './support/blueprints.js';
import { CapacityNode, isGone, namespacesOf } from './support/cluster.js';
import { activityRuns, newEnvironmentId } from './support/harness.js';

/**
 * Crash matrix. The worker runs in a child process with the real KubeRuntime on the stack's cluster,
 * and a create is interrupted at chosen points: the worker killed (SIGKILL) while waiting for readiness
 * and right after apply; the Temporal server killed and restarted; Postgres killed and restarted. Each
 * create must end ready exactly once (one deploy step, completed once), with one namespace, nothing left
 * after teardown, and (Postgres) the environment's row up to date.
 *
 * Server kills run on a PRIVATE stack (own state dir, ports shifted, own Temporal and Postgres; the
 * shared cluster through KUBECONFIG), never on the shared stack other test files use.
 */
const workerScript = fileURLToPath(new URL('./support/worker-process.ts', import.meta.url));
const run = promisify(execFile);
// Waiting for capacity must not count as failed while a test kills things around it.
const WAIT_GRACE_MS = 180_000;
let kube: KubeClient;
let bundlePath: string;
const children: ChildProcess[] = [];
const nodes: CapacityNode[] = [];

beforeAll(async () => {
  installTemporalRuntimeLogger();
  kube = await stackKube();
  const dir = await mkdtemp(join(tmpdir(), 'crash-bundle-'));
  bundlePath = join(dir, 'workflows.js');
  await writeFile(bundlePath, (await bundleLifecycleWorkflows()).code);
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const node of nodes.splice(0)) await node.remove().catch(() => undefined);
});

/** Starts a worker process with the given environment; resolves once it polls. */
async function startWorker(args: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', workerScript, JSON.stringify({ ...args, bundlePath })],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      if (String(d).includes('worker-ready')) resolve();
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`worker exited (${code ?? signal}) before ready: ${stderr}`)),
    );
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

/** Capacity for the pod that waits for it (see CapacityNode); removed after the test. */
async function addCapacity(): Promise<void> {
  const node = new CapacityNode(kube);
  nodes.push(node);
  await node.add();
}

/** The checks every cell of the matrix ends with: ready once, one namespace, nothing left after teardown. */
async function expectReadyOnceThenGone(params: {
  temporal: TemporalClientHandle;
  lifecycle: LifecycleClient;
  environmentId: string;
}): Promise<void> {
  const { temporal, lifecycle, environmentId } = params;
  const ready = await lifecycle.waitReady(environmentId);
  expect(ready.error).toBeUndefined();
  expect(ready.phase).toBe('ready');
  const workflowId = workflowIds.environment(environmentId);
  const deploys = await activityRuns(temporal.client, workflowId, 'deployEnvironment');
  expect(deploys).toMatchObject({ scheduled: 1, completed: 1 });
  expect(await namespacesOf(kube, environmentId)).toHaveLength(1);
  await lifecycle.teardown(environmentId, { reason: 'requested' });
  expect(await temporal.client.workflow.getHandle(workflowId).result()).toMatchObject({ phase: 'deleted' });
  expect(await isGone(kube, environmentId)).toBe(true);
}

describe('worker crash during create (shared stack)', () => {
  let temporal: TemporalClientHandle;
  beforeAll(async () => {
    temporal = await createTemporalClient({ env: await stackEnv() });
  });
  afterAll(() => temporal?.close());

  it('SIGKILL while waiting for readiness: a new worker finishes the create, ready exactly once', async () => {
    const taskQueue = `crash-waiting-${randomUUID().slice(0, 8)}`;
    const lifecycle = new LifecycleClient(temporal.client, taskQueue);
    const first = await startWorker({ taskQueue, unschedulableGraceMs: WAIT_GRACE_MS });
    const environmentId = newEnvironmentId('crash');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint({ waitForCapacity: true }),
      owner: 'ada',
      team: 'payments',
    });
    await waitFor(async () => (await lifecycle.getStatus(environmentId))?.phase === 'waiting');

    first.kill('SIGKILL');
    await exited(first);
    await startWorker({ taskQueue, unschedulableGraceMs: WAIT_GRACE_MS });
    await addCapacity();
    await expectReadyOnceThenGone({ temporal, lifecycle, environmentId });
    const deploys = await activityRuns(
      temporal.client,
      workflowIds.environment(environmentId),
      'deployEnvironment',
    );
    expect(deploys.attempts).toBe(2);
  });

  it('SIGKILL right after apply: the retried apply is idempotent, no duplicate, no orphan', async () => {
    const taskQueue = `crash-apply-${randomUUID().slice(0, 8)}`;
    const lifecycle = new LifecycleClient(temporal.client, taskQueue);
    const first = await startWorker({ taskQueue, crashAfterApply: true });
    const environmentId = newEnvironmentId('crash');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');
    expect(await namespacesOf(kube, environmentId)).toHaveLength(1);
    await startWorker({ taskQueue });
    await expectReadyOnceThenGone({ temporal, lifecycle, environmentId });
  });
});

describe('server crashes during create (a private stack: own Temporal and Postgres, the shared cluster)', () => {
  let stateDir: string;
  let env: NodeJS.ProcessEnv;
  let databaseUrl: string;

  const stack = async (...args: string[]) => {
    const { stdout } = await run('node', ['bin/microstax.js', 'stack', ...args], {
      cwd: REPO_ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };

  /** SIGKILLs one part of the private stack and waits until it is dead; `stack up` restarts it. */
  const kill = async (part: 'temporal' | 'postgres') => {
    const state = await readStackState(join(stateDir, 'stack.json'));
    const server = state!.parts[part]!.processes[0]!;
    process.kill(server.pid, 'SIGKILL');
    while (await isRunning(server)) await new Promise((r) => setTimeout(r, 50));
  };

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'microstax-crash-stack-'));
    await chmod(stateDir, 0o755); // the postgres user must reach its data dir inside
    env = {
      ...process.env,
      MICROSTAX_STATE_DIR: stateDir,
      MICROSTAX_STACK_PORT_OFFSET: '5000',
      KUBECONFIG: (await readStackEndpoints()).kubeconfigPath,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
    };
    databaseUrl = JSON.parse(await stack('up', '--json')).endpoints.databaseUrl;
    await migrateUp({ databaseUrl });
  }, 240_000);
  afterAll(async () => {
    if (!env) return;
    await stack('down', '--purge').catch(() => undefined);
    await rm(stateDir, { recursive: true, force: true });
  }, 120_000);

  it('SIGKILL of the Temporal server mid-create, then a restart: ready exactly once', async () => {
    let temporal = await createTemporalClient({ env: await localStackEnv(env) });
    const taskQueue = `crash-temporal-${randomUUID().slice(0, 8)}`;
    await startWorker({ taskQueue, unschedulableGraceMs: WAIT_GRACE_MS }, env);
    const environmentId = newEnvironmentId('crash');
    await new LifecycleClient(temporal.client, taskQueue).createEnvironment({
      environmentId,
      blueprint: smallBlueprint({ waitForCapacity: true }),
      owner: 'ada',
      team: 'payments',
    });
    const status = () => new LifecycleClient(temporal.client, taskQueue).getStatus(environmentId);
    await waitFor(async () => (await status())?.phase === 'waiting');

    await kill('temporal');
    await temporal.close();
    await addCapacity(); // the deploy finishes while the server is down
    await stack('up', '--json');
    temporal = await createTemporalClient({ env: await localStackEnv(env) });
    try {
      await expectReadyOnceThenGone({
        temporal,
        lifecycle: new LifecycleClient(temporal.client, taskQueue),
        environmentId,
      });
    } finally {
      await temporal.close();
    }
  });

  it('SIGKILL of Postgres mid-create, then a restart: ready exactly once and no record lost', async () => {
    const db = createPool({ databaseUrl, max: 2 });
    db.on('error', () => undefined);
    const temporal = await createTemporalClient({ env: await localStackEnv(env) });
    try {
      const taskQueue = `crash-postgres-${randomUUID().slice(0, 8)}`;
      const lifecycle = new LifecycleClient(temporal.client, taskQueue);
      const environmentId = newEnvironmentId('crash');
      const blueprint = smallBlueprint({ waitForCapacity: true });
      // The row the API writes at create time; the workflow keeps it up to date.
      await insertEnvironmentRow(db, {
        id: environmentId,
        blueprint,
        phase: 'pending',
        requestDigest: 'crash-test',
      });
      await startWorker({ taskQueue, unschedulableGraceMs: WAIT_GRACE_MS, databaseUrl }, env);
      await lifecycle.createEnvironment({ environmentId, blueprint, owner: 'ada', team: 'payments' });
      await waitFor(async () => (await lifecycle.getStatus(environmentId))?.phase === 'waiting');
      expect((await getEnvironment(db, environmentId))?.phase).toBe('pending');

      await kill('postgres');
      await addCapacity(); // ready while Postgres is down: recording it must wait and retry
      await waitFor(async () => (await lifecycle.getStatus(environmentId))?.phase === 'ready');
      await new Promise((r) => setTimeout(r, 3_000));
      await stack('up', '--json');
      await waitFor(async () => (await getEnvironment(db, environmentId))?.phase === 'ready', 120_000);
      const records = await activityRuns(
        temporal.client,
        workflowIds.environment(environmentId),
        'recordEnvironment',
      );
      expect(records.attempts).toBeGreaterThan(1); // at least one record was refused and retried

      await expectReadyOnceThenGone({ temporal, lifecycle, environmentId });
      const row = await getEnvironment(db, environmentId);
      expect(row?.phase).toBe('deleted');
      expect(row?.services.map((s) => s.name)).toEqual(['web', 'api']);
    } finally {
      await temporal.close();
      await db.end();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
