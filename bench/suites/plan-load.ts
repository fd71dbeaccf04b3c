import { randomBytes, randomUUID } from 'node:crypto';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { loadApiConfig } from '../../api/config.js';
import { createApiInstance } from '../../api/instance.js';
import { TemporalLifecycle } from '../../api/temporal-lifecycle.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { createApiToken } from '../../store/api-tokens.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';
import { worstPlanRequestBody } from '../../test/support/worst-placement.js';
import { countingLogStream } from '../line-counter.js';
import { attackAtConstantRate, type LoadResult, loadGenerator } from '../load/constant-rate.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/** /healthz load from a second process: offered rate and length of each window. */
const RATE = 200;
const DURATION_S = 8;
/** Rounds of (idle, during the worst plan), interleaved so machine noise hits both alike. */
const ROUNDS = 3;

const round2 = (value: number) => Number(value.toFixed(2));
const ratio = (a: number, b: number) => Number((a / Math.max(b, 0.001)).toFixed(2));

const suite: BenchSuite = {
  name: 'plan-load',
  description: `/healthz p99 at ${RATE} req/s while the worst plan request the placement caps allow runs, vs idle (target < 10 ms)`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    const { databaseUrl } = await readStackEndpoints();
    await loadGenerator();
    const dbName = `mstx_bench_plan_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${dbName}`;
    const lifecycle = await TemporalLifecycle.connect({ taskQueue: `bench-plan-${randomUUID()}` });
    const app = await createApiInstance({
      config: loadApiConfig(
        {},
        { databaseUrl: url.toString(), logLevel: 'info', rateLimitPerMinute: 10_000_000 },
      ),
      lifecycle,
      statusSync: false,
      logStream: countingLogStream().stream,
    });
    try {
      const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
      await ensureTeam(app.db, { id: 'bench' });
      const user = await upsertUser(app.db, { name: 'bench', teamId: 'bench', role: 'member' });
      const { token } = await createApiToken(app.db, { userId: user.id });
      const plans: { ms: number; status: number; solverReason?: string }[] = [];
      const worstPlan = async () => {
        const started = performance.now();
        const response = await fetch(`${baseUrl}/v1/blueprints/plan`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(worstPlanRequestBody({ solver: 'milp' })),
        });
        const body = (await response.json()) as { placement?: { solverReason?: string } };
        plans.push({
          ms: Math.round(performance.now() - started),
          status: response.status,
          solverReason: body.placement?.solverReason,
        });
      };
      const health = [{ method: 'GET' as const, url: `${baseUrl}/healthz` }];
      // Warm up: the solver thread (HiGHS loaded) and the health route; these figures are dropped.
      await worstPlan();
      await attackAtConstantRate({ targets: health, rate: RATE, durationSeconds: 2 });
      plans.length = 0;

      const idle: LoadResult[] = [];
      const busy: LoadResult[] = [];
      // The API's own event-loop delay in each window: what the plan costs the loop, whatever the
      // other processes on the machine do to the latencies vegeta sees.
      const loopDelay = { idle: [] as number[][], busy: [] as number[][] };
      const watch = async <T>(into: number[][], work: () => Promise<T>): Promise<T> => {
        const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
        histogram.enable();
        try {
          return await work();
        } finally {
          histogram.disable();
          into.push([histogram.percentile(99) / 1e6, histogram.max / 1e6]);
        }
      };
      for (let round = 0; round < ROUNDS; round++) {
        idle.push(
          await watch(loopDelay.idle, () =>
            attackAtConstantRate({ targets: health, rate: RATE, durationSeconds: DURATION_S }),
          ),
        );
        // Worst plan requests back to back for the whole window.
        let loading = true;
        const planLoop = (async () => {
          while (loading) await worstPlan();
        })();
        await new Promise((resolve) => setTimeout(resolve, 200));
        busy.push(
          await watch(loopDelay.busy, () =>
            attackAtConstantRate({ targets: health, rate: RATE, durationSeconds: DURATION_S }),
          ),
        );
        loading = false;
        await planLoop;
      }
      const pick = (rounds: LoadResult[], key: 'p50' | 'p99' | 'max') => median(rounds.map((r) => r[key]));
      const idleP99 = pick(idle, 'p99');
      const busyP99 = pick(busy, 'p99');
      const clean = [...idle, ...busy].every((r) => r.non2xx === 0 && r.errors === 0);
      const allPlansOk = plans.every((p) => p.status === 200);
      return {
        metrics: {
          offeredRate: RATE,
          durationSeconds: DURATION_S,
          rounds: ROUNDS,
          worstPlan: '100 services x 1 replica on 50 pools x 100 nodes (maxWork 500,000), solver: milp',
          healthzIdle: { p50: pick(idle, 'p50'), p99: idleP99, max: pick(idle, 'max') },
          healthzDuringWorstPlan: { p50: pick(busy, 'p50'), p99: busyP99, max: pick(busy, 'max') },
          busyP99OverIdleP99: ratio(busyP99, idleP99),
          eventLoopDelayMs: {
            idle: {
              p99: round2(median(loopDelay.idle.map((d) => d[0]!))),
              max: round2(median(loopDelay.idle.map((d) => d[1]!))),
            },
            duringWorstPlan: {
              p99: round2(median(loopDelay.busy.map((d) => d[0]!))),
              max: round2(median(loopDelay.busy.map((d) => d[1]!))),
            },
          },
          perRoundP99: { idle: idle.map((r) => r.p99), duringWorstPlan: busy.map((r) => r.p99) },
          worstPlanRequests: plans.length,
          worstPlanMedianMs: median(plans.map((p) => p.ms)),
          worstPlanStatuses: [...new Set(plans.map((p) => p.status))].join(','),
          worstPlanSolverReasons: [...new Set(plans.map((p) => p.solverReason ?? ''))].join(' | '),
        },
        targets: [
          {
            what: `/healthz p99 at ${RATE} req/s while the worst allowed plan request runs`,
            target: '< 10 ms, no errors',
            measured: `${busyP99} ms p99 during the plan vs ${idleP99} ms idle (${ratio(busyP99, idleP99)}x; median of ${ROUNDS} rounds); ${plans.length} worst plans answered ${[...new Set(plans.map((p) => p.status))].join(',')} in ${median(plans.map((p) => p.ms))} ms median`,
            met: busyP99 < 10 && clean && allPlansOk,
          },
        ],
      };
    } finally {
      await app.close();
      await lifecycle.close();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  },
};

export default suite;
