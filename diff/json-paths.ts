/**
 * A JSON document as its leaves, path by path, so two documents compare structurally: key order
 * never matters, and a difference names the exact place (`$.cart.items[0].priceCents`).
 */

export interface JsonLeaf {
  path: string;
  /** The last object key on the path (for masking by name), if any. */
  key: string | undefined;
  /** A scalar, or `{}` / `[]` for an empty container (so "became empty" is a difference too). */
  value: unknown;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(parent: string, key: string): string {
  return PLAIN_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Deeper documents are compared as a whole below this depth (a hostile body cannot blow the stack). */
const MAX_DEPTH = 64;

/** Every leaf of `document` with its path from `$`. */
export function jsonLeaves(document: unknown): Map<string, JsonLeaf> {
  const leaves = new Map<string, JsonLeaf>();
  const walk = (value: unknown, path: string, key: string | undefined, depth: number) => {
    if (depth < MAX_DEPTH && Array.isArray(value) && value.length > 0) {
      for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`, key, depth + 1);
    } else if (depth < MAX_DEPTH && isObject(value) && Object.keys(value).length > 0) {
      for (const [childKey, child] of Object.entries(value))
        walk(child, childPath(path, childKey), childKey, depth + 1);
    } else {
      leaves.set(path, { path, key, value: depth < MAX_DEPTH ? value : JSON.stringify(value) });
    }
  };
  walk(document, '$', undefined, 0);
  return leaves;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path with its array indices generalised: `$.items[3].at` → `$.items[*].at` (noise is learned per field, not per position). */
export function pathPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}

export interface LeafDifference {
  path: string;
  key: string | undefined;
  /** `undefined` when the path is missing on that side. */
  left: unknown;
  right: unknown;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    // Only empty containers reach here: {} vs {} and [] vs [] are equal, {} vs [] is not.
    return Array.isArray(a) === Array.isArray(b);
  }
  return false;
}

/** The leaves that differ between two documents (present on one side only, or with different values). */
export function diffJson(left: unknown, right: unknown): LeafDifference[] {
  const leftLeaves = jsonLeaves(left);
  const rightLeaves = jsonLeaves(right);
  const differences: LeafDifference[] = [];
  for (const [path, leaf] of leftLeaves) {
    const other = rightLeaves.get(path);
    if (!other || !sameLeaf(leaf.value, other.value)) {
      differences.push({ path, key: leaf.key, left: leaf.value, right: other?.value });
    }
  }
  for (const [path, leaf] of rightLeaves) {
    if (!leftLeaves.has(path)) differences.push({ path, key: leaf.key, left: undefined, right: leaf.value });
  }
  return differences;
}
