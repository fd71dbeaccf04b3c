import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  log,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RuntimeIdentity } from '../activities/ports.js';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { type PhaseMarks, withPhaseEnd } from '../deploy/phases.js';
import type { BranchPlan } from '../planner/types.js';
import { long, quick, teardown } from './activity-proxies.js';
import {
  type ApplyRequest,
  applyUpdate,
  type CreateEnvironmentInput,
  claimWarmUpdate,
  type EnvironmentOutcome,
  type EnvironmentPhase,
  type EnvironmentStatus,
  extendTtlUpdate,
  IDLE_ACTIONS,
  type IdleAction,
  type LifecycleError,
  LifecycleErrorType,
  markActivitySignal,
  progressSignal,
  type ServiceProgress,
  type SleepRequest,
  sleepSignal,
  sleepUpdate,
  statusQuery,
  TERMINAL_PHASES,
  type TeardownRequest,
  teardownSignal,
  waitReadyUpdate,
  wakeUpdate,
} from './contracts.js';
import {
  addedServicesWithSnapshotSteps,
  preparesData,
  runSnapshotSegments,
  servicesWithSnapshotSteps,
  withDependencies,
} from './data-restore.js';
import { extendedExpiry, parseDuration } from './duration.js';
import { timingsOf } from './phase-timings.js';
import { runtimeIdFor } from './runtime-id.js';
import { OwnerKey, PhaseKey, TeamKey } from './search-attributes.js';
import { claimRefusal } from './warm-claim.js';

/**
 * The environment's own workflow (id `env-<environmentId>`): it creates the environment, keeps it while
 * it lives (TTL timer, activity, extensions, warm-pool claims) and tears it down. A create that fails for
 * good is compensated (everything made so far is torn down) and ends with a typed failure; a teardown
 * request during a create cancels the create cleanly.
 */
