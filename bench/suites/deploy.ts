import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dumpYaml } from '@kubernetes/client-node';
import type { ResolvedBlueprint, ResolvedService } from '../../blueprints/resolved.js';
import { deployConfig } from '../../deploy/config.js';
import { deployEnvironment } from '../../deploy/deploy-environment.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { renderEnvironment } from '../../deploy/manifests/render.js';
import { teardownEnvironment } from '../../deploy/teardown.js';
import { resolveVolumeProvisioning } from '../../deploy/volumes.js';
import { binaryPath } from '../../local/stack/binaries.js';
import { resolveStackConfig } from '../../local/stack/config.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import type { BranchPlan } from '../../planner/types.js';
import { resolvedService } from '../../test/support/resolved-service.js';
import { median } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

const run = promisify(execFile);
const SERVICES = 20;
const DATA_SERVICES = 2;
/** Services a typical pull request changes; the rest are reused from the baseline. */
const CHANGED = 2;
const ROUNDS = Number(process.env.BENCH_DEPLOY_ROUNDS ?? 3);
const config = deployConfig({ readyTimeoutMs: 300_000 });

function webService(name: string): ResolvedService {
  return resolvedService({
    name,
    env: [{ name: 'LOG_LEVEL', kind: 'plain', value: 'info' }],
    resources: { requests: { cpu: '10m', memory: '16Mi' } },
  });
}

/** 20 services: 18 stateless web services and 2 data services (StatefulSets with a claim). */
function twentyServices(): ResolvedBlueprint {
  const services = Array.from({ length: SERVICES }, (_, i) => {
    const name = `svc-${String(i).padStart(2, '0')}`;
    if (i >= SERVICES - DATA_SERVICES) {
      return {
        ...webService(name),
        image: 'postgres:16-alpine',
        ports: [5432],
        isDataService: true,
        stateful: true,
      };
    }
    return webService(name);
  });
  return { name: 'bench-wide', routing: 'dns', services };
}

