import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts webhook secrets at rest (AES-256-GCM under MICROSTAX_GITHUB_SECRETS_KEY): the database holds
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), never the secret. The repository's full name is bound as
 * associated data, so a ciphertext copied onto another repository's row does not decrypt.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the secrets key must be 32 bytes');
  }

  seal(plaintext: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The secret, or null when the sealed value is malformed or does not authenticate. */
  open(sealed: string, boundTo: string): string | null {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return null;
    }
  }
}

/** Parses a 32-byte key written as 64 hex digits or base64; the error names `variable`, never the value. */
export function parseSecretsKey(text: string, variable: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new Error(`${variable} must be 32 bytes as 64 hex digits or base64 (got ${bytes.length} bytes)`);
  }
  return bytes;
}