export async function createEnvironment(input: CreateEnvironmentInput): Promise<EnvironmentOutcome> {
  const ttl = durationOrFail(input.ttl ?? input.blueprint.ttl, 'ttl');
  const idleAfter = durationOrFail(input.idleAfter ?? input.blueprint.idleAfter, 'idleAfter');
  const idle = input.idle ?? input.blueprint.idle;
  if (idle !== undefined && !(IDLE_ACTIONS as readonly string[]).includes(idle)) {
    throw ApplicationFailure.create({
      type: LifecycleErrorType.InvalidInput,
      nonRetryable: true,
      message: `idle: "${idle}" is not one of ${IDLE_ACTIONS.join(', ')}`,
    });
  }
  const status: EnvironmentStatus =
    input.resume?.status ?? initialStatus({ input, ttlMs: ttl, idleAfterMs: idleAfter, idle });
  let teardownRequest: TeardownRequest | undefined = input.resume?.teardownRequest;
  let claim: { claimedBy: string } | undefined;
  let ttlChanged = false;
  // Sleep and wake requests wait here until the life loop below acts on them; `scaling` says which runs meanwhile.
  let sleepRequest: SleepRequest | undefined;
  let wakeRequest: SleepRequest | undefined;
  let scaling: 'sleep' | 'wake' | undefined;
  // Wakes the loop has ended, and the status as the last one ended: a wake update is answered by the
  // first wake to end after it asked, even when a sleep starts in the same moment.
  let wakesEnded = 0;
  let lastWake: EnvironmentStatus | undefined;
  // Apply updates: the one waiting for the life loop, numbered so each caller knows when its own is done.
  let applyRequest: (ApplyRequest & { ticket: number }) | undefined;
  let applyTickets = 0;
  let appliedTicket = 0;
  const applyFailures = new Map<number, LifecycleError>();
  // What runs now: the create's blueprint until an apply replaces it (carried over by continue-as-new).
  let blueprint = input.blueprint;
  const createScope = new CancellationScope();

  setHandler(statusQuery, () => status);
  setHandler(progressSignal, ({ services }) => {
    if (TERMINAL_PHASES.includes(status.phase)) return;
    status.services = mergeProgress(status.services, services);
    if (status.phase === 'applying' && services.some((s) => s.state === 'waiting' || s.state === 'ready')) {
      setPhase(status, 'waiting');
    }
  });
  setHandler(markActivitySignal, ({ timings }) => {
    status.lastActivityAt = nowIso();
    // A seed reports its breakdown with its activity mark.
    if (timings) status.timings = timings;
  });
  setHandler(teardownSignal, (request) => {
    if (teardownRequest || TERMINAL_PHASES.includes(status.phase)) return;
    teardownRequest = request;
    createScope.cancel();
  });
  setHandler(
    extendTtlUpdate,
    ({ by }) => {
      if (patched('bounded-extend')) {
        // The validator refused anything over the cap; should it still not apply, only the update fails.
        const next = extendedExpiry({ by, expiresAt: status.expiresAt, now: Date.now() });
        if ('problem' in next) {
          throw ApplicationFailure.create({
            type: LifecycleErrorType.InvalidInput,
            nonRetryable: true,
            message: `by: ${next.problem}`,
          });
        }
        status.expiresAt = next.expiresAt;
      } else {
        const ms = parseDuration(by)!;
        const base = Math.max(Date.now(), status.expiresAt ? Date.parse(status.expiresAt) : Date.now());
        status.expiresAt = new Date(base + ms).toISOString();
      }
      ttlChanged = true;
      return { expiresAt: status.expiresAt };
    },
    {
      validator: ({ by }) => {
        // Validators do not run on replay, so this check needs no patch; it refuses what the
        // handler could not apply (an expiry past MAX_DURATION, or no date at all).
        const next = extendedExpiry({ by, expiresAt: status.expiresAt, now: Date.now() });
        if ('problem' in next) throw new Error(`by: ${next.problem}`);
        if (TERMINAL_PHASES.includes(status.phase) || teardownRequest) {
          throw new Error(
            `environment ${status.environmentId} is ${status.phase}; its TTL cannot be extended`,
          );
        }
      },
    },
  );
  setHandler(waitReadyUpdate, async () => {
    await condition(
      () => status.phase === 'ready' || status.phase === 'warm' || TERMINAL_PHASES.includes(status.phase),
    );
    return status;
  });
  const sleepable = () => status.phase === 'ready' && !teardownRequest;
  setHandler(sleepSignal, (request) => {
    if (sleepable() && !sleepRequest) sleepRequest = request;
  });
  setHandler(
    sleepUpdate,
    async (request) => {
      if (status.phase !== 'sleeping') {
        sleepRequest ??= request;
        wakeRequest = undefined;
        await condition(() => !sleepRequest && !scaling);
      }
      return { ...status };
    },
    {
      validator: (_request) => {
        if (status.phase !== 'sleeping' && !sleepable()) {
          throw new Error(
            `environment ${status.environmentId} is ${status.phase}; only a ready environment can go to sleep`,
          );
        }
      },
    },
  );
  /**
   * Waits for the first wake to end after this request and answers with its outcome; or, when no wake is
   * needed (a sleep that failed, a request that no longer applies), with the awake status. Older runs
   * waited for a moment awake with nothing scaling, which a sleep started as the wake ended never left.
   */
  const ownWake = async (request: SleepRequest): Promise<EnvironmentStatus> => {
    const asked = wakesEnded;
    sleepRequest = undefined;
    // A wake in progress ends after this request and answers it; a second would only repeat a failed one.
    if (scaling !== 'wake') wakeRequest ??= request;
    await condition(() => wakesEnded > asked || (!wakeRequest && !scaling && status.phase !== 'sleeping'));
    const answer = wakesEnded > asked && lastWake ? lastWake : { ...status };
    if (answer.phase === 'sleeping' && answer.error) {
      throw ApplicationFailure.create({
        type: answer.error.type,
        nonRetryable: true,
        message: `wake failed: ${answer.error.message}`,
      });
    }
    return answer;
  };
  setHandler(
    wakeUpdate,
    async (request) => {
      if (status.phase === 'sleeping' || sleepRequest || scaling) {
        // Older runs waited for the environment to be awake, which a failed wake never is.
        const answerFailures = patched('wake-update-answers-failures');
        if (patched('wake-update-own-wake')) return await ownWake(request);
        sleepRequest = undefined;
        wakeRequest ??= request;
        await condition(
          () =>
            !wakeRequest &&
            !scaling &&
            (status.phase !== 'sleeping' || (answerFailures && status.error !== undefined)),
        );
        if (status.phase === 'sleeping' && status.error) {
          throw ApplicationFailure.create({
            type: status.error.type,
            nonRetryable: true,
            message: `wake failed: ${status.error.message}`,
          });
        }
      }
      return { ...status };
    },
    {
      validator: (_request) => {
        if (!['sleeping', 'waking', 'ready'].includes(status.phase) || teardownRequest) {
          throw new Error(`environment ${status.environmentId} is ${status.phase}; it cannot be woken`);
        }
      },
    },
  );
  setHandler(
    claimWarmUpdate,
    (request) => {
      claim = { claimedBy: request.claimedBy };
      return { ...status };
    },
    {
      validator: (request) => {
        const refusal = claimRefusal({ status, ask: request, taken: !!claim || !!teardownRequest });
        if (refusal) throw new Error(refusal);
      },
    },
  );

  setHandler(
    applyUpdate,
    async (request) => {
      const ticket = ++applyTickets;
      applyRequest = { ...request, ticket };
      await condition(() => appliedTicket >= ticket);
      const failure = applyFailures.get(ticket);
      applyFailures.delete(ticket);
      if (failure) {
        throw ApplicationFailure.create({
          type: failure.type,
          nonRetryable: true,
          message: `apply failed: ${failure.message}`,
        });
      }
      return { ...status };
    },
    {
      validator: (request) => {
        if (request.blueprint.name !== status.blueprint) {
          throw new Error(
            `environment ${status.environmentId} runs blueprint ${status.blueprint}, not ${request.blueprint.name}`,
          );
        }
        if (applyRequest || appliedTicket < applyTickets) {
          throw new Error(
            `environment ${status.environmentId} is already applying an update; retry once it is ready`,
          );
        }
        if (status.phase !== 'ready' || teardownRequest) {
          throw new Error(
            `environment ${status.environmentId} is ${teardownRequest ? 'tearing down' : status.phase}; only a ready environment can be updated`,
          );
        }
      },
    },
  );

  if (!input.resume) {
    const created = await create(input, status, createScope, () => teardownRequest);
    if (created === 'cancelled') return finish(status, teardownRequest ?? { reason: 'requested' });
  }

  // The environment lives until a teardown request, its TTL, or (warm ones) a claim.
  for (;;) {
    if (teardownRequest) break;
    if (claim) {
      // The claimer now owns the namespace; this workflow's part is done.
      await condition(allHandlersFinished);
      setPhase(status, 'claimed');
      await quick.recordEnvironment(status);
      return {
        environmentId: status.environmentId,
        phase: 'claimed',
        reason: 'claimed',
        claimedBy: claim.claimedBy,
      };
    }
    const msLeft = status.expiresAt ? Date.parse(status.expiresAt) - Date.now() : undefined;
    if (msLeft !== undefined && msLeft <= 0) {
      teardownRequest = { reason: 'ttl-expired' };
      break;
    }
    if (sleepRequest && status.phase === 'ready' && patched('sleep-mode')) {
      scaling = 'sleep';
      sleepRequest = undefined;
      await changeSleep(status, 'zero');
      scaling = undefined;
      continue;
    }
    if (applyRequest && patched('apply-update')) {
      const request = applyRequest;
      const failure = await applyInPlace({ status, input, request, current: blueprint });
      if (!failure) blueprint = request.blueprint;
      else applyFailures.set(request.ticket, failure);
      // Done before recording, so a caller that sees `ready` may apply again at once.
      applyRequest = undefined;
      appliedTicket = request.ticket;
      const recorded = await quick.recordEnvironment(status);
      if (!failure) endTimings(status, recorded);
      continue;
    }
    if (wakeRequest && status.phase === 'sleeping') {
      scaling = 'wake';
      const requestedAt = wakeRequest.requestedAt;
      wakeRequest = undefined;
      await changeSleep(status, 'planned', requestedAt);
      scaling = undefined;
      wakesEnded++;
      lastWake = { ...status };
      continue;
    }
    // A request that no longer applies (sleep while sleeping, wake while ready) is answered as is.
    sleepRequest = undefined;
    wakeRequest = undefined;
    ttlChanged = false;
    const wake = () =>
      !!teardownRequest ||
      !!claim ||
      ttlChanged ||
      !!sleepRequest ||
      !!wakeRequest ||
      !!applyRequest ||
      workflowInfo().continueAsNewSuggested;
    if (msLeft === undefined) await condition(wake);
    else await condition(wake, msLeft);
    // An apply waiting for this loop would never let its handler finish: run it first, then continue as new.
    if (!teardownRequest && !claim && !applyRequest && workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof createEnvironment>({
        ...input,
        blueprint,
        labels: status.labels,
        resume: { status, teardownRequest },
      });
    }
  }
  return finish(status, teardownRequest);
}

