import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(json(read)).toMatchObject({ runId: run.runId, branch, state: 'running' });
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
