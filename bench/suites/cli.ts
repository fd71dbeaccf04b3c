import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadApiConfig } from '../../api/config.js';
import { createApiInstance } from '../../api/instance.js';
import { TemporalLifecycle } from '../../api/temporal-lifecycle.js';
import { buildDist, distFreshness } from '../../build/build-dist.js';
import { binaryPath } from '../../local/stack/binaries.js';
import { resolveStackConfig } from '../../local/stack/config.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { createApiToken } from '../../store/api-tokens.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/** Runs of each command, interleaved so machine noise hits every command alike. */
const RUNS = 7;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIME = '/usr/bin/time';

interface Sample {
  wallMs: number;
  peakRssMiB: number;
}

/** Runs a command under /usr/bin/time: its wall time (measured here) and its peak resident memory. */
function measure(command: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ['-f', 'peak-rss-kb %M', ...command], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - started;
      const kb = /peak-rss-kb (\d+)/.exec(stderr)?.[1];
      if (code !== 0 || !kb)
        return reject(new Error(`${command.join(' ')} failed (exit ${code}): ${stderr}`));
      resolve({ wallMs, peakRssMiB: Number(kb) / 1024 });
    });
  });
}

const summary = (samples: Sample[]) => ({
  medianWallMs: Number(median(samples.map((s) => s.wallMs)).toFixed(1)),
  minWallMs: Number(Math.min(...samples.map((s) => s.wallMs)).toFixed(1)),
  maxPeakRssMiB: Number(Math.max(...samples.map((s) => s.peakRssMiB)).toFixed(1)),
  runs: samples.length,
});

const suite: BenchSuite = {
  name: 'cli',
  description: `microstax --version and env list -o json (compiled, against a local API) vs kubectl version --client, ${RUNS} runs each, side by side`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    // The launcher runs dist/ only when it is fresh: build it first, or the figures are tsx's.
    const freshness = await distFreshness(ROOT);
    if (!freshness.fresh) {
      process.stdout.write(`  building dist/ first (${freshness.reason})\n`);
      await buildDist({ root: ROOT, log: () => {} });
    }
    const kubectl = binaryPath(resolveStackConfig().binDir, 'kubectl');

    const { databaseUrl } = await readStackEndpoints();
    const dbName = `mstx_bench_cli_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${dbName}`;
    const lifecycle = await TemporalLifecycle.connect({ taskQueue: `bench-cli-${randomUUID()}` });
    const app = await createApiInstance({
      config: loadApiConfig({}, { databaseUrl: url.toString(), logLevel: 'warn' }),
      lifecycle,
      statusSync: false,
    });
    try {
      const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
      await ensureTeam(app.db, { id: 'payments' });
      const user = await upsertUser(app.db, { name: 'bench', teamId: 'payments', role: 'member' });
      const { token } = await createApiToken(app.db, { userId: user.id });
      const env = {
        ...process.env,
        MICROSTAX_URL: apiUrl,
        MICROSTAX_TOKEN: token,
        MICROSTAX_CONFIG: '/nonexistent',
      };
      const bin = `${ROOT}bin/microstax.js`;
      const commands: Record<string, string[]> = {
        kubectlVersionClient: [kubectl, 'version', '--client'],
        // Node starting and exiting: the floor under any command of a Node CLI on this machine.
        nodeAlone: [process.execPath, '-e', '0'],
        microstaxVersion: [process.execPath, bin, '--version'],
        microstaxHelp: [process.execPath, bin, '--help'],
        microstaxEnvListJson: [process.execPath, bin, 'env', 'list', '-o', 'json'],
      };
      const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
      for (const [, command] of Object.entries(commands)) await measure(command, env); // warm the page cache
      for (let run = 0; run < RUNS; run++) {
        for (const [name, command] of Object.entries(commands))
          samples[name]!.push(await measure(command, env));
      }
      const figures = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summary(s)]));
      const kube = figures.kubectlVersionClient!;
      const version = figures.microstaxVersion!;
      const list = figures.microstaxEnvListJson!;
      const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
      const peak = Math.max(version.maxPeakRssMiB, list.maxPeakRssMiB, figures.microstaxHelp!.maxPeakRssMiB);
      return {
        metrics: {
          ...figures,
          versionOverKubectl: ratio(version.medianWallMs, kube.medianWallMs),
          envListOverKubectl: ratio(list.medianWallMs, kube.medianWallMs),
          envListRows: 0,
          versionAboveNodeMs: Number((version.medianWallMs - figures.nodeAlone!.medianWallMs).toFixed(1)),
          envListAboveNodeMs: Number((list.medianWallMs - figures.nodeAlone!.medianWallMs).toFixed(1)),
        },
        targets: [
          {
            what: 'microstax --version median wall',
            target: '< 150 ms',
            measured: `${version.medianWallMs} ms (kubectl version --client ${kube.medianWallMs} ms: ${ratio(version.medianWallMs, kube.medianWallMs)}x; node -e 0 ${figures.nodeAlone!.medianWallMs} ms)`,
            met: version.medianWallMs < 150,
          },
          {
            what: 'microstax env list -o json median wall (local API)',
            target: '< 400 ms',
            measured: `${list.medianWallMs} ms (${ratio(list.medianWallMs, kube.medianWallMs)}x kubectl version --client)`,
            met: list.medianWallMs < 400,
          },
          {
            what: 'peak memory of --version, --help and env list',
            target: '< 80 MiB',
            measured: `${peak} MiB (kubectl ${kube.maxPeakRssMiB} MiB)`,
            met: peak < 80,
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
