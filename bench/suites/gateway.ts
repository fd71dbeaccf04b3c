import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { V1Service } from '@kubernetes/client-node';
import { pino } from 'pino';
import { KubeClient } from '../../deploy/kube-client.js';
import { startGateway } from '../../gateway/gateway.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { bridgeHasAddress } from '../../local/stack/node/host-network.js';
import { BRIDGE_ADDRESS, POD_BRIDGE } from '../../local/stack/node/layout.js';
import { apiIngress, bridgedApi } from '../bridged-api.js';
import { countingLogStream } from '../line-counter.js';
import { attackAtConstantRate, loadGenerator } from '../load/constant-rate.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/**
 * The gateway's cost: the same backend (a Node HTTP server on the node tier's bridge, in its own
 * process) loaded from a second process three ways, side by side in rounds: directly, through its
 * Service's ClusterIP (kube-proxy only), and through the gateway (Host header → ClusterIP), as the
 * stack runs it (an access log line per request, metrics) and quiet (neither).
 */

const ROUNDS = 4;
const DURATION_S = 5;
const CONNECTIONS = 10;
/** The fixed offered rate of the latency runs: well under saturation, so latency is not queueing. */
const LATENCY_RATE = 300;

interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Maximum throughput: autocannon in its own process (closed loop, CONNECTIONS requests in flight), so
 * the load generator shares no event loop with the gateway.
 */
function loadAtMax(params: { url: string; host?: string; durationS: number }): Promise<LoadResult> {
  const script = `
    const { default: autocannon } = await import('autocannon');
    const o = JSON.parse(process.argv[1]);
    const r = await autocannon({
      url: o.url, connections: ${CONNECTIONS}, duration: o.durationS,
      headers: o.host ? { host: o.host } : {},
    });
    process.stdout.write(JSON.stringify({
      requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts,
      rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(params)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as LoadResult)
        : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

/** Latency at a fixed offered rate: vegeta's open model (see bench/load/constant-rate.ts). */
function loadAtRate(params: { url: string; host?: string; durationS: number }): Promise<LoadResult> {
  return attackAtConstantRate({
    targets: [{ method: 'GET', url: params.url, headers: params.host ? { host: params.host } : {} }],
    rate: LATENCY_RATE,
    durationSeconds: params.durationS,
  });
}

/** The backend: a ~1 KB JSON answer, in a process of its own on the bridge address; resolves its port. */
export function startBackend(): Promise<{ child: ChildProcess; port: number }> {
  const script = `
    const http = await import('node:http');
    const body = JSON.stringify({ service: 'api', items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: 'item-' + i, price: i * 100 })) });
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
    });
    server.keepAliveTimeout = 5000;
    server.listen(0, '${BRIDGE_ADDRESS}', () => process.stdout.write(String(server.address().port) + '\\n'));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.once('data', (chunk) => resolve({ child, port: Number(String(chunk).trim()) }));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`backend exited with ${code}`)));
  });
}

