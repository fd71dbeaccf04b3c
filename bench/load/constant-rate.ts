import { spawn } from 'node:child_process';
import { ensureBinaries } from '../../local/stack/binaries.js';
import { resolveStackConfig } from '../../local/stack/config.js';
import { lineProgress } from '../../local/stack/progress.js';

/**
 * Fixed-rate HTTP load from a second process, with vegeta (built from its Go module and cached like
 * the stack's binaries). It is an open-model generator: a request leaves every 1/rate seconds
 * whether or not earlier ones have answered, which is what "p99 at N req/s" means. autocannon's
 * rate option instead sends each second's quota back to back on every connection, then idles, and
 * pads the histogram for coordinated omission in 1 ms steps; both inflate the tail it reports.
 */

export interface LoadTarget {
  method: 'GET';
  url: string;
  /** Sent with every request; passed on stdin, never on the command line (tokens stay out of `ps`). */
  headers?: Record<string, string>;
}

/** Latencies in milliseconds. */
export interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  /** Requests per second actually sent. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** vegeta's `report -type=json` output (durations in nanoseconds). */
interface VegetaReport {
  requests: number;
  rate: number;
  status_codes: Record<string, number>;
  errors: string[] | null;
  latencies: { '50th': number; '90th': number; '99th': number; max: number };
}

/** `host` → `Host`: vegeta sets the request's Host only from a header spelled that way. */
const canonicalHeaderName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());

/** vegeta's `http` target format: a request line, header lines, a blank line. */
function targetsText(targets: readonly LoadTarget[]): string {
  return targets
    .map((target) =>
      [
        `${target.method} ${target.url}`,
        ...Object.entries(target.headers ?? {}).map(
          ([name, value]) => `${canonicalHeaderName(name)}: ${value}`,
        ),
        '',
      ].join('\n'),
    )
    .join('\n');
}

/** Runs `attack | report` through one shell pipe (`$0` is vegeta): results never touch the disk. */
function runPipeline(script: string, vegeta: string, stdin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script, vegeta], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`load generator (vegeta) exited with ${code}: ${err.trim()}`));
    });
    child.stdin.end(stdin);
  });
}

/** The cached vegeta binary, built on first use. */
export async function loadGenerator(): Promise<string> {
  const { binDir } = resolveStackConfig();
  const { vegeta } = await ensureBinaries({ binDir, names: ['vegeta'], progress: lineProgress() });
  return vegeta;
}

const ms = (nanoseconds: number) => Number((nanoseconds / 1e6).toFixed(2));

/**
 * Sends `rate` requests per second for `durationSeconds`, cycling through the targets, over
 * keep-alive connections (as many as the schedule needs), and summarises the latencies.
 */
export async function attackAtConstantRate(params: {
  targets: readonly LoadTarget[];
  rate: number;
  durationSeconds: number;
}): Promise<LoadResult> {
  const vegeta = await loadGenerator();
  const attack = [
    'attack',
    `-rate=${params.rate}/1s`,
    `-duration=${params.durationSeconds}s`,
    '-format=http',
    '-keepalive=true',
    '-timeout=10s',
  ];
  const out = await runPipeline(
    `"$0" ${attack.join(' ')} | "$0" report -type=json`,
    vegeta,
    targetsText(params.targets),
  );
  const report = JSON.parse(out) as VegetaReport;
  const ok = Object.entries(report.status_codes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  const failed = report.status_codes['0'] ?? 0;
  return {
    requests: report.requests,
    non2xx: report.requests - ok - failed,
    errors: failed,
    rps: Number(report.rate.toFixed(1)),
    p50: ms(report.latencies['50th']),
    p90: ms(report.latencies['90th']),
    p99: ms(report.latencies['99th']),
    max: ms(report.latencies.max),
  };
}
