import { readFile } from 'node:fs/promises';
import { type CodecKey, codecKeyFrom } from './codec.js';

/**
 * Where the payload codec's keys come from: MICROSTAX_CODEC_KEY (32 bytes, base64 or hex), or
 * MICROSTAX_CODEC_KEY_FILE (a file holding it, e.g. a mounted Secret), and after a rotation
 * MICROSTAX_CODEC_PREVIOUS_KEYS (comma-separated). Every process of one installation needs the same
 * key. (The CLI points a local stack's processes at the stack's generated dev key file.)
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

/** The variables that name the codec keys. */
export const CODEC_KEY_ENV = {
  key: 'MICROSTAX_CODEC_KEY',
  keyFile: 'MICROSTAX_CODEC_KEY_FILE',
  previousKeys: 'MICROSTAX_CODEC_PREVIOUS_KEYS',
} as const;

/** Loads the codec keys from MICROSTAX_CODEC_KEY or MICROSTAX_CODEC_KEY_FILE; neither set is an error. */
export async function loadCodecKeys(env: NodeJS.ProcessEnv = process.env): Promise<CodecKeys> {
  const previous = (env[CODEC_KEY_ENV.previousKeys] ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s, i) => parseCodecKey(s, `${CODEC_KEY_ENV.previousKeys}[${i}]`));
  const inline = env[CODEC_KEY_ENV.key];
  if (inline) return { current: parseCodecKey(inline, CODEC_KEY_ENV.key), previous, source: 'env' };
  const file = env[CODEC_KEY_ENV.keyFile];
  if (file) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new CodecKeyError(
        `${CODEC_KEY_ENV.keyFile}: cannot read ${file} (${error.code ?? error.message})`,
      );
    });
    return { current: parseCodecKey(text, `${CODEC_KEY_ENV.keyFile} (${file})`), previous, source: file };
  }
  throw new CodecKeyError(
    `${CODEC_KEY_ENV.key} (or ${CODEC_KEY_ENV.keyFile}) is not set: workflow payloads are encrypted with it, ` +
      'and every MicroStax process of an installation needs the same 32-byte key (openssl rand -base64 32)',
  );
}
