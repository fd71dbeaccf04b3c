import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PhaseTimings } from '../../deploy/phases.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../local/stack/node/layout.js';
import {
  callApi,
  type InClusterInstall,
  installInCluster,
} from '../../test/integ/charts/support/in-cluster-install.js';
import { checkoutDev, EXAMPLE_DIR, publicApi } from '../../test/integ/real-node/support.js';
import { until } from '../../test/support/until.js';
import { type FirstResponse, firstResponse, summarise } from '../first-response.js';
import { startBenchWorker } from '../lifecycle-worker.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';
import { untilOk } from '../until-ok.js';

/**
 * MicroStax installed into the local cluster (`helm install`, the chart, its image in the stack's
 * registry), against the same MicroStax running as processes on this host, side by side in one run:
 * 1. `helm install` to every MicroStax pod ready;
 * 2. the founding example, create to the first HTTP 200 of /products at its URL, alternating: through
 *    the in-cluster API, worker and gateway, and through a worker on this host and the stack's gateway.
 */
const PAIRS = Number(process.env.MICROSTAX_BENCH_INSTALL_PAIRS ?? 3);

const suite: BenchSuite = {
  name: 'install',
  description:
    'helm install to all MicroStax pods ready, and the founding example create to first 200: in-cluster vs host processes',
  needsStack: true,
  async run(): Promise<BenchResult> {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode?.gatewayUrl) {
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    }
    // Public like the host path's blueprint (checkoutDev): both paths poll its URL without a credential.
    const source = publicApi(await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8'));
    const seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
    const blueprint = await checkoutDev();
    let install: InClusterInstall | undefined;
    const host = await startBenchWorker({
      name: 'install',
      env: { ...process.env, ...realNodeDeployEnv(endpoints.realNode) },
    });
    const inCluster: number[] = [];
    const onHost: number[] = [];
    // Each run split by the environment's own phases, to see where the paths differ.
    const inClusterRuns: FirstResponse[] = [];
    const onHostRuns: FirstResponse[] = [];
    const inClusterIds: string[] = [];
    /** How long the in-cluster API took to accept each create (its 201). */
    const accepted: number[] = [];
    let uninstallMs = 0;
    try {
      install = await installInCluster('bench');
      const throughCluster = async () => {
        const started = performance.now();
        const created = await callApi<{ id: string }>(install!, 'POST', '/v1/environments', {
          blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
          ttl: '1h',
        });
        if (created.status !== 201) throw new Error(`create answered ${created.status}`);
        accepted.push(performance.now() - started);
        inClusterIds.push(created.body.id);
        await untilOk(`http://api.${created.body.id}.microstax.localhost/products`, {
          via: install!.gatewayAddress,
        });
        const answered = performance.now();
        // The first 200 can come before the worker has recorded the breakdown: wait for it (not timed).
        const timings = await until(
          `${created.body.id}'s phase timings`,
          async () =>
            (
              await callApi<{ timings?: PhaseTimings }>(
                install!,
                'GET',
                `/v1/environments/${created.body.id}`,
              )
            ).body.timings,
          (found) => found !== undefined,
          { timeoutMs: 60_000, everyMs: 200 },
        );
        inClusterRuns.push(
          firstResponse({
            startedAt: performance.timeOrigin + started,
            answeredAt: performance.timeOrigin + answered,
            timings,
          }),
        );
        return answered - started;
      };
      const throughHost = async () => {
        const environmentId = `bench-host-${randomUUID().slice(0, 6)}`;
        const started = performance.now();
        await host.lifecycle.createEnvironment({ environmentId, blueprint, owner: 'bench', team: 'bench' });
        host.created.push(environmentId);
        await untilOk(
          `${endpoints.realNode!.gatewayUrl!.replace('127.0.0.1', `api.${environmentId}.microstax.localhost`)}/products`,
        );
        const answered = performance.now();
        const status = await host.lifecycle.waitReady(environmentId);
        onHostRuns.push(
          firstResponse({
            startedAt: performance.timeOrigin + started,
            answeredAt: performance.timeOrigin + answered,
            timings: status.timings,
          }),
        );
        return answered - started;
      };
      for (let i = 0; i < PAIRS; i++) {
        const pair = [
          async () => inCluster.push(await throughCluster()),
          async () => onHost.push(await throughHost()),
        ];
        for (const step of i % 2 === 0 ? pair : pair.reverse()) await step();
      }
    } finally {
      await Promise.all(
        host.created.map((id) =>
          host.lifecycle.teardown(id, { reason: 'requested', requestedBy: 'bench' }).catch(() => undefined),
        ),
      );
      if (install) {
        await Promise.all(
          inClusterIds.map((id) =>
            callApi(install!, 'DELETE', `/v1/environments/${id}`).catch(() => undefined),
          ),
        );
        // Let the in-cluster worker tear its environments down before it goes.
        const deadline = Date.now() + 180_000;
        for (const id of inClusterIds) {
          while (Date.now() < deadline) {
            const env = await callApi<{ phase: string }>(install, 'GET', `/v1/environments/${id}`).catch(
              () => undefined,
            );
            if (env?.body.phase === 'deleted') break;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
          }
        }
        const started = performance.now();
        await install.uninstall();
        uninstallMs = performance.now() - started;
        await install.cleanUp();
      }
      await host.stop();
      await host.temporal.close();
    }
    const ratio = median(inCluster) / median(onHost);
    return {
      metrics: {
        helmInstallToReadyMs: Math.round(install!.installMs),
        helmUninstallMs: Math.round(uninstallMs),
        createToFirst200InClusterMs: inCluster.map(Math.round).join(', '),
        createToFirst200OnHostMs: onHost.map(Math.round).join(', '),
        medianInClusterMs: Math.round(median(inCluster)),
        medianOnHostMs: Math.round(median(onHost)),
        medianInClusterCreateAcceptedMs: Math.round(median(accepted)),
        inClusterOverHost: Number(ratio.toFixed(2)),
        phasesInCluster: summarise(inClusterRuns).phases,
        phasesOnHost: summarise(onHostRuns).phases,
      },
      targets: [
        {
          what: 'create to first 200 of the founding example: in-cluster path vs host processes (median)',
          target: '<= 1.2x',
          measured: `${ratio.toFixed(2)}x (${Math.round(median(inCluster))} vs ${Math.round(median(onHost))} ms)`,
          met: ratio <= 1.2,
        },
      ],
    };
  },
};

export default suite;
