import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseCodecKey } from '../../temporal/codec-key.js';

/**
 * The local stack's payload codec key: a random 32-byte key generated once into the state dir
 * (codec.key, mode 0600) and shared by the worker, the API, the gateway and the CLI on this machine.
 * Returns the file's path, for MICROSTAX_CODEC_KEY_FILE. Production gives every process its key instead.
 */
export async function ensureDevCodecKey(stateDir: string): Promise<string> {
  const file = join(stateDir, 'codec.key');
  try {
    parseCodecKey(await readFile(file, 'utf8'), file);
    return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  // Write a temp file, then link it into place: link is atomic and fails when the file exists, so when
  // two processes race, both end up using the winner's complete key.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return file;
}
