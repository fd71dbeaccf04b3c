import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { PhaseTimings } from '../deploy/phases.js';
import type { BranchPlan, PlacementPlan, ServiceAction } from '../planner/types.js';
import type { IdleAction } from './idle-actions.js';

/**
 * The contract between the lifecycle workflows and everything that starts or inspects them (the API,
 * the CLI, schedules). Workflow code, the worker and the client all import from here, so a name is
 * spelled in one place only. Safe to import outside the workflow sandbox: it only defines names.
 */

/** The task queue the lifecycle worker polls. */
export const LIFECYCLE_TASK_QUEUE = 'microstax-lifecycle';

/** Workflow type names, as registered by the worker (the exported function names in workflows/index.ts). */
export const WorkflowType = {
  environment: 'createEnvironment',
  teardown: 'teardownEnvironment',
  seed: 'seedEnvironment',
  snapshot: 'snapshotEnvironment',
  deleteSnapshot: 'deleteSnapshot',
  share: 'shareEnvironment',
  idleSweep: 'idleSweep',
  prewarmPool: 'prewarmPool',
  orphanSweep: 'orphanSweep',
} as const;

/**
 * Workflow ids carry meaning, so a duplicate request finds the running workflow instead of starting a
 * second one. `env-<id>` is the environment's own long-lived workflow: it creates the environment,
 * keeps it (TTL, activity, extensions) and tears it down.
 */
export const workflowIds = {
  environment: (environmentId: string) => `env-${environmentId}`,
  teardown: (environmentId: string) => `teardown-${environmentId}`,
  seed: (environmentId: string, requestId: string) => `seed-${environmentId}-${requestId}`,
  snapshot: (snapshotId: string) => `snapshot-${snapshotId}`,
  deleteSnapshot: (snapshotId: string) => `snapshot-delete-${snapshotId}`,
  share: (shareId: string) => `share-${shareId}`,
} as const;

/** Schedule ids (visible under Schedules in the Temporal UI). */
export const scheduleIds = {
  idleSweep: 'microstax-idle-sweep',
  prewarm: 'microstax-prewarm',
  orphanSweep: 'microstax-orphan-sweep',
} as const;

/**
 * Where an environment is in its life. Kept in the `Phase` search attribute and in the status query.
 * warm: created for the warm pool, waiting to be claimed; claimed: a warm environment handed over to
 * the environment that claimed it (its workflow ends, its namespace lives on under the claimer);
 * sleeping: every workload scaled to zero, volumes, Secrets and Services kept; waking: scaling back.
 */
export const ENVIRONMENT_PHASES = [
  'pending',
  'planning',
  'claiming',
  'applying',
  'waiting',
  'initializing',
  'publishing',
  'ready',
  'warm',
  'sleeping',
  'waking',
  'tearing-down',
  'deleted',
  'failed',
  'claimed',
] as const;
export type EnvironmentPhase = (typeof ENVIRONMENT_PHASES)[number];

/** Phases after which the workflow has finished (the namespace is gone). */
export const TERMINAL_PHASES: readonly EnvironmentPhase[] = ['deleted', 'failed', 'claimed'];

export { IDLE_ACTIONS, type IdleAction } from './idle-actions.js';

/** The owner recorded on warm-pool environments until they are claimed. */
export const WARM_POOL_OWNER = 'warm-pool';

/** Per-service progress, reported while deploying and kept afterwards. */
export interface ServiceProgress {
  name: string;
  /** What the planner decided; absent for a plain (non-branch) environment, where every service deploys. */
  action?: ServiceAction;
  state: 'pending' | 'applying' | 'waiting' | 'ready' | 'reused' | 'failed';
  readyReplicas?: number;
  replicas?: number;
  /** The real cause on failure (ImagePullBackOff, Unschedulable: ...), or a short note. */
  message?: string;
  /** Once ready: node pool to the number of this service's pods running on it. */
  pools?: Record<string, number>;
  /** Once ready: what its pods cost per hour (node price x the share of the node their requests take). */
  hourlyCost?: number;
}