/** Plan, claim or deploy, restore, publish. Returns 'cancelled' when a teardown request cancelled it. */
async function create(
  input: CreateEnvironmentInput,
  status: EnvironmentStatus,
  scope: CancellationScope,
  teardownRequested: () => TeardownRequest | undefined,
): Promise<'ready' | 'cancelled'> {
  // Compensations, pushed before each step that makes something; run in reverse on failure.
  const compensations: { what: string; run: () => Promise<unknown> }[] = [];
  // A warm claim is tried first, in one activity, beside the first record (no plan: the claimed
  // environment's own plan and placement are what runs).
  const claimFirst = patched('claim-before-plan');
  let firstRecord: Promise<unknown> | undefined;
  if (patched('record-environment-on-start')) {
    firstRecord = quick.recordEnvironment(status);
    // Awaited below; handled here too, so a failure while the claim runs is not an unhandled rejection.
    firstRecord.catch(() => undefined);
    if (!claimFirst) await firstRecord;
  }
  // The request time is the caller's, or the workflow's start (history, not a clock read in this code).
  const timed = patched('phase-timings');
  const requestedAt = input.requestedAt ?? workflowInfo().runStartTime.toISOString();
  // Asked once, where it was first asked: patched() is not remembered, so a create replayed from before
  // the patch could answer false at the first call and true at the second, once replay has caught up.
  let prewarmDataPatch: boolean | undefined;
  const prewarmDataPatched = () => {
    prewarmDataPatch ??= patched('prewarm-data');
    return prewarmDataPatch;
  };
  try {
    await scope.run(async () => {
      const claimable = input.claimWarm !== false && !input.warm && !input.baseline;
      if (claimFirst) {
        const claimed = claimable
          ? await claimBeforePlan(input, status, compensations, prewarmDataPatched)
          : false;
        // Every later record waits for the first one, so the row never goes back to an older phase.
        await firstRecord;
        if (claimed) {
          if (timed) status.timings = timingsOf({ operation: 'claim', requestedAt, marks: [claimed.marks] });
          await publish(status, input);
          return;
        }
      }
      setPhase(status, 'planning');
      const planned = await quick.planEnvironment({
        blueprint: input.blueprint,
        baseline: input.baseline?.blueprint,
        // The snapshot is part of what a warm environment is matched on (prepared from the same data).
        ...(input.fromSnapshot && prewarmDataPatched()
          ? { fromSnapshot: input.fromSnapshot.snapshotId }
          : {}),
      });
      status.plan = planned.plan;
      status.placement = planned.placement;
      status.hourlyCost = planned.placement?.hourlyCost;
      status.blueprintDigest = planned.blueprintDigest;
      status.services = initialProgress(input.blueprint, planned.plan);

      // Data is restored before dependants start (fromSnapshot, snapshot init steps): two deploy stages.
      const restoreFirst = patched('restore-before-dependants');
      // Warm environments of a team are prepared with their data too, so a claim gets it.
      const prewarmData = restoreFirst && prewarmDataPatched();
      const snapshotSteps =
        restoreFirst && (!input.warm || prewarmData)
          ? servicesWithSnapshotSteps({
              blueprint: input.blueprint,
              plan: planned.plan,
              branch: !!input.baseline,
            }).filter((service) => !input.warm || preparesData(input, service))
          : [];
      const restoresData = !!input.fromSnapshot || snapshotSteps.length > 0;
      if (!claimFirst && claimable && (prewarmData || !restoresData)) {
        setPhase(status, 'claiming');
        const claimed = await quick.claimWarmEnvironment({
          environmentId: status.environmentId,
          blueprintName: input.blueprint.name,
          blueprintDigest: planned.blueprintDigest,
          owner: input.owner,
          team: input.team,
          ttl: input.ttl,
          idleAfter: input.idleAfter,
          // A warm environment holding a team's data is that team's alone (never the shared pool's).
          ...(restoresData ? { sameTeamOnly: true } : {}),
        });
        if (claimed) {
          status.runtimeId = claimed.runtimeId;
          status.claimedFrom = claimed.environmentId;
          status.services = claimed.services;
          status.urls = claimed.urls;
          compensations.push({
            what: 'tear down the claimed environment',
            run: () => teardownRuntime(status),
          });
          if (patched('relabel-claimed-namespace')) {
            // The namespace still carries the warm pool's owner and no expiry: it is the claimer's now.
            const relabeled = await quick.relabelEnvironment({
              identity: {
                id: status.runtimeId,
                owner: status.owner,
                team: status.team,
                blueprint: status.blueprint,
                expiresAt: status.expiresAt,
              },
              blueprint: input.blueprint,
            });
            if (timed) {
              const at = relabeled?.relabeledAt;
              status.timings = timingsOf({
                operation: 'claim',
                requestedAt,
                marks: [planned.marks, at === undefined ? undefined : { applied: at, ready: at }],
              });
            }
          }
          await publish(status, input);
          return;
        }
      }

      // A baseline that claimed a warm environment lives in the warm environment's namespace.
      const baselineRuntimeId = input.baseline ? await runtimeIdFor(input.baseline.environmentId) : undefined;
      setPhase(status, 'applying');
      compensations.push({ what: 'tear down what was applied', run: () => teardownRuntime(status) });
      const identity = runtimeIdentity(status, baselineRuntimeId);
      const baselineRef = baselineRuntimeId ? { environmentId: baselineRuntimeId } : undefined;
      const fromSnapshot =
        restoreFirst && input.fromSnapshot
          ? await quick.loadSnapshot({ snapshotId: input.fromSnapshot.snapshotId })
          : undefined;
      if (restoreFirst && (fromSnapshot || snapshotSteps.length > 0)) {
        // Stage 1: the services whose data is restored (and what they need), then their data.
        const restored = [
          ...(fromSnapshot?.artifacts.map((a) => a.service) ?? []),
          ...snapshotSteps.map((s) => s.name),
        ];
        const first = await long.deployEnvironment({
          environmentId: status.environmentId,
          identity,
          blueprint: input.blueprint,
          plan: planned.plan,
          placement: planned.placement,
          baseline: baselineRef,
          services: withDependencies(input.blueprint, restored),
        });
        status.services = mergeProgress(status.services, first.services);
        setPhase(status, 'initializing');
        for (const artifact of fromSnapshot?.artifacts ?? []) {
          await long.restoreService({
            environmentId: status.runtimeId,
            blueprint: input.blueprint,
            artifact,
          });
        }
        for (const service of snapshotSteps) {
          await runSnapshotSegments({ runtimeId: status.runtimeId, blueprint: input.blueprint, service });
        }
        setPhase(status, 'applying');
      }
      const deployed = await long.deployEnvironment({
        environmentId: status.environmentId,
        identity,
        blueprint: input.blueprint,
        plan: planned.plan,
        placement: planned.placement,
        baseline: baselineRef,
      });
      status.services = mergeProgress(status.services, deployed.services);
      status.urls = firstUrls(deployed.urls);
      if (timed) {
        status.timings = timingsOf({
          operation: 'create',
          requestedAt,
          marks: [planned.marks, deployed.marks],
        });
      }

      if (!restoreFirst && input.fromSnapshot) {
        // Runs that started before the two stages restored after everything was up.
        setPhase(status, 'initializing');
        const snapshot = await quick.loadSnapshot({ snapshotId: input.fromSnapshot.snapshotId });
        for (const artifact of snapshot.artifacts) {
          await long.restoreService({
            environmentId: status.runtimeId,
            blueprint: input.blueprint,
            artifact,
          });
        }
      }
      await publish(status, input);
    });
    return 'ready';
  } catch (error) {
    await CancellationScope.nonCancellable(async () => {
      // The first record may still be on its way: the failure is recorded after it.
      await firstRecord?.catch(() => undefined);
      for (const compensation of compensations.reverse()) {
        try {
          await compensation.run();
        } catch (compensationError) {
          // Swallowed: the original failure is what the caller must see; teardown retries on its own.
          log.error('compensation failed', { what: compensation.what, error: String(compensationError) });
        }
      }
    });
    if (isCancellation(error) && teardownRequested()) return 'cancelled';
    const type = failureType(error);
    const message = failureMessage(error);
    status.error = { type, message };
    setPhase(status, 'failed');
    await CancellationScope.nonCancellable(() => quick.recordEnvironment(status));
    throw ApplicationFailure.create({
      type,
      nonRetryable: true,
      message: `environment ${status.environmentId} could not be created: ${message}`,
      cause: error instanceof Error ? error : undefined,
    });
  }
}

