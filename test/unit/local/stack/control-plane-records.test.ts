import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveStackConfig } from '../../../../local/stack/config.js';
import { isRunning, startDaemon, stopDaemon } from '../../../../local/stack/processes.js';
import { silentProgress } from '../../../../local/stack/progress.js';
import { stackDown, stackStatus } from '../../../../local/stack/stack.js';
import {
  emptyStackState,
  type ProcessRecord,
  readStackState,
  writeStackState,
} from '../../../../local/stack/state.js';

/**
 * The control plane `microstax demo` starts is recorded in the stack state like the stack's own
 * processes: `stack status` lists it and `stack down` stops it. Stand-in processes (`sleep`) play
 * the worker and API here; the demo's integration test runs the real ones.
 */
describe('control plane records in the stack state', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('stack status shows the recorded worker and API, and stack down stops them and forgets them', async () => {
    const stateDir = await mkdtemp(path.join(tmpdir(), 'microstax-control-plane-'));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    const config = resolveStackConfig({ MICROSTAX_STATE_DIR: stateDir });
    const records: ProcessRecord[] = [];
    for (const name of ['worker', 'api']) {
      const record = await startDaemon({ name, binary: 'sleep', args: ['120'], logsDir: config.logsDir });
      cleanups.push(() => stopDaemon(record));
      records.push(record);
    }
    await writeStackState(config.stateFile, {
      ...emptyStackState(stateDir),
      controlPlane: { apiUrl: 'http://127.0.0.1:1', processes: records },
    });

    const status = await stackStatus({ config });
    expect(status.controlPlane.processes.map((p) => [p.name, p.running])).toEqual([
      ['worker', true],
      ['api', true],
    ]);
    // The API does not answer /readyz: unhealthy, with the reason; the stack's own `up` ignores it.
    expect(status.controlPlane.healthy).toBe(false);
    expect(status.controlPlane.problem).toBeTruthy();

    const down = await stackDown({ config, progress: silentProgress });
    expect(down.stopped.map((record) => record.name)).toEqual(['worker', 'api']);
    for (const record of records) expect(await isRunning(record)).toBe(false);
    expect((await readStackState(config.stateFile))?.controlPlane).toBeUndefined();
  });
});
