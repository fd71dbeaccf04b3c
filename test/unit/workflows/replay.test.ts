import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { parseCodecKey } from '../../../temporal/codec-key.js';
import { createDataConverter } from '../../../temporal/data-converter.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { bundleLifecycleWorkflows } from '../../../temporal/worker.js';

/**
 * Replays recorded histories (test/fixtures/histories, made by test/integ/workflows/record-histories.ts)
 * against the current workflow code: a change that would break running workflows fails here. Guard
 * logic changes with patched(); never edit or delete a recorded history to make this pass.
 */
const fixturesDir = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
installTemporalRuntimeLogger();

describe('workflow replay of recorded histories', () => {
  it('replays every recorded history without non-determinism', { timeout: 120_000 }, async () => {
    const files = (await readdir(fixturesDir)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(11);
    const key = parseCodecKey(await readFile(join(fixturesDir, 'codec-key.txt'), 'utf8'), 'fixture key');
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file,
        // fromObject, not the SDK's historyFromJSON: that one trips over two protobufjs copies in this install.
        history: temporal.api.history.v1.History.fromObject(
          JSON.parse(await readFile(join(fixturesDir, file), 'utf8')),
        ),
      })),
    );
    const results = Worker.runReplayHistories(
      {
        workflowBundle: await bundleLifecycleWorkflows(),
        dataConverter: createDataConverter({ current: key, previous: [], source: 'fixture' }),
      },
      histories,
    );
    const failures: string[] = [];
    for await (const result of results) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