/**
 * The warm claim as the first step of a create (`claim-before-plan`): claims and relabels in one
 * activity, and takes the claimed environment's plan, placement and services. Returns the claim's marks,
 * or false when no warm environment was free (the create then plans and deploys cold).
 */
async function claimBeforePlan(
  input: CreateEnvironmentInput,
  status: EnvironmentStatus,
  compensations: { what: string; run: () => Promise<unknown> }[],
  prewarmDataPatched: () => boolean,
): Promise<{ marks: PhaseMarks } | false> {
  const fromSnapshot = input.fromSnapshot && prewarmDataPatched() ? input.fromSnapshot.snapshotId : undefined;
  // A create that restores data claims only a warm environment prepared with its team's data.
  const restoresData =
    !!input.fromSnapshot ||
    servicesWithSnapshotSteps({ blueprint: input.blueprint, branch: false }).length > 0;
  setPhase(status, 'claiming');
  // Not cancellable: a teardown requested meanwhile would otherwise cancel only the workflow's wait
  // while the activity still claims, and the claimed namespace would have no teardown. The cancel takes
  // effect at the next step instead, with the claimed environment's teardown registered below.
  const request = {
    environmentId: status.environmentId,
    blueprintName: input.blueprint.name,
    blueprint: input.blueprint,
    ...(fromSnapshot ? { fromSnapshot } : {}),
    owner: input.owner,
    team: input.team,
    ttl: input.ttl,
    idleAfter: input.idleAfter,
    ...(restoresData ? { sameTeamOnly: true } : {}),
    identity: {
      owner: status.owner,
      team: status.team,
      blueprint: status.blueprint,
      expiresAt: status.expiresAt,
    },
  };
  const claim = await CancellationScope.nonCancellable(() => quick.claimAndRelabelWarmEnvironment(request));
  if (!claim) return false;
  const { claimed } = claim;
  status.runtimeId = claimed.runtimeId;
  status.claimedFrom = claimed.environmentId;
  status.services = claimed.services;
  status.urls = claimed.urls;
  status.plan = claimed.plan;
  status.placement = claimed.placement;
  status.hourlyCost = claimed.hourlyCost;
  status.blueprintDigest = claimed.blueprintDigest;
  compensations.push({ what: 'tear down the claimed environment', run: () => teardownRuntime(status) });
  if (claim.relabelError === undefined) return { marks: claim.marks };
  // The one-step relabel failed: retried on its own now that the teardown is in place.
  log.warn('relabel of the claimed environment failed; retrying', { error: claim.relabelError });
  const relabeled = await quick.relabelEnvironment({
    identity: runtimeIdentity(status, undefined),
    blueprint: input.blueprint,
  });
  return {
    marks: { ...claim.marks, applied: relabeled.relabeledAt, ready: relabeled.relabeledAt },
  };
}

