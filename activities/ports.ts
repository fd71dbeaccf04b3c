import type { Client } from '@temporalio/client';
import type { ResolvedBlueprint, ResolvedService } from '../blueprints/resolved.js';
import type { PhaseMarks } from '../deploy/phase-marks.js';
import type { PhaseTimings } from '../deploy/phases.js';
import type { ObservedResponse } from '../diff/compare-responses.js';
import type { ReplayRequest } from '../diff/request-set.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import type { DiffRunOutcome } from '../store/diff-runs.js';
import type {
  EnvironmentStatus,
  OptedInPool,
  OrphanSweepResult,
  ServiceProgress,
  ShareStatus,
  SnapshotArtifact,
  SnapshotRecord,
} from '../workflows/contracts.js';

/**
 * What the lifecycle activities need from the rest of the system. createActivities takes these as
 * dependencies: production wires the deploy layer, the planner, Postgres and a Temporal client; tests
 * pass their own implementations (never module mocks).
 */

/** Who an environment is, as the Kubernetes objects are labelled. */
export interface RuntimeIdentity {
  /** The id that names the namespace (a claimed warm environment keeps its own). */
  id: string;
  owner: string;
  team: string;
  blueprint: string;
  baselineId?: string;
  expiresAt?: string;
  /** Human-readable name (URLs `<service>.<name>.<team>.<baseDomain>`). */
  name?: string;
  labels?: Record<string, string>;
}

/** Turns a resolved blueprint into running workloads, and removes them. Idempotent in every call. */
export interface EnvironmentRuntime {
  /** Applies everything (server-side apply), waits until ready, runs init steps. Reports progress as it goes. */
  deploy(params: {
    environment: RuntimeIdentity;
    blueprint: ResolvedBlueprint;
    plan?: BranchPlan;
    placement?: PlacementPlan;
    baseline?: { environmentId: string };
    /** Also delete the objects of services the blueprint no longer has (an apply update). */
    prune?: boolean;
    /** Apply and wait for only these services' objects (and the namespace's own); default all. */
    only?: string[];
    onProgress: (services: ServiceProgress[]) => void;
    signal: AbortSignal;
  }): Promise<{ urls: Record<string, string[]>; services: ServiceProgress[]; marks?: PhaseMarks }>;
  /** Re-runs a service's init steps (seed). `runId` names the run: a retry with the same id runs nothing twice. */
  runInitSteps(params: {
    environmentId: string;
    blueprint: ResolvedBlueprint;
    service: string;
    runId: string;
    /** Which part of the steps (blueprints/init-segments.ts); default 0, those before any snapshot step. */
    segment?: number;
    signal: AbortSignal;
  }): Promise<{ stepsRun: number; marks?: PhaseMarks }>;
  /** Labels an existing environment with a new identity (a claimed warm environment takes its claimer's). */
  relabel(params: { environment: RuntimeIdentity; blueprint: ResolvedBlueprint }): Promise<void>;
  /**
   * Scales every workload to zero (sleep; volumes, Secrets and Services stay) or back to the planned
   * replicas (wake), and waits until that is true. Idempotent.
   */
  scale(params: {
    environmentId: string;
    replicas: 'zero' | 'planned';
    onProgress: (services: ServiceProgress[]) => void;
    signal: AbortSignal;
  }): Promise<{ services: ServiceProgress[]; marks?: PhaseMarks }>;
  /** Deletes everything of the environment and waits until it is gone. `existed: false` when nothing was there. */
  teardown(params: { environmentId: string; signal: AbortSignal }): Promise<{ existed: boolean }>;
}

/** Branch planning and placement (planner/). */
export interface EnvironmentPlanner {
  plan(params: {
    blueprint: ResolvedBlueprint;
    baseline?: ResolvedBlueprint;
  }): Promise<{ plan?: BranchPlan; placement?: PlacementPlan; marks?: PhaseMarks }>;
  /** How many warm environments of this blueprint to keep now (the forecast of `team`'s creates, or everyone's). */
  warmPoolSize?(params: { blueprint: ResolvedBlueprint; team?: string; now: Date }): Promise<number>;
}

/**
 * Captures and restores one kind of data service (Postgres: a logical dump). Engines are tried in order;
 * the first whose `supports` says yes handles the service.
 */
