import { randomUUID } from 'node:crypto';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../../../activities/create-activities.js';
import type {
  EnvironmentPlanner,
  EnvironmentRuntime,
  LifecycleDependencies,
} from '../../../../activities/ports.js';
import type { KubeClient } from '../../../../deploy/index.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../../temporal/client.js';
import { LifecycleClient } from '../../../../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../../../../temporal/runtime-log.js';
import {
  bundleLifecycleWorkflows,
  createLifecycleWorker,
  type LifecycleWorkerHandle,
} from '../../../../temporal/worker.js';
import { teardownSignal, WorkflowType } from '../../../../workflows/contracts.js';
import { stackEnv } from '../../../support/stack-env.js';
import { stackKube } from '../../deploy/helpers.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../store/test-database.js';
import { clusterRuntime } from './cluster.js';

/**
 * Shared set-up of the workflow integration tests: one workflow bundle per test file, one client, a
 * client of the stack's cluster, and a worker per test on a task queue named after the test. Everything
 * runs on the real Temporal server and the real Kubernetes API of the local stack (readStackEndpoints,
 * or TEMPORAL_ADDRESS); nothing is skipped when a part is missing.
 */
export class WorkflowTestHarness {
  private bundle?: WorkflowBundleWithSourceMap;
  temporal!: TemporalClientHandle;
  kube!: KubeClient;
  private database?: MigratedDatabase;
  private readonly workers: LifecycleWorkerHandle[] = [];
  private readonly taskQueues: string[] = [];

  /** `database`: a fresh migrated database of that label for this file's tests (see `pool`). */
  constructor(private readonly options: { database?: string } = {}) {}

  async setUp(): Promise<void> {
    // The SDK logs every worker start and stop at INFO; keep warnings and errors only.
    installTemporalRuntimeLogger();
    [this.temporal, this.kube, this.bundle, this.database] = await Promise.all([
      createTemporalClient({ env: await stackEnv() }),
      stackKube(),
      bundleLifecycleWorkflows(),
      this.options.database ? createMigratedDatabase(this.options.database) : undefined,
    ]);
  }

  /** The pool on the fresh database asked for in the constructor. */
  get pool(): MigratedDatabase['pool'] {
    if (!this.database) throw new Error('this harness has no database: pass { database } to its constructor');
    return this.database.pool;
  }

  async tearDown(): Promise<void> {
    await this.stopWorkers();
    await this.temporal?.close();
    await this.database?.close();
  }

  /** Starts a worker for one test; returns a LifecycleClient on the same task queue. Runtime: KubeRuntime on the cluster. */
  async startWorker(params: {
    testName: string;
    runtime?: EnvironmentRuntime;
    planner?: EnvironmentPlanner;
    extra?: Partial<LifecycleDependencies>;
  }): Promise<{ lifecycle: LifecycleClient; taskQueue: string; worker: LifecycleWorkerHandle }> {
    const taskQueue = `${params.testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${randomUUID().slice(0, 8)}`;
    const worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      workflowBundle: this.bundle,
      config: this.temporal.config,
      activities: createActivities({
        runtime: params.runtime ?? clusterRuntime(this.kube),
        planner: params.planner ?? { plan: async () => ({}) },
        temporal: this.temporal.client,
        heartbeatEveryMs: 500,
        ...params.extra,
      }),
    });
    void worker.run();
    this.workers.push(worker);
    this.taskQueues.push(taskQueue);
    return { lifecycle: new LifecycleClient(this.temporal.client, taskQueue), taskQueue, worker };
  }

  /**
   * Tears down every environment a test left running (a failed assertion skips its own teardown), while
   * its worker still runs, then stops the workers: nothing of a test stays on the cluster.
   */
  async stopWorkers(): Promise<void> {
    const queues = this.taskQueues.splice(0);
    const leftovers: string[] = [];
    for (const queue of queues) {
      const query = `WorkflowType = '${WorkflowType.environment}' AND ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`;
      for await (const execution of this.temporal.client.workflow.list({ query })) {
        leftovers.push(execution.workflowId);
      }
    }
    await Promise.all(
      leftovers.map(async (workflowId) => {
        const handle = this.temporal.client.workflow.getHandle(workflowId);
        await handle
          .signal(teardownSignal, { reason: 'requested', requestedBy: 'test-cleanup' })
          .catch(() => {});
        await Promise.race([handle.result().catch(() => {}), new Promise((r) => setTimeout(r, 60_000))]);
      }),
    );
    await Promise.all(this.workers.splice(0).map((w) => w.shutdown()));
  }
}

/** A fresh environment id (a DNS label). */
export function newEnvironmentId(prefix = 'wf'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}

/**
 * How often a workflow ran an activity type, from its history: `scheduled` steps and `attempts` (the
 * highest attempt number a start recorded; a start is recorded once the attempt ends). "Deployed once"
 * is one scheduled deploy that completed on its first attempt.
 */
export async function activityRuns(
  client: TemporalClientHandle['client'],
  workflowId: string,
  activityType: string,
): Promise<{ scheduled: number; completed: number; attempts: number }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const ids = new Set<string>();
  for (const event of events) {
    if (event.activityTaskScheduledEventAttributes?.activityType?.name === activityType) {
      ids.add(String(event.eventId));
    }
  }
  let completed = 0;
  let attempts = 0;
  for (const event of events) {
    const started = event.activityTaskStartedEventAttributes;
    if (started && ids.has(String(started.scheduledEventId)))
      attempts = Math.max(attempts, started.attempt ?? 1);
    const done = event.activityTaskCompletedEventAttributes;
    if (done && ids.has(String(done.scheduledEventId))) completed++;
  }
  return { scheduled: ids.size, completed, attempts };
}