function id(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** The same objects our layer applies, applied and awaited with kubectl instead. */
async function kubectlDeploy(params: {
  kube: KubeClient;
  kubectl: string;
  kubeconfig: string;
  blueprint: ResolvedBlueprint;
  environmentId: string;
  dir: string;
}): Promise<number> {
  const volumeProvisioning = await resolveVolumeProvisioning({ kube: params.kube, config });
  const rendered = renderEnvironment({
    environment: { id: params.environmentId },
    blueprint: params.blueprint,
    config,
    volumeProvisioning,
  });
  const file = join(params.dir, `${params.environmentId}.yaml`);
  await writeFile(file, rendered.objects.map((o) => dumpYaml(o)).join('---\n'));
  const ns = rendered.namespace;
  const k = (args: string[]) => run(params.kubectl, [`--kubeconfig=${params.kubeconfig}`, ...args]);
  const { ms } = await timed(async () => {
    await k(['apply', '--server-side', '--field-manager=microstax', '--force-conflicts', '-f', file]);
    await Promise.all([
      k(['wait', '-n', ns, '--for=condition=Available', 'deployment', '--all', '--timeout=300s']),
      k([
        'wait',
        '-n',
        ns,
        '--for=jsonpath={.status.readyReplicas}=1',
        'statefulset',
        '--all',
        '--timeout=300s',
      ]),
    ]);
  });
  return ms;
}

const suite: BenchSuite = {
  name: 'deploy',
  description:
    'apply to all-ready for a 20-service environment: clone-all vs smart branch, and our layer vs kubectl apply --server-side + kubectl wait',
  needsStack: true,
  async run(): Promise<BenchResult> {
    const endpoints = await readStackEndpoints();
    const kube = KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath);
    const kubectl = binaryPath(resolveStackConfig().binDir, 'kubectl');
    const blueprint = twentyServices();
    const dir = await mkdtemp(join(tmpdir(), 'msx-bench-deploy-'));
    const baselineId = id('bench-base');
    const times = {
      ours: [] as number[],
      kubectl: [] as number[],
      cloneAll: [] as number[],
      smart: [] as number[],
    };
    const smartPlan: BranchPlan = {
      services: blueprint.services.map((s, i) => ({
        name: s.name,
        action: i < CHANGED ? 'deploy' : 'reuse',
        reasons: [],
      })),
      summary: { deploy: CHANGED, fork: 0, reuse: SERVICES - CHANGED, removed: [] },
    };
    const toRemove: string[] = [baselineId];
    try {
      await deployEnvironment({ kube, environment: { id: baselineId }, blueprint, config });
      for (let round = 0; round < ROUNDS; round++) {
        // Side by side, in alternating order, so drift in the machine's load hits both alike.
        const steps = [
          async () => {
            const envId = id('bench-ours');
            toRemove.push(envId);
            times.ours.push(
              (await timed(() => deployEnvironment({ kube, environment: { id: envId }, blueprint, config })))
                .ms,
            );
            await teardownEnvironment({ kube, environmentId: envId, config });
          },
          async () => {
            const envId = id('bench-kubectl');
            toRemove.push(envId);
            times.kubectl.push(
              await kubectlDeploy({
                kube,
                kubectl,
                kubeconfig: endpoints.kubeconfigPath,
                blueprint,
                environmentId: envId,
                dir,
              }),
            );
            await teardownEnvironment({ kube, environmentId: envId, config });
          },
          async () => {
            const envId = id('bench-clone');
            toRemove.push(envId);
            const environment = { id: envId, baselineId };
            times.cloneAll.push(
              (await timed(() => deployEnvironment({ kube, environment, blueprint, config }))).ms,
            );
            await teardownEnvironment({ kube, environmentId: envId, config });
          },
          async () => {
            const envId = id('bench-smart');
            toRemove.push(envId);
            const environment = { id: envId, baselineId };
            times.smart.push(
              (
                await timed(() =>
                  deployEnvironment({ kube, environment, blueprint, plan: smartPlan, config }),
                )
              ).ms,
            );
            await teardownEnvironment({ kube, environmentId: envId, config });
          },
        ];
        const order = round % 2 === 0 ? steps : [...steps].reverse();
        for (const step of order) await step();
      }
    } finally {
      for (const envId of toRemove)
        await teardownEnvironment({ kube, environmentId: envId, config }).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
    const ours = median(times.ours);
    const viaKubectl = median(times.kubectl);
    const overhead = ours / viaKubectl;
    const cloneAll = median(times.cloneAll);
    const smart = median(times.smart);
    return {
      metrics: {
        rounds: ROUNDS,
        services: SERVICES,
        oursMedianMs: Math.round(ours),
        kubectlMedianMs: Math.round(viaKubectl),
        overheadRatio: Number(overhead.toFixed(2)),
        cloneAllMedianMs: Math.round(cloneAll),
        smartBranchMedianMs: Math.round(smart),
        cloneAllVsSmartRatio: Number((cloneAll / smart).toFixed(2)),
        cloneAllPods: SERVICES,
        smartBranchPods: CHANGED,
        samplesMs: times,
      },
      targets: [
        {
          what: 'apply to all-ready, our layer vs kubectl apply --server-side + kubectl wait (20 services)',
          target: '<= 1.3x',
          measured: `${overhead.toFixed(2)}x (${Math.round(ours)} ms vs ${Math.round(viaKubectl)} ms)`,
          met: overhead <= 1.3,
        },
        {
          what: 'apply to all-ready, clone-all branch vs smart branch (20 services, 2 changed)',
          target: 'smart faster',
          measured: `${Math.round(cloneAll)} ms vs ${Math.round(smart)} ms (${(cloneAll / smart).toFixed(2)}x)`,
          met: smart < cloneAll,
        },
      ],
    };
  },
};

export default suite;
