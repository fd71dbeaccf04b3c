import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { V1Deployment, V1Pod, V1Service } from '@kubernetes/client-node';
import pg from 'pg';
import { stringify } from 'yaml';
import type { KubeClient } from '../../../../deploy/kube-client.js';
import { HEALTH_PATH as GATEWAY_HEALTH_PATH } from '../../../../gateway/server.js';
import { REPO_ROOT } from '../../../../local/stack/config.js';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';
import {
  BRIDGE_ADDRESS,
  NODE_TIER_KEY,
  REAL_NODE_STORAGE_CLASS,
  REAL_NODE_TIER,
} from '../../../../local/stack/node/layout.js';
import { ensureTemporalNamespace } from '../../../../local/stack/temporal.js';
import { createApiToken } from '../../../../store/api-tokens.js';
import { ensureTeam } from '../../../../store/teams.js';
import { upsertUser } from '../../../../store/users.js';
import { ensureHelm, runHelm } from '../../../support/helm.js';
import { removeStackObjects, stackObjectStore } from '../../../support/object-store.js';
import { until } from '../../../support/until.js';
import { stackKube } from '../../deploy/helpers.js';

const run = promisify(execFile);

export const COMPONENTS = ['api', 'worker', 'gateway', 'router'] as const;

/** MicroStax installed into the local cluster by `helm install`, and how to reach and remove it. */
export interface InClusterInstall {
  release: string;
  namespace: string;
  temporalNamespace: string;
  codecKey: string;
  kube: KubeClient;
  /** `http://<api ClusterIP>:<port>`: the in-cluster API, reached from this host. */
  apiBase: string;
  /** `<gateway ClusterIP>:<port>`: the in-cluster gateway, for `httpAt(url, { via })`. */
  gatewayAddress: string;
  /** A member token of team "payments", issued in the install's own database. */
  token: string;
  /** From `helm install` to every Deployment available. */
  installMs: number;
  /** `helm uninstall --wait`; the caller checks what is left. */
  uninstall(): Promise<{ code: number; stderr: string }>;
  /** Removes everything this install made besides the release (namespace, database, role, values file). */
  cleanUp(): Promise<void>;
  /** What the release's pods are doing, for failure messages. */
  podReport(): Promise<string>;
}

/**
 * MicroStax's image built from this checkout and in the stack's registry as
 * `ghcr.io/microstax/microstax:<version>` (cached: a second call builds and pushes nothing).
 */
export async function publishMicrostaxImage(): Promise<void> {
  await run(
    process.execPath,
    [path.join(REPO_ROOT, 'bin/microstax.js'), 'stack', 'images', '--only', 'microstax'],
    { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 1_500_000 },
  );
}

/** The port of a `host:port` or URL. */
const portOf = (address: string) =>
  Number(new URL(address.includes('://') ? address : `tcp://${address}`).port);

function onTheRealNode(resources: { cpu: string; memory: string }) {
  return {
    replicas: 2,
    nodeSelector: { [NODE_TIER_KEY]: REAL_NODE_TIER },
    tolerations: [{ key: NODE_TIER_KEY, operator: 'Equal', value: REAL_NODE_TIER, effect: 'NoSchedule' }],
    resources: { requests: resources, limits: { memory: '768Mi' } },
  };
}

/**
 * Installs the chart the way a platform team would: MicroStax's own image (built from this checkout
 * and pushed to the stack's registry), two replicas of each process on the real node under their
 * ServiceAccounts, and the stack's Postgres and Temporal as external endpoints, reached from the pods
 * through the bridge, in a database, role and Temporal namespace of the install's own.
 */
