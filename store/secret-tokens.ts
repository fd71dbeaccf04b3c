import { createHash, randomBytes } from 'node:crypto';

/** Prefixes make a leaked credential recognisable (and greppable by secret scanners). */
export const TokenPrefix = { api: 'msx_', share: 'msxs_' } as const;
export type TokenKind = keyof typeof TokenPrefix;

/** A new high-entropy credential: prefix + 32 random bytes, base64url. */
export function generateSecretToken(kind: TokenKind): string {
  return `${TokenPrefix[kind]}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps instead of the token. A fast hash is enough for 256 random bits. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Which kind of credential a presented token claims to be, from its prefix. */
export function tokenKindOf(token: string): TokenKind | null {
  if (token.startsWith(TokenPrefix.share)) return 'share';
  if (token.startsWith(TokenPrefix.api)) return 'api';
  return null;
}
