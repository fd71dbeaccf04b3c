import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { startGateway } from '../../gateway/gateway.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../local/stack/node/layout.js';
import { checkoutDev, httpAt } from '../../test/integ/real-node/support.js';
import { workflowIds } from '../../workflows/contracts.js';
import { startBenchWorker } from '../lifecycle-worker.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/**
 * A pull request's next push on the real node: from asking for checkout-api at the other version
 * (1.0 <-> 2.0) to the first HTTP 200 from that version at the environment's name URL, updated in place
 * (apply) vs deleted and created again under the same name. Side by side, alternating, in one run,
 * through a gateway of this checkout (the stack's daemon may run older code).
 */
const PAIRS = Number(process.env.MICROSTAX_BENCH_APPLY_PAIRS ?? 3);
const gatewayLog = process.env.MICROSTAX_BENCH_GATEWAY_LOG;

/** The `error` of a JSON error answer (the gateway's `backend-unreachable`), else the body's start. */
function errorOf(body: string): string {
  try {
    return String(JSON.parse(body).error);
  } catch {
    return body.slice(0, 40);
  }
}

/**
 * Polls every 100 ms until the api answers 200 with `version` (the old pod may answer meanwhile);
 * returns what the other answers were, counted (`200 1.0`, `502`, `error: ...`), and the slowest one.
 */
async function untilVersion(
  url: string,
  version: string,
  via: string,
  timeoutMs = 300_000,
): Promise<{ seen: Record<string, number>; slowestMs: number }> {
  const deadline = Date.now() + timeoutMs;
  const seen: Record<string, number> = {};
  let slowestMs = 0;
  while (Date.now() < deadline) {
    const asked = performance.now();
    const answer = await httpAt(`${url}/products`, { via }).catch((error: Error) => error);
    slowestMs = Math.max(slowestMs, Math.round(performance.now() - asked));
    if (!(answer instanceof Error) && answer.status === 200 && answer.json().version === version) {
      return { seen, slowestMs };
    }
    const what =
      answer instanceof Error
        ? `error: ${answer.message.replace(/^\S+: /, '')}`
        : `${answer.status} ${answer.status === 200 ? answer.json().version : errorOf(answer.body)}`;
    seen[what] = (seen[what] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered version ${version}`);
}

const suite: BenchSuite = {
  name: 'apply',
  description:
    'on the real node: apply with one image changed vs delete + create, to the first HTTP 200 from the new version at the same URL',
  needsStack: true,
  async run(): Promise<BenchResult> {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode?.gatewayUrl) {
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    }
    const env = { ...process.env, ...realNodeDeployEnv(endpoints.realNode) };
    const { temporal, lifecycle, stop } = await startBenchWorker({ name: 'apply', env });
    const gateway = await startGateway({
      kube: KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath),
      // MICROSTAX_BENCH_GATEWAY_LOG=FILE keeps its access log (each request's outcome and backend error).
      log: gatewayLog ? pino({ level: 'info' }, pino.destination(gatewayLog)) : pino({ level: 'warn' }),
      port: 0,
      wake: false,
      access: { databaseUrl: endpoints.databaseUrl, secureCookies: false },
    });
    const via = `127.0.0.1:${gateway.port}`;
    const blueprints: Record<string, ResolvedBlueprint> = {
      '1.0': await checkoutDev(),
      '2.0': await checkoutDev((yaml) => yaml.replace('checkout-api:latest', 'checkout-api:2.0')),
    };
    const suffix = randomUUID().slice(0, 6);
    const updated = { name: `bench-up-${suffix}`, id: `bench-up-${suffix}` };
    const recreated = { name: `bench-re-${suffix}`, id: `bench-re-${suffix}-0` };
    const live = new Set<string>();
    const create = async (target: { name: string; id: string }, version: string) => {
      await lifecycle.createEnvironment({
        environmentId: target.id,
        blueprint: blueprints[version]!,
        owner: 'bench',
        team: 'bench',
        name: target.name,
        claimWarm: false,
      });
      live.add(target.id);
      const status = await lifecycle.waitReady(target.id);
      if (status.phase !== 'ready')
        throw new Error(`${target.id} ended ${status.phase}: ${status.error?.message}`);
      return status.urls.api!;
    };
    const applyMs: number[] = [];
    const recreateMs: number[] = [];
    /** Each update's phase breakdown (the workflow's `timings`): where the time goes. */
    const applyPhases: Record<string, number>[] = [];
    /** What each update's polls met before the new version answered (old version, 502s, timeouts). */
    const applyPolls: { seen: Record<string, number>; slowestMs: number }[] = [];
    try {
      const [updateUrl, recreateUrl] = await Promise.all([create(updated, '1.0'), create(recreated, '1.0')]);
      let version = '1.0';
      for (let i = 0; i < PAIRS; i++) {
        const next = version === '1.0' ? '2.0' : '1.0';
        const viaApply = async () => {
          const started = performance.now();
          await lifecycle.startApply({
            environmentId: updated.id,
            request: { blueprint: blueprints[next]! },
            updateId: randomUUID(),
          });
          const polled = await untilVersion(updateUrl, next, via);
          applyMs.push(performance.now() - started);
          applyPolls.push(polled);
          // The next round starts from a ready environment.
          const status = await lifecycle.waitReady(updated.id);
          if (status.timings?.operation === 'update') {
            applyPhases.push(Object.fromEntries(status.timings.phases.map((p) => [p.phase, p.ms])));
          }
        };
        const viaRecreate = async () => {
          const started = performance.now();
          await lifecycle.teardown(recreated.id, { reason: 'requested', requestedBy: 'bench' });
          await temporal.client.workflow.getHandle(workflowIds.environment(recreated.id)).result();
          live.delete(recreated.id);
          recreated.id = `bench-re-${suffix}-${i + 1}`;
          const url = await create(recreated, next);
          if (url !== recreateUrl) throw new Error(`recreated under another URL: ${url} vs ${recreateUrl}`);
          await untilVersion(url, next, via);
          recreateMs.push(performance.now() - started);
        };
        for (const step of i % 2 === 0 ? [viaApply, viaRecreate] : [viaRecreate, viaApply]) await step();
        version = next;
      }
    } finally {
      await Promise.all(
        [...live].map(async (id) => {
          await lifecycle.teardown(id, { reason: 'requested', requestedBy: 'bench' }).catch(() => undefined);
          await temporal.client.workflow
            .getHandle(workflowIds.environment(id))
            .result()
            .catch(() => undefined);
        }),
      );
      await stop();
      await temporal.close();
      await gateway.close();
    }
    const round = (n: number) => Math.round(n);
    const applyMedian = median(applyMs);
    const recreateMedian = median(recreateMs);
    const ratio = recreateMedian / applyMedian;
    return {
      metrics: {
        firstNewVersionMs: {
          apply: applyMs.map(round),
          recreate: recreateMs.map(round),
          applyMedian: round(applyMedian),
          recreateMedian: round(recreateMedian),
        },
        recreateOverApply: Number(ratio.toFixed(2)),
        applyPhasesMs: Object.fromEntries(applyPhases.map((phases, i) => [`round${i + 1}`, phases])),
        applyPolls: Object.fromEntries(applyPolls.map((polls, i) => [`round${i + 1}`, polls])),
      },
      targets: [
        {
          what: 'one image changed, to the first HTTP 200 of the new version at the same URL: apply vs delete + create',
          target: '>= 3x faster',
          measured: `${round(applyMedian)} ms vs ${round(recreateMedian)} ms (${ratio.toFixed(2)}x)`,
          met: ratio >= 3,
        },
        {
          what: 'apply with one image changed to the first HTTP 200 of the new version, median',
          target: '< 5 s',
          measured: `${round(applyMedian)} ms`,
          met: applyMedian < 5000,
        },
      ],
    };
  },
};

export default suite;