export async function installInCluster(label: string): Promise<InClusterInstall> {
  const suffix = randomBytes(3).toString('hex');
  const release = `msx-${label}-${suffix}`;
  const namespace = `microstax-${label}-${suffix}`;
  const temporalNamespace = namespace;
  const database = `microstax_${label}_${suffix}`.replace(/-/g, '_');
  const role = database;
  const password = randomBytes(18).toString('base64url');
  const codecKey = randomBytes(32).toString('base64');
  const endpoints = await readStackEndpoints();
  if (!endpoints.realNode)
    throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
  const kube = await stackKube();
  const helm = await ensureHelm();
  const kubeconfig = ['--namespace', namespace, '--kubeconfig', endpoints.kubeconfigPath];
  await publishMicrostaxImage();
  await ensureTemporalNamespace(endpoints.temporal.address, temporalNamespace);
  const admin = new pg.Client({ connectionString: endpoints.databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${role}`);
  } finally {
    await admin.end();
  }
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  // Snapshots go to the stack's object store, as a platform team's would go to theirs: the keys in a
  // Secret of the install's namespace, the endpoint through the bridge.
  const objectStore = await stackObjectStore();
  await kube.apply({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'snapshot-keys', namespace },
    stringData: objectStore.credentials,
  });
  const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const values = {
    // The tag stays the version while the code changes: pull what was just built and pushed, never a
    // copy the node kept from an earlier run.
    image: { tag: version, pullPolicy: 'Always' },
    temporal: {
      address: `${BRIDGE_ADDRESS}:${portOf(endpoints.temporal.address)}`,
      namespace: temporalNamespace,
    },
    codec: { key: codecKey },
    database: {
      url: `postgres://${role}:${password}@${BRIDGE_ADDRESS}:${portOf(endpoints.databaseUrl)}/${database}`,
    },
    api: onTheRealNode({ cpu: '20m', memory: '128Mi' }),
    worker: {
      ...onTheRealNode({ cpu: '20m', memory: '192Mi' }),
      nodeTier: REAL_NODE_TIER,
      storageClass: REAL_NODE_STORAGE_CLASS,
      snapshots: {
        store: `s3://${objectStore.bucket}/${release}`,
        s3: {
          endpoint: `http://${BRIDGE_ADDRESS}:${portOf(objectStore.endpoint)}`,
          existingSecret: 'snapshot-keys',
        },
      },
    },
    gateway: { ...onTheRealNode({ cpu: '20m', memory: '96Mi' }), baseDomain: 'microstax.localhost' },
    // Ready only once its first list of routing tables succeeded: proves its ServiceAccount's rules.
    router: onTheRealNode({ cpu: '10m', memory: '64Mi' }),
  };
  const valuesDir = await mkdtemp(path.join(tmpdir(), 'microstax-helm-'));
  await writeFile(path.join(valuesDir, 'values.yaml'), stringify(values), { mode: 0o600 });

  const podReport = async () => {
    const pods = await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace });
    return pods.items
      .map((pod) => {
        const states = (pod.status?.containerStatuses ?? []).map(
          (c) => `${c.name} ready=${c.ready} restarts=${c.restartCount} ${JSON.stringify(c.state)}`,
        );
        return `${pod.metadata?.name} ${pod.status?.phase} ${pod.spec?.nodeName ?? 'unscheduled'} ${states.join('; ')}`;
      })
      .join('\n');
  };
  const uninstall = async () => runHelm(helm, ['uninstall', release, ...kubeconfig, '--wait']);
  const cleanUp = async () => {
    await uninstall();
    await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }).catch(() => undefined);
    await rm(valuesDir, { recursive: true, force: true });
    await removeStackObjects(`${release}/`);
    const client = new pg.Client({ connectionString: endpoints.databaseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await client.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await client.end();
  };

  const started = performance.now();
  const installed = await runHelm(helm, [
    'install',
    release,
    'charts/microstax',
    ...kubeconfig,
    '--values',
    path.join(valuesDir, 'values.yaml'),
  ]);
  if (installed.code !== 0) {
    await cleanUp();
    throw new Error(`helm install failed: ${installed.stderr}`);
  }
  await until(
    'every MicroStax Deployment available with 2 replicas',
    async () =>
      (await kube.list<V1Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', namespace })).items,
    (deployments) =>
      deployments.length === COMPONENTS.length &&
      deployments.every((d) => (d.status?.availableReplicas ?? 0) === 2),
    { timeoutMs: 420_000, everyMs: 1_000 },
  ).catch(async (error: Error) => {
    const report = await podReport();
    await cleanUp();
    throw new Error(`${error.message}\n${report}`);
  });
  const installMs = performance.now() - started;

  const serviceAddress = async (component: string) => {
    const service = await kube.read<V1Service>({
      apiVersion: 'v1',
      kind: 'Service',
      namespace,
      name: `${release}-microstax-${component}`,
    });
    return `${service.spec!.clusterIP}:${service.spec!.ports![0]!.port}`;
  };
  const apiBase = `http://${await serviceAddress('api')}`;
  const gatewayAddress = await serviceAddress('gateway');
  // Available pods are not yet a reachable Service: kube-proxy programs the ClusterIP moments later.
  await until(
    'the API and the gateway answering through their Services',
    async () =>
      (await fetch(`${apiBase}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok &&
      (await fetch(`http://${gatewayAddress}${GATEWAY_HEALTH_PATH}`, { signal: AbortSignal.timeout(2_000) }))
        .ok,
    (ok) => ok,
    { timeoutMs: 60_000, everyMs: 200 },
  );
  // Access is bootstrapped in the install's own database, which its API migrated at start.
  const db = new pg.Pool({
    connectionString: endpoints.databaseUrl.replace(/\/[^/]*$/, `/${database}`),
    max: 1,
  });
  let token: string;
  try {
    await ensureTeam(db, { id: 'payments' });
    const user = await upsertUser(db, { name: 'ada', teamId: 'payments', role: 'member' });
    token = (await createApiToken(db, { userId: user.id })).token;
  } finally {
    await db.end();
  }
  return {
    release,
    namespace,
    temporalNamespace,
    codecKey,
    kube,
    apiBase,
    gatewayAddress,
    token,
    installMs,
    uninstall,
    cleanUp,
    podReport,
  };
}

/** A JSON call to the in-cluster API with the install's member token. */
export async function callApi<T>(
  install: Pick<InClusterInstall, 'apiBase' | 'token'>,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${install.apiBase}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${install.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
