import { hasCredentialInValue, isCredentialName, maskSecret } from '../blueprints/secrets.js';

/**
 * Request headers a diff must never keep: credentials and session state. Captured and user-given
 * requests both go through this before they are stored or sent anywhere.
 */

/** Replaces a sensitive header's value, so a reader sees it was there. */
export const HEADER_PLACEHOLDER = '<dropped>';

const SENSITIVE = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-csrf-token',
  'x-xsrf-token',
]);

/** Hop-by-hop and per-connection headers: meaningless on a replay. */
const NOT_REPLAYED = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'te',
  'trailer',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'baggage',
]);

/** A header name that carries a credential by its name (token, secret, key, session) though not listed. */
const CREDENTIAL_NAME = /token|secret|passw|api-?key|session|signature/i;

/**
 * The headers to keep for a replay, names lower-cased: sensitive ones replaced by the placeholder,
 * per-connection ones dropped.
 */
export function sanitizeHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [rawName, rawValue] of Object.entries(headers)) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    if (NOT_REPLAYED.has(name) || name.startsWith(':')) continue;
    const value = Array.isArray(rawValue) ? rawValue.join(', ') : rawValue;
    kept[name] = SENSITIVE.has(name) || CREDENTIAL_NAME.test(name) ? HEADER_PLACEHOLDER : value;
  }
  return kept;
}

/** Headers sent on a replay: the placeholders are left out (the original credential is gone). */
export function replayHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== HEADER_PLACEHOLDER));
}

/** A path whose query string carries a credential (`?token=...`) keeps its shape, the credential masked. */
export function sanitizePath(path: string): string {
  return hasCredentialInValue(path) ? maskSecret(path) : path;
}

/**
 * A request body as it may be kept: credential-named JSON fields (`password`, `apiKey`, ...) and
 * credential parameters of a form body replaced, anything else as it is. A body kept this way is for
 * reading and for replaying safe methods; writes are never replayed.
 */
export function sanitizeBody(body: string, contentType: string | undefined): string {
  if (/\bjson\b/i.test(contentType ?? '')) {
    try {
      return JSON.stringify(JSON.parse(body), (key, value) =>
        key !== '' && typeof value === 'string' && isCredentialName(key) ? HEADER_PLACEHOLDER : value,
      );
    } catch {
      return body;
    }
  }
  if (/x-www-form-urlencoded/i.test(contentType ?? '')) {
    const masked = `&${body}`;
    return hasCredentialInValue(masked) ? maskSecret(masked).slice(1) : body;
  }
  return body;
}
