import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuilt } from '../../../dashboard/scripts/build-dashboard.js';
import type { DiffReport } from '../../../diff/diff-report.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { finishDiffRun, insertDiffRun } from '../../../store/diff-runs.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import {
  type EnvironmentBody,
  startWorkerBackedApi,
  type WorkerBackedApi,
} from '../api/support/worker-backed-api.js';
import { type Browser, openBrowser, screenshotBothWidths } from './support/browser.js';

/**
 * Three independent services: a branch that changes api runs api alone and reuses web and search. search
 * has an init step (its Job's pod completes on a kwok node), for the page's init step results.
 */
const ROOT = `name: dash-shop
services:
  - name: web
    image: ghcr.io/acme/shop-web:1.0
    expose: 8080
  - name: api
    image: ghcr.io/acme/shop-api:1.0
    ports: [3000]
  - name: search
    image: ghcr.io/acme/search:1.0
    ports: [9200]
    init:
      - type: job
        name: index
        image: ghcr.io/acme/search:1.0
        command: [index]
`;
const BRANCH = ROOT.replace('shop-api:1.0', 'shop-api:1.1-feature');

/**
 * The dashboard in Debian's chromium against the real API, lifecycle worker, Temporal, Postgres and
 * local cluster. Team A's member (`ada`, payments) and team B's (`bob`, search) each browse with their
 * own token; every page the tests open is saved as full-page screenshots at 1280 and 390 px.
 */
