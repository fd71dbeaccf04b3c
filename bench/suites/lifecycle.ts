import { randomUUID } from 'node:crypto';
import { KubeClient, LABELS } from '../../deploy/index.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { smallBlueprint } from '../../test/integ/workflows/support/blueprints.js';
import { type PrewarmPoolResult, WorkflowType, workflowIds } from '../../workflows/contracts.js';
import { startBenchWorker } from '../lifecycle-worker.js';
import { percentile } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

/**
 * Environment lifecycle on the real Temporal server with the worker's production dependencies (the
 * deploy layer on the local cluster, the planner): N creates at once (throughput, p50/p99 time to ready,
 * duplicates), and a warm claim against a cold create, alternating in one run. Environments are two
 * Deployments (web, api). MICROSTAX_BENCH_CREATES (default 50; the stress run is 500) sets N.
 */
const CREATES = Number(process.env.MICROSTAX_BENCH_CREATES ?? 50);
const PAIRS = 5;

const suite: BenchSuite = {
  name: 'lifecycle',
  description: `${CREATES} concurrent creates (throughput, p50/p99 time to ready) and warm claim vs cold create`,
  needsStack: true,
  async run(): Promise<BenchResult> {
    const { temporal, taskQueue, lifecycle, created, createReady, stop } = await startBenchWorker({
      name: 'lifecycle',
    });
    const blueprint = smallBlueprint({ name: `bench-${randomUUID().slice(0, 6)}` });
    // Every environment's own workflow tears it down; resolves once all are gone.
    const tearDown = (ids: string[]) =>
      Promise.all(
        ids.map(async (id) => {
          await lifecycle.teardown(id, { reason: 'requested' });
          await temporal.client.workflow
            .getHandle(workflowIds.environment(id))
            .result()
            .catch(() => undefined);
        }),
      );
    const timeToReady = async (environmentId: string, claimWarm: boolean): Promise<number> => {
      const started = performance.now();
      await createReady({ environmentId, blueprint, claimWarm });
      return performance.now() - started;
    };
    try {
      // 1. N concurrent cold creates.
      const ids = Array.from({ length: CREATES }, (_, i) => `bench-${i}-${randomUUID().slice(0, 8)}`);
      const wallStart = performance.now();
      const times = await Promise.all(ids.map((id) => timeToReady(id, false)));
      const wallMs = performance.now() - wallStart;
      const duplicates = await namespaceDuplicates(ids);
      // Free the cluster before part 2: the planner places by price, not by what is already running, so
      // 50 live environments fill the cheapest pool and later creates would be unschedulable.
      const teardownStart = performance.now();
      await tearDown(created.splice(0));
      const teardownMs = performance.now() - teardownStart;

      // 2. Warm claim vs cold create, alternating so both see the same machine load.
      const prewarm: PrewarmPoolResult = await temporal.client.workflow.execute(WorkflowType.prewarmPool, {
        taskQueue,
        workflowId: `bench-prewarm-${randomUUID().slice(0, 8)}`,
        args: [{ pools: [{ blueprint, size: PAIRS }] }],
      });
      const warmIds = prewarm.pools[0]!.started;
      await Promise.all(warmIds.map((id) => lifecycle.waitReady(id)));
      const warm: number[] = [];
      const cold: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        warm.push(await timeToReady(`bench-warm-${i}-${randomUUID().slice(0, 8)}`, true));
        cold.push(await timeToReady(`bench-cold-${i}-${randomUUID().slice(0, 8)}`, false));
      }
      const warmP50 = percentile(warm, 50);
      const coldP50 = percentile(cold, 50);

      await tearDown(created.splice(0));
      const p50 = percentile(times, 50);
      const p99 = percentile(times, 99);
      return {
        metrics: {
          runtime: 'kube',
          creates: CREATES,
          wallSeconds: round(wallMs / 1000),
          throughputPerSecond: round(CREATES / (wallMs / 1000)),
          timeToReadyMs: { p50: round(p50), p99: round(p99), max: round(Math.max(...times)) },
          duplicates,
          teardownAllSeconds: round(teardownMs / 1000),
          warmClaimMs: { p50: round(warmP50), all: warm.map(round) },
          coldCreateMs: { p50: round(coldP50), all: cold.map(round) },
          coldOverWarm: round(coldP50 / warmP50),
        },
        targets: [
          {
            what: `${CREATES} concurrent creates: all ready, none duplicated`,
            target: '0 duplicates',
            measured: `${duplicates} duplicates, p50 ${round(p50)} ms, p99 ${round(p99)} ms`,
            met: duplicates === 0,
          },
          {
            what: 'warm claim time to ready',
            target: '<= 2000 ms',
            measured: `${round(warmP50)} ms p50 (cold ${round(coldP50)} ms, ${round(coldP50 / warmP50)}x)`,
            met: warmP50 <= 2000,
          },
        ],
      };
    } finally {
      await tearDown(created.splice(0)).catch(() => undefined);
      await stop();
      await temporal.close();
    }
  },
};

/** Environments with other than exactly one namespace on the cluster. */
async function namespaceDuplicates(ids: string[]): Promise<number> {
  const kube = KubeClient.fromKubeconfigFile(
    process.env.KUBECONFIG || (await readStackEndpoints()).kubeconfigPath,
  );
  const namespaces = await kube.list({
    apiVersion: 'v1',
    kind: 'Namespace',
    labelSelector: LABELS.environment,
  });
  const count = new Map<string, number>();
  for (const ns of namespaces.items) {
    const id = ns.metadata?.labels?.[LABELS.environment];
    if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  return ids.filter((id) => count.get(id) !== 1).length;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export default suite;
