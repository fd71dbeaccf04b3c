import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { loadApiConfig } from '../../api/config.js';
import { newEnvironmentId } from '../../api/environment-ids.js';
import { createApiInstance } from '../../api/instance.js';
import { pendingEnvironment } from '../../api/pending-environment.js';
import { TemporalLifecycle } from '../../api/temporal-lifecycle.js';
import { ensureDashboardBuilt } from '../../dashboard/scripts/build-dashboard.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { createApiToken } from '../../store/api-tokens.js';
import { insertEnvironment } from '../../store/environments.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

const ENVIRONMENTS = 500;
const ROUNDS = 7;
const MARK = 'msx:environment-list-painted';
const BLUEPRINT = `name: bench-dash
services:
  - name: web
    image: ghcr.io/acme/shop-web:1.0
    expose: 8080
  - name: api
    image: ghcr.io/acme/shop-api:1.0
    ports: [3000]
  - name: db
    image: postgres:16-alpine
`;

/** One load of /ui/ in a fresh page with the HTTP cache off: when the list painted, and the JS it got. */
async function loadList(context: import('playwright-core').BrowserContext, url: string, expected: number) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (/javascript/.test(response.headers()['content-type'] ?? '')) scripts.push(response.body());
  });
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, {
    timeout: 30_000,
  });
  const timing = (await page.evaluate(`(() => ({
    painted: performance.getEntriesByName(${JSON.stringify(MARK)})[0].startTime,
    fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null,
  }))()`)) as { painted: number; fcp: number | null };
  // The rest of the pages follow on their own; when every row is on screen.
  const allRows = (await page
    .waitForFunction(
      // A function, not a string: the dashboard's CSP forbids evaluating strings.
      (count: number) => {
        const { document } = globalThis as unknown as {
          document: { querySelectorAll(selector: string): { length: number } };
        };
        return document.querySelectorAll('tr[data-environment]').length >= count && performance.now();
      },
      expected,
      { timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue())) as number;
  const bodies = await Promise.all(scripts);
  await page.close();
  return {
    ...timing,
    allRows,
    jsBytes: bodies.reduce((sum, body) => sum + body.length, 0),
    jsGzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
  };
}

