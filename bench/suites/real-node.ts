import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { V1Pod } from '@kubernetes/client-node';
import type { ResolvedBlueprint, ResolvedService } from '../../blueprints/resolved.js';
import { loadDeployConfig } from '../../deploy/config.js';
import { deployEnvironment } from '../../deploy/deploy-environment.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { namespaceFor } from '../../deploy/names.js';
import { teardownEnvironment } from '../../deploy/teardown.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../local/stack/node/layout.js';
import { planBranch } from '../../planner/branching/plan-branch.js';
import { checkoutDev } from '../../test/integ/real-node/support.js';
import { resolvedService } from '../../test/support/resolved-service.js';
import { type PrewarmPoolResult, WorkflowType } from '../../workflows/contracts.js';
import { startBenchWorker } from '../lifecycle-worker.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';
import { untilOk } from '../until-ok.js';

/**
 * Environments that really run, on the local stack's real node (`stack up --real-nodes`):
 * 1. create to first successful HTTP response at the environment's URL, for the founding
 *    checkout-dev example through the workflow, cold and claimed from a warm pool, alternating;
 * 2. a 20-service environment branched with one service changed: clone-all vs smart branch
 *    (pods, memory the node measures, time to ready), side by side.
 */
const PAIRS = Number(process.env.MICROSTAX_BENCH_REAL_PAIRS ?? 3);
const WIDE_SERVICES = 20;

/** 19 small HTTP services on the hello image and one Postgres; `version` changes svc-00 only. */
function wideBlueprint(version: string): ResolvedBlueprint {
  const services: ResolvedService[] = Array.from({ length: WIDE_SERVICES - 1 }, (_, i) => {
    const name = `svc-${String(i).padStart(2, '0')}`;
    return resolvedService({
      name,
      image: 'ghcr.io/microstax/hello:1',
      env: [
        { name: 'NAME', kind: 'plain', value: name },
        { name: 'VERSION', kind: 'plain', value: i === 0 ? version : '1' },
      ],
      resources: { requests: { cpu: '10m', memory: '16Mi' } },
    });
  });
  services.push(
    resolvedService({
      name: 'db',
      image: 'postgres:16-alpine',
      ports: [5432],
      isDataService: true,
      resources: { requests: { cpu: '10m', memory: '32Mi' } },
    }),
  );
  return { name: 'bench-wide-real', routing: 'dns', services } as ResolvedBlueprint;
}

/**
 * Working-set memory of an environment's pods (usage less inactive page cache, as the kubelet counts
 * it), read from the pods' memory cgroups on this machine: the real node is local, and its kubelet
 * cannot serve stats here (cAdvisor finds no filesystem info for the VM's disk).
 */
async function podMemoryBytes(kube: KubeClient, namespace: string): Promise<number> {
  const pods = await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace });
  let total = 0;
  for (const pod of pods.items) {
    const dirs = ['', 'burstable/', 'besteffort/'].map(
      (qos) => `/sys/fs/cgroup/memory/kubepods/${qos}pod${pod.metadata!.uid}`,
    );
    for (const dir of dirs) {
      const usage = await readFile(`${dir}/memory.usage_in_bytes`, 'utf8').catch(() => undefined);
      if (usage === undefined) continue;
      const stat = await readFile(`${dir}/memory.stat`, 'utf8');
      const inactive = Number(/^total_inactive_file (\d+)$/m.exec(stat)?.[1] ?? 0);
      total += Math.max(0, Number(usage) - inactive);
      break;
    }
  }
  return total;
}

