import { randomBytes } from 'node:crypto';
import { environmentRow, shareOf, teamMember } from '../../test/support/access-fixture.js';
import { openGatewayRig } from '../gateway-rig.js';
import { attackAtConstantRate, type LoadResult } from '../load/constant-rate.js';
import { median } from '../stats.js';
import type { BenchSuite } from '../suite.js';
import { waitFor } from './gateway.js';

/**
 * What the gateway's access check adds to a request: one gateway, one backend, one Service, reached
 * by a public host (no check) and a private one (with a member's API token, with a share cookie, and
 * with the token and the cache off, i.e. a database read per request), side by side in rounds at a
 * fixed offered rate. The check's database is a fresh one on the stack's Postgres.
 */

const ROUNDS = 3;
const DURATION_S = 5;
const RATE = 300;

const round2 = (n: number) => Number(n.toFixed(2));

const suite: BenchSuite = {
  name: 'gateway-access',
  description:
    "the gateway's added latency for the access check (token, share cookie, uncached) beside a public route",
  needsStack: true,
  async run() {
    const rig = await openGatewayRig('gateway_access');
    const pool = rig.database.pool;
    const environment = `bench-acc-${randomBytes(3).toString('hex')}`;
    try {
      const member = await teamMember(pool, { team: 'bench', user: 'bench-user' });
      await environmentRow(pool, { id: environment, team: 'bench', ownerId: member.userId });
      const { token: share } = await shareOf(pool, {
        id: 'hbench',
        environmentId: environment,
        team: 'bench',
        ttlMs: 3_600_000,
      });
      await rig.bridge(environment, [
        { name: 'pub', isPublic: true },
        { name: 'priv', isPublic: false },
      ]);
      const cached = await rig.gateway();
      const uncached = await rig.gateway({
        access: { databaseUrl: rig.database.url, secureCookies: false, cacheMs: 0 },
      });
      const pub = `pub.${environment}.microstax.localhost`;
      const priv = `priv.${environment}.microstax.localhost`;
      const variants = {
        public: { url: `${cached.url}/`, headers: { host: pub } },
        token: { url: `${cached.url}/`, headers: { host: priv, authorization: `Bearer ${member.token}` } },
        shareCookie: { url: `${cached.url}/`, headers: { host: priv, cookie: `microstax_share=${share}` } },
        tokenUncached: {
          url: `${uncached.url}/`,
          headers: { host: priv, authorization: `Bearer ${member.token}` },
        },
      };
      await waitFor(`${cached.url}/`, pub);
      await waitFor(`${uncached.url}/`, pub);
      type Key = keyof typeof variants;
      const keys = Object.keys(variants) as Key[];
      const load = (key: Key, durationSeconds: number) =>
        attackAtConstantRate({ targets: [{ method: 'GET', ...variants[key] }], rate: RATE, durationSeconds });
      for (const key of keys) {
        const warm = await load(key, 2);
        if (warm.non2xx > 0 || warm.errors > 0)
          throw new Error(`${key}: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
      }
      const runs = Object.fromEntries(keys.map((k) => [k, [] as LoadResult[]])) as Record<Key, LoadResult[]>;
      for (let round = 0; round < ROUNDS; round++) {
        for (const key of [...keys.slice(round % keys.length), ...keys.slice(0, round % keys.length)]) {
          runs[key].push(await load(key, DURATION_S));
        }
      }
      const summary = (rounds: LoadResult[]) => ({
        p50: round2(median(rounds.map((r) => r.p50))),
        p99: round2(median(rounds.map((r) => r.p99))),
        failed: rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
      });
      const at = Object.fromEntries(keys.map((k) => [k, summary(runs[k])])) as Record<
        Key,
        ReturnType<typeof summary>
      >;
      const added = (k: Key) => ({
        p50: round2(at[k].p50 - at.public.p50),
        p99: round2(at[k].p99 - at.public.p99),
      });
      const failed = keys.reduce((sum, k) => sum + at[k].failed, 0);
      return {
        metrics: {
          rate: RATE,
          durationSeconds: DURATION_S,
          rounds: ROUNDS,
          [`latencyAt${RATE}rpsMs`]: at,
          addedByTokenCheckMs: added('token'),
          addedByShareCookieCheckMs: added('shareCookie'),
          addedByUncachedTokenCheckMs: added('tokenUncached'),
        },
        targets: [
          {
            what: 'access check (cached token) added p99',
            target: '< 2 ms',
            measured: `${added('token').p99} ms`,
            met: added('token').p99 < 2,
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
