import { fileURLToPath } from 'node:url';
import type {
  KubernetesObject,
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Namespace,
  V1Node,
  V1Pod,
  V1Secret,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBlueprintFile } from '../../../blueprints/resolve.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import { DeployTimeoutError } from '../../../deploy/errors.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { ANNOTATIONS, LABELS } from '../../../deploy/labels.js';
import { getEnvironmentStatus } from '../../../deploy/status.js';
import { sweepOrphans } from '../../../deploy/sweep.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import type { DeployProgress } from '../../../deploy/types.js';
import { NODE_POOL_LABELS } from '../../../planner/node-pools.js';
import type { BranchPlan } from '../../../planner/types.js';
import { stackKube, uniqueId } from './helpers.js';

const EXAMPLE = fileURLToPath(
  new URL('../../../blueprints/examples/checkout-dev/checkout-dev.yaml', import.meta.url),
);
const config = deployConfig({ baseDomain: 'test.microstax.localhost' });

let kube: KubeClient;
let blueprint: ResolvedBlueprint;
const baselineId = uniqueId('it-base');
const branchId = uniqueId('it-branch');
const created: string[] = [];
const identity = {
  id: baselineId,
  owner: 'ana@acme.io',
  team: 'payments',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
};

/** Every object of an environment that we applied, with its resourceVersion. */
async function resourceVersions(namespace: string, environmentId: string): Promise<Record<string, string>> {
  const selector = `${LABELS.environment}=${environmentId}`;
  const kinds = [
    ['v1', 'Namespace'],
    ['v1', 'Service'],
    ['v1', 'Secret'],
    ['v1', 'ConfigMap'],
    ['v1', 'ResourceQuota'],
    ['v1', 'LimitRange'],
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['batch/v1', 'Job'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['networking.k8s.io/v1', 'NetworkPolicy'],
    ['v1', 'PersistentVolume'],
  ] as const;
  const out: Record<string, string> = {};
  for (const [apiVersion, kind] of kinds) {
    const scoped = kind === 'Namespace' || kind === 'PersistentVolume' ? {} : { namespace };
    const list = await kube.list<KubernetesObject>({ apiVersion, kind, labelSelector: selector, ...scoped });
    for (const o of list.items) out[`${kind}/${o.metadata?.name}`] = o.metadata?.resourceVersion ?? '';
  }
  return out;
}

beforeAll(async () => {
  kube = await stackKube();
  const resolved = await resolveBlueprintFile({ file: EXAMPLE });
  if (!resolved.ok) throw new Error(`checkout-dev does not resolve: ${JSON.stringify(resolved.problems)}`);
  blueprint = resolved.blueprint;
});

afterAll(async () => {
  for (const id of created.reverse())
    await teardownEnvironment({ kube, environmentId: id, config }).catch(() => {});
});

describe('deploy the founding checkout-dev example', () => {
  const progress: DeployProgress[] = [];

  it('creates every object with the expected labels, and all services become ready on simulated nodes', async () => {
    created.push(baselineId);
    const result = await deployEnvironment({
      kube,
      environment: identity,
      blueprint,
      config,
      onProgress: (p) => progress.push(p),
    });
    const ns = result.namespace;
    expect(result.services.map((s) => [s.service, s.phase])).toEqual([
      ['api', 'ready'],
      ['db', 'ready'],
      ['cache', 'ready'],
    ]);
    expect(result.urls).toEqual({ api: [`http://api.${baselineId}.test.microstax.localhost`] });

    const namespace = await kube.read<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name: ns });
    expect(namespace.metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'microstax',
      'app.kubernetes.io/part-of': 'checkout-dev',
      [LABELS.environment]: baselineId,
      [LABELS.blueprint]: 'checkout-dev',
      [LABELS.owner]: 'ana_at_acme.io',
      [LABELS.team]: 'payments',
    });
    expect(namespace.metadata?.labels?.[LABELS.expiresAt]).toMatch(/^\d+$/);

    const api = await kube.read<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'api',
      namespace: ns,
    });
    expect(api.metadata?.labels?.[LABELS.service]).toBe('api');
    const db = await kube.read<V1StatefulSet>({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'db',
      namespace: ns,
    });
    expect(db.status?.readyReplicas).toBe(1);
    for (const name of ['api', 'db', 'cache']) {
      const svc = await kube.read<V1Service>({ apiVersion: 'v1', kind: 'Service', name, namespace: ns });
      expect(svc.spec?.type).toBe('ClusterIP');
    }
    // The api's DATABASE_URL carries a password: it lives in a Secret, referenced by the pod.
    const secret = await kube.read<V1Secret>({
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'api-env',
      namespace: ns,
    });
    expect(Object.keys(secret.data ?? {})).toEqual(['DATABASE_URL']);
    expect(JSON.stringify(api.spec)).not.toContain('postgres://');
    const ingress = await kube.read<V1Ingress>({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      name: 'api',
      namespace: ns,
    });
    expect(ingress.spec?.rules?.[0]?.host).toBe(`api.${baselineId}.test.microstax.localhost`);
    // The gateway serves only its class and label (gateway/host-table.ts isServedIngress).
    expect(ingress.spec?.ingressClassName).toBe('microstax');
    expect(ingress.metadata?.labels?.['app.kubernetes.io/managed-by']).toBe('microstax');
    // The db's sql seed runs from its own /docker-entrypoint-initdb.d (the default): no init Job.
    const jobs = await kube.list<V1Job>({ apiVersion: 'batch/v1', kind: 'Job', namespace: ns });
    expect(jobs.items).toEqual([]);
    expect(db.metadata?.annotations?.[ANNOTATIONS.seedInService]).toBe('1');
    const scripts = await kube.read<V1ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'db-initdb-scripts',
      namespace: ns,
    });
    expect(Object.keys(scripts.data ?? {})).toEqual(['microstax-01-seed.sql']);

    const pods = await kube.list<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: ns,
      labelSelector: `${LABELS.environment}=${baselineId},${LABELS.role}!=init`,
    });
    const running = pods.items.filter((p) => p.status?.phase === 'Running');
    expect(running.length).toBe(3);
    for (const pod of running) {
      const node = await kube.read<V1Node>({ apiVersion: 'v1', kind: 'Node', name: pod.spec!.nodeName! });
      expect(node.metadata?.labels?.[NODE_POOL_LABELS.pool]).toBeTruthy();
    }
  });

  it('reported progress per service, ending with every service ready', () => {
    const services = new Set(progress.map((p) => p.changed.service));
    expect(services).toEqual(new Set(['api', 'db', 'cache']));
    expect(progress.at(-1)?.readyCount).toBe(3);
    // Each service was reported on its way and when ready.
    for (const name of ['api', 'db', 'cache']) {
      const phases = progress.filter((p) => p.changed.service === name).map((p) => p.changed.phase);
      expect(phases.at(-1)).toBe('ready');
    }
  });

  it('reports the status as ready, with the seed result and URL', async () => {
    const status = await getEnvironmentStatus({ kube, environmentId: baselineId, config });
    expect(status.phase).toBe('ready');
    expect(status.initJobs).toEqual([{ service: 'db', job: 'db/initdb.d', phase: 'succeeded' }]);
    expect(status.urls.api).toEqual([`http://api.${baselineId}.test.microstax.localhost`]);
  });

  it('re-applying the same environment changes nothing (no resourceVersion moves)', async () => {
    const ns = `msx-${baselineId}`;
    const before = await resourceVersions(ns, baselineId);
    expect(Object.keys(before).length).toBeGreaterThan(12);
    const again = await deployEnvironment({ kube, environment: identity, blueprint, config });
    expect(again.services.every((s) => s.phase === 'ready')).toBe(true);
    expect(await resourceVersions(ns, baselineId)).toEqual(before);
  });
});

