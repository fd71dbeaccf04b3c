import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../diff/diff-report.js';
import { ApiPullRequestEnvironments } from '../../../integrations/github/api-environments.js';
import { finishDiffRun, insertDiffRun } from '../../../store/diff-runs.js';
import { createTemporalClient } from '../../../temporal/client.js';
import { trafficDiffWorkflowId } from '../../../workflows/traffic-diff-contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { SHOP_BLUEPRINT, SHOP_BRANCH_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import { type Caller, json, startTestApi, type TestApi } from './harness.js';

/**
 * Traffic capture settings and diff runs through the real API (its own database, the stack's
 * Temporal; no worker polls this file's queue, so a started run stays running): every refusal an
 * attacker or a mistake meets, and the happy path up to a started run.
 */

let api: TestApi;
let root: string;
let branch: string;
let stranger: string;
const started: string[] = [];

const create = async (source: string, branchOf?: string) =>
  json<{ id: string }>(
    await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
        ...(branchOf && { branchOf }),
      },
    }),
  ).id;

const call = (caller: Caller, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  api.app.inject({ method, url, headers: api.headers(caller), ...(payload !== undefined && { payload }) });

const requests = [
  { service: 'api', method: 'GET', path: '/products', headers: { authorization: 'Bearer x' } },
];

beforeAll(async () => {
  api = await startTestApi('diffs');
  root = await create(SHOP_BLUEPRINT);
  branch = await create(SHOP_BRANCH_BLUEPRINT, root);
  stranger = await create(SHOP_BLUEPRINT.replace('shop-api:1.0', 'shop-api:1.9'));
}, 60_000);

afterAll(async () => {
  // No worker polls this file's queue: the runs it started are ended here.
  const temporal = await createTemporalClient({ env: await stackEnv() });
  for (const runId of started) {
    await temporal.client.workflow
      .getHandle(trafficDiffWorkflowId(branch, runId))
      .terminate('test over')
      .catch(() => undefined);
  }
  await temporal.close();
  await api?.close();
});

describe('traffic capture settings', () => {
  it('refuses callers without a valid credential, and other teams', async () => {
    for (const [caller, status] of [
      ['none', 401],
      ['bad', 401],
    ] as const) {
      expect(
        (await call(caller, 'PUT', `/v1/environments/${root}/traffic-capture`, { sampleRate: 1 })).statusCode,
      ).toBe(status);
      expect((await call(caller, 'GET', `/v1/environments/${root}/traffic-capture`)).statusCode).toBe(status);
      expect((await call(caller, 'DELETE', `/v1/environments/${root}/traffic-capture`)).statusCode).toBe(
        status,
      );
    }
    const foreign = await call('other', 'PUT', `/v1/environments/${root}/traffic-capture`, { sampleRate: 1 });
    expect([403, 404]).toContain(foreign.statusCode);
    expect(
      json<{ enabled: boolean }>(await call('member', 'GET', `/v1/environments/${root}/traffic-capture`))
        .enabled,
    ).toBe(false);
  });

  it('validates the settings, naming the field, and turns capture on and off', async () => {
    for (const body of [
      { sampleRate: 0 },
      { sampleRate: 2 },
      { sampleRate: 1, maxBodyBytes: 10_000_000 },
      { sampleRate: 1, extra: 1 },
      {},
    ]) {
      const response = await call('member', 'PUT', `/v1/environments/${root}/traffic-capture`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const on = await call('member', 'PUT', `/v1/environments/${root}/traffic-capture`, { sampleRate: 0.5 });
    expect(on.statusCode).toBe(200);
    expect(json(on)).toMatchObject({
      enabled: true,
      sampleRate: 0.5,
      maxBodyBytes: 16384,
      maxRequests: 1000,
      captured: 0,
    });
    const off = await call('member', 'DELETE', `/v1/environments/${root}/traffic-capture`);
    expect(json(off)).toMatchObject({ enabled: false, captured: 0 });
  });
});

describe('diff runs', () => {
  it('refuses callers without a valid credential, and other teams', async () => {
    for (const caller of ['none', 'bad'] as const) {
      expect((await call(caller, 'POST', `/v1/environments/${branch}/diffs`, { requests })).statusCode).toBe(
        401,
      );
      expect((await call(caller, 'GET', `/v1/environments/${branch}/diffs/${randomUUID()}`)).statusCode).toBe(
        401,
      );
    }
    expect([403, 404]).toContain(
      (await call('other', 'POST', `/v1/environments/${branch}/diffs`, { requests })).statusCode,
    );
    expect([403, 404]).toContain(
      (await call('other', 'GET', `/v1/environments/${branch}/diffs/${randomUUID()}`)).statusCode,
    );
  });

  it('refuses a diff of a non-branch, against a foreign baseline, with nothing to replay, or with a malformed set', async () => {
    const notBranch = await call('member', 'POST', `/v1/environments/${root}/diffs`, { requests });
    expect(notBranch.statusCode).toBe(409);
    expect(notBranch.body).toContain('is not a branch');
    const foreign = await call('member', 'POST', `/v1/environments/${branch}/diffs`, {
      against: stranger,
      requests,
    });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.body).toContain(`${stranger} is not the baseline of ${branch}`);
    const nothing = await call('member', 'POST', `/v1/environments/${branch}/diffs`, {});
    expect(nothing.statusCode).toBe(409);
    expect(nothing.body).toContain('no captured requests');
    const malformed = await call('member', 'POST', `/v1/environments/${branch}/diffs`, {
      requests: [requests[0], { service: 'api', method: 'GET', path: 'no-slash' }],
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('requests.1.path');
    const huge = await call('member', 'POST', `/v1/environments/${branch}/diffs`, {
      requests: Array.from({ length: 1001 }, () => requests[0]),
    });
    expect(huge.statusCode).toBe(400);
    expect((await call('member', 'GET', `/v1/environments/${branch}/diffs/not-a-uuid`)).statusCode).toBe(400);
    expect((await call('member', 'GET', `/v1/environments/${branch}/diffs/${randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('starts a run against the branch baseline (named or not) and reports it running', async () => {
    const response = await call('member', 'POST', `/v1/environments/${branch}/diffs`, {
      against: root,
      requests,
    });
    expect(response.statusCode).toBe(202);
    const run = json<{ runId: string; baseline: string; requests: number; state: string }>(response);
    started.push(run.runId);
    expect(run).toMatchObject({ baseline: root, requests: 1, state: 'running' });
    const read = await call('member', 'GET', `/v1/environments/${branch}/diffs/${run.runId}`);
    expect(read.statusCode).toBe(200);
    expect(json(read)).toMatchObject({ runId: run.runId, branch, state: 'running', source: 'request-set' });
    const list = json<{ runs: { runId: string; state: string }[] }>(
      await call('member', 'GET', `/v1/environments/${branch}/diffs`),
    );
    expect(list.runs[0]).toMatchObject({ runId: run.runId, state: 'running', requests: 1 });
  });

  it('keeps runs after their workflows are gone: a finished report from its row, a lost workflow as failed', async () => {
    // What the worker's last activity writes (activities/postgres-diff-run-log.ts), for a run whose
    // workflow no longer exists.
    const report: DiffReport = {
      verdict: 'differences',
      compared: 2,
      equal: 1,
      differing: 1,
      failed: 0,
      skipped: 1,
      skippedRequests: [{ template: 'POST /carts', reason: 'POST writes: not sent (why)', requests: 1 }],
      writesToBranch: 0,
      endpoints: [
        {
          template: 'GET /products',
          compared: 2,
          equal: 1,
          differing: 1,
          failed: 0,
          failures: [],
          differences: [{ path: '$.version', baseline: '1.0', branch: '2.0', requests: 1 }],
          noiseIgnored: ['$.requestId'],
          writesToBranch: 0,
          writeStatuses: [],
        },
      ],
    };
    const done = randomUUID();
    const member = await api.app.db.query<{ owner_id: string; team_id: string }>(
      'SELECT owner_id, team_id FROM environments WHERE id = $1',
      [branch],
    );
    const { owner_id: startedBy, team_id: teamId } = member.rows[0]!;
    await insertDiffRun(api.app.db, {
      runId: done,
      teamId,
      branchId: branch,
      baselineId: root,
      source: 'captured',
      requests: 3,
      startedBy,
    });
    expect(await finishDiffRun(api.app.db, done, { state: 'completed', report })).toBe(true);
    // A second outcome (a retried activity) changes nothing.
    await finishDiffRun(api.app.db, done, { state: 'failed', message: 'late' });
    const shown = await call('member', 'GET', `/v1/environments/${branch}/diffs/${done}`);
    expect(shown.statusCode).toBe(200);
    expect(json(shown)).toMatchObject({
      state: 'completed',
      verdict: 'differences',
      counts: { compared: 2, differing: 1, skipped: 1 },
      report,
    });

    // The pull-request comment's section reads the newest finished run through the API.
    const prEnvironments = new ApiPullRequestEnvironments({
      baseUrl: 'http://api.test',
      token: api.tokens.member,
      fetch: async (input, init) => {
        const url = new URL(String(input));
        const answer = await api.app.inject({
          method: (init?.method ?? 'GET') as 'GET',
          url: `${url.pathname}${url.search}`,
          headers: init?.headers as Record<string, string>,
        });
        return new Response(answer.body, { status: answer.statusCode });
      },
    });
    expect(await prEnvironments.latestDiff(branch)).toEqual({
      runId: done,
      baseline: root,
      verdict: 'differences',
      compared: 2,
      differing: 1,
      skipped: 1,
      endpoints: [{ template: 'GET /products', compared: 2, differing: 1 }],
      topPaths: [{ template: 'GET /products', path: '$.version', requests: 1 }],
    });
    expect(await prEnvironments.latestDiff(stranger)).toBeNull();

    // The run started above: its workflow is ended from outside; the API records why.
    const [running] = started;
    const temporal = await createTemporalClient({ env: await stackEnv() });
    await temporal.client.workflow.getHandle(trafficDiffWorkflowId(branch, running!)).terminate('gone');
    await temporal.close();
    const lost = json<{ state: string; message: string }>(
      await call('member', 'GET', `/v1/environments/${branch}/diffs/${running}`),
    );
    expect(lost).toMatchObject({ state: 'failed', message: 'diff workflow terminated' });
    const list = json<{ runs: { runId: string; state: string; report?: unknown }[] }>(
      await call('member', 'GET', `/v1/environments/${branch}/diffs?limit=5`),
    );
    expect(list.runs.map((r) => [r.runId, r.state])).toEqual(
      expect.arrayContaining([
        [done, 'completed'],
        [running, 'failed'],
      ]),
    );
    expect(list.runs.every((r) => r.report === undefined)).toBe(true);

    // Team-scoped: no credential 401, another team's 404, another environment's run 404.
    for (const url of [`/v1/environments/${branch}/diffs`, `/v1/environments/${branch}/diffs/${done}`]) {
      expect((await call('none', 'GET', url)).statusCode).toBe(401);
      expect((await call('bad', 'GET', url)).statusCode).toBe(401);
      expect((await call('other', 'GET', url)).statusCode).toBe(404);
    }
    expect((await call('member', 'GET', `/v1/environments/${stranger}/diffs/${done}`)).statusCode).toBe(404);
    expect(
      json<{ runs: unknown[] }>(await call('member', 'GET', `/v1/environments/${stranger}/diffs`)).runs,
    ).toEqual([]);
    expect((await call('member', 'GET', `/v1/environments/${branch}/diffs?limit=100000`)).statusCode).toBe(
      400,
    );
  });

  it('refuses a branch whose baseline is gone', async () => {
    // Deleting the root through the API would need its branches gone first: its row says deleted instead.
    const client = new pg.Client({ connectionString: api.db.url });
    await client.connect();
    try {
      await client.query("UPDATE environments SET phase = 'deleted' WHERE id = $1", [root]);
    } finally {
      await client.end();
    }
    api.app.environmentCache?.invalidate(root);
    const gone = await call('member', 'POST', `/v1/environments/${branch}/diffs`, { requests });
    expect(gone.statusCode).toBe(409);
    expect(gone.body).toContain(`the baseline ${root} of ${branch} is deleted`);
  });
});
