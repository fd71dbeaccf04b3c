import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { resolveStackConfig } from '../../../../local/stack/config.js';
import { silentProgress } from '../../../../local/stack/progress.js';
import { stackStatus, stackUp } from '../../../../local/stack/stack.js';

describe('stack up on a running stack', () => {
  it('changes nothing: same processes, same state file, every part healthy', async () => {
    const config = resolveStackConfig();
    // The first call repairs anything an earlier test file left behind; the second must be a no-op.
    await stackUp({ config, progress: silentProgress });
    const before = await readFile(config.stateFile, 'utf8');
    const result = await stackUp({ config, progress: silentProgress });
    expect(result.changed).toEqual([]);
    expect(await readFile(config.stateFile, 'utf8')).toBe(before);
    const status = await stackStatus({ config });
    // npm test runs the stack with its real node; `nodes` is listed only when it runs.
    const withNodes = result.state.parts.nodes !== undefined;
    expect(status.parts.map((part) => [part.part, part.healthy, part.problem])).toEqual([
      ['temporal', true, null],
      ['postgres', true, null],
      ['objects', true, null],
      ['tracing', true, null],
      ['kubernetes', true, null],
      ['oidc', true, null],
      ...(withNodes ? [['nodes', true, null]] : []),
    ]);
  });
});
