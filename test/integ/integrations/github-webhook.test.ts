import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { createGitHubActivities } from '../../../integrations/github/activities.js';
import { ApiPullRequestEnvironments } from '../../../integrations/github/api-environments.js';
import { OctokitPullRequestHost } from '../../../integrations/github/octokit-host.js';
import { signWebhookBody } from '../../../integrations/github/signature.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { finishDiffRun, insertDiffRun } from '../../../store/diff-runs.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { pullRequestStateQuery, pullRequestWorkflowId } from '../../../workflows/pull-request-contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';

/** Two stateless services on images nobody pulls: kwok nodes make their pods Running at once. */
const BLUEPRINT = `name: shop
services:
  - name: web
    image: ghcr.io/acme/shop-web:1.0
    expose: 8080
    env:
      API_URL: http://api:3000
  - name: api
    image: ghcr.io/acme/shop-api:1.0
    ports: [3000]
`;
/**
 * MICROSTAX_RECORD_PR_HISTORY=v1 records this run's pull-request workflow as the replay fixture
 * test/fixtures/histories/github-pull-request.v1.json (test/unit/workflows/replay.test.ts replays it).
 */
const RECORD_AS = process.env.MICROSTAX_RECORD_PR_HISTORY;
const HISTORIES = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));
const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
const SECRETS_KEY = Buffer.alloc(32, 3).toString('base64');
/** The head of the synchronize, closed and reopened payloads. */
const SYNC_SHA = '2f7e0d3b4a1c9e8f7a6b5c4d3e2f1a0b9c8d7e6f';

interface Call {
  method: string;
  path: string;
  authorization: string;
  body: Record<string, unknown>;
}

/**
 * GitHub, simulated: the few REST endpoints the integration uses (installation token, issue comments,
 * check runs), keeping state like GitHub does and recording every call.
 */
