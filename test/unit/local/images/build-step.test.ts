import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuildStep } from '../../../../local/images/build-step.js';
import { ImageError } from '../../../../local/images/errors.js';
import { silentProgress } from '../../../../local/stack/progress.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'microstax-build-step-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runBuildStep', () => {
  it('appends the command line and its output to the build log', async () => {
    const logFile = path.join(dir, 'ok.log');
    await runBuildStep({
      image: 'redis',
      step: 'apt-get install',
      command: 'sh',
      args: ['-c', 'echo installed'],
      logFile,
      progress: silentProgress,
    });
    const log = await readFile(logFile, 'utf8');
    expect(log).toMatch(/apt-get install: sh -c echo installed\ninstalled\n/);
  });

  it('fails with an ImageError naming the image, the step, the log, its tail and the fix', async () => {
    const logFile = path.join(dir, 'failed.log');
    const failure = await runBuildStep({
      image: 'postgres',
      step: 'apt-get install postgresql-15',
      command: 'sh',
      args: ['-c', 'echo "E: Unable to locate package postgresql-15" >&2; exit 100'],
      logFile,
      progress: silentProgress,
      fix: 'check the mirror',
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImageError);
    const error = failure as ImageError;
    expect(error.type).toBe('build-failed');
    expect(error.params).toEqual({
      image: 'postgres',
      step: 'apt-get install postgresql-15',
      logFile,
      fix: 'check the mirror',
    });
    expect(error.message).toContain('postgres: apt-get install postgresql-15 failed (exit code 100)');
    expect(error.message).toContain('E: Unable to locate package postgresql-15');
    expect(error.toJSON()).toMatchObject({ type: 'build-failed', image: 'postgres', logFile });
  });

  it('reports a missing program as a failed step too', async () => {
    const failure = await runBuildStep({
      image: 'base',
      step: 'debootstrap',
      command: 'no-such-program-microstax',
      args: [],
      logFile: path.join(dir, 'missing.log'),
      progress: silentProgress,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: 'build-failed', params: { image: 'base', step: 'debootstrap' } });
    expect((failure as Error).message).toMatch(/ENOENT/);
  });
});