/** A typed, serialisable failure: `type` is one of LifecycleErrorType. */
export interface LifecycleError {
  type: LifecycleErrorType;
  message: string;
  /** The service that failed, when one did. */
  service?: string;
}

/** Failure types (ApplicationFailure.type) the lifecycle raises. Permanent ones are non-retryable. */
export const LifecycleErrorType = {
  InvalidInput: 'InvalidInput',
  DeployFailed: 'DeployFailed',
  InitFailed: 'InitFailed',
  Cancelled: 'Cancelled',
  NotFound: 'NotFound',
  SnapshotUnsupported: 'SnapshotUnsupported',
  QuotaExceeded: 'QuotaExceeded',
} as const;
export type LifecycleErrorType = (typeof LifecycleErrorType)[keyof typeof LifecycleErrorType];

/** Input of `createEnvironment` (workflow id `env-<environmentId>`). */
export interface CreateEnvironmentInput {
  /** A DNS label; it names the Kubernetes namespace. Derive it from the idempotency key to make retries safe. */
  environmentId: string;
  /**
   * The resolved blueprint. It may hold secret values: the payload codec encrypts every payload, so
   * history on the server never holds them in clear text.
   */
  blueprint: ResolvedBlueprint;
  owner: string;
  team: string;
  /** Overrides blueprint.ttl, e.g. "4h". No TTL: the environment lives until torn down. */
  ttl?: string;
  /** Overrides blueprint.idleAfter, e.g. "30m". */
  idleAfter?: string;
  /** What the idle sweep does once idleAfter has passed: `teardown` (default) or `sleep` (scale to zero, keep data). */
  idle?: IdleAction;
  /** Make a branch environment of this baseline: only planned services run in the branch. */
  baseline?: { environmentId: string; blueprint: ResolvedBlueprint };
  /** Load data services from this snapshot instead of running their init steps. */
  fromSnapshot?: { snapshotId: string };
  /** Create for the warm pool (phase `warm` when done) instead of for a user. */
  warm?: boolean;
  /** Try to claim a warm environment of the same blueprint before creating one cold (default true). */
  claimWarm?: boolean;
  /** Set by the workflow itself when it continues as new; callers leave it out. */
  resume?: EnvironmentResumeState;
  /** Human-readable name, unique per team among live environments (a DNS label such as `pr-42`). */
  name?: string;
  /** The caller's labels; those Kubernetes allows are copied onto the namespace as `microstax.dev/label-*`. */
  labels?: Record<string, string>;
  /** When the caller made the request (ISO); absent: when the workflow started. The breakdown starts there. */
  requestedAt?: string;
}

/** What an environment workflow carries over when it continues as new (to keep its history short). */
export interface EnvironmentResumeState {
  status: EnvironmentStatus;
  teardownRequest?: TeardownRequest;
}

/** What the status query returns, at any time. Holds no secret values. */
export interface EnvironmentStatus {
  environmentId: string;
  /** The id whose namespace holds the workloads: this environment's own, or the warm one it claimed. */
  runtimeId: string;
  phase: EnvironmentPhase;
  blueprint: string;
  /** sha256 of the resolved blueprint (warm environments are claimed by equal digest). */
  blueprintDigest?: string;
  owner: string;
  team: string;
  parentEnvironmentId?: string;
  services: ServiceProgress[];
  /** Service name to URL, for exposed services, once published. */
  urls: Record<string, string>;
  plan?: BranchPlan;
  placement?: PlacementPlan;
  hourlyCost?: number;
  /** ISO times. */
  createdAt: string;
  readyAt?: string;
  expiresAt?: string;
  lastActivityAt: string;
  idleAfterMs?: number;
  /** What the idle sweep does with it; absent means teardown. */
  idle?: IdleAction;
  /** When it last went to sleep (ISO), while sleeping. */
  sleepingSince?: string;
  /** The warm environment this one was claimed from, when it was. */
  claimedFrom?: string;
  error?: LifecycleError;
  /** Human-readable name (see CreateEnvironmentInput.name). */
  name?: string;
  labels?: Record<string, string>;
  /** How many apply updates have completed in place (absent: none). */
  applied?: number;
  /** Where the time of the last create, update, wake or seed went, phase by phase. */
  timings?: PhaseTimings;
}

