import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { PhaseMarks } from '../deploy/phase-marks.js';
import type { RequestOutcome } from '../diff/diff-report.js';
import type { ReplayRequest } from '../diff/request-set.js';
import type { WritePolicy } from '../diff/write-policy.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import type { DiffRunOutcome } from '../store/diff-runs.js';
import {
  claimWarmUpdate,
  type DeleteSnapshotInput,
  type EnvironmentOutcome,
  type EnvironmentStatus,
  type IdleAction,
  LifecycleErrorType,
  type OptedInPool,
  type OrphanSweepInput,
  type OrphanSweepResult,
  progressSignal,
  type ServiceProgress,
  type ShareStatus,
  type SnapshotArtifact,
  type SnapshotRecord,
  statusQuery,
  TERMINAL_PHASES,
  type TeardownReason,
  WARM_POOL_OWNER,
  type WarmEnvironment,
  WorkflowType,
  workflowIds,
} from '../workflows/contracts.js';
import { BlueprintKey, EnvironmentIdKey, TeamKey } from '../workflows/search-attributes.js';
import { claimedOutcomeLive } from '../workflows/warm-claim.js';
import { permanentFailure, toActivityFailure } from './failures.js';
import { withHeartbeat } from './heartbeat.js';
import type { LifecycleDependencies, RuntimeIdentity } from './ports.js';
import { compareBatch } from './traffic-diff-batch.js';

/** What a warm claim asks for. */
interface WarmClaimRequest {
  environmentId: string;
  blueprintName: string;
  blueprintDigest: string;
  owner: string;
  team: string;
  ttl?: string;
  idleAfter?: string;
  /** Only a warm environment made for the claimer's team (one prepared with that team's data). */
  sameTeamOnly?: boolean;
}

/**
 * The lifecycle's activities: every I/O step of the workflows, built over injected dependencies.
 * Each one is idempotent (apply, create-if-absent, delete-if-present), so Temporal may retry it freely.
 */
