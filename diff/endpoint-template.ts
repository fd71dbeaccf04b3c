/**
 * Endpoint templates group requests that hit the same route: `GET /carts/17` and `GET /carts/42`
 * are both `GET /carts/{id}`, so noise learned on one applies to the other.
 */

/** Numbers, UUIDs, long hex (object ids, hashes) and long mixed letter-digit tokens (ULIDs, nanoids). */
const ID_SEGMENT = [
  /^\d+$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^[0-9a-f]{12,}$/i,
  /^(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{16,}$/,
];

function isIdSegment(segment: string): boolean {
  return ID_SEGMENT.some((pattern) => pattern.test(segment));
}

/** `GET /carts/17?x=1` → `GET /carts/{id}`; the query string is not part of the template. */
export function endpointTemplate(method: string, path: string): string {
  const pathOnly = path.split(/[?#]/, 1)[0] || '/';
  const segments = pathOnly
    .split('/')
    .map((segment) => (segment !== '' && isIdSegment(segment) ? '{id}' : segment));
  return `${method.toUpperCase()} ${segments.join('/') || '/'}`;
}
