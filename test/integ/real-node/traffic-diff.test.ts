import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeTrafficReplayer } from '../../../activities/kube-traffic-replayer.js';
import { postgresDiffRunLog } from '../../../activities/postgres-diff-run-log.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { renderDiffReport } from '../../../cli/commands/env-diff.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { postgresUrlFor } from '../../../deploy/data-endpoints.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { HEADER_PLACEHOLDER } from '../../../diff/sensitive-headers.js';
import { type WritePolicy, writePolicy } from '../../../diff/write-policy.js';
import { type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { planBranch } from '../../../planner/branching/plan-branch.js';
import { getDiffRun, insertDiffRun } from '../../../store/diff-runs.js';
import { listCapturedRequests, putCaptureSettings } from '../../../store/traffic-capture.js';
import {
  type DiffReport,
  TRAFFIC_DIFF_WORKFLOW_TYPE,
  trafficDiffProgressQuery,
  trafficDiffWorkflowId,
} from '../../../workflows/traffic-diff-contracts.js';
import { environmentRow, teamMember } from '../../support/access-fixture.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { createMigratedDatabase, type MigratedDatabase } from '../store/test-database.js';
import { WorkflowTestHarness } from '../workflows/support/harness.js';
import { checkoutDev, firstOk, httpAt, realNodeConfig } from './support.js';

/**
 * Traffic diffing end to end on the real node: the gateway (this code) captures requests to a
 * checkout-dev baseline; a branch runs checkout-api 2.0 (products gain a currency); the trafficDiff
 * workflow replays the captured requests at both and reports the change on the right endpoint and
 * JSON path, never the noise (request id, time served, cache or database). The branch's database is
 * forked, so writes go to the branch only: its carts grow, the baseline's do not. The run's report
 * is recorded with the run (store/diff-runs.ts).
 */

let kube: KubeClient;
let config: DeployConfig;
let db: MigratedDatabase;
let pool: pg.Pool;
let gateway: RunningGateway;
const harness = new WorkflowTestHarness();
const created: string[] = [];
const owner = { owner: 'ana@acme.io', team: 'payments' };
const baseId = uniqueId('rn-dbase');
const branchId = uniqueId('rn-dbranch');
let baseline: ResolvedBlueprint;
let writes: WritePolicy;
let teamMemberId: string;

async function cartCount(environmentId: string): Promise<number> {
  const client = new pg.Client({
    connectionString: await postgresUrlFor({ kube, config, environmentId, service: 'db' }),
  });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM carts')).rows[0]!.n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  kube = await stackKube();
  ({ config } = await realNodeConfig());
  await harness.setUp();
  db = await createMigratedDatabase('traffic_diff');
  pool = db.pool;
  const member = await teamMember(pool, { team: 'diff-team', user: `diff-${randomUUID().slice(0, 6)}` });
  teamMemberId = member.userId;
  await environmentRow(pool, { id: baseId, team: 'diff-team', ownerId: member.userId });
  await environmentRow(pool, { id: branchId, team: 'diff-team', ownerId: member.userId });
  baseline = await checkoutDev();
  created.push(baseId);
  await deployEnvironment({ kube, environment: { id: baseId, ...owner }, blueprint: baseline, config });
  const branchBlueprint = await checkoutDev((yaml) =>
    yaml.replace('checkout-api:latest', 'checkout-api:2.0'),
  );
  created.push(branchId);
  const plan = planBranch({ baseline, branch: branchBlueprint });
  // api 2.0 deploys, db is forked, cache (stateless, reaching no data) is the baseline's.
  writes = writePolicy({ blueprint: branchBlueprint, plan });
  await deployEnvironment({
    kube,
    environment: { id: branchId, ...owner },
    blueprint: branchBlueprint,
    plan,
    baseline: { environmentId: baseId },
    config,
  });
  gateway = await startGateway({
    kube,
    log: pino({ level: 'warn' }),
    port: 0,
    wake: false,
    access: { databaseUrl: db.url, secureCookies: false },
    capture: { settingsEveryMs: 200, flushEveryMs: 100 },
  });
}, 300_000);

afterAll(async () => {
  await gateway?.close();
  await harness.tearDown();
  await Promise.all(created.map((id) => teardownEnvironment({ kube, environmentId: id, config })));
  await db?.close();
}, 300_000);