async function startFakeGitHub() {
  const calls: Call[] = [];
  const comments = new Map<number, { id: number; issue: string; body: string }>();
  const checkRuns = new Map<
    number,
    { id: number; head_sha: string; name: string } & Record<string, unknown>
  >();
  let nextId = 9000;
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer(async (req, res) => {
    const text = await read(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const call = {
      method: req.method ?? '',
      path: url.pathname,
      authorization: String(req.headers.authorization ?? ''),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    calls.push(call);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const commentsOf = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const commentPath = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(url.pathname)) {
      if (!/^bearer /i.test(call.authorization)) return send(401, {});
      return send(201, {
        token: 'ghs_installation_token_for_tests',
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
      });
    }
    if (!call.authorization.includes('ghs_installation_token_for_tests')) {
      return send(401, { message: 'Bad credentials' });
    }
    if (commentsOf) {
      const issue = `${commentsOf[1]}#${commentsOf[2]}`;
      if (req.method === 'GET')
        return send(
          200,
          [...comments.values()].filter((c) => c.issue === issue),
        );
      const comment = { id: nextId++, issue, body: String(call.body.body) };
      comments.set(comment.id, comment);
      return send(201, comment);
    }
    if (req.method === 'PATCH' && commentPath) {
      const comment = comments.get(Number(commentPath[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = String(call.body.body);
      return send(200, comment);
    }
    if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]{40}$/.test(url.pathname)) {
      return send(201, { id: nextId++, state: call.body.state });
    }
    const runsOf = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/check-runs$/.exec(url.pathname);
    if (req.method === 'GET' && runsOf) {
      const runs = [...checkRuns.values()].filter(
        (r) => r.head_sha === runsOf[1] && r.name === url.searchParams.get('check_name'),
      );
      return send(200, { total_count: runs.length, check_runs: runs.reverse() });
    }
    if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(url.pathname)) {
      const run = { ...call.body, id: nextId++ } as { id: number; head_sha: string; name: string };
      checkRuns.set(run.id, run);
      return send(201, run);
    }
    const runPath = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(url.pathname);
    if (req.method === 'PATCH' && runPath) {
      const run = checkRuns.get(Number(runPath[1]));
      if (!run) return send(404, { message: 'Not Found' });
      Object.assign(run, call.body);
      return send(200, run);
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    comments,
    checkRuns,
    /** The check progress written for `sha`, in order: queued, in_progress, success | failure. */
    checks: (sha: string) => {
      const ids = new Set([...checkRuns.values()].filter((r) => r.head_sha === sha).map((r) => r.id));
      return calls
        .filter(
          (c) =>
            (c.method === 'POST' && c.path.endsWith('/check-runs') && c.body.head_sha === sha) ||
            (c.method === 'PATCH' && ids.has(Number(c.path.split('/').pop()))),
        )
        .map((c) => (c.body.status === 'completed' ? String(c.body.conclusion) : String(c.body.status)));
    },
    /** The last check run written for `sha`. */
    checkRun: (sha: string) => [...checkRuns.values()].find((r) => r.head_sha === sha),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('GitHub pull requests → environments (real API, worker, Temporal, cluster; GitHub simulated)', () => {
  let db: TestDatabase;
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let app: FastifyInstance;
  let github: Awaited<ReturnType<typeof startFakeGitHub>>;
  let adminToken: string;
  let memberToken: string;
  const logs: string[] = [];
  const taskQueue = `github-e2e-${randomUUID()}`;
  // A repository of this run only: the pull request's workflow id is this run's own.
  const repository = `acme/shop-${randomUUID().slice(0, 8)}`;
  const workflowId = pullRequestWorkflowId(repository, 42);

  const payload = (action: string) => {
    const body = JSON.parse(
      readFileSync(new URL(`../../fixtures/github/pull_request.${action}.json`, import.meta.url), 'utf8'),
    );
    body.repository.full_name = repository;
    body.pull_request.head.repo.full_name = repository;
    return JSON.stringify(body);
  };
  const deliver = (params: {
    action: string;
    delivery?: string;
    signature?: string | null;
    event?: string;
  }) => {
    const body = payload(params.action);
    return app.inject({
      method: 'POST',
      url: '/v1/integrations/github/webhook',
      headers: {
        'content-type': 'application/json',
        'x-github-event': params.event ?? 'pull_request',
        'x-github-delivery': params.delivery ?? randomUUID(),
        ...(params.signature === null
          ? {}
          : { 'x-hub-signature-256': params.signature ?? signWebhookBody(WEBHOOK_SECRET, body) }),
      },
      payload: body,
    });
  };
  const admin = () => ({ authorization: `Bearer ${adminToken}` });
  const environments = async () =>
    (
      JSON.parse((await app.inject({ url: '/v1/environments?team=payments', headers: admin() })).body) as {
        items: { id: string; phase: string; name?: string | null; ttlSeconds?: number | null }[];
      }
    ).items;
  const workflowState = () => temporal.client.workflow.getHandle(workflowId).query(pullRequestStateQuery);
  const comment = () => [...github.comments.values()][0]?.body ?? '';
  const [owner, repo] = repository.split('/');
  /** The repository's settings; the close grace comes with each event, so a change applies to the next. */
  const configure = async (settings: { deleteAfterClose?: string } = {}) => {
    const configured = await app.inject({
      method: 'PUT',
      url: `/v1/integrations/github/repositories/${owner}/${repo}`,
      headers: admin(),
      payload: {
        team: 'payments',
        blueprint: 'shop',
        images: { api: 'ghcr.io/acme/shop-{service}:pr-{number}-{shortSha}' },
        ttl: '2h',
        idleAfter: '30m',
        deleteAfterClose: '10m',
        ...settings,
        webhookSecret: WEBHOOK_SECRET,
      },
    });
    expect(configured.statusCode, configured.body).toBe(200);
    expect(configured.body).not.toContain(WEBHOOK_SECRET);
    return JSON.parse(configured.body) as Record<string, unknown>;
  };

  beforeAll(async () => {
    const env = {
      ...(await stackEnv()),
      MICROSTAX_GITHUB_SECRETS_KEY: SECRETS_KEY,
      // Recording the replay fixture: payloads under the fixtures' own test key (it protects nothing).
      ...(RECORD_AS
        ? { MICROSTAX_CODEC_KEY: (await readFile(join(HISTORIES, 'codec-key.txt'), 'utf8')).trim() }
        : {}),
    };
    db = await createTestDatabase('github');
    temporal = await createTemporalClient({ env });
    github = await startFakeGitHub();
    const lifecycle = await TemporalLifecycle.connect({ env, taskQueue });
    const config = loadApiConfig(
      {},
      { databaseUrl: db.url, logLevel: 'debug', statusSyncIntervalMs: 300, rateLimitPerMinute: 100_000 },
    );
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    app = await createApiInstance({ config, lifecycle, env, logStream });
    app.addHook('onClose', () => lifecycle.close());
    const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    await ensureTeam(app.db, { id: 'payments' });
    await ensureTeam(app.db, { id: 'platform' });
    const root = await upsertUser(app.db, { name: 'root', teamId: 'platform', role: 'admin' });
    adminToken = (await createApiToken(app.db, { userId: root.id })).token;
    const ada = await upsertUser(app.db, { name: 'ada', teamId: 'payments', role: 'member' });
    memberToken = (await createApiToken(app.db, { userId: ada.id })).token;

    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    worker = await createLifecycleWorker({
      env,
      taskQueue,
      config: temporal.config,
      activities: {
        ...createActivities(await createWorkerDependencies({ temporal: temporal.client, env })),
        ...createGitHubActivities({
          environments: new ApiPullRequestEnvironments({ baseUrl: apiUrl, token: adminToken }),
          host: new OctokitPullRequestHost({
            baseUrl: github.url,
            auth: { kind: 'app', appId: '4242', privateKey },
          }),
          pollEveryMs: 500,
        }),
      },
    });
    workerRun = worker.run();

    const registered = await app.inject({
      method: 'POST',
      url: '/v1/blueprints',
      headers: admin(),
      payload: { source: BLUEPRINT, fileName: 'shop.yaml', team: 'payments' },
    });
    expect(registered.statusCode, registered.body).toBeLessThan(300);
    expect(await configure()).toMatchObject({ deleteAfterClose: '10m', idleAfter: '30m' });
  });

  afterAll(async () => {
    if (RECORD_AS && temporal) {
      const history = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
      await writeFile(
        join(HISTORIES, `github-pull-request.${RECORD_AS}.json`),
        `${JSON.stringify(history, null, 1)}\n`,
      );
    }
    await temporal?.client.workflow
      .getHandle(workflowId)
      .terminate('test over')
      .catch(() => {});
    if (app) {
      for (const env of await environments().catch(() => [])) {
        if (env.phase !== 'deleted')
          await app.inject({ method: 'DELETE', url: `/v1/environments/${env.id}`, headers: admin() });
      }
      // Teardown is the environments' own workflows' job: wait until they are gone before the worker stops.
      await until(
        'environments deleted',
        async () => (await environments()).every((e) => e.phase === 'deleted'),
        120_000,
      ).catch(() => {});
      await app.close().catch(() => {});
    }
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
    await github?.close();
    await db?.drop();
  });

  it('refuses unsigned, wrongly signed, oversized and flooding deliveries, and starts nothing', async () => {
    expect((await deliver({ action: 'opened', signature: null })).statusCode).toBe(401);
    const wrong = await deliver({
      action: 'opened',
      signature: signWebhookBody('not-the-secret-000000', 'x'),
    });
    expect(wrong.statusCode).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('unauthorized');
    const flood = await Promise.all(
      Array.from({ length: 50 }, () => deliver({ action: 'opened', signature: `sha256=${'0'.repeat(64)}` })),
    );
    expect(flood.every((r) => r.statusCode === 401)).toBe(true);
    const huge = await app.inject({
      method: 'POST',
      url: '/v1/integrations/github/webhook',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      payload: `{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`,
    });
    expect(huge.statusCode).toBe(413);
    await expect(temporal.client.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    expect(github.calls).toHaveLength(0);
    const ignored = await deliver({ action: 'labeled' });
    expect(ignored.statusCode).toBe(202);
    expect(JSON.parse(ignored.body)).toMatchObject({ accepted: false });
    expect((await deliver({ action: 'opened', event: 'issues' })).statusCode).toBe(202);
    await expect(temporal.client.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
  });

  it('opened → one environment, one comment, a check run queued → in_progress → success with URLs and plan; a redelivery is ignored', async () => {
    const delivery = randomUUID();
    const first = await deliver({ action: 'opened', delivery });
    expect(first.statusCode, first.body).toBe(202);
    expect(JSON.parse(first.body)).toMatchObject({ accepted: true, workflowId });
    const again = await deliver({ action: 'opened', delivery });
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({
      accepted: false,
      reason: 'duplicate delivery, already handled',
    });

    const sha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
    await until('check completed', () => github.checkRun(sha)?.status === 'completed');
    expect(github.checks(sha)).toEqual(['queued', 'in_progress', 'success']);
    expect(github.checkRuns.size).toBe(1);
    const envs = await environments();
    expect(envs.filter((e) => e.phase !== 'deleted')).toHaveLength(1);
    expect(envs[0]!.phase).toBe('ready');
    const run = github.checkRun(sha)!;
    expect(run).toMatchObject({ name: 'microstax', conclusion: 'success' });
    const output = run.output as { title: string; summary: string };
    expect(output.title).toBe('Environment ready: 2 services run here');
    expect(output.summary).toContain(envs[0]!.id);
    expect(output.summary).toContain('All 2 services run in this environment');
    expect(output.summary).toMatch(/\| web \| http/);
    expect(String(run.details_url)).toMatch(/^http/);
    // No commit statuses: a GitHub App writes check runs.
    expect(github.calls.filter((c) => c.path.includes('/statuses/'))).toHaveLength(0);
    const created = github.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments'));
    expect(created).toHaveLength(1);
    const [comment] = [...github.comments.values()];
    expect(comment!.body).toContain('is ready');
    expect(comment!.body).toContain('All 2 services run in this environment');
    // Named after the pull request, and never forever: the repository's ttl (default 7d).
    expect(envs[0]!).toMatchObject({ name: `pr-42-${repository.split('/')[1]}`, ttlSeconds: 7200 });
    expect(comment!.body).toContain(envs[0]!.id);
    // One installation token for every call (cached until it expires).
    expect(github.calls.filter((c) => c.path.endsWith('/access_tokens'))).toHaveLength(1);
  });

  it('synchronize → the same environment updated, the same comment edited (with the newest traffic diff as a section), a check run of the new head', async () => {
    const before = (await workflowState()).environmentId!;
    // A finished traffic diff of the environment, as the worker records it: the comment shows it.
    const runId = randomUUID();
    const { rows } = await app.db.query<{ team_id: string; owner_id: string }>(
      'SELECT team_id, owner_id FROM environments WHERE id = $1',
      [before],
    );
    await insertDiffRun(app.db, {
      runId,
      teamId: rows[0]!.team_id,
      branchId: before,
      baselineId: before,
      source: 'captured',
      requests: 1,
      startedBy: rows[0]!.owner_id,
    });
    await finishDiffRun(app.db, runId, {
      state: 'completed',
      report: {
        verdict: 'no-differences',
        compared: 1,
        equal: 1,
        differing: 0,
        failed: 0,
        skipped: 0,
        skippedRequests: [],
        writesToBranch: 0,
        endpoints: [],
      },
    });
    expect((await deliver({ action: 'synchronize' })).statusCode).toBe(202);
    await until('check completed', () => github.checkRun(SYNC_SHA)?.status === 'completed');
    expect(github.checks(SYNC_SHA)).toEqual(['queued', 'in_progress', 'success']);
    expect(github.checkRuns.size).toBe(2);
    expect(github.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments'))).toHaveLength(1);
    expect(github.comments.size).toBe(1);
    const [comment] = [...github.comments.values()];
    expect(comment!.body).toContain('`2f7e0d3`');
    expect(comment!.body).toContain(
      `: no differences (1 compared, 0 differing, 0 not sent) · run \`${runId}\``,
    );
    // Updated in place by env apply: the same environment (id and URLs), now running the new head's image.
    const after = (await workflowState()).environmentId!;
    expect(after).toBe(before);
    expect(comment!.body).toContain(after);
    const live = (await environments()).filter((e) => e.phase !== 'deleted');
    expect(live.map((e) => e.id)).toEqual([before]);
  });

  it('closed → the environment sleeps through the grace; a late synchronize changes nothing; reopened within it → the same one woken and updated', async () => {
    const environmentId = (await workflowState()).environmentId!;
    expect((await deliver({ action: 'closed' })).statusCode).toBe(202);
    await until('comment says it sleeps', () => comment().includes('sleeps (pull request closed)'));
    expect(comment()).toMatch(/deleted at \S+ unless the pull request is reopened/);
    const pendingDelete = (await workflowState()).pendingDelete!;
    expect(Date.parse(pendingDelete.at) - Date.now()).toBeGreaterThan(60_000);
    await until('environment asleep', async () =>
      (await environments()).some((e) => e.id === environmentId && e.phase === 'sleeping'),
    );
    // Out of order (delivered after closed): ignored, the environment stays asleep, nothing is written.
    const callsBefore = github.calls.length;
    expect((await deliver({ action: 'synchronize' })).statusCode).toBe(202);
    await until('late event handled', async () =>
      (await workflowState()).log.some((line) => line.includes('ignored: the pull request is closed')),
    );
    expect(github.calls.length).toBe(callsBefore);
    expect((await environments()).find((e) => e.id === environmentId)!.phase).toBe('sleeping');

    const checksBefore = github.checks(SYNC_SHA).length;
    expect((await deliver({ action: 'reopened' })).statusCode).toBe(202);
    await until('reopened ready', () => github.checks(SYNC_SHA).slice(checksBefore).includes('success'));
    expect(github.checks(SYNC_SHA).slice(checksBefore)).toEqual(['queued', 'in_progress', 'success']);
    const state = await workflowState();
    expect(state).toMatchObject({ closed: false, environmentId });
    expect(state.pendingDelete).toBeUndefined();
    expect(state.log.some((line) => line.includes('delete called off'))).toBe(true);
    expect((await environments()).filter((e) => e.phase !== 'deleted')).toMatchObject([
      { id: environmentId, phase: 'ready' },
    ]);
    expect(github.comments.size).toBe(1);
    expect(comment()).toContain('is ready');
  });

  it('closed with a short grace → deleted once it is over; later events recreate nothing', async () => {
    await configure({ deleteAfterClose: '2s' });
    const environmentId = (await workflowState()).environmentId!;
    expect((await deliver({ action: 'closed' })).statusCode).toBe(202);
    await until('comment says deleted', () => comment().includes('was deleted'));
    await until('environment deleted', async () =>
      (await environments()).every((e) => e.id !== environmentId || e.phase === 'deleted'),
    );
    expect((await workflowState()).log.some((line) => line.includes('grace over: deleted'))).toBe(true);
    const callsBefore = github.calls.length;
    expect((await deliver({ action: 'synchronize' })).statusCode).toBe(202);
    await until('late event handled', async () =>
      (await workflowState()).log.some((line) => line.endsWith('ignored: the pull request is closed')),
    );
    expect(github.calls.length).toBe(callsBefore);
    expect((await environments()).every((e) => e.phase === 'deleted')).toBe(true);
  });

  it('reopened after the delete → a new environment (same comment); closed with no grace → deleted at once', async () => {
    await configure({ deleteAfterClose: '0s' });
    const checksBefore = github.checks(SYNC_SHA).length;
    expect((await deliver({ action: 'reopened' })).statusCode).toBe(202);
    await until('reopened ready', () => github.checks(SYNC_SHA).slice(checksBefore).includes('success'));
    expect(github.comments.size).toBe(1);
    expect(comment()).toContain('is ready');
    const state = await workflowState();
    expect((await environments()).filter((e) => e.phase !== 'deleted').map((e) => e.id)).toEqual([
      state.environmentId,
    ]);
    expect((await deliver({ action: 'closed' })).statusCode).toBe(202);
    await until('comment says deleted', () => comment().includes('was deleted'));
    expect((await workflowState()).pendingDelete).toBeUndefined();
    await until('every environment deleted', async () =>
      (await environments()).every((e) => e.phase === 'deleted'),
    );
  });

  it('repository settings: admins only, the secret never returned, logged or stored in clear; bad input named', async () => {
    const [owner, repo] = repository.split('/');
    const url = `/v1/integrations/github/repositories/${owner}/${repo}`;
    const member = await app.inject({
      method: 'PUT',
      url,
      headers: { authorization: `Bearer ${memberToken}` },
      payload: { team: 'payments', blueprint: 'shop', webhookSecret: WEBHOOK_SECRET },
    });
    expect(member.statusCode).toBe(403);
    const read = await app.inject({ url, headers: admin() });
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({
      repository: repository,
      team: 'payments',
      webhookSecret: 'set',
    });
    const list = await app.inject({ url: '/v1/integrations/github/repositories', headers: admin() });
    expect(list.body).not.toContain(WEBHOOK_SECRET);
    const badTemplate = await app.inject({
      method: 'PUT',
      url,
      headers: admin(),
      payload: {
        team: 'payments',
        blueprint: 'shop',
        images: { api: 'x:{tag}' },
        webhookSecret: WEBHOOK_SECRET,
      },
    });
    expect(badTemplate.statusCode).toBe(400);
    expect(JSON.parse(badTemplate.body).error.field).toContain('images');
    // Never forever: the close grace and the idle time are durations of at most 7d.
    for (const [field, value] of [
      ['deleteAfterClose', 'forever'],
      ['deleteAfterClose', '8d'],
      ['idleAfter', '-1h'],
    ] as const) {
      const bad = await app.inject({
        method: 'PUT',
        url,
        headers: admin(),
        payload: { team: 'payments', blueprint: 'shop', [field]: value, webhookSecret: WEBHOOK_SECRET },
      });
      expect(bad.statusCode, `${field}=${value}`).toBe(400);
      expect(JSON.parse(bad.body).error.field).toBe(`body.${field}`);
    }
    expect(JSON.parse((await app.inject({ url, headers: admin() })).body)).toMatchObject({
      deleteAfterClose: '0s',
    });
    const noTeam = await app.inject({
      method: 'PUT',
      url,
      headers: admin(),
      payload: { team: 'nobody', blueprint: 'shop', webhookSecret: WEBHOOK_SECRET },
    });
    expect(noTeam.statusCode).toBe(422);
    expect(JSON.parse(noTeam.body).error.field).toBe('body.team');
    const { rows } = await app.db.query<{ sealed: string }>(
      'SELECT webhook_secret_sealed AS sealed FROM github_repositories',
    );
    expect(rows[0]!.sealed).not.toContain(WEBHOOK_SECRET);
    expect(logs.join('')).not.toContain(WEBHOOK_SECRET);
    expect(logs.join('')).not.toContain('ghs_installation_token_for_tests');
  });
});