/**
 * What `createEnvironment` returns when the environment's life ends normally (torn down, or handed
 * over after a warm claim). A create that fails for good ends the workflow failed, with an
 * ApplicationFailure whose `type` is a LifecycleErrorType; the status query then shows phase `failed`.
 */
export interface EnvironmentOutcome {
  environmentId: string;
  phase: 'deleted' | 'claimed';
  reason: TeardownReason;
  error?: LifecycleError;
  /** A claimed warm environment's claimer (its environment id), who now owns the namespace. */
  claimedBy?: string;
}

export type TeardownReason = 'requested' | 'ttl-expired' | 'idle' | 'claimed' | 'create-failed';

export interface TeardownRequest {
  reason: TeardownReason;
  requestedBy?: string;
}

/** Input of `teardownEnvironment` (workflow id `teardown-<environmentId>`): for environments whose own workflow is gone. */
export interface TeardownEnvironmentInput {
  environmentId: string;
  reason: TeardownReason;
  requestedBy?: string;
}

export interface TeardownEnvironmentResult {
  environmentId: string;
  /** False when there was nothing left to delete (teardown is idempotent). */
  existed: boolean;
}

/** Input of `seedEnvironment` (workflow id `seed-<environmentId>-<requestId>`). */
export interface SeedEnvironmentInput {
  environmentId: string;
  blueprint: ResolvedBlueprint;
  service: string;
  source: { kind: 'init' } | { kind: 'snapshot'; snapshotId: string };
  /** When the caller made the request (ISO): the seed's breakdown starts there. */
  requestedAt?: string;
}

export interface SeedEnvironmentResult {
  environmentId: string;
  service: string;
  stepsRun: number;
  source: SeedEnvironmentInput['source'];
  /** Where the seed's time went (init steps re-run; absent for a snapshot restore). */
  timings?: PhaseTimings;
}

/** Input of `snapshotEnvironment` (workflow id `snapshot-<snapshotId>`). */
export interface SnapshotEnvironmentInput {
  snapshotId: string;
  environmentId: string;
  blueprint: ResolvedBlueprint;
  /** Data services to capture; default: every data service. */
  services?: string[];
}

/** Input of `deleteSnapshot` (workflow id `snapshot-delete-<snapshotId>`). */
export interface DeleteSnapshotInput {
  snapshotId: string;
  /** Engines whose stored artifacts to remove; default: every engine (a failed capture may have left some). */
  engines?: string[];
}

/** One captured data service. `engine` names the plug-in that made it (postgres: a logical dump). */
export interface SnapshotArtifact {
  service: string;
  engine: string;
  /** Where the artifact is stored (an opaque URI the engine understands). */
  location: string;
  bytes: number;
  sha256: string;
  /** How long the capture took; absent on snapshots taken before it was recorded. */
  durationMs?: number;
}

export interface SnapshotRecord {
  snapshotId: string;
  environmentId: string;
  blueprint: string;
  createdAt: string;
  artifacts: SnapshotArtifact[];
}

/** Input of `shareEnvironment` (workflow id `share-<shareId>`). */
export interface ShareEnvironmentInput {
  shareId: string;
  environmentId: string;
  /** Who gets access: a user, an e-mail, or a token label. */
  grantee: string;
  /** How long the share lasts, e.g. "24h". */
  ttl: string;
  createdBy?: string;
}