export interface SnapshotEngine {
  name: string;
  supports(service: ResolvedService): boolean;
  capture(params: {
    snapshotId: string;
    environmentId: string;
    service: ResolvedService;
    heartbeat: (detail: unknown) => void;
    signal: AbortSignal;
  }): Promise<Omit<SnapshotArtifact, 'service' | 'engine'>>;
  restore(params: {
    environmentId: string;
    service: ResolvedService;
    artifact: SnapshotArtifact;
    heartbeat: (detail: unknown) => void;
    signal: AbortSignal;
  }): Promise<void>;
  /** Removes everything stored for the snapshot; succeeds when nothing is left (already removed). */
  discard(params: { snapshotId: string }): Promise<void>;
}

/** Where the lifecycle mirrors what it does (Postgres metadata, store/). Optional: without it nothing is mirrored. */
export interface LifecycleStore {
  recordEnvironment(status: EnvironmentStatus): Promise<void>;
  recordSnapshot(record: SnapshotRecord): Promise<void>;
  getSnapshot(snapshotId: string): Promise<SnapshotRecord | null>;
  recordShare(share: ShareStatus): Promise<void>;
}

/** Sends one request of a traffic diff to an environment's service and reads the whole answer. */
export interface TrafficReplayer {
  send(params: {
    environmentId: string;
    request: ReplayRequest;
    signal: AbortSignal;
  }): Promise<ObservedResponse>;
}

/** Where a traffic diff run's outcome is kept after its workflow is gone (store/diff-runs.ts). */
export interface DiffRunLog {
  /** Idempotent: a run already finished keeps its first outcome. */
  finish(runId: string, outcome: DiffRunOutcome): Promise<void>;
}

/**
 * When environments were last used, from real use (requests through the gateway, API calls on them;
 * store/environment-activity.ts). The idle sweep reads it beside each workflow's own last activity.
 */
export interface ActivityLog {
  /** The last recorded use of each of these ids (namespace ids included); ids never used are absent. */
  lastUsedAt(environmentIds: readonly string[]): Promise<Map<string, Date>>;
}

/** MicroStax's namespaces on the cluster, for the orphan sweep (deploy/sweep.ts sweepOrphansAfterGrace). */
export interface NamespaceSweeper {
  sweep(params: {
    isLive: (environmentId: string) => Promise<boolean>;
    graceMs: number;
    labelSelector?: string;
    heartbeat: () => void;
  }): Promise<OrphanSweepResult>;
}

/** Blueprints teams opted into warm pools (their latest registered version has `prewarm`). */
export interface PrewarmCatalog {
  /** Each resolved with its team's policy overlays, as that team's creates resolve it. */
  optedIn(params: { teams?: readonly string[] }): Promise<{
    pools: Omit<OptedInPool, 'digest'>[];
    skipped: { team: string; blueprint: string; reason: string }[];
  }>;
}

/** The audit log (the metadata database's `events`). Details never hold a secret. */
export interface AuditLog {
  append(event: { actor: string; action: string; details: Record<string, unknown> }): Promise<void>;
}

/** What the worker counts for its metrics endpoint. */
export interface LifecycleMetrics {
  orphanSweep(result: OrphanSweepResult): void;
}

export interface LifecycleDependencies {
  runtime: EnvironmentRuntime;
  planner: EnvironmentPlanner;
  /** Signals progress to workflows, claims warm environments, lists environments (visibility). */
  temporal: Client;
  store?: LifecycleStore;
  /** The cluster's MicroStax namespaces; without it the orphan sweep fails (nothing to sweep with). */
  namespaces?: NamespaceSweeper;
  audit?: AuditLog;
  /** Opted-in blueprints for the pre-warm Schedule; without it only the worker's `--prewarm` pools are kept. */
  prewarmCatalog?: PrewarmCatalog;
  metrics?: LifecycleMetrics;
  /** Real use of environments; without it the idle sweep sees only lifecycle actions (create, wake, ...). */
  activity?: ActivityLog;
  snapshotEngines?: SnapshotEngine[];
  /** Traffic diffs (diff/); without it a diff run fails saying this worker cannot replay. */
  trafficReplayer?: TrafficReplayer;
  /** Keeps diff runs' outcomes; without it they live only as long as their workflow (the API reads those). */
  diffRuns?: DiffRunLog;
  /** How often a long activity heartbeats while it waits, ms (default 5000). */
  heartbeatEveryMs?: number;
  /** Counts each environment's phase breakdown once (the worker's Prometheus histograms). */
  phaseMetrics?: PhaseObserver;
}

/** Where phase breakdowns go as statuses are recorded (worker/phase-metrics.ts). */
export interface PhaseObserver {
  observe(environmentId: string, timings: PhaseTimings | undefined): void;
}