/** Who the environment is, as its Kubernetes objects are labelled (create and apply deploy the same). */
function runtimeIdentity(status: EnvironmentStatus, baselineRuntimeId: string | undefined): RuntimeIdentity {
  return {
    id: status.runtimeId,
    owner: status.owner,
    team: status.team,
    blueprint: status.blueprint,
    baselineId: baselineRuntimeId,
    expiresAt: status.expiresAt,
    name: status.name,
    labels: status.labels,
  };
}

async function publish(status: EnvironmentStatus, input: CreateEnvironmentInput): Promise<void> {
  setPhase(status, 'publishing');
  status.readyAt = nowIso();
  status.lastActivityAt = status.readyAt;
  setPhase(status, input.warm ? 'warm' : 'ready');
  const recorded = await quick.recordEnvironment(status);
  endTimings(status, recorded);
}

/**
 * Ends the operation's breakdown with `published`: the moment its outcome was recorded, which the
 * caller waits for too (the record activity's clock). Only a breakdown this operation made, once.
 */
function endTimings(status: EnvironmentStatus, recorded: { recordedAt: number } | undefined): void {
  const timings = status.timings;
  if (!timings || !recorded || timings.phases.some((p) => p.phase === 'published')) return;
  status.timings = withPhaseEnd(timings, 'published', recorded.recordedAt);
}

