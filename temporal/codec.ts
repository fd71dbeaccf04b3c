import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';

/**
 * Encrypts every payload (workflow inputs and results, activity arguments, signals, memos) with
 * AES-256-GCM before it leaves the process, so workflow history on the server never holds a secret in
 * clear text. The key id travels in the payload metadata so old keys can still decrypt after rotation.
 */

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** A 32-byte AES key and the short id derived from it. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

/** Raised when a payload cannot be decrypted: unknown key id or tampered ciphertext. */
export class PayloadDecryptionError extends Error {
  readonly type = 'PayloadDecryptionError';
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

/** The key id: the first 16 hex digits of the key's sha256 (it reveals nothing usable about the key). */
export function codecKeyFrom(key: Buffer): CodecKey {
  if (key.length !== 32) throw new Error(`codec key must be 32 bytes, got ${key.length}`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly encryptWith: CodecKey;
  private readonly byId: Map<string, CodecKey>;

  /** `current` encrypts; `current` and every key in `previous` decrypt. */
  constructor(current: CodecKey, previous: CodecKey[] = []) {
    this.encryptWith = current;
    this.byId = new Map([current, ...previous].map((k) => [k.id, k]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.encryptWith.key, iv);
      const plain = serializePayload(payload);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        metadata: {
          encoding: textEncoder.encode(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: textEncoder.encode(this.encryptWith.id),
        },
        data: Buffer.concat([iv, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || textDecoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      const keyId = keyIdBytes ? textDecoder.decode(keyIdBytes) : '';
      const key = this.byId.get(keyId);
      if (!key) {
        throw new PayloadDecryptionError(
          `payload was encrypted with key ${keyId || '(none)'}, which this process does not have (set MICROSTAX_CODEC_KEY / MICROSTAX_CODEC_PREVIOUS_KEYS)`,
        );
      }
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES)
        throw new PayloadDecryptionError('encrypted payload is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key.key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      try {
        const plain = Buffer.concat([
          decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return deserializePayload(plain);
      } catch {
        throw new PayloadDecryptionError(`payload failed authentication with key ${keyId}`);
      }
    });
  }
}

// A payload is metadata (string -> bytes) plus data; JSON with base64 keeps us off the protobuf internals.
function serializePayload(payload: Payload): Buffer {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload.metadata ?? {})) {
    if (v) metadata[k] = Buffer.from(v).toString('base64');
  }
  return Buffer.from(JSON.stringify({ m: metadata, d: Buffer.from(payload.data ?? []).toString('base64') }));
}

function deserializePayload(bytes: Buffer): Payload {
  const parsed = JSON.parse(bytes.toString('utf8')) as { m: Record<string, string>; d: string };
  const metadata: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parsed.m)) metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  return { metadata, data: new Uint8Array(Buffer.from(parsed.d, 'base64')) };
}
