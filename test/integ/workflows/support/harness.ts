import { randomUUID } from 'node:crypto';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../../../activities/create-activities.js';
import type {
  EnvironmentPlanner,
  EnvironmentRuntime,
  LifecycleDependencies,
} from '../../../../activities/ports.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../../temporal/client.js';
import { LifecycleClient } from '../../../../temporal/lifecycle-client.js';
import {
  bundleLifecycleWorkflows,
  createLifecycleWorker,
  type LifecycleWorkerHandle,
} from '../../../../temporal/worker.js';

/**
 * Shared set-up of the workflow integration tests: one workflow bundle per test file, one client, and a
 * worker per test on a task queue named after the test. Everything runs on the real Temporal server of
 * the local stack (readStackEndpoints, or TEMPORAL_ADDRESS); nothing is skipped when it is missing.
 */
export class WorkflowTestHarness {
  private bundle?: WorkflowBundleWithSourceMap;
  temporal!: TemporalClientHandle;
  private readonly workers: LifecycleWorkerHandle[] = [];

  async setUp(): Promise<void> {
    this.temporal = await createTemporalClient();
    this.bundle = await bundleLifecycleWorkflows();
  }

  async tearDown(): Promise<void> {
    await this.stopWorkers();
    await this.temporal?.close();
  }

  /** Starts a worker for one test; returns a LifecycleClient on the same task queue. */
  async startWorker(params: {
    testName: string;
    runtime: EnvironmentRuntime;
    planner?: EnvironmentPlanner;
    extra?: Partial<LifecycleDependencies>;
  }): Promise<{ lifecycle: LifecycleClient; taskQueue: string; worker: LifecycleWorkerHandle }> {
    const taskQueue = `${params.testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${randomUUID().slice(0, 8)}`;
    const worker = await createLifecycleWorker({
      taskQueue,
      workflowBundle: this.bundle,
      config: this.temporal.config,
      activities: createActivities({
        runtime: params.runtime,
        planner: params.planner ?? { plan: async () => ({}) },
        temporal: this.temporal.client,
        heartbeatEveryMs: 500,
        ...params.extra,
      }),
    });
    void worker.run();
    this.workers.push(worker);
    return { lifecycle: new LifecycleClient(this.temporal.client, taskQueue), taskQueue, worker };
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.shutdown()));
  }
}

/** A fresh environment id (a DNS label). */
export function newEnvironmentId(prefix = 'wf'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}
