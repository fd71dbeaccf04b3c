import { describe, expect, it } from 'vitest';
import { runsBinary } from '../../../../local/stack/processes.js';

describe('runsBinary', () => {
  it('tells whether a recorded process runs this executable (a bumped pin restarts the node part)', async () => {
    expect(await runsBinary({ pid: process.pid }, process.execPath)).toBe(true);
    expect(await runsBinary({ pid: process.pid }, '/usr/bin/containerd')).toBe(false);
    // A process that is gone runs nothing.
    expect(await runsBinary({ pid: 2 ** 22 + 1 }, process.execPath)).toBe(false);
  });
});
