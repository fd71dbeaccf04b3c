import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  AesGcmPayloadCodec,
  codecKeyFrom,
  ENCRYPTED_ENCODING,
  PayloadDecryptionError,
} from '../../../temporal/codec.js';
import { CodecKeyError, loadCodecKeys } from '../../../temporal/codec-key.js';

const secret = 'hunter2-super-secret-password';
const payload = () => defaultPayloadConverter.toPayload({ env: [{ name: 'DB_PASSWORD', value: secret }] });

describe('AesGcmPayloadCodec', () => {
  it('round-trips a payload and leaves no clear text in the encoded bytes', async () => {
    const codec = new AesGcmPayloadCodec(codecKeyFrom(randomBytes(32)));
    const [encoded] = await codec.encode([payload()]);
    expect(new TextDecoder().decode(encoded!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toContain(secret);
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({
      env: [{ name: 'DB_PASSWORD', value: secret }],
    });
  });

  it('decrypts with a previous key after rotation, and names an unknown key', async () => {
    const oldKey = codecKeyFrom(randomBytes(32));
    const [encoded] = await new AesGcmPayloadCodec(oldKey).encode([payload()]);
    const rotated = new AesGcmPayloadCodec(codecKeyFrom(randomBytes(32)), [oldKey]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([encoded!]))[0]!)).toBeTruthy();
    const stranger = new AesGcmPayloadCodec(codecKeyFrom(randomBytes(32)));
    await expect(stranger.decode([encoded!])).rejects.toThrow(oldKey.id);
  });

  it('rejects tampered ciphertext', async () => {
    const codec = new AesGcmPayloadCodec(codecKeyFrom(randomBytes(32)));
    const [encoded] = await codec.encode([payload()]);
    const data = Buffer.from(encoded!.data!);
    data[20] = data[20]! ^ 0xff;
    await expect(codec.decode([{ ...encoded!, data }])).rejects.toBeInstanceOf(PayloadDecryptionError);
  });

  it('passes unencrypted payloads through (history written before the codec)', async () => {
    const codec = new AesGcmPayloadCodec(codecKeyFrom(randomBytes(32)));
    const plain = payload();
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});

describe('loadCodecKeys', () => {
  it('uses MICROSTAX_CODEC_KEY (hex or base64) and previous keys', async () => {
    const key = randomBytes(32);
    const keys = await loadCodecKeys({
      MICROSTAX_CODEC_KEY: key.toString('hex'),
      MICROSTAX_CODEC_PREVIOUS_KEYS: randomBytes(32).toString('base64'),
    });
    expect(keys.current.key.equals(key)).toBe(true);
    expect(keys.previous).toHaveLength(1);
    expect(keys.source).toBe('env');
  });

  it('rejects a key of the wrong size without printing it', async () => {
    const bad = 'c2hvcnQta2V5';
    const error = await loadCodecKeys({ MICROSTAX_CODEC_KEY: bad }).catch((e) => e);
    expect(error).toBeInstanceOf(CodecKeyError);
    expect(String(error.message)).not.toContain(bad);
  });

  it('reads MICROSTAX_CODEC_KEY_FILE (a mounted Secret) and names the file when it is unreadable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'codec-key-'));
    const file = join(dir, 'key');
    const key = randomBytes(32);
    await writeFile(file, `${key.toString('base64')}\n`);
    const keys = await loadCodecKeys({ MICROSTAX_CODEC_KEY_FILE: file });
    expect(keys.current.key.equals(key)).toBe(true);
    expect(keys.source).toBe(file);
    await expect(loadCodecKeys({ MICROSTAX_CODEC_KEY_FILE: join(dir, 'missing') })).rejects.toThrow(
      /MICROSTAX_CODEC_KEY_FILE: cannot read .*missing \(ENOENT\)/,
    );
  });

  it('refuses to run without a key, naming both variables (no generated key in product code)', async () => {
    await expect(loadCodecKeys({})).rejects.toThrow(
      /MICROSTAX_CODEC_KEY \(or MICROSTAX_CODEC_KEY_FILE\) is not set/,
    );
  });
});
