import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { V1Deployment, V1Pod, V1Service } from '@kubernetes/client-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { REPO_ROOT } from '../../../local/stack/config.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import {
  BRIDGE_ADDRESS,
  NODE_TIER_KEY,
  REAL_NODE_STORAGE_CLASS,
  REAL_NODE_TIER,
} from '../../../local/stack/node/layout.js';
import { ensureTemporalNamespace } from '../../../local/stack/temporal.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient } from '../../../temporal/client.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { ensureHelm, runHelm } from '../../support/helm.js';
import { stackKube } from '../deploy/helpers.js';
import { EXAMPLE_DIR, firstOk, httpAt } from '../real-node/support.js';
import { activityRuns } from '../workflows/support/harness.js';

const run = promisify(execFile);

/**
 * MicroStax installed into the local cluster with `helm install`, the way a platform team installs
 * it: its own image from the stack's registry, its pods on the real node under their
 * ServiceAccounts, and the stack's Postgres and Temporal as external endpoints (reached from the pods
 * through the bridge). Everything the test does after the install goes through the in-cluster API
 * and gateway only.
 */
const suffix = randomBytes(3).toString('hex');
const RELEASE = `msx-it-${suffix}`;
const NAMESPACE = `microstax-it-${suffix}`;
const TEMPORAL_NAMESPACE = `microstax-it-${suffix}`;
const DB_NAME = `microstax_it_${suffix}`;
const DB_ROLE = `microstax_it_${suffix}`;
const DB_PASSWORD = randomBytes(18).toString('base64url');
const COMPONENTS = ['api', 'worker', 'gateway'] as const;

let kube: KubeClient;
let helm: string;
let valuesDir: string;
let adminUrl: string;
let apiBase: string;
let gatewayAddress: string;
let token: string;
let codecKey: string;

/** The port of a `host:port` or URL. */
const portOf = (address: string) =>
  Number(new URL(address.includes('://') ? address : `tcp://${address}`).port);

async function call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiBase}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

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

/** What the release's pods are doing, for a failure message. */
async function podReport(): Promise<string> {
  const pods = await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace: NAMESPACE });
  return pods.items
    .map((pod) => {
      const states = (pod.status?.containerStatuses ?? []).map(
        (c) => `${c.name} ready=${c.ready} restarts=${c.restartCount} ${JSON.stringify(c.state)}`,
      );
      return `${pod.metadata?.name} ${pod.status?.phase} ${pod.spec?.nodeName ?? 'unscheduled'} ${states.join('; ')}`;
    })
    .join('\n');
}

async function serviceAddress(component: string): Promise<string> {
  const service = await kube.read<V1Service>({
    apiVersion: 'v1',
    kind: 'Service',
    namespace: NAMESPACE,
    name: `${RELEASE}-microstax-${component}`,
  });
  return `${service.spec!.clusterIP}:${service.spec!.ports![0]!.port}`;
}

function scheduling(resources: { cpu: string; memory: string }) {
  return {
    replicas: 2,
    nodeSelector: { [NODE_TIER_KEY]: REAL_NODE_TIER },
    tolerations: [{ key: NODE_TIER_KEY, operator: 'Equal', value: REAL_NODE_TIER, effect: 'NoSchedule' }],
    resources: { requests: resources, limits: { memory: '768Mi' } },
  };
}

