import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { StackConfig } from './config.js';

/**
 * Runs `work` while holding the stack's lock, so two commands that write the state file
 * (`stack up`/`down`, `demo` starting the control plane) never interleave.
 */
export async function withStackLock<T>(config: StackConfig, work: () => Promise<T>): Promise<T> {
  await mkdir(config.stateDir, { recursive: true });
  const target = path.join(config.stateDir, '.stack');
  await writeFile(target, '', { flag: 'a' });
  const release = await lockfile.lock(target, {
    stale: 60_000,
    update: 10_000,
    retries: { retries: 24 * 60, minTimeout: 5_000, maxTimeout: 5_000 },
    onCompromised: () => {},
  });
  try {
    return await work();
  } finally {
    await release();
  }
}