export interface ShareStatus {
  shareId: string;
  environmentId: string;
  grantee: string;
  state: 'active' | 'expired' | 'revoked';
  expiresAt: string;
}

/** Input of the scheduled `idleSweep` workflow. */
export interface IdleSweepInput {
  /** Only look at environments of this task queue's workflows (tests); default all. */
  limit?: number;
}

/** Input of `orphanSweep` (the orphan-sweep Schedule). */
export interface OrphanSweepInput {
  /**
   * How long a namespace must stay orphaned between the sweep that first sees it and the one that
   * deletes it, ms (default 10 minutes): an environment whose workflow is just starting is never taken.
   */
  graceMs?: number;
  /** Narrows the namespaces looked at (tests: their own team); MicroStax's own labels are always required. */
  labelSelector?: string;
}

export interface OrphanSweepResult {
  /** MicroStax-labelled namespaces looked at. */
  examined: number;
  /** Seen orphaned for the first time (marked; deleted by a later sweep once the grace has passed). */
  marked: { namespace: string; environmentId: string }[];
  deleted: { namespace: string; environmentId: string; orphanedSince: string }[];
  /** Orphans that could not be deleted this time (retried next sweep). */
  failed: { namespace: string; environmentId: string; error: string }[];
}

export interface IdleSweepResult {
  examined: number;
  tornDown: { environmentId: string; reason: TeardownReason }[];
  /** Environments asked to sleep instead (their `idle` is `sleep`); absent when none. */
  putToSleep?: string[];
}

/** Input of the scheduled `prewarmPool` workflow: one entry per blueprint kept warm. */
export interface PrewarmPoolInput {
  /** Pools named by the worker's `--prewarm FILE[:SIZE]`: they override an opted-in pool of the same blueprint. */
  pools: {
    blueprint: ResolvedBlueprint;
    /** Fixed size; when absent the planner's forecast sizes the pool. */
    size?: number;
    /** Team recorded on the warm environments until claimed (owner is always `warm-pool`). */
    team?: string;
  }[];
  /**
   * Also keep a pool for every blueprint whose latest registered version opts in (`prewarm`), for its
   * team, sized by the forecast of that team's creates within the blueprint's bounds; warm environments
   * of blueprints no longer kept warm (or made from an older version) are torn down. `teams`: only
   * those teams' blueprints and warm environments (default: every team's).
   */
  optedIn?: {
    teams?: string[];
    /** Most warm environments of one team's opted-in blueprints together (default 10): pools beyond it shrink. */
    maxWarmPerTeam?: number;
  };
}

/** A blueprint a team opted into warm pools, resolved as a create of that team resolves it. */
export interface OptedInPool {
  team: string;
  blueprint: ResolvedBlueprint;
  /** blueprintDigest of the resolved blueprint: warm environments with another digest are stale. */
  digest: string;
  min: number;
  max: number;
  /** The team's snapshot (id) its warm environments are prepared from (`prewarm.snapshot`). */
  fromSnapshot?: string;
}

/** A running warm environment (owner `warm-pool`) of this task queue. */
export interface WarmEnvironment {
  workflowId: string;
  environmentId: string;
  blueprint: string;
  team: string;
  /** Its blueprint's digest once planned; absent while it is still being planned. */
  digest?: string;
}

export interface PrewarmPoolResult {
  pools: {
    blueprint: string;
    target: number;
    warm: number;
    started: string[];
    /** Absent on runs before opt-in (`prewarm-opt-in`). */
    team?: string;
    /** Warm environments over the target (or made from an older version), torn down. */
    drained?: string[];
  }[];
  /** Warm environments of blueprints no longer kept warm, torn down. */
  drained?: string[];
  /** Opted-in blueprints whose latest version no longer resolves (e.g. a policy overlay breaks it). */
  skipped?: { team: string; blueprint: string; reason: string }[];
}

// --- Queries, signals and updates of the environment workflow (`env-<id>`) ---