/** One GET on a fresh connection (fetch cannot set Host); resolves the status, 0 when refused. */
function statusOf(url: string, host?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { headers: host ? { host } : {}, agent: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Waits until a URL answers 200 on fresh connections (kube-proxy has programmed the ClusterIP). */
export async function waitFor(url: string, host?: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await statusOf(url, host)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${url} (Host ${host ?? '-'}) does not answer 200 after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const round2 = (n: number) => Number(n.toFixed(2));

/**
 * What a 404 costs now that every unknown host is confirmed with a fresh Ingress list: sequential
 * requests on fresh connections, a known host beside an unknown one; medians in ms. Isolated misses
 * (after a pause longer than the confirmation spacing) are the usual case; back-to-back misses wait
 * for the next confirmation slot (a scan of random hosts).
 */
async function missCost(url: string, knownHost: string, samples: number) {
  const timed = async (host: string, expected: number) => {
    const t0 = performance.now();
    const status = await statusOf(url, host);
    if (status !== expected) throw new Error(`${host} answered ${status}, not ${expected}`);
    return performance.now() - t0;
  };
  const known: number[] = [];
  const isolated: number[] = [];
  const backToBack: number[] = [];
  for (let i = 0; i < samples; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    isolated.push(await timed(`nobody-${i}.${knownHost}`, 404));
    known.push(await timed(knownHost, 200));
  }
  for (let i = 0; i < samples; i++) backToBack.push(await timed(`scan-${i}.${knownHost}`, 404));
  return {
    knownMs: round2(median(known)),
    isolatedMissMs: round2(median(isolated)),
    backToBackMissMs: round2(median(backToBack)),
  };
}

const suite: BenchSuite = {
  name: 'gateway',
  description: `requests/s and p50/p99 through the gateway vs directly and via the ClusterIP, same backend, side by side (${ROUNDS} rounds); the gateway with and without access logs`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    if (!(await bridgeHasAddress())) {
      throw new Error(
        `the node tier is not up: ${POD_BRIDGE} with ${BRIDGE_ADDRESS} is missing (stack up --real-nodes)`,
      );
    }
    await loadGenerator(); // built (first time only) before anything is measured
    const kube = KubeClient.fromKubeconfigFile((await readStackEndpoints()).kubeconfigPath);
    const namespace = `bench-gw-${randomBytes(3).toString('hex')}`;
    const backend = await startBackend();
    const logs = countingLogStream();
    let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
    let quiet: Awaited<ReturnType<typeof startGateway>> | undefined;
    try {
      for (const object of [
        ...bridgedApi(namespace, backend.port),
        // Routing is measured here, without the access check (its cost: the gateway-access suite).
        apiIngress({ namespace, environment: namespace, name: 'api', isPublic: true }),
      ])
        await kube.apply(object);
      const service = await kube.read<V1Service>({
        apiVersion: 'v1',
        kind: 'Service',
        name: 'api',
        namespace,
      });
      // The gateway as the stack runs it: info logs (one line per request), metrics on.
      const access = { databaseUrl: (await readStackEndpoints()).databaseUrl, secureCookies: false };
      gateway = await startGateway({ kube, port: 0, log: pino({ level: 'info' }, logs.stream), access });
      // The same without access logs and metrics: what they cost.
      quiet = await startGateway({ kube, port: 0, log: pino({ level: 'warn' }), metrics: false, access });
      const host = `api.${namespace}.microstax.localhost`;
      const variants = {
        direct: { url: `http://${BRIDGE_ADDRESS}:${backend.port}/` },
        clusterIp: { url: `http://${service.spec?.clusterIP}:80/` },
        gateway: { url: `${gateway.url}/`, host },
        gatewayQuiet: { url: `${quiet.url}/`, host },
      };
      await waitFor(variants.clusterIp.url);
      await waitFor(variants.gateway.url, host);
      await waitFor(variants.gatewayQuiet.url, host);

      type Key = keyof typeof variants;
      const keys = Object.keys(variants) as Key[];
      const throughput = Object.fromEntries(keys.map((k) => [k, [] as LoadResult[]])) as Record<
        Key,
        LoadResult[]
      >;
      const latency = Object.fromEntries(keys.map((k) => [k, [] as LoadResult[]])) as Record<
        Key,
        LoadResult[]
      >;
      for (const key of keys) {
        // Warm-up, dropped.
        await loadAtMax({ ...variants[key], durationS: 2 });
        await loadAtRate({ ...variants[key], durationS: 2 });
      }
      for (let round = 0; round < ROUNDS; round++) {
        // Each round starts with another variant, so a busy spell of the machine favours none.
        for (const key of [...keys.slice(round % keys.length), ...keys.slice(0, round % keys.length)]) {
          throughput[key].push(await loadAtMax({ ...variants[key], durationS: DURATION_S }));
          latency[key].push(await loadAtRate({ ...variants[key], durationS: DURATION_S }));
        }
      }
      const misses = await missCost(variants.gatewayQuiet.url, host, 30);
      const summary = (rounds: LoadResult[]) => ({
        rps: Math.round(median(rounds.map((r) => r.rps))),
        rpsPerRound: rounds.map((r) => Math.round(r.rps)),
        p50: round2(median(rounds.map((r) => r.p50))),
        p99: round2(median(rounds.map((r) => r.p99))),
        non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
        errors: rounds.reduce((sum, r) => sum + r.errors, 0),
      });
      const max = Object.fromEntries(keys.map((k) => [k, summary(throughput[k])])) as Record<
        Key,
        ReturnType<typeof summary>
      >;
      const fixed = Object.fromEntries(keys.map((k) => [k, summary(latency[k])])) as Record<
        Key,
        ReturnType<typeof summary>
      >;
      // Failures through the gateways; those of the direct variants are the machine's (kube-proxy resyncs).
      const failed = (k: Key) => max[k].non2xx + max[k].errors + fixed[k].non2xx + fixed[k].errors;
      const gatewayFailures = failed('gateway') + failed('gatewayQuiet');
      return {
        metrics: {
          connections: CONNECTIONS,
          durationSeconds: DURATION_S,
          rounds: ROUNDS,
          maxThroughput: max,
          [`latencyAt${LATENCY_RATE}rps`]: fixed,
          gatewayVsDirectRps: round2(max.gateway.rps / Math.max(max.direct.rps, 1)),
          gatewayVsClusterIpRps: round2(max.gateway.rps / Math.max(max.clusterIp.rps, 1)),
          quietGatewayVsClusterIpRps: round2(max.gatewayQuiet.rps / Math.max(max.clusterIp.rps, 1)),
          gatewayAddedP50Ms: round2(fixed.gateway.p50 - fixed.clusterIp.p50),
          gatewayAddedP99Ms: round2(fixed.gateway.p99 - fixed.clusterIp.p99),
          gatewayLogLines: logs.lines(),
          // Unknown hosts wait for a fresh Ingress list (at most one started per 250 ms, shared).
          knownHostMedianMs: misses.knownMs,
          unknownHostMedianMs: misses.isolatedMissMs,
          unknownHostBackToBackMedianMs: misses.backToBackMissMs,
          failedRequests: Object.fromEntries(keys.map((k) => [k, failed(k)])),
        },
        targets: [
          {
            what: 'failed requests through the gateway',
            target: '0',
            measured: String(gatewayFailures),
            met: gatewayFailures === 0,
          },
        ],
      };
    } finally {
      await gateway?.close();
      await quiet?.close();
      backend.child.removeAllListeners('exit');
      backend.child.kill('SIGTERM');
      await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
    }
  },
};

export default suite;
