import type { KubernetesObject, V1Deployment, V1Pod, V1StatefulSet } from '@kubernetes/client-node';
import { PatchStrategy } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployConfig } from '../../../deploy/config.js';
import { postgresUrlFor } from '../../../deploy/data-endpoints.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { ANNOTATIONS, LABELS } from '../../../deploy/labels.js';
import { namespaceFor } from '../../../deploy/names.js';
import { PLANNED_REPLICAS_ANNOTATION, scaleEnvironment } from '../../../deploy/sleep.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { until } from '../../support/until.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { checkoutDev, psqlAt, realNodeConfig } from './support.js';

/**
 * Waking in dependency order on the real node (checkout-dev: the api depends on db and cache): the
 * api's pod is made only once the db's and the cache's pods are ready, as one watch of the pods sees
 * them, in the order the API server wrote them (no clock involved); a row written before the sleep is
 * there after the wake; an environment whose workloads carry no dependencies (applied before they
 * did) still wakes, all at once.
 */

let kube: KubeClient;
let config: DeployConfig;
const id = uniqueId('rn-wakeorder');

/** A merge patch of one of the environment's workloads (`null` removes an annotation). */
async function mergePatch(kind: 'Deployment' | 'StatefulSet', name: string, patch: object): Promise<void> {
  const body = patch as { metadata?: object };
  await kube.objects.patch(
    {
      apiVersion: 'apps/v1',
      kind,
      ...body,
      metadata: { name, namespace: namespaceFor(id, config.namespacePrefix), ...body.metadata },
    } as KubernetesObject,
    undefined,
    undefined,
    'wake-order-test',
    undefined,
    PatchStrategy.MergePatch,
  );
}

const isReady = (pod: V1Pod) =>
  (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * Wakes the environment while watching its service pods; returns the scale's result and, at the moment
 * the first api pod appeared, whether the db's and the cache's pods were ready.
 */
async function wakeWatchingPods() {
  const pods = new Map<string, V1Pod>();
  let atApiStart: { db: boolean; cache: boolean } | undefined;
  const watch = await kube.watchList<V1Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    namespace: namespaceFor(id, config.namespacePrefix),
    labelSelector: `${LABELS.environment}=${id},${LABELS.service},${LABELS.role}!=init`,
    onChange: (type, pod) => {
      if (type === 'delete') pods.delete(pod.metadata!.name!);
      else pods.set(pod.metadata!.name!, pod);
      const of = (service: string) =>
        [...pods.values()].filter((p) => p.metadata?.labels?.[LABELS.service] === service);
      if (!atApiStart && of('api').length > 0) {
        atApiStart = { db: of('db').some(isReady), cache: of('cache').some(isReady) };
      }
    },
    onError: (error) => {
      throw error;
    },
  });
  try {
    expect(watch.list()).toEqual([]);
    const woken = await scaleEnvironment({ kube, config, environmentId: id, replicas: 'planned' });
    return { woken, atApiStart };
  } finally {
    await watch.stop();
  }
}

/** The marker row, asked until the db's Service answers (kube-proxy's rule may lag the pod's readiness). */
async function markers(): Promise<string> {
  const url = await postgresUrlFor({ kube, config, environmentId: id, service: 'db' });
  return until(
    'the marker rows',
    () => psqlAt(url, 'SELECT note FROM wake_marker ORDER BY note'),
    () => true,
    {
      timeoutMs: 60_000,
      everyMs: 200,
    },
  );
}

beforeAll(async () => {
  kube = await stackKube();
  ({ config } = await realNodeConfig());
  await deployEnvironment({ kube, environment: { id }, blueprint: await checkoutDev(), config });
}, 300_000);

afterAll(async () => {
  await teardownEnvironment({ kube, environmentId: id, config });
}, 300_000);

describe('waking checkout-dev in dependency order on the real node', () => {
  it("makes the api's pod only once its db and cache are ready, and keeps the rows written before the sleep", async () => {
    const url = await postgresUrlFor({ kube, config, environmentId: id, service: 'db' });
    await until(
      'the marker row written',
      () =>
        psqlAt(
          url,
          "CREATE TABLE IF NOT EXISTS wake_marker (note text); INSERT INTO wake_marker VALUES ('before sleep')",
        ),
      () => true,
      { timeoutMs: 60_000, everyMs: 200 },
    );
    const asleep = await scaleEnvironment({ kube, config, environmentId: id, replicas: 'zero' });
    expect(asleep.services.map((s) => s.replicas)).toEqual([0, 0, 0]);

    const { woken, atApiStart } = await wakeWatchingPods();
    expect(woken.wakeOrder).toBe('dependencies');
    expect(woken.services.every((s) => s.phase === 'ready')).toBe(true);
    expect(atApiStart).toEqual({ db: true, cache: true });
    expect(await markers()).toBe('before sleep');

    // A retried wake (the activity after a crash) finds nothing to scale and returns at once.
    const again = await scaleEnvironment({ kube, config, environmentId: id, replicas: 'planned' });
    expect(again.changed).toBe(0);
  }, 300_000);

  it('wakes a service planned at zero replicas that has dependencies: its patch has landed when the wake returns', async () => {
    // Asleep at zero, it counts as ready from the start: the wait may end in the very check that
    // starts it (its db and cache ready).
    const namespace = namespaceFor(id, config.namespacePrefix);
    const apiWorkload = async () => {
      const found = await kube.list<V1Deployment>({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace,
        labelSelector: `${LABELS.environment}=${id},${LABELS.service}=api`,
      });
      expect(found.items).toHaveLength(1);
      return found.items[0]!;
    };
    const patchApi = async (patch: Partial<V1Deployment>) =>
      mergePatch('Deployment', (await apiWorkload()).metadata!.name!, patch);
    await scaleEnvironment({ kube, config, environmentId: id, replicas: 'zero' });
    await patchApi({ metadata: { annotations: { [PLANNED_REPLICAS_ANNOTATION]: '0' } } });
    const woken = await scaleEnvironment({ kube, config, environmentId: id, replicas: 'planned' });
    expect(woken.wakeOrder).toBe('dependencies');
    expect(woken.changed).toBe(3);
    const api = await apiWorkload();
    expect(api.metadata?.annotations?.[PLANNED_REPLICAS_ANNOTATION]).toBeUndefined();
    expect(api.spec?.replicas).toBe(0);
    // The api back at its one replica for the next test.
    await patchApi({ spec: { replicas: 1 } as V1Deployment['spec'] });
  }, 300_000);

  it('wakes an environment whose workloads carry no dependencies (applied before they did) all at once', async () => {
    const namespace = namespaceFor(id, config.namespacePrefix);
    for (const kind of ['Deployment', 'StatefulSet'] as const) {
      const workloads = await kube.list<V1Deployment | V1StatefulSet>({
        apiVersion: 'apps/v1',
        kind,
        namespace,
        labelSelector: `${LABELS.environment}=${id},${LABELS.role}=workload`,
      });
      for (const workload of workloads.items) {
        await mergePatch(kind, workload.metadata!.name!, {
          metadata: { annotations: { [ANNOTATIONS.dependsOn]: null } },
        });
      }
    }
    await scaleEnvironment({ kube, config, environmentId: id, replicas: 'zero' });
    const woken = await scaleEnvironment({ kube, config, environmentId: id, replicas: 'planned' });
    expect(woken.wakeOrder).toBe('parallel');
    expect(woken.changed).toBe(3);
    expect(woken.services.every((s) => s.phase === 'ready')).toBe(true);
    expect(await markers()).toBe('before sleep');
  }, 300_000);
});
