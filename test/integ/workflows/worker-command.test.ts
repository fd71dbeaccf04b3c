import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.js';

const cli = fileURLToPath(new URL('../../../bin/microstax.js', import.meta.url));

describe('microstax worker', () => {
  it('connects to the stack (Temporal and the cluster), polls, is ready on its probe, and exits 0 on SIGTERM', async () => {
    const taskQueue = `worker-command-${randomUUID().slice(0, 8)}`;
    const healthPort = await freePort();
    const child = spawn(process.execPath, [cli, 'worker', '--no-schedules', '--task-queue', taskQueue], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MICROSTAX_WORKER_HEALTH_PORT: String(healthPort) },
    });
    let stderr = '';
    const polling = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes(`polling task queue ${taskQueue}`)) resolve();
      });
      child.on('exit', (code) => reject(new Error(`worker exited with ${code} before polling:\n${stderr}`)));
    });
    await polling;
    const probe = (path: string) => fetch(`http://127.0.0.1:${healthPort}${path}`);
    expect((await probe('/healthz')).status).toBe(200);
    const ready = await probe('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ state: 'RUNNING' });
    expect((await probe('/debug')).status).toBe(404);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopped');
  });

  it('refuses a malformed setting with one line naming it, exit 1, before connecting anywhere', async () => {
    const child = spawn(process.execPath, [cli, 'worker', '--no-schedules'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEMPORAL_ADDRESS: 'http://temporal:7233' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'microstax: invalid Temporal settings: TEMPORAL_ADDRESS: must be host:port, e.g. temporal-frontend.temporal.svc:7233',
    );
  });

  it('rejects a bad option with a usage error', async () => {
    const child = spawn(process.execPath, [cli, 'worker', '--idle-sweep-every', 'often'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--idle-sweep-every');
  });
});
