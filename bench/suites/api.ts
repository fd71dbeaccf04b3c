import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadApiConfig } from '../../api/config.js';
import { createApiInstance } from '../../api/instance.js';
import { TemporalLifecycle } from '../../api/temporal-lifecycle.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { createApiToken } from '../../store/api-tokens.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';
import { countingLogStream } from '../line-counter.js';
import { attackAtConstantRate, type LoadResult, loadGenerator } from '../load/constant-rate.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/** Offered load and duration of each read run: bounded, loopback only. */
const RATE = 500;
const DURATION_S = 6;
/** Rounds of (cached status, uncached status, /healthz), interleaved so machine noise hits all three alike. */
const ROUNDS = 3;
/** Higher offered rates for the cached status reads, once each: how much headroom the target has. */
const HEADROOM_RATES = [1000, 2000] as const;
const ENVIRONMENTS = 20;
const CREATES = 40;
const CREATE_CONCURRENCY = 8;

const BLUEPRINT = `name: bench-shop
services:
  - name: web
    image: ghcr.io/acme/web:1
    expose: 8080
    env: {API_URL: "http://api:3000"}
  - name: api
    image: ghcr.io/acme/api:1
    ports: [3000]
    env: {DATABASE_URL: "postgres://app:pw@db:5432/app"}
  - name: db
    image: postgres:16-alpine
`;

/** The median of each latency figure over the rounds of one variant. */
function medianOfRounds(rounds: LoadResult[]): LoadResult {
  const pick = (key: keyof LoadResult) => median(rounds.map((r) => r[key]));
  return {
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    rps: pick('rps'),
    p50: pick('p50'),
    p90: pick('p90'),
    p99: pick('p99'),
    max: Math.max(...rounds.map((r) => r.max)),
  };
}

const ratio = (a: number, b: number) => Number((a / Math.max(b, 0.001)).toFixed(2));

