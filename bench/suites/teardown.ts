import { randomBytes } from 'node:crypto';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { deployConfig } from '../../deploy/config.js';
import { deployEnvironment } from '../../deploy/deploy-environment.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { namespaceFor } from '../../deploy/names.js';
import { teardownEnvironment } from '../../deploy/teardown.js';
import { waitUntilGone } from '../../deploy/wait.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { resolvedService } from '../../test/support/resolved-service.js';
import { median } from '../stats.js';
import type { BenchSuite } from '../suite.js';

const ROUNDS = Number(process.env.BENCH_TEARDOWN_ROUNDS ?? 4);
const config = deployConfig({ readyTimeoutMs: 120_000 });

/** Three stateless services on the simulated nodes: a small dev environment. */
const blueprint: ResolvedBlueprint = {
  name: 'bench-teardown',
  routing: 'dns',
  services: ['web', 'api', 'worker'].map((name) =>
    resolvedService({ name, resources: { requests: { cpu: '10m', memory: '16Mi' } } }),
  ),
};

/** What teardown did before it deleted the pods itself: the namespace alone, then wait. */
async function namespaceOnlyTeardown(kube: KubeClient, environmentId: string): Promise<void> {
  const namespace = namespaceFor(environmentId, config.namespacePrefix);
  await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  await waitUntilGone({
    kube,
    apiVersion: 'v1',
    kind: 'Namespace',
    fieldSelector: `metadata.name=${namespace}`,
    timeoutMs: config.teardownTimeoutMs,
    environmentId,
  });
}

const suite: BenchSuite = {
  name: 'teardown',
  description:
    'teardown of a 3-service environment: ours (pods deleted with a short grace) vs the namespace alone',
  needsStack: true,
  async run() {
    const endpoints = await readStackEndpoints();
    const kube = KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath);
    const times = { ours: [] as number[], namespaceOnly: [] as number[] };
    const created: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const steps = [
          ['ours', (id: string) => teardownEnvironment({ kube, environmentId: id, config })],
          ['namespaceOnly', (id: string) => namespaceOnlyTeardown(kube, id)],
        ] as const;
        // Alternating order, so drift in the machine's load hits both alike.
        for (const [which, teardown] of round % 2 === 0 ? steps : [...steps].reverse()) {
          const id = `bench-td-${randomBytes(3).toString('hex')}`;
          created.push(id);
          await deployEnvironment({ kube, environment: { id }, blueprint, config });
          const started = Date.now();
          await teardown(id);
          times[which].push(Date.now() - started);
        }
      }
    } finally {
      for (const id of created)
        await teardownEnvironment({ kube, environmentId: id, config }).catch(() => {});
    }
    const ours = median(times.ours);
    const namespaceOnly = median(times.namespaceOnly);
    return {
      metrics: { rounds: ROUNDS, oursMs: ours, namespaceOnlyMs: namespaceOnly, times },
      targets: [
        {
          what: 'teardown: ours vs namespace alone (median)',
          target: 'faster',
          measured: `${ours} ms vs ${namespaceOnly} ms`,
          met: ours < namespaceOnly,
        },
      ],
    };
  },
};

export default suite;
