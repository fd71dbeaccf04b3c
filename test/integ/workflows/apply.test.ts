import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubernetesObject, V1Deployment, V1Namespace, V1Pod } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { LABELS } from '../../../deploy/index.js';
import { LifecycleRequestError } from '../../../temporal/errors.js';
import { LifecycleClient } from '../../../temporal/lifecycle-client.js';
import { bundleLifecycleWorkflows } from '../../../temporal/worker.js';
import { type EnvironmentStatus, statusQuery, workflowIds } from '../../../workflows/contracts.js';
import { smallBlueprint } from './support/blueprints.js';
import { isGone, namespacesOf } from './support/cluster.js';
import { activityRuns, newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

/**
 * Apply updates through the environment's workflow on the stack's cluster (kwok nodes): an unchanged
 * blueprint re-applies without touching one object, a changed image replaces only that service's pods, a
 * second apply during one is refused with the reason, and a worker killed during an update lets another
 * finish it, once.
 */
const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp(), 120_000);
afterEach(() => harness.stopWorkers(), 180_000);
afterAll(() => harness.tearDown());

const KINDS = [
  { apiVersion: 'v1', kind: 'Namespace' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
  { apiVersion: 'v1', kind: 'ResourceQuota' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
] as const;

/** kind/name -> resourceVersion of every object MicroStax made for the environment. */
async function resourceVersions(environmentId: string): Promise<Record<string, string>> {
  const [namespace] = await namespacesOf(harness.kube, environmentId);
  const name = namespace!.metadata!.name!;
  const versions: Record<string, string> = {};
  for (const { apiVersion, kind } of KINDS) {
    const list = await harness.kube.list<KubernetesObject>(
      kind === 'Namespace'
        ? { apiVersion, kind, fieldSelector: `metadata.name=${name}` }
        : { apiVersion, kind, namespace: name, labelSelector: `${LABELS.managedBy}=microstax` },
    );
    for (const o of list.items) versions[`${kind}/${o.metadata!.name}`] = o.metadata!.resourceVersion!;
  }
  return versions;
}

/** service -> uids of its running pods. */
async function podsByService(environmentId: string): Promise<Record<string, string[]>> {
  const [namespace] = await namespacesOf(harness.kube, environmentId);
  const pods = await harness.kube.list<V1Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    namespace: namespace!.metadata!.name!,
  });
  const result: Record<string, string[]> = {};
  for (const pod of pods.items) {
    if (pod.metadata?.deletionTimestamp) continue;
    const service = pod.metadata?.labels?.[LABELS.name] ?? '?';
    result[service] = [...(result[service] ?? []), pod.metadata!.uid!].sort();
  }
  return result;
}

function withApiImage(blueprint: ResolvedBlueprint, image: string): ResolvedBlueprint {
  return {
    ...blueprint,
    services: blueprint.services.map((s) => (s.name === 'api' ? { ...s, image } : s)),
  };
}

async function refusal(promise: Promise<unknown>): Promise<LifecycleRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LifecycleRequestError) return error;
    throw error;
  }
  throw new Error('expected the apply to be refused');
}

