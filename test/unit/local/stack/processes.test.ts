import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsBinary } from '../../../../local/stack/processes.js';

describe('runsBinary', () => {
  it('tells whether a recorded process runs this executable (a bumped pin restarts the node part)', async () => {
    expect(await runsBinary({ pid: process.pid }, process.execPath)).toBe(true);
    expect(await runsBinary({ pid: process.pid }, '/usr/bin/containerd')).toBe(false);
    // A process that is gone runs nothing.
    expect(await runsBinary({ pid: 2 ** 22 + 1 }, process.execPath)).toBe(false);
  });

  it('resolves symlinks in the expected path (a cache dir reached through a link is the same binary)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'msx-runs-binary-'));
    try {
      const link = path.join(dir, 'node-link');
      await symlink(process.execPath, link);
      expect(await runsBinary({ pid: process.pid }, link)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
