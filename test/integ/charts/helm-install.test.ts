import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { createTemporalClient } from '../../../temporal/client.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { listStackObjects } from '../../support/object-store.js';
import { until } from '../../support/until.js';
import {
  deleteAndWait,
  snapshotRoundTrip,
  startFoundingExample,
  waitReady,
} from '../real-node/founding-example-api.js';
import { activityRuns } from '../workflows/support/harness.js';
import {
  COMPONENTS,
  callApi,
  type InClusterInstall,
  installInCluster,
} from './support/in-cluster-install.js';

/**
 * MicroStax installed into the local cluster with `helm install`, the way a platform team installs
 * it (support/in-cluster-install.ts): its own image from the stack's registry, its pods on the real
 * node under their ServiceAccounts, and the stack's Postgres and Temporal as external endpoints
 * (reached from the pods through the bridge). Everything the tests do after the install goes
 * through the in-cluster API and gateway only.
 */
let install: InClusterInstall;

const call = <T>(method: string, route: string, body?: unknown) => callApi<T>(install, method, route, body);

describe('helm install into the local cluster', () => {
  beforeAll(async () => {
    install = await installInCluster('it');
  }, 1_800_000);

  afterAll(async () => {
    // Uninstalled already when the last test passed; this also cleans up after a failure.
    await install?.cleanUp();
  }, 300_000);

  it('runs every process under its own ServiceAccount, non-root, on the real node', async () => {
    const pods = (
      await install.kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace: install.namespace })
    ).items;
    expect(pods).toHaveLength(2 * COMPONENTS.length);
    for (const pod of pods) {
      expect(pod.spec?.nodeName).toBe((await readStackEndpoints()).realNode!.nodeName);
      expect(pod.spec?.serviceAccountName).toMatch(
        new RegExp(`^${install.release}-microstax-(${COMPONENTS.join('|')})$`),
      );
      expect(pod.spec?.securityContext?.runAsUser).toBe(65532);
    }
  });

  it('creates the founding example through the in-cluster API, serves its seeded rows through the in-cluster gateway, snapshots and restores it, and deletes it', async () => {
    const id = await startFoundingExample(call);
    try {
      const env = await waitReady(call, id);
      const api = env.urls.api!;
      expect(new URL(api).hostname).toBe(`api.${id}.microstax.localhost`);
      await snapshotRoundTrip({ call, api, id, via: install.gatewayAddress });
      // The dump went to the object store, under the install's own prefix.
      expect(await listStackObjects(`${install.release}/`)).toEqual([
        expect.stringMatching(new RegExp(`^${install.release}/[\\w-]+/db\\.dump$`)),
      ]);
    } finally {
      await deleteAndWait(call, id);
    }
  }, 900_000);

  it('loses an API pod and a worker pod mid-create: the API answers through the other replica, and the environment is ready exactly once', async () => {
    const id = await startFoundingExample(call);
    try {
      // As a crash would: no grace, one replica of each.
      const pods = (
        await install.kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace: install.namespace })
      ).items;
      const victims = (['api', 'worker'] as const).map(
        (component) =>
          pods.find((pod) => pod.metadata?.labels?.['app.kubernetes.io/component'] === component)!,
      );
      await Promise.all(
        victims.map((pod) =>
          install.kube.core.deleteNamespacedPod({
            name: pod.metadata!.name!,
            namespace: install.namespace,
            gracePeriodSeconds: 0,
          }),
        ),
      );
      // Requests right after the kill: the Service sends them to the replica that is left.
      const during = await Promise.all(
        Array.from({ length: 5 }, () =>
          call<{ phase: string }>('GET', `/v1/environments/${id}`).catch(() => undefined),
        ),
      );
      expect(during.filter((answer) => answer?.status === 200).length).toBeGreaterThanOrEqual(1);
      await waitReady(call, id);
      const endpoints = await readStackEndpoints();
      const temporal = await createTemporalClient({
        env: {
          TEMPORAL_ADDRESS: endpoints.temporal.address,
          TEMPORAL_NAMESPACE: install.temporalNamespace,
          MICROSTAX_CODEC_KEY: install.codecKey,
        },
      });
      try {
        const deploys = await activityRuns(temporal.client, workflowIds.environment(id), 'deployEnvironment');
        expect(deploys.completed).toBe(1);
      } finally {
        await temporal.close();
      }
    } finally {
      await deleteAndWait(call, id);
    }
  }, 900_000);

  it('helm uninstall leaves nothing of the release behind, in its namespace or cluster-wide', async () => {
    const uninstalled = await install.uninstall();
    expect(uninstalled.code, uninstalled.stderr).toBe(0);
    const labelSelector = `app.kubernetes.io/instance=${install.release}`;
    const left: string[] = [];
    for (const [apiVersion, kind, namespaced] of [
      ['v1', 'ServiceAccount', true],
      ['v1', 'Service', true],
      ['v1', 'Secret', true],
      ['apps/v1', 'Deployment', true],
      ['policy/v1', 'PodDisruptionBudget', true],
      ['networking.k8s.io/v1', 'NetworkPolicy', true],
      ['rbac.authorization.k8s.io/v1', 'ClusterRole', false],
      ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', false],
      ['networking.k8s.io/v1', 'IngressClass', false],
    ] as const) {
      const found = await install.kube.list({
        apiVersion,
        kind,
        labelSelector,
        ...(namespaced ? { namespace: install.namespace } : {}),
      });
      left.push(...found.items.map((o) => `${kind}/${o.metadata?.name}`));
    }
    const pods = await until(
      'the release pods gone',
      async () =>
        (
          await install.kube.list<V1Pod>({
            apiVersion: 'v1',
            kind: 'Pod',
            namespace: install.namespace,
            labelSelector,
          })
        ).items,
      (items) => items.length === 0,
      { timeoutMs: 180_000 },
    );
    expect(left).toEqual([]);
    expect(pods).toEqual([]);
  }, 300_000);
});
