import { looksSecret, maskSecret, SECRET_MARKER } from '../blueprints/secrets.js';

/**
 * Values shown in a diff report come from real responses; anything shaped like a credential is
 * masked before it leaves the comparison (reports reach terminals, comments and workflow results).
 */

/** Bearer/Basic credentials, MicroStax tokens, JWTs. */
const TOKEN_SHAPES = [
  /^(Bearer|Basic)\s+\S+/i,
  /^msx_[A-Za-z0-9_-]+$/,
  /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./,
];

/** Longest value kept in a report; longer ones are cut (a body can be megabytes). */
export const MAX_REPORTED_CHARS = 200;

/**
 * The value to report for a JSON leaf at `key` (the last object key on its path, if any): masked
 * when the key names a credential or the value looks like one, cut to MAX_REPORTED_CHARS.
 */
export function reportedValue(key: string | undefined, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (TOKEN_SHAPES.some((shape) => shape.test(value))) return SECRET_MARKER;
  if (looksSecret({ name: key ?? '', value })) return maskSecret(value);
  return value.length > MAX_REPORTED_CHARS ? `${value.slice(0, MAX_REPORTED_CHARS)}…` : value;
}
