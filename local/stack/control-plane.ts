import path from 'node:path';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { LIFECYCLE_TASK_QUEUE } from '../../workflows/contracts.js';
import { ENV, REPO_ROOT, resolveStackConfig, type StackConfig, withPortOffset } from './config.js';
import { readStackEndpoints } from './endpoints.js';
import { StackError } from './errors.js';
import { withStackLock } from './lock.js';
import { realNodeDeployEnv } from './node/layout.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import { isRunning, stopDaemon } from './processes.js';
import { lineProgress, type Progress } from './progress.js';
import {
  type ControlPlane,
  type ProcessRecord,
  readStackState,
  type StackState,
  writeStackState,
} from './state.js';

/**
 * The MicroStax control plane on top of the local stack: `microstax worker` and `microstax api` as
 * detached daemons, recorded in the stack state (`controlPlane`) like the stack's own processes, so
 * `stack down` stops them and `stack status` shows them. `microstax demo` brings them up.
 */

export const CONTROL_PLANE_NAMES = ['worker', 'api'] as const;
export type ControlPlaneName = (typeof CONTROL_PLANE_NAMES)[number];

const CLI = path.join(REPO_ROOT, 'bin', 'microstax.js');
/** The worker bundles the workflow code at start: slow on a busy 2-core machine. */
const WORKER_START_TIMEOUT_MS = 240_000;
const API_START_TIMEOUT_MS = 120_000;

/** The API's port: MICROSTAX_API_PORT, else the stack's (shifted by its recorded port offset). */
export function controlPlaneApiUrl(config: StackConfig, env: NodeJS.ProcessEnv = process.env): string {
  const port = Number(env[ENV.apiPort]) || config.ports.api;
  return `http://127.0.0.1:${port}`;
}

/** Resolves when the API answers `/readyz` with 200 (Postgres and Temporal reachable); throws why not. */
export async function checkApiReady(apiUrl: string): Promise<void> {
  const { status, body } = await httpGet(`${apiUrl}/readyz`, { timeoutMs: 3000 });
  if (status !== 200) throw new Error(`${apiUrl}/readyz answered ${status}: ${body.slice(0, 300)}`);
}