async function finish(status: EnvironmentStatus, request: TeardownRequest): Promise<EnvironmentOutcome> {
  setPhase(status, 'tearing-down');
  await quick.recordEnvironment(status);
  await teardownRuntime(status);
  setPhase(status, 'deleted');
  await quick.recordEnvironment(status);
  return { environmentId: status.environmentId, phase: 'deleted', reason: request.reason };
}

/**
 * Scales the environment to zero (sleep) or back (wake). A failure leaves it as it was before the
 * request, with `error` set: a failed sleep keeps it ready, a failed wake keeps it sleeping (a later wake
 * retries); it is never torn down for it.
 */
async function changeSleep(
  status: EnvironmentStatus,
  replicas: 'zero' | 'planned',
  requestedAt?: string,
): Promise<void> {
  const before = status.phase;
  // A new attempt: an earlier attempt's error would end a `--wait` at once.
  status.error = undefined;
  if (replicas === 'planned') setPhase(status, 'waking');
  try {
    const scaled = await long.scaleEnvironment({
      environmentId: status.environmentId,
      runtimeId: status.runtimeId,
      replicas,
    });
    status.services = mergeProgress(status.services, scaled.services);
    status.error = undefined;
    if (replicas === 'zero') {
      status.sleepingSince = nowIso();
      setPhase(status, 'sleeping');
    } else {
      status.sleepingSince = undefined;
      if (patched('phase-timings')) {
        status.timings = timingsOf({ operation: 'wake', requestedAt, marks: [scaled.marks] });
      }
      // Waking is activity: the idle clock starts again.
      status.lastActivityAt = nowIso();
      setPhase(status, 'ready');
    }
  } catch (error) {
    log.error('sleep mode change failed', { replicas, error: String(error) });
    status.error = { type: failureType(error), message: failureMessage(error) };
    setPhase(status, before);
  }
  const recorded = await quick.recordEnvironment(status);
  if (replicas === 'planned' && status.phase === 'ready') endTimings(status, recorded);
}

