import {
  type Client,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import {
  type ApplyRequest,
  applyUpdate,
  type CreateEnvironmentInput,
  type DeleteSnapshotInput,
  type EnvironmentStatus,
  extendTtlUpdate,
  LIFECYCLE_TASK_QUEUE,
  markActivitySignal,
  revokeShareSignal,
  type SeedEnvironmentInput,
  type SeedEnvironmentResult,
  type ShareEnvironmentInput,
  type ShareStatus,
  type SnapshotEnvironmentInput,
  type SnapshotRecord,
  shareStatusQuery,
  sleepUpdate,
  statusQuery,
  type TeardownRequest,
  teardownSignal,
  WorkflowType,
  waitReadyUpdate,
  wakeUpdate,
  workflowIds,
} from '../workflows/contracts.js';
import {
  PULL_REQUEST_WORKFLOW_TYPE,
  type PullRequestSignal,
  pullRequestEventSignal,
  pullRequestWorkflowId,
} from '../workflows/pull-request-contracts.js';
import { initialSearchAttributes } from '../workflows/search-attribute-values.js';
import { LifecycleRequestError } from './errors.js';

/**
 * The lifecycle operations the API and CLI need, over a Temporal client (build it with
 * createTemporalClient so payloads are encrypted). Every start is idempotent by workflow id: a repeated
 * request reaches the same workflow.
 */
export class LifecycleClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string = LIFECYCLE_TASK_QUEUE,
  ) {}

  /**
   * Starts the environment's workflow, or finds the one already running for this id (same idempotency
   * key, same environment). Returns the workflow id and the run id of the (first) execution.
   */
  async createEnvironment(input: CreateEnvironmentInput): Promise<{ workflowId: string; runId: string }> {
    const workflowId = workflowIds.environment(input.environmentId);
    const handle = await this.client.workflow.start(WorkflowType.environment, {
      taskQueue: this.taskQueue,
      workflowId,
      args: [{ ...input, requestedAt: input.requestedAt ?? requestTime() }],
      // A running workflow with this id is the same environment; a closed one means the id is spent.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: initialSearchAttributes(input),
    });
    return { workflowId, runId: handle.firstExecutionRunId };
  }

  /** Signals a pull request's workflow with one event, starting the workflow when it is not running. */
  async signalPullRequest(signal: PullRequestSignal): Promise<{ workflowId: string }> {
    const { repository, number } = signal.event;
    const workflowId = pullRequestWorkflowId(repository, number);
    await this.client.workflow.signalWithStart(PULL_REQUEST_WORKFLOW_TYPE, {
      taskQueue: this.taskQueue,
      workflowId,
      args: [{ repository, number }],
      signal: pullRequestEventSignal,
      signalArgs: [signal],
    });
    return { workflowId };
  }

  /** The environment's status, or null when no workflow exists for it. */
  async getStatus(environmentId: string): Promise<EnvironmentStatus | null> {
    try {
      return await this.client.workflow.getHandle(workflowIds.environment(environmentId)).query(statusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /**
   * Waits until the environment is ready (or failed/deleted) and returns its status. A worker busy with
   * many workflows at once can make the update's RPC time out before the workflow takes it, or leave a
   * timed-out workflow task being retried (the server then refuses updates for a moment); either way it
   * asks again. waitReady changes nothing, so asking twice is harmless.
   */
  async waitReady(environmentId: string): Promise<EnvironmentStatus> {
    const handle = this.client.workflow.getHandle(workflowIds.environment(environmentId));
    for (let attempt = 1; ; attempt++) {
      try {
        return await explainRefusal(environmentId, () => handle.executeUpdate(waitReadyUpdate));
      } catch (error) {
        if (!isPassingUpdateRefusal(error) || attempt >= WAIT_READY_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /**
   * Extends the TTL by a duration such as "2h"; returns the new expiry. A bad duration, or an environment
   * that is being torn down, gives a LifecycleRequestError of type `invalid-request`.
   */
  async extendTtl(environmentId: string, by: string): Promise<{ expiresAt: string }> {
    return explainRefusal(environmentId, () =>
      this.client.workflow
        .getHandle(workflowIds.environment(environmentId))
        .executeUpdate(extendTtlUpdate, { args: [{ by }] }),
    );
  }

  /**
   * Puts a ready environment to sleep (workloads at zero; volumes, Secrets, Services kept) and resolves
   * with its status once asleep. An environment that is not ready gives a LifecycleRequestError.
   */
  async sleep(environmentId: string, requestedBy?: string): Promise<EnvironmentStatus> {
    return explainRefusal(environmentId, () =>
      this.client.workflow
        .getHandle(workflowIds.environment(environmentId))
        .executeUpdate(sleepUpdate, { args: [{ requestedBy, reason: 'requested' }] }),
    );
  }

  /** Wakes a sleeping environment and resolves with its status once every service is ready again. */
  async wake(environmentId: string, requestedBy?: string): Promise<EnvironmentStatus> {
    return explainRefusal(environmentId, () =>
      this.client.workflow
        .getHandle(workflowIds.environment(environmentId))
        .executeUpdate(wakeUpdate, { args: [{ requestedBy, requestedAt: requestTime() }] }),
    );
  }

  /**
   * Asks for sleep or wake and resolves once the workflow has accepted the request (scaling takes
   * seconds to minutes; the phase follows). A refusal gives a LifecycleRequestError with its reason.
   */
  async requestSleepMode(params: {
    environmentId: string;
    mode: 'sleep' | 'wake';
    requestedBy?: string;
  }): Promise<void> {
    const { environmentId, mode, requestedBy } = params;
    await explainRefusal(environmentId, async () => {
      const update = await this.client.workflow
        .getHandle(workflowIds.environment(environmentId))
        .startUpdate(mode === 'sleep' ? sleepUpdate : wakeUpdate, {
          args: [
            mode === 'sleep'
              ? { requestedBy, reason: 'requested' }
              : { requestedBy, requestedAt: requestTime() },
          ],
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        });
      // The validator's refusal comes back with the start, as the update's outcome: reading the result
      // for a moment throws it at once, while an accepted update's outcome is not known yet (its poll
      // is stopped rather than left to wait for the scale).
      const poll = new AbortController();
      try {
        await Promise.race([
          this.client.withAbortSignal(poll.signal, () => update.result()),
          new Promise((resolve) => setTimeout(resolve, REFUSAL_WINDOW_MS)),
        ]);
      } finally {
        poll.abort();
      }
    });
  }

  /**
   * Asks the environment's workflow to apply a new blueprint in place and resolves once it has accepted
   * (the phase goes `applying`, then `ready`). A refusal (not ready, another apply running, another
   * blueprint) gives a LifecycleRequestError with the workflow's reason; no workflow gives `not-found`.
   * `updateId` makes a retried request reach the same update instead of applying twice.
   */
  async startApply(params: {
    environmentId: string;
    request: ApplyRequest;
    updateId: string;
  }): Promise<void> {
    const { environmentId, request, updateId } = params;
    await explainRefusal(environmentId, async () => {
      const update = await this.client.workflow
        .getHandle(workflowIds.environment(environmentId))
        .startUpdate(applyUpdate, {
          args: [{ ...request, requestedAt: request.requestedAt ?? requestTime() }],
          updateId,
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        });
      // As in requestSleepMode: a validator's refusal is already in the outcome; an accepted one is not.
      const poll = new AbortController();
      try {
        await Promise.race([
          this.client.withAbortSignal(poll.signal, () => update.result()),
          new Promise((resolve) => setTimeout(resolve, REFUSAL_WINDOW_MS)),
        ]);
      } finally {
        poll.abort();
      }
    });
  }

  /** Applies a new blueprint in place and resolves with the status once every service is ready again. */
  async apply(environmentId: string, request: ApplyRequest): Promise<EnvironmentStatus> {
    return explainRefusal(environmentId, () =>
      this.client.workflow.getHandle(workflowIds.environment(environmentId)).executeUpdate(applyUpdate, {
        args: [{ ...request, requestedAt: request.requestedAt ?? requestTime() }],
      }),
    );
  }

  /** Records user activity so the environment does not idle out. */
  async markActivity(environmentId: string, by?: string): Promise<void> {
    await this.client.workflow
      .getHandle(workflowIds.environment(environmentId))
      .signal(markActivitySignal, { at: new Date().toISOString(), by });
  }

  /**
   * Tears the environment down: signals its workflow (which cancels a create in flight and compensates);
   * when that workflow is gone (half-created, or crashed out of band), starts `teardown-<id>` instead.
   */
  async teardown(
    environmentId: string,
    request: TeardownRequest,
  ): Promise<{ via: 'environment' | 'teardown' }> {
    const handle = this.client.workflow.getHandle(workflowIds.environment(environmentId));
    try {
      const description = await handle.describe();
      if (description.status.name === 'RUNNING') {
        await handle.signal(teardownSignal, request);
        return { via: 'environment' };
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    await this.client.workflow.start(WorkflowType.teardown, {
      taskQueue: this.taskQueue,
      workflowId: workflowIds.teardown(environmentId),
      args: [{ environmentId, reason: request.reason, requestedBy: request.requestedBy }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    return { via: 'teardown' };
  }

  /**
   * Runs (or re-runs) a service's init steps, or loads a snapshot into it; resolves when done. `requestId`
   * is the request's idempotency key: the same one again returns the first run's result (running or done)
   * instead of seeding twice; only after a failed run does it start anew.
   */
  async seed(input: SeedEnvironmentInput, requestId: string): Promise<SeedEnvironmentResult> {
    const workflowId = workflowIds.seed(input.environmentId, requestId);
    try {
      return await this.client.workflow.execute(WorkflowType.seed, {
        taskQueue: this.taskQueue,
        workflowId,
        args: [{ ...input, requestedAt: input.requestedAt ?? requestTime() }],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return this.client.workflow.getHandle(workflowId).result();
    }
  }

  /** Captures the environment's data services; resolves with the stored snapshot's record. */
  async snapshot(input: SnapshotEnvironmentInput): Promise<SnapshotRecord> {
    return this.client.workflow.execute(WorkflowType.snapshot, {
      taskQueue: this.taskQueue,
      workflowId: workflowIds.snapshot(input.snapshotId),
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  }

  /** Removes a snapshot's stored artifacts; resolves when they are gone. */
  async deleteSnapshot(input: DeleteSnapshotInput): Promise<void> {
    await this.client.workflow.execute(WorkflowType.deleteSnapshot, {
      taskQueue: this.taskQueue,
      workflowId: workflowIds.deleteSnapshot(input.snapshotId),
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  }

  /** Starts an expiring share; the workflow revokes it at expiry (a durable timer) or on revoke. */
  async share(input: ShareEnvironmentInput): Promise<{ workflowId: string }> {
    const workflowId = workflowIds.share(input.shareId);
    await this.client.workflow.start(WorkflowType.share, {
      taskQueue: this.taskQueue,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    return { workflowId };
  }

  async shareStatus(shareId: string): Promise<ShareStatus> {
    return this.client.workflow.getHandle(workflowIds.share(shareId)).query(shareStatusQuery);
  }

  async revokeShare(shareId: string, by?: string): Promise<void> {
    await this.client.workflow.getHandle(workflowIds.share(shareId)).signal(revokeShareSignal, { by });
  }
}

/** How long requestSleepMode reads an accepted update's result: a refusal is already there. */
const REFUSAL_WINDOW_MS = 200;

/** How often waitReady asks again after its update RPC timed out (each try waits about a minute). */
const WAIT_READY_ATTEMPTS = 10;

/** An update refused for a reason that passes by itself: its RPC timed out, or a workflow task is being retried. */
export function isPassingUpdateRefusal(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const cause =
    error instanceof ServiceError ? (error.cause as { code?: number; message?: string }) : undefined;
  // 9 = FAILED_PRECONDITION: "Unable to perform workflow execution update due to Workflow Task in failed state".
  return cause?.code === 9 && /Workflow Task in failed state/i.test(cause.message ?? '');
}

/** Turns an update's refusal into a LifecycleRequestError carrying the workflow's own reason. */
/** When a request is made: an operation's phase breakdown starts here (the caller's clock). */
function requestTime(): string {
  return new Date().toISOString();
}

async function explainRefusal<T>(environmentId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw new LifecycleRequestError({ type: 'not-found', message: `no environment ${environmentId}` });
    }
    if (error instanceof WorkflowUpdateFailedError) {
      throw new LifecycleRequestError({
        type: 'invalid-request',
        message: error.cause?.message ?? error.message,
      });
    }
    throw error;
  }
}
