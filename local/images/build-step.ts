import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { logTail } from '../stack/part-process.js';
import type { Progress } from '../stack/progress.js';
import { ImageError } from './errors.js';

/**
 * One external command of an image build (debootstrap, apt-get in a chroot, umoci, skopeo, go).
 * Its output goes to the image's build log, not the terminal; a failure names the image, the step
 * and the log, with the log's last lines.
 */
export interface BuildStep {
  /** The image being built or pushed. */
  image: string;
  /** What this step does, e.g. `apt-get install`; shown in progress and errors. */
  step: string;
  command: string;
  args: readonly string[];
  /** Appended with the command line and its output. */
  logFile: string;
  progress: Progress;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Error type on failure (pushes are `push-failed`). */
  failure?: 'build-failed' | 'push-failed';
  fix?: string;
}

/** Runs a build step to completion; ticks progress while it runs; throws ImageError on failure. */
export async function runBuildStep(step: BuildStep): Promise<void> {
  const log = await open(step.logFile, 'a');
  const startedAt = Date.now();
  try {
    await log.write(
      `\n--- ${new Date().toISOString()} ${step.step}: ${step.command} ${step.args.join(' ')}\n`,
    );
    const ticker = setInterval(() => step.progress.tick(`${step.image}: ${step.step}`, startedAt), 1_000);
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(step.command, step.args, {
          cwd: step.cwd,
          env: step.env ?? process.env,
          stdio: ['ignore', log.fd, log.fd],
        });
        child.once('error', reject);
        child.once('exit', (code, signal) =>
          code === 0 ? resolve() : reject(new Error(signal ? `killed by ${signal}` : `exit code ${code}`)),
        );
      });
    } finally {
      clearInterval(ticker);
    }
  } catch (error) {
    throw new ImageError(
      step.failure ?? 'build-failed',
      `${step.image}: ${step.step} failed (${(error as Error).message})\n${await logTail(step.logFile)}`,
      { image: step.image, step: step.step, logFile: step.logFile, fix: step.fix },
      { cause: error },
    );
  } finally {
    await log.close();
  }
}