/**
 * Applies a new blueprint over the running environment (the caller records the outcome): planned
 * (against the baseline for a branch) and server-side applied in the same namespace, so the id and URLs
 * stay and unchanged objects are left as they are. Returns the failure, if any: the environment stays
 * ready (serving what the rollout left running) with `error` set, and is never torn down for it.
 */
async function applyInPlace(params: {
  status: EnvironmentStatus;
  input: CreateEnvironmentInput;
  request: ApplyRequest;
  /** The blueprint that runs now. */
  current: ResolvedBlueprint;
}): Promise<LifecycleError | undefined> {
  const { status, input, request, current } = params;
  status.error = undefined;
  if (request.labels) status.labels = request.labels;
  setPhase(status, 'applying');
  let failure: LifecycleError | undefined;
  try {
    const planned = await quick.planEnvironment({
      blueprint: request.blueprint,
      baseline: input.baseline?.blueprint,
      previous: { blueprint: current, placement: status.placement },
    });
    const baselineRuntimeId = input.baseline ? await runtimeIdFor(input.baseline.environmentId) : undefined;
    // A data service the update adds with snapshot steps starts, and gets its data, before its dependants.
    const added = patched('apply-snapshot-steps')
      ? addedServicesWithSnapshotSteps({
          current,
          next: servicesWithSnapshotSteps({
            blueprint: request.blueprint,
            plan: planned.plan,
            branch: !!input.baseline,
          }),
        })
      : [];
    // The same deploy, first of the added services alone (when any), then of everything. Built at each
    // call: a signal during the restore (an extend, a relabel) changes the identity the next one applies.
    const deploy = () => ({
      environmentId: status.environmentId,
      identity: runtimeIdentity(status, baselineRuntimeId),
      blueprint: request.blueprint,
      plan: planned.plan,
      placement: planned.placement,
      baseline: baselineRuntimeId ? { environmentId: baselineRuntimeId } : undefined,
    });
    if (added.length > 0) {
      await long.deployEnvironment({
        ...deploy(),
        services: withDependencies(
          request.blueprint,
          added.map((service) => service.name),
        ),
      });
      for (const service of added) {
        await runSnapshotSegments({ runtimeId: status.runtimeId, blueprint: request.blueprint, service });
      }
    }
    const deployed = await long.deployEnvironment({ ...deploy(), prune: true });
    status.plan = planned.plan;
    status.placement = planned.placement;
    status.hourlyCost = planned.placement?.hourlyCost;
    status.blueprintDigest = planned.blueprintDigest;
    status.services = mergeProgress(initialProgress(request.blueprint, planned.plan), deployed.services);
    status.urls = firstUrls(deployed.urls);
    status.applied = (status.applied ?? 0) + 1;
    status.lastActivityAt = nowIso();
    if (patched('phase-timings')) {
      status.timings = timingsOf({
        operation: 'update',
        requestedAt: request.requestedAt,
        marks: [planned.marks, deployed.marks],
      });
    }
  } catch (error) {
    log.error('apply failed', { error: String(error) });
    failure = { type: failureType(error), message: failureMessage(error) };
    status.error = failure;
  }
  setPhase(status, 'ready');
  return failure;
}

