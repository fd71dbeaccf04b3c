import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { LifecycleActivities } from '../activities/create-activities.js';
import type { GitHubActivities } from '../integrations/github/activities.js';
import { type Tracing, WORKFLOW_TRACING_INTERCEPTORS } from '../telemetry/tracing.js';
import { LIFECYCLE_TASK_QUEUE } from '../workflows/contracts.js';
import { loadTemporalConfig, type TemporalConfig, temporalConnectionOptions } from './config.js';
import { loadDataConverter } from './data-converter.js';

const MODULE_FILE = fileURLToPath(import.meta.url);

/** The workflow bundle's entry module (`.ts` in the sources, `.js` when compiled into dist/). */
export const WORKFLOWS_PATH = fileURLToPath(
  new URL(`../workflows/index${path.extname(MODULE_FILE)}`, import.meta.url),
);

/** The bundle `npm run build` writes beside the compiled code: `dist/workflow-bundle.js`. */
export const PREBUILT_WORKFLOW_BUNDLE = 'workflow-bundle.js';

/** Names a prebuilt workflow bundle to use instead of the one beside the compiled code. */
export const WORKFLOW_BUNDLE_ENV = 'MICROSTAX_WORKFLOW_BUNDLE';

/** Where the worker's workflow code comes from. */
export type WorkflowCodeSource =
  /** A bundle made by `npm run build` (or named by MICROSTAX_WORKFLOW_BUNDLE): no webpack at start. */
  | { kind: 'prebuilt'; codePath: string }
  /** Bundled with webpack when the worker starts (the TypeScript sources, tests). */
  | { kind: 'bundle-at-start' };

/**
 * MICROSTAX_WORKFLOW_BUNDLE when set (it must exist); else, when this module runs compiled, the bundle
 * beside the compiled code when the build wrote one; else bundle at start. Running from the sources
 * never picks up dist/'s bundle, which may be older than the workflows.
 */
export function workflowCodeSource(options: {
  env: NodeJS.ProcessEnv;
  /** This module's file; a `.js` one is compiled code. */
  moduleFile?: string;
  exists?: (file: string) => boolean;
}): WorkflowCodeSource {
  const exists = options.exists ?? existsSync;
  const named = options.env[WORKFLOW_BUNDLE_ENV];
  if (named) {
    const codePath = path.resolve(named);
    if (!exists(codePath)) {
      throw new Error(`${WORKFLOW_BUNDLE_ENV}=${named}: no such file (a bundle written by npm run build)`);
    }
    return { kind: 'prebuilt', codePath };
  }
  const moduleFile = options.moduleFile ?? MODULE_FILE;
  if (moduleFile.endsWith('.js')) {
    const codePath = path.join(path.dirname(moduleFile), '..', PREBUILT_WORKFLOW_BUNDLE);
    if (exists(codePath)) return { kind: 'prebuilt', codePath };
  }
  return { kind: 'bundle-at-start' };
}

/**
 * Bundles the workflow code once (webpack; a few seconds). Tests bundle once per file and reuse the
 * bundle for every worker they start.
 */
export function bundleLifecycleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: [WORKFLOW_TRACING_INTERCEPTORS],
    logger: quietBundlerLogger,
  });
}

export interface LifecycleWorkerHandle {
  worker: Worker;
  connection: NativeConnection;
  config: TemporalConfig;
  /** Where the workflow code came from: `prebuilt <file>`, `bundled at start` or `given`. */
  workflowCode: string;
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
  /** The lifecycle's activities, and the GitHub integration's when it is configured. */
  activities: LifecycleActivities & Partial<GitHubActivities>;
  taskQueue?: string;
  config?: TemporalConfig;
  /** A prebuilt bundle (tests; `{ code }` or `{ codePath }`); otherwise see workflowCodeSource(). */
  workflowBundle?: WorkerOptions['workflowBundle'];
  env?: NodeJS.ProcessEnv;
  /** Identity shown in the Temporal UI; default the SDK's pid@host. */
  identity?: string;
  /** On shutdown, how long running activities may finish before they are cancelled (default 0). */
  shutdownGraceSeconds?: number;
  /** Traces on: workflow spans go to its processor, activities continue the workflow's trace. */
  tracing?: Tracing;
}): Promise<LifecycleWorkerHandle> {
  const config = params.config ?? loadTemporalConfig(params.env);
  const dataConverter = await loadDataConverter(params.env);
  const connection = await NativeConnection.connect(await temporalConnectionOptions(config));
  const source = params.workflowBundle ? undefined : workflowCodeSource({ env: params.env ?? process.env });
  const workflowBundle =
    params.workflowBundle ??
    (source?.kind === 'prebuilt' ? { codePath: source.codePath } : await bundleLifecycleWorkflows());
  const workflowCode = !source
    ? 'given'
    : source.kind === 'prebuilt'
      ? `prebuilt ${source.codePath}`
      : 'bundled at start';
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
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: {
      // The bundle's tracing interceptors always call this sink; without tracing it drops their spans.
      exporter: params.tracing
        ? makeWorkflowExporter(params.tracing.spanProcessor, params.tracing.resource)
        : { export: { fn: () => {} } },
    },
    ...(params.identity ? { identity: params.identity } : {}),
    ...(params.shutdownGraceSeconds ? { shutdownGraceTime: `${params.shutdownGraceSeconds}s` } : {}),
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    connection,
    config,
    workflowCode,
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
