import { randomBytes } from 'node:crypto';
import { createKubeTrafficReplayer } from '../../activities/kube-traffic-replayer.js';
import { compareBatch } from '../../activities/traffic-diff-batch.js';
import { loadDeployConfig } from '../../deploy/config.js';
import { listCapturedRequests, putCaptureSettings } from '../../store/traffic-capture.js';
import { environmentRow, teamMember } from '../../test/support/access-fixture.js';
import { openGatewayRig } from '../gateway-rig.js';
import { attackAtConstantRate, type LoadResult } from '../load/constant-rate.js';
import { median } from '../stats.js';
import type { BenchSuite } from '../suite.js';
import { waitFor } from './gateway.js';

/**
 * Traffic diffs: (1) what capture adds at the gateway: one gateway, two environments on the same
 * backend, one capturing every request (sample rate 1, the worst case) and one not, side by side in
 * rotating rounds at a fixed offered rate; (2) diff throughput: the captured requests replayed through
 * the production replayer (Service ClusterIPs, kube-proxy) and compared, requests per second.
 */

const ROUNDS = 3;
const DURATION_S = 5;
const RATE = 300;
const DIFF_REQUESTS = 300;

const round2 = (n: number) => Number(n.toFixed(2));

const suite: BenchSuite = {
  name: 'traffic-diff',
  description:
    "capture's added latency at the gateway (on vs off, fixed rate) and diff throughput (requests compared per second)",
  needsStack: true,
  async run() {
    const rig = await openGatewayRig('traffic_diff');
    const { kube } = rig;
    const pool = rig.database.pool;
    const suffix = randomBytes(3).toString('hex');
    const capturing = `bench-cap-${suffix}`;
    const plain = `bench-nocap-${suffix}`;
    try {
      const member = await teamMember(pool, { team: 'bench', user: 'bench-user' });
      for (const id of [capturing, plain]) {
        await environmentRow(pool, { id, team: 'bench', ownerId: member.userId });
        await rig.bridge(id, [{ name: 'api', isPublic: true }]);
      }
      await putCaptureSettings(pool, {
        environmentId: capturing,
        sampleRate: 1,
        maxBodyBytes: 16384,
        maxRequests: 10000,
      });
      const gateway = await rig.gateway({ wake: false });
      const variants = {
        captureOff: {
          url: `${gateway.url}/items?page=1`,
          headers: { host: `api.${plain}.microstax.localhost` },
        },
        captureOn: {
          url: `${gateway.url}/items?page=1`,
          headers: { host: `api.${capturing}.microstax.localhost`, authorization: 'Bearer app-secret' },
        },
      };
      await waitFor(`${gateway.url}/`, `api.${plain}.microstax.localhost`);
      await waitFor(`${gateway.url}/`, `api.${capturing}.microstax.localhost`);
      type Key = keyof typeof variants;
      const keys = Object.keys(variants) as Key[];
      const load = (key: Key, durationSeconds: number) =>
        attackAtConstantRate({ targets: [{ method: 'GET', ...variants[key] }], rate: RATE, durationSeconds });
      for (const key of keys) await load(key, 2);
      const runs = Object.fromEntries(keys.map((k) => [k, [] as LoadResult[]])) as Record<Key, LoadResult[]>;
      for (let round = 0; round < ROUNDS; round++) {
        for (const key of round % 2 === 0 ? keys : [...keys].reverse())
          runs[key].push(await load(key, DURATION_S));
      }
      const summary = (rounds: LoadResult[]) => ({
        p50: round2(median(rounds.map((r) => r.p50))),
        p99: round2(median(rounds.map((r) => r.p99))),
        failed: rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
      });
      const at = { captureOff: summary(runs.captureOff), captureOn: summary(runs.captureOn) };
      const added = {
        p50: round2(at.captureOn.p50 - at.captureOff.p50),
        p99: round2(at.captureOn.p99 - at.captureOff.p99),
      };
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the last batch is written
      const captured = await listCapturedRequests(pool, { environmentId: capturing, limit: DIFF_REQUESTS });
      const leaked = captured.some((r) => JSON.stringify(r.headers).includes('app-secret'));

      // Diff throughput: the captured requests against both environments through the production replayer.
      const replayer = createKubeTrafficReplayer({ kube, config: loadDeployConfig({}) });
      const requests = captured.map((r) => ({
        service: r.service,
        method: r.method,
        path: r.path,
        headers: r.headers,
      }));
      const started = process.hrtime.bigint();
      const outcomes = await compareBatch({
        replayer,
        baselineId: capturing,
        branchId: plain,
        requests,
        signal: new AbortController().signal,
        onRequest: () => {},
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const compared = outcomes.filter((o) => o.comparison).length;
      const perSecond = round2(compared / seconds);
      return {
        metrics: {
          rate: RATE,
          durationSeconds: DURATION_S,
          rounds: ROUNDS,
          [`latencyAt${RATE}rpsMs`]: at,
          addedByCaptureMs: added,
          capturedKept: captured.length,
          diff: {
            requests: requests.length,
            compared,
            seconds: round2(seconds),
            comparedPerSecond: perSecond,
          },
        },
        targets: [
          { what: 'capture added p50', target: '<= 1 ms', measured: `${added.p50} ms`, met: added.p50 <= 1 },
          {
            what: 'failed requests',
            target: '0',
            measured: String(at.captureOff.failed + at.captureOn.failed),
            met: at.captureOff.failed + at.captureOn.failed === 0,
          },
          {
            what: 'credentials in captured rows',
            target: 'none',
            measured: leaked ? 'found' : 'none',
            met: !leaked,
          },
          {
            what: 'diff throughput',
            target: 'measured',
            measured: `${perSecond} requests/s`,
            met: compared > 0,
          },
        ],
      };
    } finally {
      await rig.close();
    }
  },
};

export default suite;