describe('a branch environment over checkout-dev', () => {
  const plan: BranchPlan = {
    services: [
      { name: 'api', action: 'deploy', reasons: ['image changed'] },
      { name: 'db', action: 'reuse', reasons: ['unchanged'] },
      { name: 'cache', action: 'reuse', reasons: ['unchanged'] },
    ],
    summary: { deploy: 1, fork: 0, reuse: 2, removed: [] },
  };

  it('runs only the planned services; reused names resolve to the baseline services', async () => {
    created.push(branchId);
    const changed = {
      ...blueprint,
      services: blueprint.services.map((s) => (s.name === 'api' ? { ...s, image: `${s.image}-pr` } : s)),
    };
    const result = await deployEnvironment({
      kube,
      environment: { id: branchId, owner: 'bo@acme.io' },
      baseline: { environmentId: baselineId },
      blueprint: changed,
      plan,
      config,
    });
    const ns = result.namespace;
    expect(result.services.map((s) => s.service)).toEqual(['api']);
    const deployments = await kube.list<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: ns,
    });
    const statefulSets = await kube.list<V1StatefulSet>({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      namespace: ns,
    });
    expect(deployments.items.map((d) => d.metadata?.name)).toEqual(['api']);
    expect(statefulSets.items).toEqual([]);
    for (const name of ['db', 'cache']) {
      const svc = await kube.read<V1Service>({ apiVersion: 'v1', kind: 'Service', name, namespace: ns });
      expect(svc.spec?.type).toBe('ExternalName');
      const target = svc.spec?.externalName ?? '';
      expect(target).toBe(`${name}.msx-${baselineId}.svc.cluster.local`);
      // The target is a live Service of the baseline.
      const [targetName, targetNs] = target.split('.');
      const live = await kube.readOrNull<V1Service>({
        apiVersion: 'v1',
        kind: 'Service',
        name: targetName!,
        namespace: targetNs!,
      });
      expect(live?.spec?.type).toBe('ClusterIP');
    }
    const namespace = await kube.read<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name: ns });
    expect(namespace.metadata?.labels?.[LABELS.baseline]).toBe(baselineId);
    const status = await getEnvironmentStatus({ kube, environmentId: branchId, config });
    expect(status.reused.map((r) => r.service).sort()).toEqual(['cache', 'db']);
  });

  it('refuses a branch whose baseline does not exist', async () => {
    await expect(
      deployEnvironment({
        kube,
        environment: { id: uniqueId('it-orphan') },
        baseline: { environmentId: 'no-such-baseline' },
        blueprint,
        plan,
        config,
      }),
    ).rejects.toMatchObject({ type: 'deploy-configuration' });
  });
});

