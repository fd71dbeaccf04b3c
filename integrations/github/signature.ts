import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header GitHub signs a webhook delivery's body in: `sha256=<hex HMAC of the raw body>`. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** The `X-Hub-Signature-256` value for a body signed with `secret` (tests sign fixtures with it). */
export function signWebhookBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * True when `header` is the HMAC-SHA256 of the raw body under `secret`. Compared in constant time over
 * equal-length buffers; a missing or malformed header is simply false (never an exception).
 */
export function verifyWebhookSignature(params: {
  secret: string;
  body: Buffer;
  header: string | string[] | undefined;
}): boolean {
  const { header } = params;
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/.test(header)) return false;
  const expected = Buffer.from(signWebhookBody(params.secret, params.body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