export function createActivities(deps: LifecycleDependencies) {
  const everyMs = deps.heartbeatEveryMs ?? 5000;

  /**
   * Reports progress to the environment's workflow at most once a second (each report is a signal, so a
   * workflow task; twenty services changing state at once should cost one, not forty). The last state
   * always arrives: the activity's result carries it too. A lost report is not worth failing a deploy.
   */
  function progressReporter(environmentId: string): {
    report(services: ServiceProgress[]): void;
    stop(): void;
  } {
    let pending: ServiceProgress[] | undefined;
    let timer: NodeJS.Timeout | undefined;
    let lastSent = 0;
    const send = () => {
      timer = undefined;
      if (!pending) return;
      const services = pending;
      pending = undefined;
      lastSent = Date.now();
      deps.temporal.workflow
        .getHandle(workflowIds.environment(environmentId))
        .signal(progressSignal, { services })
        .catch((error) =>
          Context.current().log.warn('progress signal failed', { environmentId, error: String(error) }),
        );
    };
    return {
      report(services) {
        pending = services;
        if (timer) return;
        timer = setTimeout(send, Math.max(0, lastSent + PROGRESS_EVERY_MS - Date.now()));
      },
      stop() {
        if (timer) clearTimeout(timer);
      },
    };
  }

  /**
   * Runs a deploy-like step (apply, scale) while heartbeating: each per-service progress goes into the
   * heartbeat and, throttled, to the environment's workflow; a failure becomes a deploy failure.
   */
  function withServiceProgress<T>(
    environmentId: string,
    step: (onProgress: (services: ServiceProgress[]) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const progress = progressReporter(environmentId);
    return withHeartbeat({
      everyMs,
      work: async (report, signal) => {
        try {
          return await step((services) => {
            report({ services });
            progress.report(services);
          }, signal);
        } catch (error) {
          throw toActivityFailure(error, LifecycleErrorType.DeployFailed);
        } finally {
          progress.stop();
        }
      },
    });
  }

  /** For each status, its last recorded use (ms since the epoch; 0 when none or no activity log). */
  async function lastUsedOf(statuses: EnvironmentStatus[]): Promise<(status: EnvironmentStatus) => number> {
    if (!deps.activity || statuses.length === 0) return () => 0;
    const ids = statuses.flatMap((s) => (s.runtimeId ? [s.environmentId, s.runtimeId] : [s.environmentId]));
    const found = await deps.activity.lastUsedAt(ids);
    const at = (id: string | undefined) => (id === undefined ? 0 : (found.get(id)?.getTime() ?? 0));
    return (status) => Math.max(at(status.environmentId), at(status.runtimeId));
  }

  /** The claim itself: the first running warm environment of the digest and team that accepts the update. */
  async function claimWarm(input: WarmClaimRequest): Promise<EnvironmentStatus | null> {
    // A warm environment made for a team is that team's alone; the shared pool's (team `warm-pool`) anyone's.
    const teams = input.sameTeamOnly
      ? `Team = '${escapeQuery(input.team)}'`
      : `Team IN ('${escapeQuery(input.team)}', '${WARM_POOL_OWNER}')`;
    const query = `${runningEnvironments()} AND Phase = 'warm' AND Blueprint = '${escapeQuery(input.blueprintName)}' AND ${teams}`;
    for await (const execution of deps.temporal.workflow.list({ query })) {
      const handle = deps.temporal.workflow.getHandle(execution.workflowId);
      try {
        // The warm workflow's validator refuses another digest or team, and a second claimer.
        const claimed = await handle.executeUpdate(claimWarmUpdate, {
          args: [
            {
              claimedBy: input.environmentId,
              owner: input.owner,
              team: input.team,
              ttl: input.ttl,
              idleAfter: input.idleAfter,
              blueprintDigest: input.blueprintDigest,
              ...(input.sameTeamOnly ? { sameTeamOnly: true } : {}),
            },
          ],
        });
        if (claimed.blueprintDigest === input.blueprintDigest) return claimed;
        // Only a worker of a version before the validator's checks lets this through (a rolling upgrade):
        // nobody will use what was claimed, so it goes now, and the next candidate is tried.
        Context.current().log.warn('claimed a warm environment of another digest; tearing it down', {
          warmId: claimed.environmentId,
        });
        await deps.runtime.teardown({
          environmentId: claimed.runtimeId ?? claimed.environmentId,
          signal: Context.current().cancellationSignal,
        });
      } catch (error) {
        // Someone else claimed it first, or it ended meanwhile: try the next one.
        if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) continue;
        throw error;
      }
    }
    return null;
  }

  return {
    /**
     * Branch plan and placement, plus a digest that identifies the blueprint for warm-pool matching. An
     * apply passes what runs now (`previous`): when nothing placement depends on changed (an image, an env
     * value), the running placement is kept, so unchanged services are never moved and no solve is spent.
     */
    async planEnvironment(input: {
      blueprint: ResolvedBlueprint;
      baseline?: ResolvedBlueprint;
      previous?: { blueprint: ResolvedBlueprint; placement?: PlacementPlan };
      /** The snapshot a create restores (`fromSnapshot`): part of the digest a warm claim matches. */
      fromSnapshot?: string;
    }): Promise<{
      plan?: BranchPlan;
      placement?: PlacementPlan;
      blueprintDigest: string;
      /** When the request reached a worker (`accepted`), was planned and placed. */
      marks: PhaseMarks;
    }> {
      const accepted = Date.now();
      const { previous } = input;
      if (
        previous?.placement &&
        !input.baseline &&
        samePlacementInputs(previous.blueprint, input.blueprint)
      ) {
        const digest = blueprintDigest(input.blueprint);
        const planned = Date.now();
        return {
          placement: previous.placement,
          blueprintDigest: digest,
          marks: { accepted, planned, placement: planned },
        };
      }
      const { plan, placement, marks } = await deps.planner.plan({
        blueprint: input.blueprint,
        baseline: input.baseline,
      });
      const digest = blueprintDigest(input.blueprint, input.fromSnapshot);
      const done = Date.now();
      return {
        plan,
        placement,
        blueprintDigest: digest,
        marks: { accepted, planned: marks?.planned ?? done, placement: marks?.placement ?? done },
      };
    },

    /**
     * Claims a warm environment made from the same blueprint for the claimer's team (or for no team),
     * or returns null. The claim is an update on the warm environment's workflow, which accepts exactly
     * one claimer.
     */
    async claimWarmEnvironment(input: WarmClaimRequest): Promise<EnvironmentStatus | null> {
      return claimWarm(input);
    },

    /**
     * A warm claim in one step (one task-queue round trip instead of plan, claim and relabel): the
     * blueprint's digest, the claim, then the namespace relabelled for its new owner. The claim is
     * heartbeated once its update returns, so a retry after that heartbeat reached the server relabels the
     * same environment; one before it may claim a second (the first is then the orphan sweep's, once this
     * claimer ends). A relabel that fails here is left to the workflow (`relabelError`): it has the claimed
     * environment's teardown to push first, and retries the relabel on its own.
     */
    async claimAndRelabelWarmEnvironment(
      input: Omit<WarmClaimRequest, 'blueprintDigest'> & {
        blueprint: ResolvedBlueprint;
        /** The snapshot a create restores: part of the digest a warm claim matches. */
        fromSnapshot?: string;
        /** The claimer's labels; `id` is the claimed namespace's. */
        identity: Omit<RuntimeIdentity, 'id'>;
      },
    ): Promise<{ claimed: EnvironmentStatus; marks: PhaseMarks; relabelError?: string } | null> {
      const context = Context.current();
      const accepted = Date.now();
      const earlier = context.info.heartbeatDetails as { claimed?: EnvironmentStatus } | undefined;
      const claimed =
        earlier?.claimed ??
        (await claimWarm({
          environmentId: input.environmentId,
          blueprintName: input.blueprintName,
          blueprintDigest: blueprintDigest(input.blueprint, input.fromSnapshot),
          owner: input.owner,
          team: input.team,
          ttl: input.ttl,
          idleAfter: input.idleAfter,
          sameTeamOnly: input.sameTeamOnly,
        }));
      if (!claimed) return null;
      context.heartbeat({ claimed });
      try {
        await deps.runtime.relabel({
          environment: { ...input.identity, id: claimed.runtimeId ?? claimed.environmentId },
          blueprint: input.blueprint,
        });
      } catch (error) {
        return { claimed, marks: { accepted }, relabelError: String(error) };
      }
      const relabeled = Date.now();
      return { claimed, marks: { accepted, applied: relabeled, ready: relabeled } };
    },

    /**
     * The namespace id of an environment: its own id, or the warm environment's it claimed (a claim
     * keeps the warm namespace). Read from the environment's workflow; an environment whose workflow
     * is gone keeps its own id.
     */
    async runtimeIdOf(input: { environmentId: string }): Promise<string> {
      try {
        const status = await deps.temporal.workflow
          .getHandle(workflowIds.environment(input.environmentId))
          .query(statusQuery);
        return status.runtimeId ?? input.environmentId;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return input.environmentId;
        throw error;
      }
    },

    /** Applies the environment and waits until it is ready, heartbeating and reporting per-service progress. */
    async deployEnvironment(input: {
      environmentId: string;
      identity: RuntimeIdentity;
      blueprint: ResolvedBlueprint;
      plan?: BranchPlan;
      placement?: PlacementPlan;
      baseline?: { environmentId: string };
      /** An apply update: also delete what belonged to services the blueprint dropped. */
      prune?: boolean;
      /** Apply and wait for only these services (a first stage: restored data before its dependants). */
      services?: string[];
    }): Promise<{ urls: Record<string, string[]>; services: ServiceProgress[]; marks?: PhaseMarks }> {
      return withServiceProgress(input.environmentId, (onProgress, signal) =>
        deps.runtime.deploy({
          only: input.services,
          environment: input.identity,
          blueprint: input.blueprint,
          plan: input.plan,
          placement: input.placement,
          baseline: input.baseline,
          prune: input.prune,
          signal,
          onProgress,
        }),
      );
    },

    /**
     * Runs a service's init steps again (seed). The calling workflow's run id names the run, so a retry of
     * this activity finds the Job its first attempt started instead of seeding twice.
     */
    async runInitSteps(input: {
      environmentId: string;
      blueprint: ResolvedBlueprint;
      service: string;
      /** Which part of the steps (blueprints/init-segments.ts); default 0. */
      segment?: number;
    }): Promise<{ stepsRun: number; marks?: PhaseMarks }> {
      const { info } = Context.current();
      const runId = info.workflowExecution?.runId ?? info.activityId;
      return withHeartbeat({
        everyMs,
        work: async (_report, signal) => {
          try {
            return await deps.runtime.runInitSteps({ ...input, runId, signal });
          } catch (error) {
            throw toActivityFailure(error, LifecycleErrorType.InitFailed);
          }
        },
      });
    },

    /** Labels a claimed warm environment's namespace with its new owner, team and expiry. */
    async relabelEnvironment(input: {
      identity: RuntimeIdentity;
      blueprint: ResolvedBlueprint;
    }): Promise<{ relabeledAt: number }> {
      try {
        await deps.runtime.relabel({ environment: input.identity, blueprint: input.blueprint });
        return { relabeledAt: Date.now() };
      } catch (error) {
        throw toActivityFailure(error, LifecycleErrorType.DeployFailed);
      }
    },

    /**
     * Sleep (`zero`) or wake (`planned`): scales every workload of the namespace `runtimeId` and waits
     * until that is true, reporting per-service progress to the environment's workflow.
     */
    async scaleEnvironment(input: {
      environmentId: string;
      runtimeId: string;
      replicas: 'zero' | 'planned';
    }): Promise<{ services: ServiceProgress[]; marks?: PhaseMarks }> {
      return withServiceProgress(input.environmentId, (onProgress, signal) =>
        deps.runtime.scale({ environmentId: input.runtimeId, replicas: input.replicas, signal, onProgress }),
      );
    },

    /** Deletes the environment and waits until it is gone. Safe on half-created and on absent environments. */
    async teardownEnvironment(input: { environmentId: string }): Promise<{ existed: boolean }> {
      return withHeartbeat({
        everyMs,
        work: (_report, signal) => deps.runtime.teardown({ environmentId: input.environmentId, signal }),
      });
    },

    /** Mirrors the environment's status to the metadata store (a no-op without a store). */
    async recordEnvironment(status: EnvironmentStatus): Promise<{ recordedAt: number }> {
      await deps.store?.recordEnvironment(status);
      deps.phaseMetrics?.observe(status.environmentId, status.timings);
      return { recordedAt: Date.now() };
    },

    /** Captures one data service with the first engine that supports it. */
    async captureService(input: {
      snapshotId: string;
      environmentId: string;
      blueprint: ResolvedBlueprint;
      service: string;
    }): Promise<SnapshotArtifact> {
      const service = input.blueprint.services.find((s) => s.name === input.service);
      if (!service) {
        throw permanentFailure({
          type: LifecycleErrorType.InvalidInput,
          message: `no service named ${input.service}`,
        });
      }
      const engine = deps.snapshotEngines?.find((e) => e.supports(service));
      if (!engine) {
        throw permanentFailure({
          type: LifecycleErrorType.SnapshotUnsupported,
          message: `no snapshot engine supports service ${service.name} (image ${service.image})`,
        });
      }
      const started = Date.now();
      return withHeartbeat({
        everyMs,
        work: async (report, signal) => {
          const artifact = await engine.capture({
            snapshotId: input.snapshotId,
            environmentId: input.environmentId,
            service,
            heartbeat: report,
            signal,
          });
          // How long the capture took (retries included), beside its size.
          return {
            ...artifact,
            service: service.name,
            engine: engine.name,
            durationMs: Date.now() - started,
          };
        },
      });
    },

    /** Loads a snapshot's artifact for one service into an environment. */
    async restoreService(input: {
      environmentId: string;
      blueprint: ResolvedBlueprint;
      artifact: SnapshotArtifact;
    }): Promise<void> {
      const service = input.blueprint.services.find((s) => s.name === input.artifact.service);
      const engine = deps.snapshotEngines?.find((e) => e.name === input.artifact.engine);
      if (!service || !engine) {
        throw permanentFailure({
          type: LifecycleErrorType.SnapshotUnsupported,
          message: `cannot restore ${input.artifact.service}: ${service ? `no engine ${input.artifact.engine}` : 'no such service in the blueprint'}`,
        });
      }
      await withHeartbeat({
        everyMs,
        work: (report, signal) =>
          engine.restore({
            environmentId: input.environmentId,
            service,
            artifact: input.artifact,
            heartbeat: report,
            signal,
          }),
      });
    },

    /** Removes a snapshot's stored artifacts with each engine named (default: every engine). Idempotent. */
    async discardSnapshot(input: DeleteSnapshotInput): Promise<void> {
      const engines = (deps.snapshotEngines ?? []).filter(
        (engine) => input.engines === undefined || input.engines.includes(engine.name),
      );
      for (const engine of engines) await engine.discard({ snapshotId: input.snapshotId });
    },

    /** Stores a snapshot's record (the store when there is one; the snapshot workflow's result is the fallback). */
    async recordSnapshot(record: SnapshotRecord): Promise<void> {
      await deps.store?.recordSnapshot(record);
    },

    /** Finds a snapshot's record: the store, else the result of its `snapshot-<id>` workflow. */
    async loadSnapshot(input: { snapshotId: string }): Promise<SnapshotRecord> {
      const stored = await deps.store?.getSnapshot(input.snapshotId);
      if (stored) return stored;
      try {
        return await deps.temporal.workflow.getHandle(workflowIds.snapshot(input.snapshotId)).result();
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          throw permanentFailure({
            type: LifecycleErrorType.NotFound,
            message: `no snapshot ${input.snapshotId}`,
          });
        }
        throw error;
      }
    },

    async recordShare(share: ShareStatus): Promise<void> {
      await deps.store?.recordShare(share);
    },

    /**
     * Environments that should go: idle longer than their idleAfter, or past their expiry (a backstop to
     * each environment's own TTL timer). Reads visibility, then each candidate's status query; idle
     * counts from the latest of the workflow's own activity and the real use the activity log recorded.
     */
    async findIdleEnvironments(input: { limit?: number }): Promise<{
      examined: number;
      due: { environmentId: string; reason: TeardownReason; action?: IdleAction }[];
    }> {
      const now = Date.now();
      const ready: EnvironmentStatus[] = [];
      // Branches reach the services they reuse in their parent directly, which marks no activity on
      // it: a parent with live branches is in use, however long since its own last activity.
      const parentsOfLiveBranches = new Set<string>();
      let listed = 0;
      // Every running environment is read (a branch in any phase keeps its parent); `limit` caps the
      // ready ones examined.
      for await (const execution of deps.temporal.workflow.list({ query: runningEnvironments() })) {
        listed++;
        Context.current().heartbeat({ listed });
        let status: EnvironmentStatus;
        try {
          status = await deps.temporal.workflow.getHandle(execution.workflowId).query(statusQuery);
        } catch {
          continue; // ended meanwhile
        }
        if (status.parentEnvironmentId && !TERMINAL_PHASES.includes(status.phase)) {
          parentsOfLiveBranches.add(status.parentEnvironmentId);
        }
        if (status.phase === 'ready' && (input.limit === undefined || ready.length < input.limit)) {
          ready.push(status);
        }
      }
      // Real use: the gateway counts requests by namespace id (a claimed warm environment's is the warm
      // one), the API by environment id; the latest of those and the workflow's own actions counts.
      const used = await lastUsedOf(ready);
      const due: { environmentId: string; reason: TeardownReason; action?: IdleAction }[] = [];
      for (const status of ready) {
        const lastActivity = Math.max(Date.parse(status.lastActivityAt), used(status));
        if (status.expiresAt && Date.parse(status.expiresAt) <= now) {
          due.push({ environmentId: status.environmentId, reason: 'ttl-expired' });
        } else if (
          status.idleAfterMs !== undefined &&
          now - lastActivity >= status.idleAfterMs &&
          !parentsOfLiveBranches.has(status.environmentId)
        ) {
          // Only idle ones may sleep: an expired environment goes whatever its idle action.
          due.push({
            environmentId: status.environmentId,
            reason: 'idle',
            ...(status.idle === 'sleep' ? { action: 'sleep' as const } : {}),
          });
        }
      }
      return { examined: ready.length, due };
    },

    /**
     * One run of the orphan sweep: namespaces MicroStax labelled whose environment's workflow is not
     * running (unknown, deleted or failed) are marked, and deleted once orphaned for the grace period.
     * A namespace handed over by a warm claim (its workflow ended `claimed`) belongs to its claimer: live
     * while the claimer is (see claimedOutcomeLive).
     * Each deletion goes to the audit log; the counts to the worker's metrics.
     */
    async sweepOrphanNamespaces(input: OrphanSweepInput): Promise<OrphanSweepResult> {
      if (!deps.namespaces) {
        throw permanentFailure({
          type: LifecycleErrorType.InvalidInput,
          message: 'this worker has no cluster namespaces to sweep (no NamespaceSweeper)',
        });
      }
      const isLive = async (environmentId: string, claimedVia = false): Promise<boolean> => {
        const handle = deps.temporal.workflow.getHandle(workflowIds.environment(environmentId));
        try {
          const { status } = await handle.describe();
          if (status.name === 'RUNNING') return true;
          if (status.name !== 'COMPLETED') return false;
          const outcome = (await handle.result()) as EnvironmentOutcome;
          // A claimer is never warm itself, so one hop ends it; a second would be a loop.
          return claimedOutcomeLive(outcome, (claimer) => !claimedVia && isLive(claimer, true));
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return false;
          throw error;
        }
      };
      const result = await deps.namespaces.sweep({
        isLive,
        graceMs: input.graceMs ?? DEFAULT_ORPHAN_GRACE_MS,
        labelSelector: input.labelSelector,
        heartbeat: () => Context.current().heartbeat(),
      });
      for (const deleted of result.deleted) {
        await deps.audit?.append({
          actor: 'orphan-sweep',
          action: 'namespace.orphan-deleted',
          details: deleted,
        });
      }
      for (const failed of result.failed) {
        await deps.audit?.append({
          actor: 'orphan-sweep',
          action: 'namespace.orphan-delete-failed',
          details: failed,
        });
      }
      deps.metrics?.orphanSweep(result);
      return result;
    },

    /** Ids of running warm environments of a blueprint. */
    async listWarmEnvironments(input: { blueprintName: string }): Promise<string[]> {
      const query = `${runningEnvironments()} AND Phase IN ('warm', 'pending', 'planning', 'applying', 'waiting', 'initializing', 'publishing') AND Blueprint = '${escapeQuery(input.blueprintName)}' AND Owner = '${WARM_POOL_OWNER}'`;
      const ids: string[] = [];
      for await (const execution of deps.temporal.workflow.list({ query })) ids.push(execution.workflowId);
      return ids;
    },

    /**
     * One batch of a traffic diff: each request to the baseline twice and to the branch once, then
     * compared (diff/compare-responses.ts). Methods that write never reach the baseline: they go to the
     * branch only where `writes` allows, else they are skipped. Heartbeats per request; a retried batch
     * sends its requests again (a write too: the branch's own data takes it twice).
     */
    async compareTrafficBatch(input: {
      baselineId: string;
      branchId: string;
      requests: ReplayRequest[];
      writes?: WritePolicy;
    }): Promise<RequestOutcome[]> {
      const replayer = deps.trafficReplayer;
      if (!replayer) {
        throw permanentFailure({
          type: LifecycleErrorType.InvalidInput,
          message: 'this worker has no traffic replayer: it cannot run traffic diffs',
        });
      }
      return withHeartbeat({
        everyMs,
        work: (report, signal) =>
          compareBatch({ replayer, ...input, signal, onRequest: (done) => report({ done }) }),
      });
    },

    /** Keeps a diff run's outcome with the run (the API's row); nothing to do without a run log. */
    async recordDiffRun(input: { runId: string; outcome: DiffRunOutcome }): Promise<void> {
      await deps.diffRuns?.finish(input.runId, input.outcome);
    },

    /**
     * The warm-pool size the planner's forecast recommends now (1 when the planner gives none): from the
     * creates of `team` when given (a team's own pool), else of everyone.
     */
    async forecastWarmPoolSize(input: { blueprint: ResolvedBlueprint; team?: string }): Promise<number> {
      const team = input.team === WARM_POOL_OWNER ? undefined : input.team;
      return (await deps.planner.warmPoolSize?.({ blueprint: input.blueprint, team, now: new Date() })) ?? 1;
    },

    /** Blueprints opted into warm pools (none without a catalog: no database, no registered blueprints). */
    async listPrewarmBlueprints(input: {
      teams?: string[];
    }): Promise<{ pools: OptedInPool[]; skipped: { team: string; blueprint: string; reason: string }[] }> {
      const found = (await deps.prewarmCatalog?.optedIn({ teams: input.teams })) ?? {
        pools: [],
        skipped: [],
      };
      return {
        pools: found.pools.map((pool) => ({
          ...pool,
          digest: blueprintDigest(pool.blueprint, pool.fromSnapshot),
        })),
        skipped: found.skipped,
      };
    },

    /** Running warm environments of this task queue (of these teams, or all), with their blueprint digests. */
    async listWarmPool(input: { teams?: string[] }): Promise<WarmEnvironment[]> {
      const teams = input.teams
        ? ` AND Team IN (${input.teams.map((t) => `'${escapeQuery(t)}'`).join(', ')})`
        : '';
      const query = `${runningEnvironments()} AND Owner = '${WARM_POOL_OWNER}'${teams}`;
      const warm: WarmEnvironment[] = [];
      for await (const execution of deps.temporal.workflow.list({ query })) {
        const attributes = execution.typedSearchAttributes;
        const environmentId = attributes.get(EnvironmentIdKey) ?? execution.workflowId.replace(/^env-/, '');
        let digest: string | undefined;
        try {
          digest = (await deps.temporal.workflow.getHandle(execution.workflowId).query(statusQuery))
            .blueprintDigest;
        } catch (error) {
          // It ended since the listing: not part of the pool any more.
          if (error instanceof WorkflowNotFoundError) continue;
          throw error;
        }
        warm.push({
          workflowId: execution.workflowId,
          environmentId,
          blueprint: attributes.get(BlueprintKey) ?? '',
          team: attributes.get(TeamKey) ?? WARM_POOL_OWNER,
          ...(digest ? { digest } : {}),
        });
      }
      return warm;
    },
  };
}

