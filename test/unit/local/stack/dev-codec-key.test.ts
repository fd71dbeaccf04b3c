import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDevCodecKey } from '../../../../local/stack/dev-codec-key.js';
import { loadCodecKeys } from '../../../../temporal/codec-key.js';

describe('the local stack dev codec key', () => {
  it('is generated once in the state dir (mode 0600) and reused, also under concurrent calls', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'codec-key-'));
    const files = await Promise.all([1, 2, 3, 4].map(() => ensureDevCodecKey(stateDir)));
    expect(new Set(files)).toEqual(new Set([join(stateDir, 'codec.key')]));
    const file = files[0]!;
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toHaveLength(44);
    const first = await loadCodecKeys({ MICROSTAX_CODEC_KEY_FILE: file });
    await ensureDevCodecKey(stateDir);
    expect((await loadCodecKeys({ MICROSTAX_CODEC_KEY_FILE: file })).current.id).toBe(first.current.id);
  });
});
