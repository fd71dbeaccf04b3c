import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { type DeployConfig, loadDeployConfig } from '../../deploy/config.js';
import { postgresUrlFor } from '../../deploy/data-endpoints.js';
import { deployEnvironment } from '../../deploy/deploy-environment.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { teardownEnvironment } from '../../deploy/teardown.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../local/stack/node/layout.js';
import { planBranch } from '../../planner/branching/plan-branch.js';
import { checkoutDev, httpAt } from '../../test/integ/real-node/support.js';
import type { BenchResult, BenchSuite } from '../suite.js';
import { untilOk } from '../until-ok.js';

/**
 * Data forking on the real node: a checkout-dev baseline whose database holds N MB of generated rows
 * (MICROSTAX_BENCH_DATA_MB, default "100"; "100,1000" adds the 1 GB case), then a branch that forks
 * `db`, by physical copy (pg_basebackup) and by dump/restore, side by side in the same run. Measured:
 * time from branch create to the first HTTP 200 that reads a row the baseline got after its seed,
 * through the branch's api.
 */
const SIZES_MB = (process.env.MICROSTAX_BENCH_DATA_MB ?? '100').split(',').map(Number);
const ROW_BYTES = 1000;
const owner = { owner: 'bench@acme.io', team: 'bench' };

/** Fills the baseline's database with about `mb` MB of incompressible rows, with the host's psql. */
async function generateRows(url: string, mb: number): Promise<number> {
  const rows = Math.round((mb * 1024 * 1024) / (ROW_BYTES + 60));
  const parsed = new URL(url);
  const sql = `CREATE TABLE IF NOT EXISTS bench_rows (id bigserial PRIMARY KEY, payload text NOT NULL);
INSERT INTO bench_rows (payload)
  SELECT string_agg(md5(random()::text || g || i), '') FROM generate_series(1, ${rows}) g,
  LATERAL generate_series(1, ${ROW_BYTES / 32}) i GROUP BY g;
SELECT pg_database_size(current_database());`;
  const { stdout } = await promisify(execFile)('psql', ['-Atq', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    env: {
      PATH: process.env.PATH ?? '',
      PGHOST: parsed.hostname,
      PGPORT: parsed.port || '5432',
      PGUSER: decodeURIComponent(parsed.username),
      PGPASSWORD: decodeURIComponent(parsed.password),
      PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
    },
    maxBuffer: 1024 * 1024,
  });
  return Number(stdout.trim().split('\n').at(-1));
}

async function forkOnce(params: {
  kube: KubeClient;
  config: DeployConfig;
  method: 'physical' | 'logical';
  baseId: string;
  cartId: number;
  apiUrlOf: (id: string) => string;
}): Promise<number> {
  const baseline = await checkoutDev();
  const branch = await checkoutDev((yaml) => yaml.replace('checkout-api:latest', 'checkout-api:2.0'));
  const id = `bench-fork-${params.method.slice(0, 4)}-${randomUUID().slice(0, 6)}`;
  const config = { ...params.config, forkMethod: params.method };
  const started = Date.now();
  try {
    const polling = untilOk(`${params.apiUrlOf(id)}/carts/${params.cartId}`, { timeoutMs: 1_200_000 });
    polling.catch(() => undefined);
    await deployEnvironment({
      kube: params.kube,
      environment: { id, baselineId: params.baseId, ...owner },
      blueprint: branch,
      plan: planBranch({ baseline, branch }),
      baseline: { environmentId: params.baseId },
      config,
    });
    await polling;
    return Date.now() - started;
  } finally {
    await teardownEnvironment({ kube: params.kube, environmentId: id, config });
  }
}

const suite: BenchSuite = {
  name: 'data',
  description: 'fork of a generated Postgres database on the real node: physical copy vs dump/restore',
  needsStack: true,
  async run(): Promise<BenchResult> {
    const endpoints = await readStackEndpoints();
    const gatewayUrl = endpoints.realNode?.gatewayUrl;
    if (!gatewayUrl)
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    const config = loadDeployConfig(realNodeDeployEnv({ gatewayUrl }));
    const kube = KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath);
    const metrics: BenchResult['metrics'] = {};
    const targets: NonNullable<BenchResult['targets']> = [];
    for (const mb of SIZES_MB) {
      const baseId = `bench-fork-base-${randomUUID().slice(0, 6)}`;
      try {
        const base = await deployEnvironment({
          kube,
          environment: { id: baseId, ...owner },
          blueprint: await checkoutDev(),
          config,
        });
        const baseUrl = base.urls.api![0]!;
        const apiUrlOf = (id: string) => baseUrl.replace(baseId, id);
        await untilOk(`${baseUrl}/products`);
        const bytes = await generateRows(
          await postgresUrlFor({ kube, config, environmentId: baseId, service: 'db' }),
          mb,
        );
        const cart = await httpAt(`${baseUrl}/carts`, { method: 'POST', body: { customer: 'bench' } });
        const cartId = cart.json().cart.id as number;
        // Side by side: physical, then logical, on the same baseline.
        const physicalMs = await forkOnce({ kube, config, method: 'physical', baseId, cartId, apiUrlOf });
        const logicalMs = await forkOnce({ kube, config, method: 'logical', baseId, cartId, apiUrlOf });
        const ratio = logicalMs / physicalMs;
        metrics[`${mb}MB`] = {
          databaseBytes: bytes,
          physicalMs,
          logicalMs,
          ratio: Number(ratio.toFixed(2)),
        };
        targets.push({
          what: `fork of ${Math.round(bytes / 1024 / 1024)} MB: physical vs dump/restore, create to first 200 with forked data`,
          target: '>= 3x faster',
          measured: `${(physicalMs / 1000).toFixed(1)} s vs ${(logicalMs / 1000).toFixed(1)} s (${ratio.toFixed(1)}x)`,
          met: ratio >= 3,
        });
        if (mb >= 1000) {
          targets.push({
            what: `fork of ${Math.round(bytes / 1024 / 1024)} MB by physical copy`,
            target: '< 15 s',
            measured: `${(physicalMs / 1000).toFixed(1)} s`,
            met: physicalMs < 15_000,
          });
        }
      } finally {
        await teardownEnvironment({ kube, environmentId: baseId, config });
      }
    }
    return { metrics, targets };
  },
};

export default suite;
