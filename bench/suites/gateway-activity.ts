import { randomBytes } from 'node:crypto';
import { activityOf } from '../../store/environment-activity.js';
import { openGatewayRig } from '../gateway-rig.js';
import { attackAtConstantRate, type LoadResult } from '../load/constant-rate.js';
import { median } from '../stats.js';
import type { BenchSuite } from '../suite.js';
import { waitFor } from './gateway.js';

/**
 * What recording environments' use costs a request: two gateways over the same backend, Service and
 * public Ingress, one recording activity (counted in memory, flushed every 5 s to a fresh database on
 * the stack's Postgres), one not, side by side in alternating rounds at a fixed offered rate.
 */

const ROUNDS = 3;
const DURATION_S = 5;
const RATE = 300;

const round2 = (n: number) => Number(n.toFixed(2));

const suite: BenchSuite = {
  name: 'gateway-activity',
  description: "the gateway's request latency with activity recording on and off, side by side",
  needsStack: true,
  async run() {
    const rig = await openGatewayRig('gateway_activity');
    const pool = rig.database.pool;
    const environment = `bench-act-${randomBytes(3).toString('hex')}`;
    try {
      const host = `pub.${environment}.microstax.localhost`;
      await rig.bridge(environment, [{ name: 'pub', isPublic: true }]);
      const on = await rig.gateway();
      const off = await rig.gateway({ activity: false });
      const variants = { off: off.url, on: on.url };
      type Key = keyof typeof variants;
      const keys = Object.keys(variants) as Key[];
      await Promise.all(keys.map((k) => waitFor(`${variants[k]}/`, host)));
      const load = (key: Key, durationSeconds: number) =>
        attackAtConstantRate({
          targets: [{ method: 'GET', url: `${variants[key]}/`, headers: { host } }],
          rate: RATE,
          durationSeconds,
        });
      for (const key of keys) {
        const warm = await load(key, 2);
        if (warm.non2xx > 0 || warm.errors > 0)
          throw new Error(`${key}: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
      }
      const runs: Record<Key, LoadResult[]> = { off: [], on: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const key of round % 2 === 0 ? keys : [...keys].reverse()) {
          runs[key].push(await load(key, DURATION_S));
        }
      }
      // Every request the recording gateway let through is counted once it has flushed.
      await on.close();
      const recorded = (await activityOf(pool, [environment])).get(environment)?.requests ?? 0;
      const sent = runs.on.reduce((sum, r) => sum + r.requests, 0) + RATE * 2 + 1;
      const summary = (rounds: LoadResult[]) => ({
        p50: round2(median(rounds.map((r) => r.p50))),
        p99: round2(median(rounds.map((r) => r.p99))),
        failed: rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
      });
      const at = { off: summary(runs.off), on: summary(runs.on) };
      const addedP50 = round2(at.on.p50 - at.off.p50);
      const failed = at.on.failed + at.off.failed;
      return {
        metrics: {
          rate: RATE,
          durationSeconds: DURATION_S,
          rounds: ROUNDS,
          [`latencyAt${RATE}rpsMs`]: at,
          p50RatioOnOverOff: round2(at.on.p50 / at.off.p50),
          p99RatioOnOverOff: round2(at.on.p99 / at.off.p99),
          addedByRecordingMs: { p50: addedP50, p99: round2(at.on.p99 - at.off.p99) },
          requestsRecorded: recorded,
          requestsSentToRecordingGateway: sent,
        },
        targets: [
          {
            what: 'activity recording added p50',
            target: 'no measurable cost (< 0.05 ms)',
            measured: `${addedP50} ms`,
            met: addedP50 < 0.05,
          },
          {
            what: 'requests recorded',
            target: 'every request let through (±5: the readiness probe)',
            measured: `${recorded} of ${sent}`,
            met: Math.abs(recorded - sent) <= 5,
          },
          { what: 'failed requests', target: '0', measured: String(failed), met: failed === 0 },
        ],
      };
    } finally {
      await rig.close();
    }
  },
};

export default suite;
