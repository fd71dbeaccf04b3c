import type {
  ApplyRequest,
  CreateEnvironmentInput,
  DeleteSnapshotInput,
  EnvironmentStatus,
  SeedEnvironmentInput,
  ShareEnvironmentInput,
  SnapshotEnvironmentInput,
  SnapshotRecord,
  TeardownRequest,
} from '../workflows/contracts.js';
import type { PullRequestSignal } from '../workflows/pull-request-contracts.js';
import type {
  DiffReport,
  TrafficDiffInput,
  TrafficDiffProgress,
} from '../workflows/traffic-diff-contracts.js';

/** Where a sleep-mode request takes an environment: to zero replicas, or back to its planned ones. */
export type SleepMode = 'sleep' | 'wake';

/** How a background workflow the API started (seed, snapshot) stands. */
export type WorkflowOutcome<T> =
  | { state: 'running' }
  | { state: 'completed'; result: T }
  | { state: 'failed'; message: string }
  | { state: 'not-found' };

/**
 * The environment lifecycle operations the API needs. Workflows own the lifecycle; the API only
 * starts, signals and queries them. The production implementation is TemporalLifecycle; keeping this
 * one small interface lets the API's wiring (and its start-up without Temporal in tooling) stay simple.
 */
export interface EnvironmentLifecycle {
  /** Starts `env-<id>`, or finds it already running: safe to repeat. */
  createEnvironment(input: CreateEnvironmentInput): Promise<{ workflowId: string }>;
  /** The workflow's status query; null when the workflow does not exist. Rejects after `timeoutMs`. */
  getStatus(environmentId: string, timeoutMs: number): Promise<EnvironmentStatus | null>;
  extendTtl(environmentId: string, by: string): Promise<{ expiresAt: string }>;
  teardown(environmentId: string, request: TeardownRequest): Promise<void>;
  /**
   * Asks the environment's workflow to go to sleep (scale to zero) or wake up, and resolves once the
   * workflow has accepted the request, not when it is done (the status mirror follows the phase).
   * A workflow that does not exist gives a LifecycleRequestError of type `not-found`.
   */
  requestSleepMode(params: { environmentId: string; mode: SleepMode; requestedBy: string }): Promise<void>;
  /**
   * Asks the environment's workflow to apply a new blueprint in place; resolves once accepted. A refusal
   * (not ready, another apply running) is a LifecycleRequestError carrying the workflow's reason.
   */
  startApply(params: { environmentId: string; request: ApplyRequest; updateId: string }): Promise<void>;
  /** Starts a seed workflow without waiting for it. */
  startSeed(input: SeedEnvironmentInput, requestId: string): Promise<{ workflowId: string }>;
  /** Starts a snapshot workflow without waiting for it. */
  startSnapshot(input: SnapshotEnvironmentInput): Promise<{ workflowId: string }>;
  snapshotOutcome(snapshotId: string): Promise<WorkflowOutcome<SnapshotRecord>>;
  /** Starts the workflow that removes a snapshot's stored artifacts, without waiting for it. */
  startSnapshotDeletion(input: DeleteSnapshotInput): Promise<{ workflowId: string }>;
  /** Starts the share's expiry workflow (it revokes at expiry with a durable timer). */
  startShare(input: ShareEnvironmentInput): Promise<void>;
  revokeShare(shareId: string, by: string): Promise<void>;
  /**
   * Hands one pull-request event to its pull request's workflow (signal-with-start: started when it is
   * not running). Events of one pull request are handled in the order they arrive here.
   */
  signalPullRequest(signal: PullRequestSignal): Promise<{ workflowId: string }>;
  /** Starts a traffic diff run (workflows/traffic-diff.ts), without waiting for it. */
  startTrafficDiff(input: TrafficDiffInput): Promise<{ workflowId: string }>;
  /** A traffic diff run's state: its progress while it runs, its report once done. */
  trafficDiffOutcome(
    branchId: string,
    runId: string,
  ): Promise<WorkflowOutcome<DiffReport> & { progress?: TrafficDiffProgress }>;
  /** Throws when Temporal cannot be reached (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
