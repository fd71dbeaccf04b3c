import { describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { buildDiffReport } from '../../../diff/diff-report.js';
import { writePolicy } from '../../../diff/write-policy.js';
import { planBranch } from '../../../planner/branching/plan-branch.js';
import { resolvedService } from '../../support/resolved-service.js';

/** web -> api -> db (data); api -> pricing -> rates (data); api -> labels (stateless); search alone. */
function shop(changes: { api?: string } = {}): ResolvedBlueprint {
  return {
    name: 'shop',
    routing: 'header',
    services: [
      resolvedService({ name: 'web', dependsOn: ['api'] }),
      resolvedService({
        name: 'api',
        image: changes.api ?? 'ghcr.io/acme/api:1.0',
        dependsOn: ['db', 'labels', 'pricing'],
      }),
      resolvedService({ name: 'labels' }),
      resolvedService({ name: 'db', isDataService: true, stateful: true }),
      resolvedService({ name: 'pricing', dependsOn: ['rates'] }),
      resolvedService({
        name: 'rates',
        isDataService: true,
        stateful: true,
      }),
      resolvedService({ name: 'search' }),
    ],
  };
}

const policyOf = (branch: ResolvedBlueprint) =>
  writePolicy({ blueprint: branch, plan: planBranch({ baseline: shop(), branch }) });

describe('which services a diff may send writes to (the branch plan decides)', () => {
  it('refuses every write while a data service the branch uses is the baseline', () => {
    // api 2.0 forks db (it uses it) but not rates (pricing is reused and uses it).
    const policy = policyOf(shop({ api: 'ghcr.io/acme/api:2.0' }));
    expect(policy.allowed).toEqual([]);
    expect(policy.refused.api).toContain("the baseline's data service rates (not forked)");
  });

  it('sends writes only to services of the branch that reach no reused user of data, once every data service is forked', () => {
    const branch = shop({ api: 'ghcr.io/acme/api:2.0' });
    branch.services = branch.services.map((s) =>
      s.name === 'pricing' ? { ...s, image: 'ghcr.io/acme/pricing:2.0' } : s,
    );
    const policy = policyOf(branch);
    // api, pricing and both data services run in the branch; web, labels and search are the
    // baseline's (labels, reused and reaching no data, does not stop a write to api).
    expect(policy.allowed.sort()).toEqual(['api', 'db', 'pricing', 'rates']);
    expect(policy.refused.labels).toContain("labels is the baseline's (reused)");
    expect(policy.refused.web).toBe(
      "web is the baseline's (reused): a write sent to it would reach the baseline",
    );
    expect(policy.refused.search).toContain("search is the baseline's");
  });

  it('refuses a service that reaches a reused user of data, and refuses everything without a plan', () => {
    const branch = shop({ api: 'ghcr.io/acme/api:2.0' });
    const plan = planBranch({ baseline: shop(), branch });
    // As if rates were forked but pricing, which api calls, stayed the baseline's.
    const forkedRates = {
      services: plan.services.map((s) =>
        s.name === 'rates'
          ? { ...s, action: 'fork' as const }
          : s.name === 'pricing'
            ? { ...s, action: 'reuse' as const }
            : s,
      ),
    };
    const policy = writePolicy({ blueprint: branch, plan: forkedRates });
    expect(policy.allowed).toContain('db');
    expect(policy.refused.api).toBe(
      "api reaches pricing, the baseline's (reused), which uses data service rates: a write could reach the baseline's data",
    );
    expect(writePolicy({ blueprint: branch, plan: null }).refused.api).toContain('no plan yet');
  });
});

describe('writes in the report', () => {
  it('counts writes sent to the branch apart from comparisons, and lists skipped requests with why', () => {
    const report = buildDiffReport([
      { template: 'POST /carts', branchOnly: { status: 201 } },
      { template: 'POST /carts', branchOnly: { status: 400 } },
      { template: 'DELETE /carts/{id}', skipped: 'DELETE writes: not sent (why)' },
      { template: 'DELETE /carts/{id}', skipped: 'DELETE writes: not sent (why)' },
      { template: 'GET /carts', comparison: { template: 'GET /carts', findings: [], noise: [] } },
    ]);
    expect(report).toMatchObject({ verdict: 'no-differences', compared: 1, skipped: 2, writesToBranch: 2 });
    expect(report.skippedRequests).toEqual([
      { template: 'DELETE /carts/{id}', reason: 'DELETE writes: not sent (why)', requests: 2 },
    ]);
    expect(report.endpoints.find((e) => e.template === 'POST /carts')).toMatchObject({
      compared: 0,
      writesToBranch: 2,
      writeStatuses: [201, 400],
    });
  });
});