const suite: BenchSuite = {
  name: 'api',
  description: `API status reads at ${RATE} req/s from a second process (p99 target < 20 ms), caches on and off, vs /healthz; create throughput`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    const { databaseUrl } = await readStackEndpoints();
    await loadGenerator(); // built (first time only) before anything is measured
    const dbName = `mstx_bench_api_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${dbName}`;

    // Workflows go to a task queue of the bench's own; the status mirror is off so reads measure the API alone.
    // Two instances over the same database, side by side: the API as configured (principal and
    // environment caches on) and one with both caches off (every read looks the token up, then the
    // row: two queries, the code before the caches).
    const lifecycle = await TemporalLifecycle.connect({ taskQueue: `bench-api-${randomUUID()}` });
    const overrides = {
      databaseUrl: url.toString(),
      logLevel: 'info' as const,
      rateLimitPerMinute: 10_000_000,
    };
    const logs = countingLogStream();
    const app = await createApiInstance({
      config: loadApiConfig({}, overrides),
      lifecycle,
      statusSync: false,
      logStream: logs.stream,
    });
    const uncachedApp = await createApiInstance({
      config: loadApiConfig({}, { ...overrides, tokenCacheMs: 0, environmentCacheMs: 0 }),
      lifecycle,
      statusSync: false,
      logStream: countingLogStream().stream,
    });
    try {
      const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
      const uncachedUrl = await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
      await ensureTeam(app.db, { id: 'bench' });
      const user = await upsertUser(app.db, { name: 'bench', teamId: 'bench', role: 'member' });
      const { token } = await createApiToken(app.db, { userId: user.id });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const registered = await fetch(`${baseUrl}/v1/blueprints`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ source: BLUEPRINT, fileName: 'bench.yaml' }),
      });
      if (registered.status !== 201)
        throw new Error(`register failed: ${registered.status} ${await registered.text()}`);

      // Create throughput: each create resolves the blueprint, records the row and starts a real workflow.
      const ids: string[] = [];
      const createOne = async () => {
        const response = await fetch(`${baseUrl}/v1/environments`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ blueprint: { name: 'bench-shop' }, ttl: '1h' }),
        });
        if (response.status !== 201)
          throw new Error(`create failed: ${response.status} ${await response.text()}`);
        ids.push(((await response.json()) as { id: string }).id);
      };
      const createStart = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CREATE_CONCURRENCY }, async () => {
          while (next++ < CREATES) await createOne();
        }),
      );
      const createSeconds = (performance.now() - createStart) / 1000;
      const createsPerSecond = CREATES / createSeconds;
      await app.db.query("UPDATE environments SET phase = 'ready'");

      const statusTargets = (base: string) =>
        ids.slice(0, ENVIRONMENTS).map((id) => ({
          method: 'GET' as const,
          url: `${base}/v1/environments/${id}`,
          headers: { authorization: `Bearer ${token}` },
        }));
      const variants = [
        { key: 'cached', targets: statusTargets(baseUrl) },
        { key: 'uncached', targets: statusTargets(uncachedUrl) },
        { key: 'health', targets: [{ method: 'GET' as const, url: `${baseUrl}/healthz` }] },
      ] as const;
      const rounds = { cached: [] as LoadResult[], uncached: [] as LoadResult[], health: [] as LoadResult[] };
      // Warm up (JIT, connection pools, prepared statements) on every variant; these figures are dropped.
      for (const variant of variants)
        await attackAtConstantRate({ targets: variant.targets, rate: RATE, durationSeconds: 2 });
      let statusLogLines = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate the order each round, so no variant always runs first (or right after another).
        for (let i = 0; i < variants.length; i++) {
          const variant = variants[(round + i) % variants.length]!;
          const linesBefore = logs.lines();
          rounds[variant.key].push(
            await attackAtConstantRate({ targets: variant.targets, rate: RATE, durationSeconds: DURATION_S }),
          );
          if (variant.key === 'cached') statusLogLines += logs.lines() - linesBefore;
        }
      }
      const headroom: Record<string, LoadResult> = {};
      for (const rate of HEADROOM_RATES) {
        headroom[`${rate}rps`] = await attackAtConstantRate({
          targets: variants[0].targets,
          rate,
          durationSeconds: DURATION_S,
        });
      }
      const status = medianOfRounds(rounds.cached);
      const uncached = medianOfRounds(rounds.uncached);
      const health = medianOfRounds(rounds.health);
      const clean = status.non2xx === 0 && status.errors === 0;
      return {
        metrics: {
          offeredRate: RATE,
          durationSeconds: DURATION_S,
          rounds: ROUNDS,
          loadGenerator: 'vegeta (open model: one request every 1/rate s)',
          statusReads: { ...status },
          statusReadsCachesOff: { ...uncached },
          healthz: { ...health },
          statusP50OverHealthzP50: ratio(status.p50, health.p50),
          statusP99OverHealthzP99: ratio(status.p99, health.p99),
          cachesOffP50OverHealthzP50: ratio(uncached.p50, health.p50),
          cachesOffP99OverHealthzP99: ratio(uncached.p99, health.p99),
          cachesOffP99OverStatusP99: ratio(uncached.p99, status.p99),
          logLinesPerStatusRead: Number((statusLogLines / Math.max(status.requests, 1)).toFixed(3)),
          statusReadsAtHigherRates: headroom,
          perRoundP99: {
            statusReads: rounds.cached.map((r) => r.p99),
            cachesOff: rounds.uncached.map((r) => r.p99),
            healthz: rounds.health.map((r) => r.p99),
          },
          createsPerSecond: Number(createsPerSecond.toFixed(1)),
          createConcurrency: CREATE_CONCURRENCY,
        },
        targets: [
          {
            what: `GET /v1/environments/{id} p99 at ${RATE} req/s (second process, loopback)`,
            target: '< 20 ms, no errors',
            measured: `${status.p99} ms p99 (${status.p50} ms p50, ${status.rps.toFixed(0)} req/s achieved, ${status.non2xx} non-2xx; median of ${ROUNDS} rounds); /healthz p99 ${health.p99} ms (ratio ${ratio(status.p99, health.p99)}x); caches off p99 ${uncached.p99} ms (ratio ${ratio(uncached.p99, health.p99)}x)`,
            met: status.p99 < 20 && clean,
          },
          {
            what: 'create throughput (resolve + record + start workflow)',
            target: 'reported',
            measured: `${createsPerSecond.toFixed(1)} creates/s at concurrency ${CREATE_CONCURRENCY}`,
            met: true,
          },
        ],
      };
    } finally {
      await app.close();
      await uncachedApp.close();
      await lifecycle.close();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  },
};

export default suite;