describe('traffic diff of checkout-api 2.0 against its 1.0 baseline', () => {
  it('captures sampled requests at the gateway with credentials replaced, and diffs them through the workflow', async () => {
    await putCaptureSettings(pool, {
      environmentId: baseId,
      sampleRate: 1,
      maxBodyBytes: 1024,
      maxRequests: 50,
    });
    await new Promise((resolve) => setTimeout(resolve, 600)); // the gateway re-reads settings every 200 ms
    const url = (path: string) => `http://api.${baseId}.microstax.localhost${path}`;
    const via = `127.0.0.1:${gateway.port}`;
    await firstOk(url('/healthz'), 90_000, via);
    const secret = { authorization: 'Bearer the-apps-own-secret', cookie: 'session=s3cr3t' };
    for (const path of ['/products', '/products', '/', '/carts/1', '/healthz']) {
      expect((await httpAt(url(path), { via, headers: secret })).status).toBe(200);
    }
    const posted = await httpAt(url('/carts'), {
      via,
      method: 'POST',
      body: { customer: 'diff@example.com' },
    });
    expect(posted.status).toBe(201);
    const big = await httpAt(url('/carts'), { via, method: 'POST', body: { customer: 'x'.repeat(2000) } });
    expect(big.status).toBe(400); // too long for the app; too big for the capture: kept without its body

    let captured = await listCapturedRequests(pool, { environmentId: baseId, limit: 100 });
    const until = Date.now() + 10_000;
    while (captured.length < 8 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      captured = await listCapturedRequests(pool, { environmentId: baseId, limit: 100 });
    }
    const seen = captured.map((r) => `${r.method} ${r.path}`);
    expect(seen).toEqual(
      expect.arrayContaining(['GET /products', 'GET /', 'GET /carts/1', 'GET /healthz', 'POST /carts']),
    );
    const withSecrets = captured.find((r) => r.path === '/carts/1')!;
    expect(withSecrets.headers.authorization).toBe(HEADER_PLACEHOLDER);
    expect(withSecrets.headers.cookie).toBe(HEADER_PLACEHOLDER);
    expect(JSON.stringify(captured)).not.toMatch(/the-apps-own-secret|s3cr3t/);
    expect(captured.find((r) => r.method === 'POST' && !r.bodyTruncated)?.body).toContain('diff@example.com');
    expect(captured.some((r) => r.method === 'POST' && r.bodyTruncated && r.body === null)).toBe(true);

    const cartsBefore = await cartCount(baseId);
    const branchCartsBefore = await cartCount(branchId);
    expect(writes.allowed).toContain('api');
    const { taskQueue } = await harness.startWorker({
      testName: 'traffic-diff',
      extra: {
        trafficReplayer: createKubeTrafficReplayer({ kube, config }),
        diffRuns: postgresDiffRunLog(pool),
      },
    });
    const runId = randomUUID();
    const requests = captured
      .filter((r) => !r.bodyTruncated)
      .map((r) => ({
        service: r.service,
        method: r.method,
        path: r.path,
        headers: r.headers,
        ...(r.body && { body: r.body }),
      }));
    // As the API does: the run's row first, the workflow records its outcome on it.
    await insertDiffRun(pool, {
      runId,
      teamId: 'diff-team',
      branchId,
      baselineId: baseId,
      source: 'captured',
      requests: requests.length,
      startedBy: teamMemberId,
    });
    const handle = await harness.temporal.client.workflow.start(TRAFFIC_DIFF_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: trafficDiffWorkflowId(branchId, runId),
      args: [{ runId, branchId, baselineId: baseId, requests, batchSize: 3, writes }],
    });
    const report = (await handle.result()) as DiffReport;
    // The terminal table `microstax env diff` prints (the README shows one).
    console.log(renderDiffReport({ branch: branchId, baseline: baseId }, report));
    expect(await handle.query(trafficDiffProgressQuery)).toEqual({
      state: 'done',
      total: requests.length,
      done: requests.length,
    });

    expect(report.endpoints.flatMap((e) => e.failures)).toEqual([]);
    // The deliberate change: /products gains each product's currency (and every answer names 2.0).
    const products = report.endpoints.find((e) => e.template === 'GET /products')!;
    expect(products.differing).toBe(products.compared);
    const paths = products.differences.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.products[0].currency',
        '$.products[1].currency',
        '$.products[2].currency',
        '$.version',
      ]),
    );
    expect(products.differences.find((d) => d.path === '$.products[0].currency')).toMatchObject({
      baseline: null,
      branch: 'EUR',
    });
    expect(products.differences.find((d) => d.path === '$.version')).toMatchObject({
      baseline: '1.0',
      branch: '2.0',
    });
    // Noise: learned from the baseline's own two answers, never reported.
    expect(products.noiseIgnored).toEqual(expect.arrayContaining(['$.requestId', '$.servedAt']));
    for (const endpoint of report.endpoints) {
      const reported = endpoint.differences.map((d) => d.path);
      expect(reported).not.toContain('$.requestId');
      expect(reported).not.toContain('$.servedAt');
      expect(reported).not.toContain('$.source');
      // Elsewhere only the version moved: the branch's database is a copy of the baseline's data
      // (fork: data), so even the seeded cart's creation time is the same.
      // (POST /carts is a write, sent to the branch only: nothing compared.)
      if (endpoint.template !== 'GET /products' && endpoint.compared > 0)
        expect(reported).toEqual(['$.version']);
    }
    expect(report.endpoints.map((e) => e.template)).toEqual(
      expect.arrayContaining(['GET /', 'GET /carts/{id}', 'GET /healthz', 'GET /products']),
    );
    expect(report.verdict).toBe('differences');
    expect(report.failed).toBe(0);
    // Writes: sent to the branch only (its forked database takes them), never to the baseline.
    const posts = requests.filter((r) => r.method === 'POST').length;
    expect(posts).toBeGreaterThan(0);
    expect(report.skipped).toBe(0);
    expect(report.writesToBranch).toBe(posts);
    expect(report.endpoints.find((e) => e.template === 'POST /carts')).toMatchObject({
      compared: 0,
      writesToBranch: posts,
      writeStatuses: [201],
    });
    expect(await cartCount(baseId)).toBe(cartsBefore);
    expect(await cartCount(branchId)).toBe(branchCartsBefore + posts);
    // The run is kept with its report, after the workflow (its history) is gone.
    const stored = await getDiffRun(pool, { teamId: 'diff-team', branchId, runId });
    expect(stored).toMatchObject({
      state: 'completed',
      verdict: 'differences',
      counts: { compared: report.compared, differing: report.differing, skipped: 0 },
      report,
    });
    expect(stored?.finishedAt).toBeInstanceOf(Date);
  });
});
