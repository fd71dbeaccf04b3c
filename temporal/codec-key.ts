import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type CodecKey, codecKeyFrom } from './codec.js';

/**
 * Where the payload codec's keys come from. Production sets MICROSTAX_CODEC_KEY (32 bytes, base64 or
 * hex) and, after a rotation, MICROSTAX_CODEC_PREVIOUS_KEYS (comma-separated). A local stack without
 * them gets a random dev key generated once into its state dir (codec.key, mode 0600), shared by the
 * worker, the API and the CLI on this machine.
 */
export interface CodecKeys {
  current: CodecKey;
  previous: CodecKey[];
  /** Where the current key came from: "env" or the key file's path. Never the key itself. */
  source: string;
}

export class CodecKeyError extends Error {
  readonly type = 'CodecKeyError';
  constructor(message: string) {
    super(message);
    this.name = 'CodecKeyError';
  }
}

/** Parses a 32-byte key written as 64 hex digits or as base64. */
export function parseCodecKey(text: string, what: string): CodecKey {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new CodecKeyError(
      `${what} must be 32 bytes as 64 hex digits or base64 (got ${bytes.length} bytes)`,
    );
  }
  return codecKeyFrom(bytes);
}

/** Loads the codec keys from the environment, or from (creating if absent) `<stateDir>/codec.key`. */
export async function loadCodecKeys(options: {
  stateDir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<CodecKeys> {
  const env = options.env ?? process.env;
  const previous = (env.MICROSTAX_CODEC_PREVIOUS_KEYS ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s, i) => parseCodecKey(s, `MICROSTAX_CODEC_PREVIOUS_KEYS[${i}]`));
  if (env.MICROSTAX_CODEC_KEY) {
    return {
      current: parseCodecKey(env.MICROSTAX_CODEC_KEY, 'MICROSTAX_CODEC_KEY'),
      previous,
      source: 'env',
    };
  }
  const file = join(options.stateDir, 'codec.key');
  const current = await readOrCreateKeyFile(file);
  return { current, previous, source: file };
}

async function readOrCreateKeyFile(file: string): Promise<CodecKey> {
  try {
    return parseCodecKey(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  // Write a temp file, then link it into place: link is atomic and fails when the file exists, so when
  // two processes race, both end up reading the winner's complete key.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return parseCodecKey(await readFile(file, 'utf8'), file);
}
