import { stringify } from 'yaml';
import { renderBlueprintJson, resolveBlueprintSource } from '../../blueprints/resolve.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/**
 * Parse + validate + resolve + render a generated blueprint with three overlay layers, at 1,000
 * services and at 20, measured side by side (interleaved) so the per-service ratio is fair on a
 * noisy machine.
 */
const ROUNDS = Number(process.env.BENCH_BLUEPRINT_ROUNDS ?? 7);

interface Workload {
  services: number;
  source: string;
  overlays: { fileName: string; source: string }[];
  scripts: Record<string, string>;
}

/** A layered stack: every tenth service is a Postgres with a seed; apps call the next few services. */
export function workload(count: number): Workload {
  const name = (i: number) => `svc-${String(i).padStart(4, '0')}`;
  const isData = (i: number) => i % 10 === 9;
  const scripts: Record<string, string> = {};
  const services = Array.from({ length: count }, (_, i) => {
    if (isData(i)) {
      scripts[`seeds/${name(i)}.sql`] = `CREATE TABLE t${i} (id int);\nINSERT INTO t${i} VALUES (${i});\n`;
      return {
        name: name(i),
        image: 'postgres:16-alpine',
        env: { POSTGRES_PASSWORD: { secret: `pw-${i}` } },
        volumes: [{ path: '/var/lib/postgresql/data', size: '1Gi' }],
        init: { type: 'sql', script: `seeds/${name(i)}.sql` },
      };
    }
    const env: Record<string, unknown> = { LOG_LEVEL: 'info', SERVICE_NAME: name(i) };
    for (const j of [i + 1, i + 2, i + 5]) {
      if (j >= count) continue;
      env[`DEP_${j}_URL`] = isData(j) ? `postgres://app:pw@${name(j)}:5432/app` : `http://${name(j)}:8080`;
    }
    return {
      name: name(i),
      image: `ghcr.io/acme/${name(i)}:1.${i}`,
      ports: [8080],
      ...(i % 50 === 0 ? { expose: true } : {}),
      env,
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
      healthCheck: { http: { path: '/healthz' }, periodSeconds: 10 },
    };
  });
  const apps = services.filter((_, i) => !isData(i));
  const team = apps.filter((_, i) => i % 5 === 0).map((s) => ({ name: s.name, env: { LOG_LEVEL: 'debug' } }));
  const user = apps.slice(0, Math.max(1, Math.floor(count / 100))).map((s) => ({
    name: s.name,
    image: `ghcr.io/alice/${s.name}:dev`,
    env: { SERVICE_NAME: { $remove: true } },
  }));
  return {
    services: count,
    source: stringify({ name: `bench-${count}`, routing: 'header', services }),
    scripts,
    overlays: [
      { fileName: 'company.yaml', source: stringify({ layer: 'company', ttl: '72h', idleAfter: '2h' }) },
      {
        fileName: 'team.yaml',
        source: stringify({ layer: 'team', appliesTo: { context: { team: 'payments' } }, services: team }),
      },
      {
        fileName: 'user.yaml',
        source: stringify({
          layer: 'user',
          appliesTo: { context: { user: 'alice', branch: 'feature/*' } },
          services: [...user, { name: 'mail', $add: true, image: 'mailhog/mailhog:v1.0.1' }],
        }),
      },
    ],
  };
}

/** One full resolution and render to JSON: wall and CPU milliseconds. */
async function once(work: Workload): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = await resolveBlueprintSource({
    source: work.source,
    fileName: 'bench.yaml',
    scripts: work.scripts,
    overlays: work.overlays,
    context: { team: 'payments', user: 'alice', branch: 'feature/x' },
  });
  if (!result.ok) throw new Error(`bench blueprint invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  JSON.stringify(renderBlueprintJson(result));
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const round1 = (value: number) => Number(value.toFixed(1));

const suite: BenchSuite = {
  name: 'blueprints',
  description:
    'parse+validate+resolve+render a 1,000-service blueprint with 3 overlay layers, vs 20 services',
  async run(): Promise<BenchResult> {
    const large = workload(1000);
    const small = workload(20);
    // Warm up the JIT and zod's compiled checks before measuring.
    await once(large);
    for (let i = 0; i < 10; i++) await once(small);

    const large1000: { wall: number; cpu: number }[] = [];
    const small20: { wall: number; cpu: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      large1000.push(await once(large));
      // Several small runs per round: a single 20-service run is too short to time alone.
      const batch = 10;
      const sum = { wall: 0, cpu: 0 };
      for (let i = 0; i < batch; i++) {
        const run = await once(small);
        sum.wall += run.wall / batch;
        sum.cpu += run.cpu / batch;
      }
      small20.push(sum);
    }
    const largeMs = median(large1000.map((r) => r.wall));
    const smallMs = median(small20.map((r) => r.wall));
    const largeCpu = median(large1000.map((r) => r.cpu));
    const smallCpu = median(small20.map((r) => r.cpu));
    const perServiceRatio = largeCpu / 1000 / (smallCpu / 20);
    return {
      metrics: {
        rounds: ROUNDS,
        blueprint_bytes_1000: Buffer.byteLength(large.source),
        median_wall_ms_1000_services: round1(largeMs),
        median_cpu_ms_1000_services: round1(largeCpu),
        median_wall_ms_20_services: round1(smallMs),
        median_cpu_ms_20_services: round1(smallCpu),
        per_service_cpu_us_1000: round1(largeCpu),
        per_service_cpu_us_20: round1((smallCpu / 20) * 1000),
        per_service_cost_ratio_1000_vs_20: Number(perServiceRatio.toFixed(2)),
        wall_runs_ms_1000: large1000.map((r) => round1(r.wall)).join(', '),
      },
      targets: [
        {
          what: 'blueprints: 1,000 services + 3 overlays, parse+validate+render (median CPU time)',
          target: '< 1000 ms',
          measured: `${largeCpu.toFixed(0)} ms (wall ${largeMs.toFixed(0)} ms)`,
          met: largeCpu < 1000,
        },
        {
          what: 'blueprints: per-service CPU cost at 1,000 vs 20 services (linear scaling)',
          target: '<= 1.5x',
          measured: `${perServiceRatio.toFixed(2)}x`,
          met: perServiceRatio <= 1.5,
        },
      ],
    };
  },
};

export default suite;
