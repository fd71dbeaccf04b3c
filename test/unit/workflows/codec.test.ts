import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
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
      stateDir: '/nonexistent',
      env: {
        MICROSTAX_CODEC_KEY: key.toString('hex'),
        MICROSTAX_CODEC_PREVIOUS_KEYS: randomBytes(32).toString('base64'),
      },
    });
    expect(keys.current.key.equals(key)).toBe(true);
    expect(keys.previous).toHaveLength(1);
    expect(keys.source).toBe('env');
  });

  it('rejects a key of the wrong size without printing it', async () => {
    const bad = 'c2hvcnQta2V5';
    const error = await loadCodecKeys({ stateDir: '/nonexistent', env: { MICROSTAX_CODEC_KEY: bad } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(CodecKeyError);
    expect(String(error.message)).not.toContain(bad);
  });

  it('generates one dev key in the state dir (mode 0600) and reuses it, also under concurrent loads', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'codec-key-'));
    const loaded = await Promise.all([1, 2, 3, 4].map(() => loadCodecKeys({ stateDir, env: {} })));
    const ids = new Set(loaded.map((k) => k.current.id));
    expect(ids.size).toBe(1);
    const file = join(stateDir, 'codec.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toHaveLength(44);
    expect((await loadCodecKeys({ stateDir, env: {} })).current.id).toBe(loaded[0]!.current.id);
  });
});