/** Resolves when some worker polls the lifecycle task queue (workflow tasks); throws otherwise. */
export async function checkWorkerPolling(options: { address: string; namespace: string }): Promise<void> {
  const connection = await Connection.connect({ address: options.address, connectTimeout: 5000 });
  try {
    const answer = await connection.workflowService.describeTaskQueue({
      namespace: options.namespace,
      taskQueue: { name: LIFECYCLE_TASK_QUEUE },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    if ((answer.pollers ?? []).length === 0) {
      throw new Error(`no worker polls task queue ${LIFECYCLE_TASK_QUEUE} yet`);
    }
  } finally {
    await connection.close();
  }
}

/** Whether each recorded control-plane process runs and the API is ready; `problem` says what is not. */
export async function controlPlaneHealth(
  controlPlane: ControlPlane | undefined,
): Promise<{ healthy: boolean; problem: string | null }> {
  if (!controlPlane) return { healthy: false, problem: 'not started (`microstax demo` starts it)' };
  for (const name of CONTROL_PLANE_NAMES) {
    const record = controlPlane.processes.find((candidate) => candidate.name === name);
    if (!record) return { healthy: false, problem: `${name} is not recorded` };
    if (!(await isRunning(record))) {
      return { healthy: false, problem: `${name} (pid ${record.pid}) is not running` };
    }
  }
  try {
    await checkApiReady(controlPlane.apiUrl);
  } catch (error) {
    return { healthy: false, problem: error instanceof Error ? error.message : String(error) };
  }
  return { healthy: true, problem: null };
}

export interface EnsureControlPlaneOptions {
  config?: StackConfig;
  progress?: Progress;
}

export interface EnsureControlPlaneResult {
  apiUrl: string;
  /** Which daemons were (re)started now; empty when both already ran healthy. */
  started: ControlPlaneName[];
  processes: ProcessRecord[];
}

/** The stack's config with the ports it was recorded with (MICROSTAX_STACK_PORT_OFFSET wins). */
function withRecordedPorts(config: StackConfig, state: StackState | undefined): StackConfig {
  return config.portOffsetFromEnv || !state ? config : withPortOffset(config, state.portOffset);
}

const passes = (check: () => Promise<void>) =>
  check().then(
    () => true,
    () => false,
  );

/**
 * Starts the worker and the API unless they already run healthy (idempotent). Each process is
 * recorded in the state file the moment it starts, under the stack's lock, so `stack down` stops it
 * even when its health check fails. Throws a StackError of type `part-failed` naming the daemon and
 * its log file.
 */
export async function ensureControlPlane(
  options: EnsureControlPlaneOptions = {},
): Promise<EnsureControlPlaneResult> {
  const requested = options.config ?? resolveStackConfig();
  const progress = options.progress ?? lineProgress();
  return withStackLock(requested, async () => {
    const config = withRecordedPorts(requested, await readStackState(requested.stateFile));
    const endpoints = await readStackEndpoints({ ...process.env, [ENV.stateDir]: config.stateDir });
    const apiUrl = controlPlaneApiUrl(config);
    const port = Number(new URL(apiUrl).port);
    const temporalTarget = { address: endpoints.temporal.address, namespace: endpoints.temporal.namespace };
    const stackState = await readStackState(config.stateFile);
    const recorded = stackState?.controlPlane;
    // The demo's API and worker send their traces to the stack's Jaeger unless told otherwise.
    const tracing = stackState?.parts.tracing;
    const tracingEnv =
      tracing && !process.env.OTEL_EXPORTER_OTLP_ENDPOINT
        ? { OTEL_EXPORTER_OTLP_ENDPOINT: tracing.otlpEndpoint }
        : {};
    const kept: ProcessRecord[] = [];
    const started: ControlPlaneName[] = [];
    const save = async (processes: ProcessRecord[]) => {
      // Re-read: `stack up` may have rewritten the parts while we waited for the lock.
      const state = await readStackState(config.stateFile);
      if (!state) throw new StackError('stack-not-up', `no state file at ${config.stateFile}`);
      state.controlPlane = { apiUrl, processes };
      state.updatedAt = new Date().toISOString();
      await writeStackState(config.stateFile, state);
    };

    for (const name of CONTROL_PLANE_NAMES) {
      const previous = recorded?.processes.find((record) => record.name === name);
      const alive = previous ? await isRunning(previous) : false;
      const healthy =
        alive &&
        (name === 'worker'
          ? await passes(() => checkWorkerPolling(temporalTarget))
          : recorded?.apiUrl === apiUrl && (await passes(() => checkApiReady(apiUrl))));
      if (previous && healthy) {
        kept.push(previous);
        continue;
      }
      if (previous && alive) await stopDaemon(previous);
      progress.step(name === 'worker' ? 'MicroStax worker' : `MicroStax API (${apiUrl})`);
      const { record } = await startHealthy({
        daemon: {
          name,
          binary: process.execPath,
          args: name === 'worker' ? [CLI, 'worker'] : [CLI, 'api', '--port', String(port)],
          logsDir: config.logsDir,
          cwd: REPO_ROOT,
          // With a real node, environments go there and their URLs name the gateway's port.
          env: {
            ...process.env,
            [ENV.stateDir]: config.stateDir,
            ...(endpoints.realNode && realNodeDeployEnv(endpoints.realNode)),
            ...tracingEnv,
          },
        },
        ports: name === 'api' ? [port] : [],
        healthCheck: () => (name === 'worker' ? checkWorkerPolling(temporalTarget) : checkApiReady(apiUrl)),
        timeoutMs: name === 'worker' ? WORKER_START_TIMEOUT_MS : API_START_TIMEOUT_MS,
        fix: 'read the log, fix the cause, then run `node bin/microstax.js demo` again',
        onStarted: (record) => save([...kept, record]),
      });
      kept.push(record);
      started.push(name);
      await save(kept);
    }
    return { apiUrl, started, processes: kept };
  });
}

/** Stops the recorded worker and API (only those) and forgets them; returns the ones that were running. */
export async function stopControlPlane(options: { config?: StackConfig } = {}): Promise<ProcessRecord[]> {
  const config = options.config ?? resolveStackConfig();
  return withStackLock(config, async () => {
    const state = await readStackState(config.stateFile);
    if (!state?.controlPlane) return [];
    const stopped: ProcessRecord[] = [];
    for (const record of state.controlPlane.processes) {
      if (await stopDaemon(record)) stopped.push(record);
    }
    const latest = await readStackState(config.stateFile);
    if (latest) {
      delete latest.controlPlane;
      latest.updatedAt = new Date().toISOString();
      await writeStackState(config.stateFile, latest);
    }
    return stopped;
  });
}