/** The environment's status: phase, per-service progress, URLs, expiry. */
export const statusQuery = defineQuery<EnvironmentStatus>('status');

/** Keep the environment from idling out (any user activity). */
export const markActivitySignal =
  defineSignal<[{ at?: string; by?: string; timings?: PhaseTimings }]>('markActivity');

/** Tear the environment down; during a create it cancels the create cleanly and compensates. */
export const teardownSignal = defineSignal<[TeardownRequest]>('teardown');

/** Who asks an environment to sleep or wake. */
export interface SleepRequest {
  requestedBy?: string;
  reason?: 'idle' | 'requested';
  /** When the caller made the request (ISO): a wake's breakdown starts there. */
  requestedAt?: string;
}

/**
 * Put a ready environment to sleep: every workload scaled to zero, volumes, Secrets and Services kept.
 * Resolves once asleep (phase `sleeping`), or ready again with `error` set when scaling failed. Rejected
 * unless the environment is ready (or already sleeping: then it returns at once).
 */
export const sleepUpdate = defineUpdate<EnvironmentStatus, [SleepRequest]>('sleep');

/** Wake a sleeping environment: workloads back to their planned replicas; resolves once ready again. */
export const wakeUpdate = defineUpdate<EnvironmentStatus, [SleepRequest]>('wake');

/** The idle sweep's way to ask for sleep (workflows can signal other workflows, not update them). */
export const sleepSignal = defineSignal<[SleepRequest]>('sleepWhenIdle');

/** Extend the TTL by a duration ("2h") from now or from the current expiry (whichever is later); returns the new expiry. */
export const extendTtlUpdate = defineUpdate<{ expiresAt: string }, [{ by: string }]>('extendTtl');

/**
 * What an apply update brings: the new resolved blueprint (it may hold secret values; the payload codec
 * encrypts it like the create input) and, when given, the labels that replace the current ones.
 */
export interface ApplyRequest {
  blueprint: ResolvedBlueprint;
  labels?: Record<string, string>;
  requestedBy?: string;
  /** When the caller made the request (ISO): the update's breakdown starts there. */
  requestedAt?: string;
}

/**
 * Update a ready environment in place: the new blueprint is planned and server-side applied over what
 * runs (unchanged objects stay as they are); resolves with the status once every service is ready again.
 * Refused (validator) unless the environment is ready, and while another apply runs: a second apply is
 * refused with the reason rather than queued, so a caller never waits behind an update it did not see.
 */
export const applyUpdate = defineUpdate<EnvironmentStatus, [ApplyRequest]>('apply');

/** Resolves when the environment is ready (or failed/deleted); returns its status. For `--wait`. */
export const waitReadyUpdate = defineUpdate<EnvironmentStatus, []>('waitReady');

/**
 * Hand a warm environment over to a user: it becomes theirs (owner, team, TTL) and ready. Rejected
 * when the environment is not warm, or (when given) not of `blueprintDigest` or not open to `team`.
 * Used by createEnvironment's claim step; not for API callers.
 */
export const claimWarmUpdate = defineUpdate<
  EnvironmentStatus,
  [
    {
      claimedBy: string;
      owner: string;
      team: string;
      ttl?: string;
      idleAfter?: string;
      /** Only a warm environment made from this blueprint digest (workflows/warm-claim.ts checks). */
      blueprintDigest?: string;
      /** Only one made for `team` itself, not the shared pool's. */
      sameTeamOnly?: boolean;
    },
  ]
>('claimWarm');

// --- shareEnvironment ---

export const shareStatusQuery = defineQuery<ShareStatus>('shareStatus');
export const revokeShareSignal = defineSignal<[{ by?: string }]>('revoke');

/**
 * Internal: the deploy activity reports per-service progress to its environment workflow, so the status
 * query can show it. Sent only when a service changes state, to keep history small.
 */
export const progressSignal = defineSignal<[{ services: ServiceProgress[] }]>('progress');
