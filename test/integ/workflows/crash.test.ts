import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { bundleLifecycleWorkflows } from '../../../temporal/worker.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { FileRuntime } from './support/file-runtime.js';
import { newEnvironmentId } from './support/harness.js';

/**
 * Crash matrix, worker side: the worker runs in a child process and dies by SIGKILL at chosen points of
 * a create; a new worker takes over. The environment must end ready exactly once, with one namespace
 * (here: one state file), and teardown must leave nothing behind.
 */
const workerScript = fileURLToPath(new URL('./support/worker-process.ts', import.meta.url));
let temporal: TemporalClientHandle;
let bundlePath: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  temporal = await createTemporalClient();
  const dir = await mkdtemp(join(tmpdir(), 'crash-bundle-'));
  bundlePath = join(dir, 'workflows.js');
  await writeFile(bundlePath, (await bundleLifecycleWorkflows()).code);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => temporal?.close());

/** Starts a worker process; resolves once it polls. */
async function startWorker(args: Record<string, unknown>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', workerScript, JSON.stringify({ ...args, bundlePath })],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    },
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

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

describe('worker crash during create', () => {
  it('SIGKILL while waiting for readiness: a new worker finishes the create, ready exactly once', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'crash-state-'));
    const taskQueue = `crash-waiting-${randomUUID().slice(0, 8)}`;
    const lifecycle = new LifecycleClient(temporal.client, taskQueue);
    const first = await startWorker({ taskQueue, stateDir, serviceDelayMs: 5000 });
    const environmentId = newEnvironmentId('crash');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await waitFor(async () => (await lifecycle.getStatus(environmentId))?.phase === 'waiting');

    first.kill('SIGKILL');
    await killed(first);
    await startWorker({ taskQueue, stateDir, serviceDelayMs: 10 });

    const status = await lifecycle.waitReady(environmentId);
    expect(status.phase).toBe('ready');
    const runtime = new FileRuntime(stateDir);
    expect(await runtime.read(environmentId)).toMatchObject({ applies: 2, readyCount: 1 });
    expect(await readdir(stateDir)).toEqual([`${environmentId}.json`]);

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await temporal.client.workflow.getHandle(workflowIds.environment(environmentId)).result();
    expect(await readdir(stateDir)).toEqual([]);
  });

  it('SIGKILL right after apply: the retried apply is idempotent, no duplicate, no orphan', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'crash-state-'));
    const taskQueue = `crash-apply-${randomUUID().slice(0, 8)}`;
    const lifecycle = new LifecycleClient(temporal.client, taskQueue);
    const first = await startWorker({ taskQueue, stateDir, crashAfterApply: true });
    const environmentId = newEnvironmentId('crash');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    await killed(first);
    expect(first.signalCode).toBe('SIGKILL');
    await startWorker({ taskQueue, stateDir });

    expect((await lifecycle.waitReady(environmentId)).phase).toBe('ready');
    expect(await new FileRuntime(stateDir).read(environmentId)).toMatchObject({ applies: 2, readyCount: 1 });
    expect(await readdir(stateDir)).toEqual([`${environmentId}.json`]);
    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await temporal.client.workflow.getHandle(workflowIds.environment(environmentId)).result();
    expect(await readdir(stateDir)).toEqual([]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