const suite: BenchSuite = {
  name: 'dashboard',
  description: `dashboard in Debian's chromium: first meaningful paint of the environment list with ${ENVIRONMENTS} environments (target < 1 s) beside an empty list, and the JavaScript shipped, gzip (target < 250 KB)`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    await ensureDashboardBuilt((line) => process.stdout.write(`  ${line}\n`));
    const { databaseUrl } = await readStackEndpoints();
    const dbName = `mstx_bench_dash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${dbName}`;
    // Nothing polls this task queue, and nothing is started on it: the rows are seeded in the store.
    const lifecycle = await TemporalLifecycle.connect({ taskQueue: `bench-dashboard-${randomUUID()}` });
    const app = await createApiInstance({
      config: loadApiConfig(
        {},
        { databaseUrl: url.toString(), logLevel: 'warn', rateLimitPerMinute: 1_000_000 },
      ),
      lifecycle,
      statusSync: false,
    });
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'msx-bench-chromium-'));
    try {
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const issue = async (team: string, name: string) => {
        await ensureTeam(app.db, { id: team });
        const user = await upsertUser(app.db, { name, teamId: team, role: 'member' });
        return { userId: user.id, token: (await createApiToken(app.db, { userId: user.id })).token };
      };
      const full = await issue('bench', 'bench');
      const empty = await issue('bench-empty', 'nobody');
      const registered = await app.inject({
        method: 'POST',
        url: '/v1/blueprints',
        headers: { authorization: `Bearer ${full.token}` },
        payload: { source: BLUEPRINT, fileName: 'bench-dash.yaml' },
      });
      if (registered.statusCode !== 201) throw new Error(`register failed: ${registered.body}`);
      const { rows } = await app.db.query<{ id: string }>('SELECT id FROM blueprint_versions LIMIT 1');
      const seedStart = performance.now();
      for (let i = 0; i < ENVIRONMENTS; i++) {
        await insertEnvironment(
          app.db,
          pendingEnvironment({
            id: newEnvironmentId(),
            teamId: 'bench',
            ownerId: full.userId,
            blueprintVersionId: rows[0]!.id,
            overlays: [],
            context: {},
            parent: null,
            ttlMs: 3_600_000 + i * 1000,
            branchPlan: null,
            idempotencyKey: null,
            requestDigest: 'bench',
            name: `env-${String(i).padStart(3, '0')}`,
            labels: { pr: String(i), app: i % 2 ? 'shop' : 'cart' },
          }),
        );
      }
      // Steady environments: the list opens no live streams, so the paint measures the list alone.
      await app.db.query(
        `UPDATE environments SET phase = 'ready', services = '[{"name":"web","state":"ready"},{"name":"api","state":"ready"},{"name":"db","state":"ready"}]'::jsonb`,
      );
      const seedSeconds = (performance.now() - seedStart) / 1000;

      const browser = (profile: string, token: string) =>
        chromium.launchPersistentContext(path.join(userDataDir, profile), {
          executablePath: '/usr/bin/chromium',
          headless: true,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
          viewport: { width: 1280, height: 900 },
          extraHTTPHeaders: { authorization: `Bearer ${token}` },
        });
      const fullContext = await browser('full', full.token);
      const emptyContext = await browser('empty', empty.token);
      const fullRuns: Awaited<ReturnType<typeof loadList>>[] = [];
      const emptyRuns: Awaited<ReturnType<typeof loadList>>[] = [];
      try {
        // A warm-up of each (Chromium's own start-up, the API's prepared statements), not counted.
        await loadList(fullContext, `${base}/ui/`, ENVIRONMENTS);
        await loadList(emptyContext, `${base}/ui/`, 0);
        // Side by side, alternating, so load on the machine falls on both alike.
        for (let round = 0; round < ROUNDS; round++) {
          fullRuns.push(await loadList(fullContext, `${base}/ui/`, ENVIRONMENTS));
          emptyRuns.push(await loadList(emptyContext, `${base}/ui/`, 0));
        }
      } finally {
        await fullContext.close();
        await emptyContext.close();
      }
      const paint = median(fullRuns.map((run) => run.painted));
      const emptyPaint = median(emptyRuns.map((run) => run.painted));
      const gzipKb = fullRuns[0]!.jsGzipBytes / 1024;
      return {
        metrics: {
          environments: ENVIRONMENTS,
          firstPageRows: 200,
          seedSeconds: Number(seedSeconds.toFixed(1)),
          listPaintMsMedian: Math.round(paint),
          listPaintMsRuns: fullRuns.map((run) => Math.round(run.painted)).join(' '),
          allRowsMsMedian: Math.round(median(fullRuns.map((run) => run.allRows))),
          emptyListPaintMsMedian: Math.round(emptyPaint),
          paintRatioFullToEmpty: Number((paint / Math.max(emptyPaint, 1)).toFixed(2)),
          firstContentfulPaintMsMedian: Math.round(median(fullRuns.map((run) => run.fcp ?? 0))),
          jsBytes: fullRuns[0]!.jsBytes,
          jsGzipBytes: fullRuns[0]!.jsGzipBytes,
          loadAverage: (await import('node:os')).loadavg()[0]!.toFixed(1),
        },
        targets: [
          {
            what: `first meaningful paint of the environment list (${ENVIRONMENTS} environments, median of ${ROUNDS}, cache off)`,
            target: '< 1000 ms',
            measured: `${Math.round(paint)} ms (empty list ${Math.round(emptyPaint)} ms: ${(paint / Math.max(emptyPaint, 1)).toFixed(2)}x)`,
            met: paint < 1000,
          },
          {
            what: 'JavaScript shipped, gzip',
            target: '< 250 KB',
            measured: `${gzipKb.toFixed(1)} KB (${(fullRuns[0]!.jsBytes / 1024).toFixed(0)} KB raw)`,
            met: gzipKb < 250,
          },
        ],
      };
    } finally {
      await app.close();
      await lifecycle.close();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
      await rm(userDataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
