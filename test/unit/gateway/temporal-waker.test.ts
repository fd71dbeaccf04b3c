import {
  type Client,
  type Connection,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { WakeError } from '../../../gateway/errors.js';
import { createTemporalWaker, type TemporalWakerOptions } from '../../../gateway/temporal-waker.js';
import type { EnvironmentStatus } from '../../../workflows/contracts.js';

/**
 * How the gateway's Temporal waker reads the answers of the `wake` update, over a stand-in client
 * that answers as the Temporal SDK does (its own error classes): which failures end the wake as
 * `failed` or `refused`, and which are asked again. The real wake through Temporal is
 * test/integ/real-node/wake-on-request.test.ts.
 */

const silent = pino({ level: 'silent' });

/** What one `startUpdate` call does: throw, or hand back an accepted update whose result is this. */
type StartAnswer = { throws: Error } | { result: () => Promise<EnvironmentStatus> };

function status(phase: EnvironmentStatus['phase'], error?: string): EnvironmentStatus {
  return {
    environmentId: 'a',
    runtimeId: 'a',
    phase,
    ...(error && { error: { type: 'ScaleFailed', message: error } }),
  } as EnvironmentStatus;
}

/** A client whose `env-a` workflow runs and answers each startUpdate with the next scripted answer. */
function standIn(params: { starts: StartAnswer[]; statuses?: EnvironmentStatus[] }) {
  const updateIds: string[] = [];
  const statuses = [...(params.statuses ?? [])];
  const handle = {
    describe: async () => ({ status: { name: 'RUNNING' } }),
    query: async () => (statuses.length > 1 ? statuses.shift() : statuses[0]) ?? status('waking'),
    startUpdate: async (_update: unknown, options: { updateId: string }) => {
      updateIds.push(options.updateId);
      const answer = params.starts.shift();
      if (!answer) throw new Error('the stand-in has no more answers');
      if ('throws' in answer) throw answer.throws;
      return { result: answer.result };
    },
  };
  const client = { workflow: { getHandle: () => handle } } as unknown as Client;
  const connection = {
    withDeadline: <T>(_deadline: number, call: () => Promise<T>) => call(),
  } as unknown as Connection;
  return { open: async () => ({ client, connection, close: async () => {} }), updateIds };
}

function waker(params: { open: NonNullable<TemporalWakerOptions['open']> }) {
  return createTemporalWaker({
    log: silent,
    open: params.open,
    statusPollMs: 20,
    acceptWithinMs: 1_000,
  });
}

async function wakeError(promise: Promise<unknown>): Promise<WakeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WakeError);
  return error as WakeError;
}

const timedOut = () =>
  new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled', {
    cause: new Error('deadline exceeded'),
  });
const taskFailing = () =>
  new ServiceError('Workflow Update failed', {
    cause: Object.assign(
      new Error(
        '9 FAILED_PRECONDITION: Unable to perform workflow execution update due to Workflow Task in failed state.',
      ),
      { code: 9 },
    ),
  });

describe('the Temporal waker', () => {
  it('resolves once the accepted wake update answers with a ready environment', async () => {
    const temporal = standIn({ starts: [{ result: async () => status('ready') }] });
    await expect(waker(temporal).wake({ runtimeId: 'a' })).resolves.toEqual({ environmentId: 'a' });
  });

  it('files a wake update that failed after it was accepted (the scale failed) as failed, with its reason', async () => {
    const failure = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({
        type: 'ScaleFailed',
        nonRetryable: true,
        message: 'wake failed: deployments.apps "api" is forbidden',
      }),
    );
    const temporal = standIn({ starts: [{ result: () => Promise.reject(failure) }] });
    const error = await wakeError(waker(temporal).wake({ runtimeId: 'a' }));
    expect(error.type).toBe('failed');
    expect(error.params.cause).toBe('deployments.apps "api" is forbidden');
    expect(temporal.updateIds).toHaveLength(1);
  });

  it("files the update validator's refusal at the start as refused", async () => {
    const refusal = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ message: 'environment a is tearing-down; it cannot be woken' }),
    );
    const temporal = standIn({ starts: [{ throws: refusal }] });
    const error = await wakeError(waker(temporal).wake({ runtimeId: 'a' }));
    expect(error.type).toBe('refused');
    expect(error.params.cause).toBe('environment a is tearing-down; it cannot be woken');
  });

  it('asks again, with the same update id, after a start RPC timeout or a workflow task in failed state', async () => {
    const temporal = standIn({
      starts: [{ throws: timedOut() }, { throws: taskFailing() }, { result: async () => status('ready') }],
    });
    await expect(waker(temporal).wake({ runtimeId: 'a' })).resolves.toEqual({ environmentId: 'a' });
    expect(temporal.updateIds).toHaveLength(3);
    expect(new Set(temporal.updateIds).size).toBe(1);
  });

  it('asks again after the accepted update’s result poll timed out', async () => {
    const temporal = standIn({
      starts: [{ result: () => Promise.reject(timedOut()) }, { result: async () => status('ready') }],
    });
    await expect(waker(temporal).wake({ runtimeId: 'a' })).resolves.toEqual({ environmentId: 'a' });
    expect(temporal.updateIds).toHaveLength(2);
  });

  it('gives a wake the workflow never accepts up after acceptWithinMs, as failed', async () => {
    const temporal = standIn({ starts: Array.from({ length: 10 }, () => ({ throws: timedOut() })) });
    const started = Date.now();
    const error = await wakeError(waker(temporal).wake({ runtimeId: 'a' }));
    expect(error.type).toBe('failed');
    expect(error.params.cause).toMatch(/env-a did not accept the wake within 1 s/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(temporal.updateIds.length).toBeGreaterThanOrEqual(2);
  });

  it('ends the wake as failed when a run started before the change goes back to sleeping, its update still waiting', async () => {
    const temporal = standIn({
      starts: [{ result: () => new Promise<never>(() => {}) }],
      statuses: [status('waking'), status('sleeping', 'scale of msx-a/api timed out')],
    });
    const error = await wakeError(waker(temporal).wake({ runtimeId: 'a' }));
    expect(error.type).toBe('failed');
    expect(error.params.cause).toBe('scale of msx-a/api timed out');
  });

  it('ends the wake when the environment went back to sleep after it, its update never answering', async () => {
    const sleptAt = new Date(Date.now() + 60_000).toISOString();
    const temporal = standIn({
      starts: [{ result: () => new Promise<never>(() => {}) }],
      statuses: [status('ready'), { ...status('sleeping'), sleepingSince: sleptAt }],
    });
    await expect(waker(temporal).wake({ runtimeId: 'a' })).resolves.toEqual({ environmentId: 'a' });
  });

  it('files any other error while waiting for the result as failed, naming the workflow', async () => {
    const temporal = standIn({
      starts: [{ result: () => Promise.reject(new Error('14 UNAVAILABLE: connection reset')) }],
    });
    const error = await wakeError(waker(temporal).wake({ runtimeId: 'a' }));
    expect(error.type).toBe('failed');
    expect(error.params.cause).toBe('waiting for the wake update of env-a: 14 UNAVAILABLE: connection reset');
  });
});
