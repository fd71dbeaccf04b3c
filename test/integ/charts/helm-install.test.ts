import { readFile } from 'node:fs/promises';
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { createTemporalClient } from '../../../temporal/client.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { EXAMPLE_DIR, firstOk, httpAt } from '../real-node/support.js';
import { activityRuns } from '../workflows/support/harness.js';
import { callApi, type InClusterInstall, installInCluster } from './support/in-cluster-install.js';

/**
 * MicroStax installed into the local cluster with `helm install`, the way a platform team installs
 * it (support/in-cluster-install.ts): its own image from the stack's registry, its pods on the real
 * node under their ServiceAccounts, and the stack's Postgres and Temporal as external endpoints
 * (reached from the pods through the bridge). Everything the tests do after the install goes
 * through the in-cluster API and gateway only.
 */
let install: InClusterInstall;

const call = <T>(method: string, route: string, body?: unknown) => callApi<T>(install, method, route, body);

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 300_000,
) {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => last);
    if (last !== undefined && done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
}

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
    expect(pods).toHaveLength(6);
    for (const pod of pods) {
      expect(pod.spec?.nodeName).toBe((await readStackEndpoints()).realNode!.nodeName);
      expect(pod.spec?.serviceAccountName).toMatch(
        new RegExp(`^${install.release}-microstax-(api|worker|gateway)$`),
      );
      expect(pod.spec?.securityContext?.runAsUser).toBe(65532);
    }
  });

  it('creates the founding example through the in-cluster API, serves its seeded rows through the in-cluster gateway, snapshots and restores it, and deletes it', async () => {
    const source = await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8');
    const seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
    const created = await call<{ id: string }>('POST', '/v1/environments', {
      blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
      ttl: '1h',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    try {
      const env = await until(
        `${id} ready`,
        async () =>
          (
            await call<{ phase: string; urls: Record<string, string>; error?: unknown; services: unknown }>(
              'GET',
              `/v1/environments/${id}`,
            )
          ).body,
        (e) => e.phase === 'ready' || e.phase === 'failed',
      );
      expect(env.phase, JSON.stringify({ error: env.error, services: env.services })).toBe('ready');
      const api = env.urls.api!;
      expect(new URL(api).hostname).toBe(`api.${id}.microstax.localhost`);
      const products = await firstOk(`${api}/products`, 60_000, install.gatewayAddress);
      expect(products.json().products.length).toBeGreaterThan(0);
      const kept = (
        await httpAt(`${api}/carts`, {
          method: 'POST',
          body: { customer: 'kept@example.com' },
          via: install.gatewayAddress,
        })
      ).json().cart;

      const snapshot = await call('POST', `/v1/environments/${id}/snapshots`, { name: 'in-cluster' });
      expect(snapshot.status).toBe(202);
      const listed = await until(
        'snapshot ready',
        async () =>
          (
            await call<{ items: { name: string; phase: string }[] }>(
              'GET',
              `/v1/environments/${id}/snapshots`,
            )
          ).body,
        (list) => list.items.some((s) => s.name === 'in-cluster' && s.phase !== 'pending'),
      );
      expect(listed.items.find((s) => s.name === 'in-cluster')?.phase).toBe('ready');
      const lost = (
        await httpAt(`${api}/carts`, {
          method: 'POST',
          body: { customer: 'lost@example.com' },
          via: install.gatewayAddress,
        })
      ).json().cart;
      const restore = await call('POST', `/v1/environments/${id}/restore`, { snapshot: 'in-cluster' });
      expect(restore.status).toBe(202);
      await until(
        'the cart written after the snapshot to be gone',
        async () => (await httpAt(`${api}/carts/${lost.id}`, { via: install.gatewayAddress })).status,
        (status) => status === 404,
      );
      expect(
        (await httpAt(`${api}/carts/${kept.id}`, { via: install.gatewayAddress })).json().cart,
      ).toMatchObject({
        customer: 'kept@example.com',
      });
    } finally {
      await call('DELETE', `/v1/environments/${id}`);
      await until(
        `${id} torn down`,
        async () => (await call<{ phase: string }>('GET', `/v1/environments/${id}`)).body,
        (e) => e.phase === 'deleted',
      );
    }
  }, 900_000);

  it('loses an API pod and a worker pod mid-create: the API answers through the other replica, and the environment is ready exactly once', async () => {
    const source = await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8');
    const seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
    const created = await call<{ id: string }>('POST', '/v1/environments', {
      blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
      ttl: '1h',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
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
      const env = await until(
        `${id} ready after the kill`,
        async () => (await call<{ phase: string; error?: unknown }>('GET', `/v1/environments/${id}`)).body,
        (e) => e.phase === 'ready' || e.phase === 'failed',
      );
      expect(env.phase, JSON.stringify(env.error)).toBe('ready');
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
      await call('DELETE', `/v1/environments/${id}`);
      await until(
        `${id} torn down`,
        async () => (await call<{ phase: string }>('GET', `/v1/environments/${id}`)).body,
        (e) => e.phase === 'deleted',
      );
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
      180_000,
    );
    expect(left).toEqual([]);
    expect(pods).toEqual([]);
  }, 300_000);
});