describe('helm install into the local cluster', () => {
  beforeAll(async () => {
    const endpoints = await readStackEndpoints();
    if (!endpoints.realNode)
      throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
    kube = await stackKube();
    helm = await ensureHelm();
    // MicroStax's own image, built from this checkout and pushed to the stack's registry.
    await run(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/microstax.js'), 'stack', 'images', '--only', 'microstax'],
      {
        cwd: REPO_ROOT,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 1_500_000,
      },
    );
    // Its own Temporal namespace and database: nothing shared with the processes on this machine.
    await ensureTemporalNamespace(endpoints.temporal.address, TEMPORAL_NAMESPACE);
    adminUrl = endpoints.databaseUrl;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${DB_ROLE} LOGIN PASSWORD '${DB_PASSWORD}'`);
      await admin.query(`CREATE DATABASE ${DB_NAME} OWNER ${DB_ROLE}`);
    } finally {
      await admin.end();
    }
    await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
    await kube.apply({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'snapshots', namespace: NAMESPACE },
      spec: {
        accessModes: ['ReadWriteMany'],
        storageClassName: REAL_NODE_STORAGE_CLASS,
        resources: { requests: { storage: '1Gi' } },
      },
    });
    codecKey = randomBytes(32).toString('base64');
    const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const values = {
      image: { tag: version },
      temporal: {
        address: `${BRIDGE_ADDRESS}:${portOf(endpoints.temporal.address)}`,
        namespace: TEMPORAL_NAMESPACE,
      },
      codec: { key: codecKey },
      database: {
        url: `postgres://${DB_ROLE}:${DB_PASSWORD}@${BRIDGE_ADDRESS}:${portOf(endpoints.databaseUrl)}/${DB_NAME}`,
      },
      api: scheduling({ cpu: '20m', memory: '128Mi' }),
      worker: {
        ...scheduling({ cpu: '20m', memory: '192Mi' }),
        nodeTier: REAL_NODE_TIER,
        storageClass: REAL_NODE_STORAGE_CLASS,
        // The local StorageClass makes root-owned host directories and ignores fsGroup.
        snapshots: { existingClaim: 'snapshots', fixPermissions: true },
      },
      gateway: { ...scheduling({ cpu: '20m', memory: '96Mi' }), baseDomain: 'microstax.localhost' },
    };
    valuesDir = await mkdtemp(path.join(tmpdir(), 'microstax-helm-'));
    await writeFile(path.join(valuesDir, 'values.yaml'), stringify(values), { mode: 0o600 });
    const installed = await runHelm(helm, [
      'install',
      RELEASE,
      'charts/microstax',
      '--namespace',
      NAMESPACE,
      '--kubeconfig',
      endpoints.kubeconfigPath,
      '--values',
      path.join(valuesDir, 'values.yaml'),
    ]);
    expect(installed.code, installed.stderr).toBe(0);
    await until(
      'every MicroStax Deployment available with 2 replicas',
      async () =>
        (await kube.list<V1Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: NAMESPACE }))
          .items,
      (deployments) =>
        deployments.length === COMPONENTS.length &&
        deployments.every((d) => (d.status?.availableReplicas ?? 0) === 2),
      420_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await podReport()}`);
    });
    apiBase = `http://${await serviceAddress('api')}`;
    gatewayAddress = await serviceAddress('gateway');
    // Access is bootstrapped in the install's own database, which its API migrated at start.
    const db = new pg.Pool({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`), max: 1 });
    try {
      await ensureTeam(db, { id: 'payments' });
      const user = await upsertUser(db, { name: 'ada', teamId: 'payments', role: 'member' });
      token = (await createApiToken(db, { userId: user.id })).token;
    } finally {
      await db.end();
    }
  }, 1_800_000);

  afterAll(async () => {
    if (helm) {
      const endpoints = await readStackEndpoints();
      await runHelm(helm, [
        'uninstall',
        RELEASE,
        '--namespace',
        NAMESPACE,
        '--kubeconfig',
        endpoints.kubeconfigPath,
        '--wait',
      ]);
    }
    await kube?.delete({ apiVersion: 'v1', kind: 'Namespace', name: NAMESPACE }).catch(() => undefined);
    if (valuesDir) await rm(valuesDir, { recursive: true, force: true });
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS ${DB_ROLE}`).catch(() => undefined);
      await admin.end();
    }
  }, 300_000);

  it('runs every process under its own ServiceAccount, non-root, on the real node', async () => {
    const pods = (await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace: NAMESPACE })).items;
    expect(pods).toHaveLength(6);
    for (const pod of pods) {
      expect(pod.spec?.nodeName).toBe((await readStackEndpoints()).realNode!.nodeName);
      expect(pod.spec?.serviceAccountName).toMatch(new RegExp(`^${RELEASE}-microstax-(api|worker|gateway)$`));
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
      const products = await firstOk(`${api}/products`, 60_000, gatewayAddress);
      expect(products.json().products.length).toBeGreaterThan(0);
      const kept = (
        await httpAt(`${api}/carts`, {
          method: 'POST',
          body: { customer: 'kept@example.com' },
          via: gatewayAddress,
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
          via: gatewayAddress,
        })
      ).json().cart;
      const restore = await call('POST', `/v1/environments/${id}/restore`, { snapshot: 'in-cluster' });
      expect(restore.status).toBe(202);
      await until(
        'the cart written after the snapshot to be gone',
        async () => (await httpAt(`${api}/carts/${lost.id}`, { via: gatewayAddress })).status,
        (status) => status === 404,
      );
      expect((await httpAt(`${api}/carts/${kept.id}`, { via: gatewayAddress })).json().cart).toMatchObject({
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
      const pods = (await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace: NAMESPACE })).items;
      const victims = (['api', 'worker'] as const).map(
        (component) =>
          pods.find((pod) => pod.metadata?.labels?.['app.kubernetes.io/component'] === component)!,
      );
      await Promise.all(
        victims.map((pod) =>
          kube.core.deleteNamespacedPod({
            name: pod.metadata!.name!,
            namespace: NAMESPACE,
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
          TEMPORAL_NAMESPACE,
          MICROSTAX_CODEC_KEY: codecKey,
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
    const endpoints = await readStackEndpoints();
    const uninstalled = await runHelm(helm, [
      'uninstall',
      RELEASE,
      '--namespace',
      NAMESPACE,
      '--kubeconfig',
      endpoints.kubeconfigPath,
      '--wait',
    ]);
    expect(uninstalled.code, uninstalled.stderr).toBe(0);
    const labelSelector = `app.kubernetes.io/instance=${RELEASE}`;
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
      const found = await kube.list({
        apiVersion,
        kind,
        labelSelector,
        ...(namespaced ? { namespace: NAMESPACE } : {}),
      });
      left.push(...found.items.map((o) => `${kind}/${o.metadata?.name}`));
    }
    const pods = await until(
      'the release pods gone',
      async () =>
        (await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace: NAMESPACE, labelSelector }))
          .items,
      (items) => items.length === 0,
      180_000,
    );
    expect(left).toEqual([]);
    expect(pods).toEqual([]);
  }, 300_000);
});
