import { diffJson, type LeafDifference, pathPattern } from './json-paths.js';
import { reportedValue } from './secret-mask.js';

/** One HTTP answer as the diff sees it. */
export interface ObservedResponse {
  status: number;
  /** Header names lower-case. */
  headers: Record<string, string>;
  body: string;
}

/** Where two answers differ: `status`, `header:<name>`, `body` (text) or a JSON path from `$`. */
export interface Finding {
  path: string;
  /** The baseline's value and the branch's, masked and cut for display; `null` when absent. */
  baseline: unknown;
  branch: unknown;
}

/** One request's comparison: the fields that moved between the baseline's two answers, and what the branch changed. */
export interface RequestComparison {
  template: string;
  /** Path patterns (`$.items[*].at`) that differ between the two baseline answers: noise. */
  noise: string[];
  /** The branch's differences from the first baseline answer, before noise is removed. */
  findings: Finding[];
}

/** Headers compared by default: the ones a client's behaviour depends on. */
export const DEFAULT_COMPARED_HEADERS = ['content-type', 'location', 'cache-control'];

function isJson(response: ObservedResponse): boolean {
  return /\bjson\b/i.test(response.headers['content-type'] ?? '');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function shown(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** Differences between two answers, keyed by path; values are masked for display. */
export function differences(
  left: ObservedResponse,
  right: ObservedResponse,
  comparedHeaders: readonly string[] = DEFAULT_COMPARED_HEADERS,
): Finding[] {
  const found: Finding[] = [];
  if (left.status !== right.status)
    found.push({ path: 'status', baseline: left.status, branch: right.status });
  for (const name of comparedHeaders) {
    const a = left.headers[name];
    const b = right.headers[name];
    if (a !== b) {
      found.push({
        path: `header:${name}`,
        baseline: shown(reportedValue(name, a)),
        branch: shown(reportedValue(name, b)),
      });
    }
  }
  if (left.body === right.body) return found;
  const a = isJson(left) ? parseJson(left.body) : { ok: false as const };
  const b = isJson(right) ? parseJson(right.body) : { ok: false as const };
  if (a.ok && b.ok) {
    for (const leaf of diffJson(a.value, b.value)) found.push(leafFinding(leaf));
  } else {
    found.push({
      path: 'body',
      baseline: reportedValue(undefined, left.body),
      branch: reportedValue(undefined, right.body),
    });
  }
  return found;
}

function leafFinding(leaf: LeafDifference): Finding {
  return {
    path: leaf.path,
    baseline: shown(reportedValue(leaf.key, leaf.left)),
    branch: shown(reportedValue(leaf.key, leaf.right)),
  };
}

/**
 * Compares one request's three answers: what moves between the baseline's two answers is noise
 * (as path patterns, array indices generalised); the branch is compared with the baseline's first.
 */
export function compareRequest(params: {
  template: string;
  baseline: [ObservedResponse, ObservedResponse];
  branch: ObservedResponse;
  comparedHeaders?: readonly string[];
}): RequestComparison {
  const { template, baseline, branch, comparedHeaders } = params;
  const noise = new Set(
    differences(baseline[0], baseline[1], comparedHeaders).map((f) => pathPattern(f.path)),
  );
  return { template, noise: [...noise].sort(), findings: differences(baseline[0], branch, comparedHeaders) };
}