describe('teardown and orphan sweep', () => {
  it('finds environments without a live record, and leaves live ones alone', async () => {
    const { orphans } = await sweepOrphans({
      kube,
      isLive: (id) => id !== branchId,
      minAgeMs: 0,
      config,
    });
    const ids = orphans.map((o) => o.environmentId);
    expect(ids).toContain(branchId);
    expect(ids).not.toContain(baselineId);
    expect(orphans.every((o) => !o.removed)).toBe(true);
  });

  it('removes an orphan when asked to', async () => {
    const { orphans } = await sweepOrphans({
      kube,
      isLive: (id) => id !== branchId,
      remove: true,
      minAgeMs: 0,
      config,
    });
    expect(orphans.find((o) => o.environmentId === branchId)).toMatchObject({ removed: true });
    expect(
      await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: `msx-${branchId}` }),
    ).toBeNull();
  });

  it('tears down, even when interrupted halfway, and leaves nothing behind', async () => {
    const ns = `msx-${baselineId}`;
    const volumes = await kube.list({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      labelSelector: `${LABELS.environment}=${baselineId}`,
    });
    // The simulated cluster has no provisioner: the db's claim got a static volume from us.
    expect(volumes.items.length).toBe(1);
    // Interrupted: the deadline passes while the namespace is still terminating.
    await expect(
      teardownEnvironment({ kube, environmentId: baselineId, config, timeoutMs: 1 }),
    ).rejects.toBeInstanceOf(DeployTimeoutError);
    const resumed = await teardownEnvironment({ kube, environmentId: baselineId, config });
    expect(resumed.namespace).toBe(ns);
    expect(await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: ns })).toBeNull();
    const left = await kube.list({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      labelSelector: `${LABELS.environment}=${baselineId}`,
    });
    expect(left.items).toEqual([]);
    const again = await teardownEnvironment({ kube, environmentId: baselineId, config });
    expect(again.deleted).toBe(false);
    expect((await getEnvironmentStatus({ kube, environmentId: baselineId, config })).phase).toBe('absent');
  });

  it('tears down a half-created environment', async () => {
    const id = uniqueId('it-half');
    created.push(id);
    const ns = `msx-${id}`;
    await kube.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { [LABELS.environment]: id, 'app.kubernetes.io/managed-by': 'microstax' },
      },
    });
    await kube.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'partial', namespace: ns },
      data: {},
    });
    const result = await teardownEnvironment({ kube, environmentId: id, config });
    expect(result.deleted).toBe(true);
    expect(await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: ns })).toBeNull();
  });
});
