import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../../bin/microstax.js', import.meta.url));

describe('microstax worker', () => {
  it('connects to the stack (Temporal and the cluster), polls, and exits 0 on SIGTERM', async () => {
    const taskQueue = `worker-command-${randomUUID().slice(0, 8)}`;
    const child = spawn(process.execPath, [cli, 'worker', '--no-schedules', '--task-queue', taskQueue], {
      stdio: ['ignore', 'pipe', 'pipe'],
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
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopped');
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