const PROGRESS_EVERY_MS = 1000;
/** A namespace stays orphaned this long before it is deleted (OrphanSweepInput.graceMs). */
const DEFAULT_ORPHAN_GRACE_MS = 10 * 60_000;

export type LifecycleActivities = ReturnType<typeof createActivities>;

/** Whether placement would see the same services: names, order, requests, replicas, data and dependencies. */
function samePlacementInputs(a: ResolvedBlueprint, b: ResolvedBlueprint): boolean {
  const shape = (blueprint: ResolvedBlueprint) =>
    canonicalJson(
      blueprint.services.map((s) => ({
        name: s.name,
        resources: s.resources,
        replicas: s.replicas,
        isDataService: s.isDataService,
        stateful: s.stateful,
        dependsOn: s.dependsOn,
      })),
    );
  return shape(a) === shape(b);
}

/**
 * sha256 of the blueprint's canonical JSON (and of the snapshot its data comes from, when one does): two
 * environments match for a warm claim when it is equal. Without a snapshot it is the blueprint's alone,
 * so warm environments made before snapshots counted keep matching.
 */
export function blueprintDigest(blueprint: ResolvedBlueprint, fromSnapshot?: string): string {
  const content = fromSnapshot ? canonicalJson({ blueprint, fromSnapshot }) : canonicalJson(blueprint);
  return createHash('sha256').update(content).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Running environment workflows served by this worker's task queue: a worker only touches environments it
 * can also act on (and tests on their own task queues never see each other's).
 */
function runningEnvironments(): string {
  const taskQueue = Context.current().info.taskQueue;
  return `WorkflowType = '${WorkflowType.environment}' AND ExecutionStatus = 'Running' AND TaskQueue = '${escapeQuery(taskQueue)}'`;
}

function escapeQuery(value: string): string {
  return value.replace(/['\\]/g, '');
}
