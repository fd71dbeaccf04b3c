import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ObservedResponse } from '../../../diff/compare-responses.js';
import { compareRequest } from '../../../diff/compare-responses.js';
import { buildDiffReport } from '../../../diff/diff-report.js';
import { pathPattern } from '../../../diff/json-paths.js';

/**
 * Random JSON documents with injected noise (fields that move between any two answers) and injected
 * real changes (fields only the branch changes): every change must be reported on its path, and no
 * noise ever. The counts are printed for the closing note.
 */

type Segment = string | number;

function leafSegments(value: unknown, at: Segment[] = []): Segment[][] {
  if (Array.isArray(value) && value.length > 0)
    return value.flatMap((item, i) => leafSegments(item, [...at, i]));
  if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, child]) => leafSegments(child, [...at, key]));
  }
  return [at];
}

function pathOf(segments: Segment[]): string {
  return segments.reduce<string>(
    (path, s) =>
      typeof s === 'number'
        ? `${path}[${s}]`
        : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)
          ? `${path}.${s}`
          : `${path}[${JSON.stringify(s)}]`,
    '$',
  );
}

/** Sets a leaf without ever touching a prototype (keys such as `__proto__` are plain data here). */
function setLeaf(document: unknown, segments: Segment[], value: unknown): void {
  let node = document as Record<string | number, unknown>;
  for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  Object.defineProperty(node, segments.at(-1)!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const json = (body: unknown): ObservedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

let counter = 0;
const fresh = (kind: string) => `\u0001${kind}-${++counter}`;

const totals = { runs: 0, injectedChanges: 0, injectedNoise: 0, found: 0, missed: 0, falseFlags: 0 };

const documentArb = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 4 }), {
  minKeys: 1,
  maxKeys: 8,
});

describe('noise learning on random documents (fast-check)', () => {
  afterAll(() => {
    // The closing note's figures: found / missed / false flags over every generated case.
    console.log(`traffic-diff property totals: ${JSON.stringify(totals)}`);
  });

  it('reports every injected change and no injected noise, across several requests of one endpoint', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 64, maxLength: 64 }),
        fc.integer({ min: 1, max: 4 }),
        (base, roles, requestCount) => {
          const leaves = leafSegments(base).filter((segments) => segments.length > 0);
          const noise = leaves.filter((_, i) => roles[i % roles.length] === 1);
          const noisePatterns = new Set(noise.map((s) => pathPattern(pathOf(s))));
          // A change on a field that is also noisy elsewhere in an array cannot be told from noise: not injected.
          const changes = leaves.filter(
            (s, i) => roles[i % roles.length] === 2 && !noisePatterns.has(pathPattern(pathOf(s))),
          );
          const outcomes = [];
          for (let request = 0; request < requestCount; request += 1) {
            const first = structuredClone(base);
            const second = structuredClone(base);
            const branch = structuredClone(base);
            // Noise moves on every answer; on later requests the baseline's two answers may happen to agree.
            for (const segments of noise) {
              const baselineValue = request === 0 ? fresh('noise') : fresh('same');
              setLeaf(first, segments, baselineValue);
              setLeaf(second, segments, request === 0 ? fresh('noise') : baselineValue);
              setLeaf(branch, segments, fresh('noise'));
            }
            for (const segments of changes) setLeaf(branch, segments, fresh('change'));
            outcomes.push({
              template: 'GET /items/{id}',
              comparison: compareRequest({
                template: 'GET /items/{id}',
                baseline: [json(first), json(second)],
                branch: json(branch),
              }),
            });
          }
          const report = buildDiffReport(outcomes);
          const reported = new Set(report.endpoints.flatMap((e) => e.differences.map((d) => d.path)));
          const expected = new Set(changes.map(pathOf));
          const found = [...expected].filter((p) => reported.has(p)).length;
          const falseFlags = [...reported].filter((p) => !expected.has(p)).length;
          totals.runs += 1;
          totals.injectedChanges += expected.size;
          totals.injectedNoise += noise.length;
          totals.found += found;
          totals.missed += expected.size - found;
          totals.falseFlags += falseFlags;
          expect(falseFlags).toBe(0);
          expect(found).toBe(expected.size);
          expect(report.verdict).toBe(expected.size > 0 ? 'differences' : 'no-differences');
          const endpoint = report.endpoints[0]!;
          expect(endpoint.differing).toBe(expected.size > 0 ? requestCount : 0);
          for (const pattern of noisePatterns) expect(endpoint.noiseIgnored).toContain(pattern);
        },
      ),
      { numRuns: 300, seed: 21 },
    );
    expect(totals.missed).toBe(0);
    expect(totals.falseFlags).toBe(0);
  });
});
