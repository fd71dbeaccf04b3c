import { setMaxListeners } from 'node:events';
import { WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { createTemporalClient, type TemporalClientHandle } from '../temporal/client.js';
import { LifecycleClient } from '../temporal/lifecycle-client.js';
import { withTimeout } from '../temporal/timeouts.js';
import {
  LIFECYCLE_TASK_QUEUE,
  type SnapshotRecord,
  WorkflowType,
  workflowIds,
} from '../workflows/contracts.js';
import {
  type DiffReport,
  TRAFFIC_DIFF_WORKFLOW_TYPE,
  trafficDiffProgressQuery,
  trafficDiffWorkflowId,
} from '../workflows/traffic-diff-contracts.js';
import type { EnvironmentLifecycle, WorkflowOutcome } from './lifecycle.js';

/** The lifecycle over Temporal, through the workflow engineer's LifecycleClient where it fits. */
export class TemporalLifecycle implements EnvironmentLifecycle {
  private readonly lifecycle: LifecycleClient;

  private constructor(
    private readonly handle: TemporalClientHandle,
    private readonly taskQueue: string,
    private readonly updateTimeoutMs: number,
  ) {
    this.lifecycle = new LifecycleClient(handle.client, taskQueue);
    // Every call in flight listens to it: many at once are normal, not a leak.
    setMaxListeners(0, this.closing.signal);
  }

  /**
   * Connects (TEMPORAL_ADDRESS or the local stack) with the payload codec installed. Updates (extend
   * TTL) wait for a worker to answer: `updateTimeoutMs` bounds how long a request waits for one.
   */
  static async connect(
    opts: { env?: NodeJS.ProcessEnv; taskQueue?: string; updateTimeoutMs?: number } = {},
  ): Promise<TemporalLifecycle> {
    const handle = await createTemporalClient({ env: opts.env });
    return new TemporalLifecycle(
      handle,
      opts.taskQueue ?? LIFECYCLE_TASK_QUEUE,
      opts.updateTimeoutMs ?? 10_000,
    );
  }

  createEnvironment: EnvironmentLifecycle['createEnvironment'] = (input) =>
    this.guarded(() => this.lifecycle.createEnvironment(input));

  /**
   * Runs a call to Temporal within a time limit, and stops it at the limit: a call to a workflow no
   * worker serves would otherwise keep retrying in the background after the request has answered
   * (and throw from a timer once the connection is closed).
   */
  private async bounded<T>(call: () => Promise<T>, limit: { ms: number; what: string }): Promise<T> {
    this.refuseWhenClosed();
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, this.closing.signal]);
    try {
      return await withTimeout(this.handle.client.withAbortSignal(signal, call), limit);
    } finally {
      controller.abort();
    }
  }

  /** Aborted at close: a call still retrying then stops instead of throwing from a timer on a closed connection. */
  private readonly closing = new AbortController();

  private async guarded<T>(call: () => Promise<T>): Promise<T> {
    this.refuseWhenClosed();
    return this.handle.client.withAbortSignal(this.closing.signal, call);
  }

  /** A closed lifecycle takes no calls (its connection is closed a while later). */
  private refuseWhenClosed(): void {
    if (this.closing.signal.aborted) throw new Error('the Temporal connection is closed');
  }

  getStatus: EnvironmentLifecycle['getStatus'] = (environmentId, timeoutMs) =>
    this.bounded(() => this.lifecycle.getStatus(environmentId), { ms: timeoutMs, what: 'status query' });

  extendTtl: EnvironmentLifecycle['extendTtl'] = (environmentId, by) =>
    this.bounded(() => this.lifecycle.extendTtl(environmentId, by), {
      ms: this.updateTimeoutMs,
      what: 'extend TTL update',
    });

  teardown: EnvironmentLifecycle['teardown'] = async (environmentId, request) => {
    await this.guarded(() => this.lifecycle.teardown(environmentId, request));
  };

  // Accepted is enough: scaling takes seconds to minutes, and the workflow answers a repeat at once. A
  // refusal by the workflow's validator arrives as a LifecycleRequestError (the route's 409).
  requestSleepMode: EnvironmentLifecycle['requestSleepMode'] = (request) =>
    this.bounded(() => this.lifecycle.requestSleepMode(request), {
      ms: this.updateTimeoutMs,
      what: `${request.mode} update`,
    });

  startApply: EnvironmentLifecycle['startApply'] = (params) =>
    this.bounded(() => this.lifecycle.startApply(params), {
      ms: this.updateTimeoutMs,
      what: 'apply update',
    });

  /** Starts a workflow by its id, or finds the one already started with it: a retried request starts nothing twice. */
  private startOnce(
    workflowType: string,
    workflowId: string,
    input: unknown,
  ): Promise<{ workflowId: string }> {
    return this.guarded(async () => {
      await this.handle.client.workflow.start(workflowType, {
        taskQueue: this.taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
      return { workflowId };
    });
  }

  startSeed: EnvironmentLifecycle['startSeed'] = async (input, requestId) =>
    this.startOnce(WorkflowType.seed, workflowIds.seed(input.environmentId, requestId), input);

  startSnapshot: EnvironmentLifecycle['startSnapshot'] = async (input) =>
    this.startOnce(WorkflowType.snapshot, workflowIds.snapshot(input.snapshotId), input);

  startSnapshotDeletion: EnvironmentLifecycle['startSnapshotDeletion'] = async (input) =>
    this.startOnce(WorkflowType.deleteSnapshot, workflowIds.deleteSnapshot(input.snapshotId), input);

  startTrafficDiff: EnvironmentLifecycle['startTrafficDiff'] = async (input) =>
    this.startOnce(TRAFFIC_DIFF_WORKFLOW_TYPE, trafficDiffWorkflowId(input.branchId, input.runId), input);

  trafficDiffOutcome: EnvironmentLifecycle['trafficDiffOutcome'] = async (branchId, runId) => {
    const handle = this.handle.client.workflow.getHandle(trafficDiffWorkflowId(branchId, runId));
    try {
      const description = await this.guarded(() => handle.describe());
      if (description.status.name === 'RUNNING') {
        const progress = await this.bounded(() => handle.query(trafficDiffProgressQuery), {
          ms: this.updateTimeoutMs,
          what: 'diff progress query',
        }).catch(() => undefined);
        return { state: 'running', ...(progress && { progress }) };
      }
      if (description.status.name !== 'COMPLETED') {
        return { state: 'failed', message: `diff workflow ${description.status.name.toLowerCase()}` };
      }
      const report = (await this.guarded(() => handle.result())) as DiffReport;
      const total = report.compared + report.failed + report.skipped + (report.writesToBranch ?? 0);
      return {
        state: 'completed',
        result: report,
        progress: {
          state: 'done',
          total,
          done: total,
        },
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { state: 'not-found' };
      throw error;
    }
  };

  snapshotOutcome = async (snapshotId: string): Promise<WorkflowOutcome<SnapshotRecord>> => {
    const handle = this.handle.client.workflow.getHandle(workflowIds.snapshot(snapshotId));
    try {
      const description = await this.guarded(() => handle.describe());
      if (description.status.name === 'RUNNING') return { state: 'running' };
      if (description.status.name !== 'COMPLETED') {
        return { state: 'failed', message: `snapshot workflow ${description.status.name.toLowerCase()}` };
      }
      return { state: 'completed', result: (await this.guarded(() => handle.result())) as SnapshotRecord };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { state: 'not-found' };
      throw error;
    }
  };

  startShare: EnvironmentLifecycle['startShare'] = async (input) => {
    await this.guarded(() => this.lifecycle.share(input));
  };

  revokeShare: EnvironmentLifecycle['revokeShare'] = async (shareId, by) => {
    try {
      await this.guarded(() => this.lifecycle.revokeShare(shareId, by));
    } catch (error) {
      // The share's workflow already ended (expired): the database revocation is what counts.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  };

  signalPullRequest: EnvironmentLifecycle['signalPullRequest'] = (signal) =>
    this.guarded(() => this.lifecycle.signalPullRequest(signal));

  ping: EnvironmentLifecycle['ping'] = async () => {
    await this.bounded(() => this.handle.connection.workflowService.getSystemInfo({}), {
      ms: 2_000,
      what: 'Temporal ping',
    });
  };

  /**
   * Aborts every call and refuses new ones; the connection itself closes once a pending gRPC retry
   * can no longer fire (temporal/client.ts).
   */
  close: EnvironmentLifecycle['close'] = async () => {
    this.closing.abort();
    await this.handle.close();
  };
}