function teardownRuntime(status: EnvironmentStatus): Promise<unknown> {
  return teardown.teardownEnvironment({ environmentId: status.runtimeId });
}

function initialStatus(params: {
  input: CreateEnvironmentInput;
  ttlMs?: number;
  idleAfterMs?: number;
  idle?: IdleAction;
}): EnvironmentStatus {
  const { input, ttlMs, idleAfterMs, idle } = params;
  const createdAt = nowIso();
  return {
    environmentId: input.environmentId,
    runtimeId: input.environmentId,
    phase: 'pending',
    blueprint: input.blueprint.name,
    owner: input.owner,
    team: input.team,
    parentEnvironmentId: input.baseline?.environmentId,
    ...(input.name ? { name: input.name } : {}),
    ...(input.labels ? { labels: input.labels } : {}),
    services: initialProgress(input.blueprint),
    urls: {},
    createdAt,
    // Warm environments wait for a claimer without a clock; the claimer's TTL applies once claimed.
    expiresAt:
      ttlMs !== undefined && !input.warm ? new Date(Date.parse(createdAt) + ttlMs).toISOString() : undefined,
    lastActivityAt: createdAt,
    idleAfterMs: input.warm ? undefined : idleAfterMs,
    ...(idle ? { idle } : {}),
  };
}

function initialProgress(blueprint: ResolvedBlueprint, plan?: BranchPlan): ServiceProgress[] {
  return blueprint.services.map((service) => {
    const action = plan?.services.find((p) => p.name === service.name)?.action;
    return { name: service.name, action, state: action === 'reuse' ? 'reused' : 'pending' };
  });
}

/** Takes the newest state of each reported service, keeping the planner's action. */
function mergeProgress(current: ServiceProgress[], reported: ServiceProgress[]): ServiceProgress[] {
  const byName = new Map(reported.map((s) => [s.name, s]));
  const merged = current.map((s) => {
    const update = byName.get(s.name);
    return update ? { ...update, action: update.action ?? s.action } : s;
  });
  for (const s of reported) if (!current.some((c) => c.name === s.name)) merged.push(s);
  return merged;
}

function firstUrls(urls: Record<string, string[]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [service, list] of Object.entries(urls)) if (list[0]) result[service] = list[0];
  return result;
}

function setPhase(status: EnvironmentStatus, phase: EnvironmentPhase): void {
  status.phase = phase;
  upsertSearchAttributes([
    { key: PhaseKey, value: phase },
    { key: OwnerKey, value: status.owner },
    { key: TeamKey, value: status.team },
  ]);
}

function durationOrFail(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw ApplicationFailure.create({
      type: LifecycleErrorType.InvalidInput,
      nonRetryable: true,
      message: `${field}: "${text}" is not a duration such as 30m, 4h or 7d`,
    });
  }
  return ms;
}

function failureType(error: unknown): LifecycleErrorType {
  let e: unknown = error;
  // Activity failures wrap the activity's ApplicationFailure in `cause`.
  while (e instanceof Error) {
    if (e instanceof ApplicationFailure && e.type && isLifecycleErrorType(e.type)) return e.type;
    e = (e as { cause?: unknown }).cause;
  }
  return isCancellation(error) ? LifecycleErrorType.Cancelled : LifecycleErrorType.DeployFailed;
}

function failureMessage(error: unknown): string {
  let e: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  while (e instanceof Error) {
    if (e instanceof ApplicationFailure) message = e.message;
    e = (e as { cause?: unknown }).cause;
  }
  return message;
}

function isLifecycleErrorType(type: string): type is LifecycleErrorType {
  return (Object.values(LifecycleErrorType) as string[]).includes(type);
}

function nowIso(): string {
  // Date.now() is deterministic inside the workflow sandbox: it is the time of the current workflow task.
  return new Date(Date.now()).toISOString();
}
