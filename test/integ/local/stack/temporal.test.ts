import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStackConfig } from '../../../../local/stack/config.js';
import { readStackEndpoints, type StackEndpoints } from '../../../../local/stack/endpoints.js';
import { isRunning } from '../../../../local/stack/processes.js';
import { silentProgress } from '../../../../local/stack/progress.js';
import { stackUp } from '../../../../local/stack/stack.js';
import { readStackState } from '../../../../local/stack/state.js';
import { SEARCH_ATTRIBUTE_KEYS } from '../../../../workflows/search-attributes.js';
import { greet, napThenGreet } from './workflows/index.js';

const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

describe('Temporal in the local stack', () => {
  let endpoints: StackEndpoints;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    endpoints = await readStackEndpoints();
    bundle = await bundleWorkflowCode({
      workflowsPath,
      logger: { ...console, trace() {}, debug() {}, info() {}, log() {} } as never,
    });
  });

  async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
    const connection = await Connection.connect({ address: endpoints.temporal.address });
    try {
      return await use(new Client({ connection, namespace: endpoints.temporal.namespace }));
    } finally {
      await connection.close();
    }
  }

  async function startWorker(taskQueue: string): Promise<{ worker: Worker; connection: NativeConnection }> {
    const connection = await NativeConnection.connect({ address: endpoints.temporal.address });
    const worker = await Worker.create({
      connection,
      namespace: endpoints.temporal.namespace,
      taskQueue,
      workflowBundle: bundle,
    });
    return { worker, connection };
  }

  it('has the microstax namespace and every search attribute, as Keyword', async () => {
    await withClient(async (client) => {
      const namespace = await client.workflowService.describeNamespace({
        namespace: endpoints.temporal.namespace,
      });
      expect(namespace.namespaceInfo?.name).toBe('microstax');
      const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
        namespace: endpoints.temporal.namespace,
      });
      for (const key of SEARCH_ATTRIBUTE_KEYS) {
        // 2 = INDEXED_VALUE_TYPE_KEYWORD
        expect(customAttributes?.[key.name], key.name).toBe(2);
      }
    });
  });

  it('runs a workflow on a real worker, with search attributes set', async () => {
    const taskQueue = `stack-greet-${randomUUID()}`;
    const { worker, connection } = await startWorker(taskQueue);
    try {
      const result = await worker.runUntil(
        withClient((client) =>
          client.workflow.execute(greet, {
            taskQueue,
            workflowId: `stack-greet-${randomUUID()}`,
            args: ['stack'],
            typedSearchAttributes: [{ key: SEARCH_ATTRIBUTE_KEYS[0]!, value: 'env-test' }],
          }),
        ),
      );
      expect(result).toBe('hello stack');
    } finally {
      await connection.close();
    }
  });

  it('completes a workflow across a kill -9 and restart of the Temporal server (SQLite persistence)', async () => {
    const config = resolveStackConfig();
    const taskQueue = `stack-restart-${randomUUID()}`;
    const workflowId = `stack-restart-${randomUUID()}`;

    // Start the workflow and let a worker take its first task: it is now waiting on a durable timer.
    const first = await startWorker(taskQueue);
    await first.worker.runUntil(async () => {
      await withClient(async (client) => {
        const handle = await client.workflow.start(napThenGreet, {
          taskQueue,
          workflowId,
          args: ['restart', 8000],
        });
        for (;;) {
          const history = await handle.fetchHistory();
          if (history.events?.some((event) => event.timerStartedEventAttributes)) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      });
    });
    await first.connection.close();

    const state = await readStackState(config.stateFile);
    const server = state!.parts.temporal!.processes[0]!;
    process.kill(server.pid, 'SIGKILL');
    while (await isRunning(server)) await new Promise((resolve) => setTimeout(resolve, 50));

    // `stack up` notices the dead server and starts it again on the same SQLite file.
    const up = await stackUp({ config, progress: silentProgress });
    expect(up.changed).toEqual(['temporal']);

    const second = await startWorker(taskQueue);
    try {
      const result = await second.worker.runUntil(
        withClient((client) => client.workflow.getHandle(workflowId).result()),
      );
      expect(result).toBe('hello restart, after a nap');
    } finally {
      await second.connection.close();
    }
  });

  afterAll(async () => {
    // Leave the stack healthy for the test files that run after this one.
    await stackUp({ progress: silentProgress });
  });
});
