import { Client } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../../workflows/contracts.js';
import { smallBlueprint } from './support/blueprints.js';
import { isGone } from './support/cluster.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

const harness = new WorkflowTestHarness();
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

describe('secrets in workflow history', () => {
  it('the raw history on the server holds no secret value, in clear text or base64', async () => {
    const secret = `S3cr3t-${Math.random().toString(36).slice(2)}`;
    const { lifecycle } = await harness.startWorker({ testName: 'secrets' });
    const environmentId = newEnvironmentId();
    await lifecycle.createEnvironment({
      environmentId,
      blueprint: smallBlueprint({ secret }),
      owner: 'ada',
      team: 'payments',
    });
    await lifecycle.waitReady(environmentId);
    await lifecycle.extendTtl(environmentId, '1h');
    await lifecycle.teardown(environmentId, { reason: 'requested' });
    const workflowId = workflowIds.environment(environmentId);
    await harness.temporal.client.workflow.getHandle(workflowId).result();
    expect(await isGone(harness.kube, environmentId)).toBe(true);

    // A client without the codec sees exactly what the server stores.
    const raw = new Client({
      connection: harness.temporal.connection,
      namespace: harness.temporal.config.namespace,
    });
    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    const strings = allStrings(history);
    expect(history.events?.length).toBeGreaterThan(10);
    // Payload bytes come back base64-encoded: look in every string, and in every string decoded.
    const leaks = strings.filter((s) => s.includes(secret) || fromBase64(s).includes(secret));
    expect(leaks).toEqual([]);
    // Every payload is encrypted, so not even an image name is readable.
    expect(strings.some((s) => fromBase64(s) === 'binary/encrypted')).toBe(true);
    expect(strings.filter((s) => fromBase64(s).includes('ghcr.io/acme/api'))).toEqual([]);

    // The codec client still reads the input back in full.
    const decoded = await harness.temporal.client.workflow.getHandle(workflowId).describe();
    expect(decoded.status.name).toBe('COMPLETED');
  });
});

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('base64'));
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

function fromBase64(text: string): string {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64').toString('latin1') : '';
}