const suite: BenchSuite = {
  name: 'real-node',
  description:
    'on the real node: create to first HTTP 200 (checkout-dev, cold vs warm pool), and clone-all vs smart branch of 20 services (pods, memory, time)',
  needsStack: true,
  async run(): Promise<BenchResult> {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode?.gatewayUrl) {
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    }
    const env = { ...process.env, ...realNodeDeployEnv(endpoints.realNode) };
    // The settings the worker gets on the real node, with a longer wait for 20 services at once.
    const config = { ...loadDeployConfig(env), readyTimeoutMs: 300_000 };
    const kube = KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath);

    // 1. Create to first HTTP 200, through the workflow, cold vs claimed warm.
    const { temporal, taskQueue, lifecycle, created, createReady, stop } = await startBenchWorker({
      name: 'real',
      env,
    });
    const blueprint = await checkoutDev();
    const firstResponse = async (environmentId: string, claimWarm: boolean) => {
      const started = performance.now();
      const status = await createReady({ environmentId, blueprint, claimWarm });
      const url = status.urls.api;
      if (!url) throw new Error(`${environmentId} reports no api URL`);
      await untilOk(`${url}/products`);
      return performance.now() - started;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    let prewarmed: string[] = [];
    try {
      const prewarm: PrewarmPoolResult = await temporal.client.workflow.execute(WorkflowType.prewarmPool, {
        taskQueue,
        workflowId: `bench-real-prewarm-${randomUUID().slice(0, 8)}`,
        args: [{ pools: [{ blueprint, size: PAIRS }] }],
      });
      prewarmed = prewarm.pools[0]!.started;
      await Promise.all(prewarmed.map((id) => lifecycle.waitReady(id)));
      for (let i = 0; i < PAIRS; i++) {
        const pair = [
          async () => warm.push(await firstResponse(`bench-rw-${i}-${randomUUID().slice(0, 6)}`, true)),
          async () => cold.push(await firstResponse(`bench-rc-${i}-${randomUUID().slice(0, 6)}`, false)),
        ];
        for (const step of i % 2 === 0 ? pair : pair.reverse()) await step();
      }
    } finally {
      await Promise.all(
        [...created, ...prewarmed].map((id) =>
          lifecycle.teardown(id, { reason: 'requested', requestedBy: 'bench' }).catch(() => undefined),
        ),
      );
      await stop();
      await temporal.close();
    }

    // 2. Clone-all vs smart branch of 20 services, one changed.
    const baseline = wideBlueprint('1');
    const branch = wideBlueprint('2');
    const plan = planBranch({ baseline, branch });
    const baselineId = `bench-rbase-${randomUUID().slice(0, 6)}`;
    const measure = async (id: string, withPlan: boolean) => {
      const started = performance.now();
      const result = await deployEnvironment({
        kube,
        environment: { id, baselineId },
        blueprint: branch,
        ...(withPlan && { plan, baseline: { environmentId: baselineId } }),
        config,
      });
      const ms = performance.now() - started;
      // Let the new pods settle before the kubelet's next stats sample.
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      return {
        ms,
        pods: result.services.length,
        memory: await podMemoryBytes(kube, namespaceFor(id, config.namespacePrefix)),
      };
    };
    let clone: Awaited<ReturnType<typeof measure>>;
    let smart: Awaited<ReturnType<typeof measure>>;
    const ids = [
      baselineId,
      `bench-rclone-${randomUUID().slice(0, 6)}`,
      `bench-rsmart-${randomUUID().slice(0, 6)}`,
    ];
    try {
      await deployEnvironment({ kube, environment: { id: baselineId }, blueprint: baseline, config });
      smart = await measure(ids[2]!, true);
      clone = await measure(ids[1]!, false);
    } finally {
      await Promise.all(
        ids.map((id) => teardownEnvironment({ kube, environmentId: id, config }).catch(() => {})),
      );
    }
    const coldMs = median(cold);
    const warmMs = median(warm);
    const round = (n: number) => Math.round(n);
    const mib = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
    return {
      metrics: {
        firstResponseMs: {
          cold: cold.map(round),
          warm: warm.map(round),
          coldMedian: round(coldMs),
          warmMedian: round(warmMs),
        },
        coldOverWarm: Number((coldMs / warmMs).toFixed(2)),
        branch20: {
          cloneAll: { pods: clone.pods, memoryMiB: mib(clone.memory), readyMs: round(clone.ms) },
          smart: { pods: smart.pods, memoryMiB: mib(smart.memory), readyMs: round(smart.ms) },
          podsRatio: Number((clone.pods / smart.pods).toFixed(2)),
          memoryRatio: Number((clone.memory / Math.max(smart.memory, 1)).toFixed(2)),
          timeRatio: Number((clone.ms / smart.ms).toFixed(2)),
        },
      },
      targets: [
        {
          what: 'create to first HTTP 200, checkout-dev on the real node: warm pool vs cold',
          target: 'warm faster',
          measured: `${round(warmMs)} ms vs ${round(coldMs)} ms (${(coldMs / warmMs).toFixed(2)}x)`,
          met: warmMs < coldMs,
        },
        {
          what: 'smart branch vs clone-all, 20 services, one changed, real node',
          target: 'fewer pods, less memory, faster',
          measured: `${smart.pods} vs ${clone.pods} pods, ${mib(smart.memory)} vs ${mib(clone.memory)} MiB, ${round(smart.ms)} vs ${round(clone.ms)} ms`,
          met: smart.pods < clone.pods && smart.memory < clone.memory && smart.ms < clone.ms,
        },
      ],
    };
  },
};

export default suite;
