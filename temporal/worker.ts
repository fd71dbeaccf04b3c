import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { LifecycleActivities } from '../activities/create-activities.js';
import { LIFECYCLE_TASK_QUEUE } from '../workflows/contracts.js';
import { loadTemporalConfig, type TemporalConfig, temporalConnectionOptions } from './config.js';
import { loadDataConverter } from './data-converter.js';

/** The workflow bundle's entry module. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Bundles the workflow code once (webpack; a few seconds). Tests bundle once per file and reuse the
 * bundle for every worker they start.
 */
export function bundleLifecycleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

export interface LifecycleWorkerHandle {
  worker: Worker;
  connection: NativeConnection;
  config: TemporalConfig;
  /** Runs until shutdown() (or a signal, when the runtime handles them); resolves when drained. */
  run(): Promise<void>;
  /** Stops polling, lets running activities finish, closes the connection. */
  shutdown(): Promise<void>;
}

/**
 * Creates the lifecycle worker: the workflows of workflows/ and the given activities, on the lifecycle
 * task queue, with the same payload codec as every client.
 */
export async function createLifecycleWorker(params: {
  activities: LifecycleActivities;
  taskQueue?: string;
  config?: TemporalConfig;
  /** A prebuilt bundle (tests; `{ code }` or `{ codePath }`); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  env?: NodeJS.ProcessEnv;
  /** Identity shown in the Temporal UI; default the SDK's pid@host. */
  identity?: string;
  /** On shutdown, how long running activities may finish before they are cancelled (default 0). */
  shutdownGraceSeconds?: number;
}): Promise<LifecycleWorkerHandle> {
  const config = params.config ?? loadTemporalConfig(params.env);
  const dataConverter = await loadDataConverter(params.env);
  const connection = await NativeConnection.connect(await temporalConnectionOptions(config));
  const workflowBundle = params.workflowBundle ?? (await bundleLifecycleWorkflows());
  const worker = await Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: params.taskQueue ?? LIFECYCLE_TASK_QUEUE,
    workflowBundle,
    activities: params.activities,
    dataConverter,
    // Heartbeats carry cancellation back to a running activity; the default throttle (80% of the heartbeat
    // timeout) would delay a teardown-during-create by up to 16 s.
    maxHeartbeatThrottleInterval: '2s',
    ...(params.identity ? { identity: params.identity } : {}),
    ...(params.shutdownGraceSeconds ? { shutdownGraceTime: `${params.shutdownGraceSeconds}s` } : {}),
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    connection,
    config,
    run() {
      running ??= worker.run().finally(() => connection.close());
      return running;
    },
    async shutdown() {
      if (!running) {
        await connection.close();
        return;
      }
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta ?? ''),
};