describe('dashboard in a real browser (real API, worker, Temporal, Postgres, Kubernetes)', () => {
  let api: WorkerBackedApi;
  let base: string;
  let bobToken: string;
  let ada: Browser;
  let bob: Browser;
  const createdByAda: string[] = [];
  const createdByBob: string[] = [];

  beforeAll(async () => {
    await ensureDashboardBuilt();
    api = await startWorkerBackedApi({ name: 'dashboard_ui' });
    await ensureTeam(api.app.db, { id: 'search' });
    const user = await upsertUser(api.app.db, { name: 'bob', teamId: 'search', role: 'member' });
    bobToken = (await createApiToken(api.app.db, { userId: user.id })).token;
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
    ada = await openBrowser({ token: api.token });
    bob = await openBrowser({ token: bobToken });
  });
  afterAll(async () => {
    await ada?.close();
    await bob?.close();
    if (!api) return;
    // Roots with cascade (their branches go first), then wait until every namespace is gone.
    const teardown = async (ids: string[], token: string) => {
      for (const id of ids) {
        await api.app
          .inject({
            method: 'DELETE',
            url: `/v1/environments/${id}?cascade=true`,
            headers: { authorization: `Bearer ${token}` },
          })
          .catch(() => {});
      }
    };
    await teardown(createdByAda, api.token);
    await teardown(createdByBob, bobToken);
    const waitGone = async (id: string, token: string) => {
      for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
        const response = await api.app.inject({
          url: `/v1/environments/${id}`,
          headers: { authorization: `Bearer ${token}` },
        });
        if (response.statusCode === 404 || ['deleted', 'failed'].includes(JSON.parse(response.body).phase))
          return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    for (const id of createdByAda) await waitGone(id, api.token);
    for (const id of createdByBob) await waitGone(id, bobToken);
    await api.close();
  });

  const create = async (params: {
    token: string;
    source: string;
    branchOf?: string;
  }): Promise<EnvironmentBody> => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { authorization: `Bearer ${params.token}`, 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source: params.source, fileName: 'dash-shop.yaml' },
        ttl: '1h',
        ...(params.branchOf ? { branchOf: params.branchOf } : {}),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const env = JSON.parse(response.body) as EnvironmentBody;
    (params.token === bobToken ? createdByBob : createdByAda).push(env.id);
    return env;
  };
  const phaseOnPage = (page: Page) =>
    page.locator('[data-testid=phase] [data-phase]').getAttribute('data-phase');

  let root: EnvironmentBody;
  let other: EnvironmentBody;

  it('shows an environment going from provisioning to ready without reloading', async () => {
    root = await create({ token: api.token, source: ROOT });
    other = await create({ token: bobToken, source: ROOT });
    const { page } = ada;
    await page.goto(`${base}/ui/environments/${root.id}`);
    // A marker on the window survives only if the page never reloads.
    await page.evaluate('window.notReloaded = true');
    const first = await phaseOnPage(page);
    expect(first).not.toBe('ready');
    expect(first).not.toBe('failed');
    await page.locator('[data-testid=phase] [data-phase=ready]').waitFor({ timeout: 150_000 });
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    // Every service says ready, with its state in words, and the exposed one has a URL to open.
    await page.locator('[data-testid=services] tr[data-service=web][data-state=ready]').waitFor();
    const open = page.getByRole('link', { name: 'Open web' });
    expect(await open.getAttribute('href')).toMatch(/^http:\/\/web\./);
    // Pods per service, read from the cluster; the init step's result.
    await page.locator('[data-testid=pods] tr[data-service=web]').first().waitFor();
    await page.locator('[data-testid=init-steps] li[data-service=search][data-result=done]').waitFor();
    await screenshotBothWidths(page, 'environment-ready');
  });

  it('shows which layer set each value of the blueprint the environment runs', async () => {
    const { page } = ada;
    await page.goto(`${base}/ui/blueprints/dash-shop?environment=${root.id}`);
    const setBy = page.locator('[data-testid=config-web] tr[data-setting=image] [data-testid=set-by]');
    expect(await setBy.textContent()).toBe('dash-shop.yaml:4');
    await screenshotBothWidths(page, 'blueprint-provenance');
  });

  it("lists team A's environments to A and never B's, in the list or by direct URL", async () => {
    const { page } = ada;
    const seen: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/v1/'))
        seen.push(`${response.url()} ${await response.text().catch(() => '')}`);
    });
    await page.goto(`${base}/ui/`);
    await page.locator(`[data-testid=environment-list] tr[data-environment="${root.id}"]`).waitFor();
    expect(await page.locator(`tr[data-environment="${other.id}"]`).count()).toBe(0);
    const row = page.locator(`tr[data-environment="${root.id}"]`);
    expect(await row.textContent()).toContain('ada');
    expect(await row.textContent()).toContain('payments');
    await screenshotBothWidths(page, 'environment-list');

    // Search narrows the list; a search that matches nothing says what to do.
    await page.getByLabel('Search').fill('no-such-environment-anywhere');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No environment matches these filters.').waitFor();

    // B's environment by its URL: a not-found page, nothing of it shown.
    await page.goto(`${base}/ui/environments/${other.id}`);
    await page.getByRole('heading', { name: `No environment ${other.id}` }).waitFor();
    await screenshotBothWidths(page, 'environment-other-team');
    // No API answer the pages got carried B's environment (its id appears only in the refused URL).
    for (const entry of seen) {
      const [url, ...body] = entry.split(' ');
      if (!url!.includes(other.id)) expect(body.join(' ')).not.toContain(other.id);
      else expect(body.join(' ')).toContain('not_found');
    }

    // And B sees B's, not A's.
    await bob.page.goto(`${base}/ui/`);
    await bob.page.locator(`tr[data-environment="${other.id}"]`).waitFor();
    expect(await bob.page.locator(`tr[data-environment="${root.id}"]`).count()).toBe(0);
  });

  it('creates a share, shows its link once, and revokes it', async () => {
    const { page } = ada;
    await page.goto(`${base}/ui/environments/${root.id}`);
    await page.getByLabel('For whom').fill('design review');
    await page.getByRole('button', { name: 'Create share' }).click();
    const created = page.locator('[data-testid=created-share]');
    await created.waitFor();
    const link = await created.getByLabel('Link').inputValue();
    const token = new URL(link).searchParams.get('microstax_share');
    expect(token).toMatch(/^msxs_/);
    const row = page.locator('[data-testid=shares] tr[data-state=active]');
    await row.waitFor();
    const shareId = await row.getAttribute('data-share');
    // The share token reads the environment until it is revoked.
    const read = () =>
      api.app.inject({ url: `/v1/environments/${root.id}`, headers: { authorization: `Bearer ${token}` } });
    expect((await read()).statusCode).toBe(200);
    await screenshotBothWidths(page, 'environment-share');

    await page.getByRole('button', { name: `Revoke share ${shareId}` }).click();
    await page.locator(`[data-testid=shares] tr[data-share="${shareId}"][data-state=revoked]`).waitFor();
    await page.getByText(`Share ${shareId} revoked`).waitFor();
    expect((await read()).statusCode).toBe(401);
  });

  it('draws the plan graph of a branch: the changed service runs in it, the rest are reused; and its diff runs', async () => {
    const branch = await create({ token: api.token, source: BRANCH, branchOf: root.id });
    // A finished traffic diff run of the branch, as the worker records it (store/diff-runs.ts).
    const runId = randomUUID();
    const { rows } = await api.app.db.query<{ team_id: string; owner_id: string }>(
      'SELECT team_id, owner_id FROM environments WHERE id = $1',
      [branch.id],
    );
    await insertDiffRun(api.app.db, {
      runId,
      teamId: rows[0]!.team_id,
      branchId: branch.id,
      baselineId: root.id,
      source: 'captured',
      requests: 3,
      startedBy: rows[0]!.owner_id,
    });
    const report: DiffReport = {
      verdict: 'differences',
      compared: 2,
      equal: 0,
      differing: 2,
      failed: 0,
      skipped: 1,
      skippedRequests: [
        { template: 'POST /carts', reason: 'POST writes: not sent (db is the baseline)', requests: 1 },
      ],
      writesToBranch: 0,
      endpoints: [
        {
          template: 'GET /products',
          compared: 2,
          equal: 0,
          differing: 2,
          failed: 0,
          failures: [],
          differences: [{ path: '$.version', baseline: '1.0', branch: '1.1', requests: 2 }],
          noiseIgnored: ['$.requestId'],
          writesToBranch: 0,
          writeStatuses: [],
        },
      ],
    };
    await finishDiffRun(api.app.db, runId, { state: 'completed', report });
    const { page } = ada;
    await page.goto(`${base}/ui/environments/${branch.id}`);
    const graph = page.locator('[data-testid=plan-graph]');
    await graph.waitFor();
    expect(await graph.locator('[data-service=api]').getAttribute('data-where')).toBe('local');
    expect(await graph.locator('[data-service=web]').getAttribute('data-where')).toBe('reused');
    expect(await graph.locator('[data-service=search]').getAttribute('data-where')).toBe('reused');
    // The reason per service, in words, beside the drawing.
    expect(await page.locator('.plan-table tr[data-service=api]').textContent()).toMatch(/image/i);
    await page.getByRole('link', { name: root.id }).first().waitFor();
    await page.locator('[data-testid=phase] [data-phase=ready]').waitFor({ timeout: 150_000 });
    await screenshotBothWidths(page, 'environment-branch-plan');
    // The branch's diff runs, one opened as its report.
    const run = page.locator(`[data-testid=diff-runs] li[data-run="${runId}"]`);
    expect(await run.textContent()).toContain('2 compared, 2 differing, 1 not sent');
    await run.getByRole('button', { name: 'differences' }).click();
    const shown = page.locator('[data-testid=diff-report]');
    await shown.waitFor();
    expect(await shown.textContent()).toMatch(/\$\.version.*baseline.*"1\.0".*branch.*"1\.1"/);
    expect(await shown.textContent()).toContain('Noise ignored: $.requestId');
    expect(await shown.textContent()).toContain('POST writes: not sent (db is the baseline)');
    await screenshotBothWidths(page, 'environment-branch-diff');
  });
});
