import type { Finding, RequestComparison } from './compare-responses.js';
import { pathPattern } from './json-paths.js';

/** A difference the branch makes on one endpoint, with the first request's values as the example. */
export interface EndpointDifference extends Finding {
  /** How many of the endpoint's requests showed it. */
  requests: number;
}

export interface EndpointReport {
  template: string;
  compared: number;
  equal: number;
  differing: number;
  /** Requests that could not be compared (an answer missing: connection refused, timeout). */
  failed: number;
  /** Why, the first few distinct reasons. */
  failures: string[];
  differences: EndpointDifference[];
  /** Path patterns learned as noise from the baseline's two answers, ignored on every request of this endpoint. */
  noiseIgnored: string[];
  /** Writes sent to the branch only (its own data takes them; the baseline is never asked). */
  writesToBranch: number;
  /** The statuses the branch answered them with, distinct, ascending. */
  writeStatuses: number[];
}

/** Requests not sent, grouped by endpoint and reason. */
export interface SkippedRequests {
  template: string;
  reason: string;
  requests: number;
}

export type DiffVerdict = 'no-differences' | 'differences' | 'incomplete';

export interface DiffReport {
  verdict: DiffVerdict;
  compared: number;
  equal: number;
  differing: number;
  failed: number;
  /** Requests not sent (a method that writes, while the branch's data is not forked; a cut body). */
  skipped: number;
  /** Which requests were not sent, and why. */
  skippedRequests: SkippedRequests[];
  /** Writes sent to the branch only. */
  writesToBranch: number;
  endpoints: EndpointReport[];
}

/** Most distinct differences kept per endpoint (a report stays readable and small). */
const MAX_DIFFERENCES_PER_ENDPOINT = 50;

export interface RequestOutcome {
  template: string;
  comparison?: RequestComparison;
  /** Why the request could not be compared. */
  failure?: string;
  skipped?: string;
  /** A write sent to the branch only, and how it answered. */
  branchOnly?: { status: number };
}

/**
 * Folds every request's comparison into one report: per endpoint template, noise is the union of
 * what moved between the baseline's answers on any of its requests, and is removed from every
 * request's findings before counting.
 */
export function buildDiffReport(outcomes: readonly RequestOutcome[]): DiffReport {
  const byTemplate = new Map<string, RequestOutcome[]>();
  let skipped = 0;
  const skippedRequests = new Map<string, SkippedRequests>();
  for (const outcome of outcomes) {
    if (outcome.skipped) {
      skipped += 1;
      const key = `${outcome.template}\n${outcome.skipped}`;
      const seen = skippedRequests.get(key);
      if (seen) seen.requests += 1;
      else skippedRequests.set(key, { template: outcome.template, reason: outcome.skipped, requests: 1 });
      continue;
    }
    const list = byTemplate.get(outcome.template) ?? [];
    list.push(outcome);
    byTemplate.set(outcome.template, list);
  }
  const endpoints = [...byTemplate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([template, list]) => endpointReport(template, list));
  const sum = (pick: (e: EndpointReport) => number) => endpoints.reduce((total, e) => total + pick(e), 0);
  const report = {
    compared: sum((e) => e.compared),
    equal: sum((e) => e.equal),
    differing: sum((e) => e.differing),
    failed: sum((e) => e.failed),
    skipped,
    skippedRequests: [...skippedRequests.values()],
    writesToBranch: sum((e) => e.writesToBranch),
    endpoints,
  };
  const verdict: DiffVerdict =
    report.differing > 0
      ? 'differences'
      : report.failed > 0 || report.compared === 0
        ? 'incomplete'
        : 'no-differences';
  return { verdict, ...report };
}

function endpointReport(template: string, outcomes: RequestOutcome[]): EndpointReport {
  const noise = new Set<string>();
  for (const outcome of outcomes) for (const pattern of outcome.comparison?.noise ?? []) noise.add(pattern);
  const differences = new Map<string, EndpointDifference>();
  let compared = 0;
  let equal = 0;
  let failed = 0;
  const failures = new Set<string>();
  const writeStatuses = new Set<number>();
  let writesToBranch = 0;
  for (const outcome of outcomes) {
    if (outcome.branchOnly) {
      writesToBranch += 1;
      writeStatuses.add(outcome.branchOnly.status);
      continue;
    }
    if (!outcome.comparison) {
      failed += 1;
      if (outcome.failure && failures.size < 3) failures.add(outcome.failure);
      continue;
    }
    compared += 1;
    const real = outcome.comparison.findings.filter((finding) => !noise.has(pathPattern(finding.path)));
    if (real.length === 0) equal += 1;
    for (const finding of real) {
      const seen = differences.get(finding.path);
      if (seen) seen.requests += 1;
      else if (differences.size < MAX_DIFFERENCES_PER_ENDPOINT)
        differences.set(finding.path, { ...finding, requests: 1 });
    }
  }
  return {
    template,
    compared,
    equal,
    differing: compared - equal,
    failed,
    failures: [...failures],
    differences: [...differences.values()],
    noiseIgnored: [...noise].sort(),
    writesToBranch,
    writeStatuses: [...writeStatuses].sort((a, b) => a - b),
  };
}
