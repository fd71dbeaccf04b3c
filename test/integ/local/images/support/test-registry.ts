import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveStackConfig } from '../../../../../local/stack/config.js';
import { stopDaemon } from '../../../../../local/stack/processes.js';
import { silentProgress } from '../../../../../local/stack/progress.js';
import { type RegistryPart, startRegistry } from '../../../../../local/stack/registry.js';
import { freePort } from './rootfs-runner.js';

/** A real docker-registry of a test's own: a free port, storage in a temporary directory. */
export interface TestRegistry {
  part: RegistryPart;
  /** The temporary directory (state, storage, scratch space for the test). */
  dir: string;
  stop: () => Promise<void>;
}

export async function startTestRegistry(): Promise<TestRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'microstax-images-test-'));
  const base = resolveStackConfig({ ...process.env, MICROSTAX_STATE_DIR: path.join(dir, 'state') });
  const config = { ...base, ports: { ...base.ports, registry: await freePort() } };
  const part = await startRegistry({ config, progress: silentProgress, onStarted: async () => {} });
  return {
    part,
    dir,
    stop: async () => {
      for (const record of part.processes) await stopDaemon(record);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