describe('apply update in place (environment workflow)', () => {
  it('nothing changed: every object keeps its resourceVersion; one image changed: only its pods are new', async () => {
    const { lifecycle } = await harness.startWorker({ testName: 'apply-in-place' });
    const id = newEnvironmentId('apply');
    const blueprint = smallBlueprint();
    await lifecycle.createEnvironment({
      environmentId: id,
      blueprint,
      owner: 'ada',
      team: 'payments',
      name: 'pr-42',
      labels: { pr: '42' },
    });
    const created = await lifecycle.waitReady(id);
    expect(created.phase).toBe('ready');
    const urls = created.urls;
    const before = await resourceVersions(id);
    const podsBefore = await podsByService(id);

    const same = await lifecycle.apply(id, { blueprint, labels: { pr: '42' }, requestedBy: 'ada' });
    expect(same).toMatchObject({ phase: 'ready', applied: 1, urls });
    expect(same.error).toBeUndefined();
    expect(await resourceVersions(id)).toEqual(before);
    expect(await podsByService(id)).toEqual(podsBefore);

    const updated = await lifecycle.apply(id, {
      blueprint: withApiImage(blueprint, 'ghcr.io/acme/api:2.0'),
      labels: { pr: '42', sha: 'abc' },
    });
    expect(updated).toMatchObject({ phase: 'ready', applied: 2, urls, environmentId: id });
    const after = await resourceVersions(id);
    // The api Deployment (new image) and the namespace (new label); nothing else. (The quota's status
    // counts the rollout's pods, so its version moves without MicroStax touching it.)
    const changed = Object.keys(after).filter(
      (k) => after[k] !== before[k] && !k.startsWith('ResourceQuota/'),
    );
    const namespaceKey = Object.keys(before).find((k) => k.startsWith('Namespace/'))!;
    expect(changed.sort()).toEqual(['Deployment/api', namespaceKey].sort());
    const podsAfter = await podsByService(id);
    expect(podsAfter.web).toEqual(podsBefore.web);
    expect(podsAfter.api).toHaveLength(1);
    expect(podsAfter.api![0]).not.toBe(podsBefore.api![0]);
    const [namespace] = await namespacesOf(harness.kube, id);
    expect(namespace!.metadata!.labels).toMatchObject({
      'microstax.dev/name': 'pr-42',
      'microstax.dev/label-pr': '42',
      'microstax.dev/label-sha': 'abc',
    });
    const api = await harness.kube.readOrNull<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'api',
      namespace: namespace!.metadata!.name!,
    });
    expect(api!.spec!.template!.spec!.containers[0]!.image).toBe('ghcr.io/acme/api:2.0');

    await lifecycle.teardown(id, { reason: 'requested' });
    await harness.temporal.client.workflow.getHandle(workflowIds.environment(id)).result();
    expect(await isGone(harness.kube, id)).toBe(true);
  }, 300_000);

  it('refuses a second apply while one runs, another blueprint, and an apply after teardown', async () => {
    const { lifecycle } = await harness.startWorker({ testName: 'apply-refusals' });
    const id = newEnvironmentId('apply');
    const blueprint = smallBlueprint();
    await lifecycle.createEnvironment({ environmentId: id, blueprint, owner: 'ada', team: 'payments' });
    await lifecycle.waitReady(id);

    const other = await refusal(lifecycle.apply(id, { blueprint: smallBlueprint({ name: 'other' }) }));
    expect(other.message).toContain('runs blueprint small, not other');

    await lifecycle.startApply({
      environmentId: id,
      request: { blueprint: withApiImage(blueprint, 'ghcr.io/acme/api:2.0') },
      updateId: randomUUID(),
    });
    const second = await refusal(
      lifecycle.apply(id, { blueprint: withApiImage(blueprint, 'ghcr.io/acme/api:3.0') }),
    );
    expect(second.message).toContain('is already applying an update');
    await waitFor(async () => {
      const status = await lifecycle.getStatus(id);
      return status?.phase === 'ready' && status.applied === 1;
    });

    // A removed service's objects go with it.
    const fewer = { ...blueprint, services: blueprint.services.filter((s) => s.name === 'web') };
    fewer.services[0] = { ...fewer.services[0]!, dependsOn: [] };
    const pruned = await lifecycle.apply(id, { blueprint: fewer });
    expect(pruned.services.map((s) => s.name)).toEqual(['web']);
    expect(Object.keys(await resourceVersions(id)).filter((k) => k.endsWith('/api'))).toEqual([]);

    await lifecycle.teardown(id, { reason: 'requested' });
    await harness.temporal.client.workflow.getHandle(workflowIds.environment(id)).result();
    const gone = await refusal(lifecycle.apply(id, { blueprint }));
    expect(gone.type).toBe('not-found');
    expect(await isGone(harness.kube, id)).toBe(true);
  }, 300_000);
});

describe('worker killed during an update', () => {
  const workerScript = fileURLToPath(new URL('./support/worker-process.ts', import.meta.url));
  const children: ChildProcess[] = [];
  let bundlePath: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apply-crash-bundle-'));
    bundlePath = join(dir, 'workflows.js');
    await writeFile(bundlePath, (await bundleLifecycleWorkflows()).code);
  }, 120_000);
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  async function startWorker(args: Record<string, unknown>): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', workerScript, JSON.stringify({ ...args, bundlePath })],
      { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    );
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d) => {
        if (String(d).includes('worker-ready')) resolve();
      });
      child.on('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}): ${stderr}`)));
    });
    return child;
  }

  it('another worker finishes the update, which completes once', async () => {
    const taskQueue = `apply-crash-${randomUUID().slice(0, 8)}`;
    const lifecycle = new LifecycleClient(harness.temporal.client, taskQueue);
    const first = await startWorker({ taskQueue, crashDuringUpdate: true });
    const id = newEnvironmentId('applycrash');
    const blueprint = smallBlueprint();
    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(id));
    try {
      await lifecycle.createEnvironment({ environmentId: id, blueprint, owner: 'ada', team: 'payments' });
      await lifecycle.waitReady(id);
      const updateId = randomUUID();
      await lifecycle.startApply({
        environmentId: id,
        request: { blueprint: withApiImage(blueprint, 'ghcr.io/acme/api:2.0') },
        updateId,
      });
      await new Promise<void>((resolve) => first.on('exit', () => resolve()));
      expect(first.signalCode).toBe('SIGKILL');
      await startWorker({ taskQueue });
      const result = (await handle
        .getUpdateHandle<EnvironmentStatus>(updateId)
        .result()) as EnvironmentStatus;
      expect(result).toMatchObject({ phase: 'ready', applied: 1 });
      expect(result.error).toBeUndefined();
      const deploys = await activityRuns(
        harness.temporal.client,
        workflowIds.environment(id),
        'deployEnvironment',
      );
      // The create's deploy and the update's, each completed once; the update's on a second attempt.
      expect(deploys).toMatchObject({ scheduled: 2, completed: 2, attempts: 2 });
      expect((await handle.query(statusQuery)).applied).toBe(1);
      const namespaces: V1Namespace[] = await namespacesOf(harness.kube, id);
      expect(namespaces).toHaveLength(1);
    } finally {
      await lifecycle.teardown(id, { reason: 'requested' });
      await handle.result().catch(() => undefined);
    }
    expect(await isGone(harness.kube, id)).toBe(true);
  }, 300_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
