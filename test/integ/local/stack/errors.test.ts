import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, resolveStackConfig } from '../../../../local/stack/config.js';
import { readStackState } from '../../../../local/stack/state.js';

const run = promisify(execFile);

describe('stack up when a port is taken', () => {
  let stateDir: string;
  let env: NodeJS.ProcessEnv;
  let squatter: net.Server;

  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'microstax-busy-'));
    env = { ...process.env, MICROSTAX_STATE_DIR: stateDir, MICROSTAX_STACK_PORT_OFFSET: '7000' };
    squatter = net.createServer();
    await new Promise<void>((resolve) =>
      squatter.listen(resolveStackConfig(env).ports.temporal, '127.0.0.1', resolve),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => squatter.close(resolve));
    await rm(stateDir, { recursive: true, force: true });
  });

  it('fails with exit code 1, names the part, the port and the fix, and starts nothing', async () => {
    const port = resolveStackConfig(env).ports.temporal;
    const result = await run('node', ['bin/microstax.js', 'stack', 'up', '--json'], {
      cwd: REPO_ROOT,
      env,
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.type).toBe('part-failed');
    expect(error.part).toBe('temporal');
    expect(error.message).toContain(`port ${port} is already in use`);
    expect(error.fix).toContain('MICROSTAX_STACK_PORT_OFFSET');
    expect(result.stderr).toContain(`port ${port}`);
    // Nothing was started, so no process is recorded and no log was written.
    const state = await readStackState(path.join(stateDir, 'stack.json'));
    expect(state?.parts ?? {}).toEqual({});
    expect(state?.starting ?? []).toEqual([]);
    expect(await readdir(stateDir)).not.toContain('logs');
  });
});
