import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient, loadDeployConfig, namespaceFor } from '../../../deploy/index.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { LifecycleErrorType, statusQuery, workflowIds } from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

/** The lifecycle with its production dependencies: the deploy layer on the local cluster. */
const harness = new WorkflowTestHarness();
let kube: KubeClient;
const namespaceOf = (id: string) => namespaceFor(id, loadDeployConfig().namespacePrefix);

beforeAll(async () => {
  await harness.setUp();
  kube = KubeClient.fromKubeconfigFile((await readStackEndpoints()).kubeconfigPath);
});
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

async function startRealWorker(testName: string) {
  const deps = await createWorkerDependencies({ temporal: harness.temporal.client, env: await stackEnv() });
  return harness.startWorker({ testName, runtime: deps.runtime, planner: deps.planner });
}

describe('lifecycle on the local cluster', () => {
  it('creates an environment on Kubernetes, reports ready with placement, and tears the namespace down', async () => {
    const { lifecycle } = await startRealWorker('kube-create');
    const environmentId = newEnvironmentId('kube');
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: checkoutBlueprint(),
      owner: 'ada',
      team: 'payments',
    });
    const ready = await lifecycle.waitReady(environmentId);
    expect(ready.error).toBeUndefined();
    expect(ready.phase).toBe('ready');
    expect(ready.services.every((s) => s.state === 'ready')).toBe(true);
    expect(ready.placement?.services.length).toBe(3);
    const namespace = await kube.readOrNull({
      apiVersion: 'v1',
      kind: 'Namespace',
      name: namespaceOf(environmentId),
    });
    expect(namespace).not.toBeNull();

    await lifecycle.teardown(environmentId, { reason: 'requested' });
    await harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId)).result();
    expect(
      await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: namespaceOf(environmentId) }),
    ).toBeNull();
  });

  it('a service the cluster refuses fails the create with its cause, and nothing is left behind', async () => {
    const { lifecycle } = await startRealWorker('kube-unschedulable');
    const environmentId = newEnvironmentId('kube');
    const blueprint = checkoutBlueprint();
    blueprint.services[1]!.resources = { requests: { cpu: '500', memory: '1Ti' } };
    await lifecycle.createEnvironment({ environmentId, blueprint, owner: 'ada', team: 'payments' });
    const handle = harness.temporal.client.workflow.getHandle(workflowIds.environment(environmentId));
    const error = await handle.result().catch((e) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toMatchObject({ type: LifecycleErrorType.DeployFailed });
    expect((error as WorkflowFailedError).cause?.message).toMatch(/api/);
    const status = await handle.query(statusQuery);
    expect(status.phase).toBe('failed');
    expect(
      await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: namespaceOf(environmentId) }),
    ).toBeNull();
  });
});
