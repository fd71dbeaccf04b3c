import {
  ActivityCancellationType,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GitHubActivities } from '../integrations/github/activities.js';
import { type CommentView, checkTitle, environmentLines } from '../integrations/github/comment.js';
import { pullRequestEnvironmentName } from '../integrations/github/environment-name.js';
import type { CheckState, EnvironmentSummary, PullRequestRef } from '../integrations/github/ports.js';
import type { PullRequestEvent } from '../integrations/github/pull-request-event.js';
import { parseDuration } from './duration.js';
import {
  type PullRequestSignal,
  type PullRequestState,
  type PullRequestWorkflowInput,
  pullRequestEventSignal,
  pullRequestStateQuery,
} from './pull-request-contracts.js';

/** Calls to GitHub and the environments port: short, retried with backoff. */
const host = proxyActivities<GitHubActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** Waiting for the environment: long, heartbeating, so a dead worker is noticed and the wait resumes. */
const waiting = proxyActivities<GitHubActivities>({
  startToCloseTimeout: '35 minutes',
  heartbeatTimeout: '30 seconds',
  cancellationType: ActivityCancellationType.TRY_CANCEL,
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** After close, how long the workflow stays to refuse late events (a synchronize delivered after closed). */
const CLOSED_RETENTION = '7 days';
/** Events handled before the history is rolled over with continue-as-new. */
const EVENTS_PER_RUN = 200;
/** Delivery ids remembered for the second redelivery guard. */
const DELIVERIES_KEPT = 50;

/**
 * One pull request's environment: events arrive as signals (signal-with-start from the webhook) and
 * are handled one at a time, in order. opened/reopened/synchronize apply the environment; closed
 * puts it to sleep and deletes it after the repository's grace (a reopen within it wakes it instead), and
 * after that only reopened brings it back. One comment is kept on the pull request and edited in place;
 * the head commit gets a check run queued → in_progress → success/failure with the URLs and the plan.
 */
export async function githubPullRequest(input: PullRequestWorkflowInput): Promise<PullRequestState> {
  const state: PullRequestState = input.state ?? {
    repository: input.repository,
    number: input.number,
    closed: false,
    deliveries: [],
    log: [],
  };
  const queue: PullRequestSignal[] = [...(input.pending ?? [])];
  setHandler(pullRequestEventSignal, (signal) => {
    queue.push(signal);
  });
  setHandler(pullRequestStateQuery, () => state);

  let handled = 0;
  for (;;) {
    const got = await condition(
      () => queue.length > 0,
      state.pendingDelete
        ? Math.max(1, Date.parse(state.pendingDelete.at) - Date.now())
        : state.closed
          ? CLOSED_RETENTION
          : '30 days',
    );
    if (!got) {
      if (state.pendingDelete) {
        await deleteAfterGrace(state);
        continue;
      }
      if (state.closed) return state;
      continue;
    }
    const signal = queue.shift()!;
    await handle(state, signal, queue);
    handled++;
    if (handled >= EVENTS_PER_RUN) {
      await continueAsNew<typeof githubPullRequest>({
        repository: state.repository,
        number: state.number,
        state,
        pending: queue.splice(0),
      });
    }
  }
}

/** Writes the pull request's one comment for this event (created once, then edited) and keeps its id. */
async function updateComment(
  state: PullRequestState,
  event: Pick<PullRequestEvent, 'headSha'>,
  view: Pick<CommentView, 'state' | 'environment' | 'error' | 'deleteAt'>,
): Promise<void> {
  const pr = { repository: state.repository, number: state.number, installationId: state.installationId };
  const { commentId } = await host.githubUpsertComment({
    pr,
    commentId: state.commentId,
    view: { repository: state.repository, number: state.number, sha: event.headSha, ...view },
    environmentId: state.environmentId,
  });
  state.commentId = commentId;
}

function note(
  state: PullRequestState,
  event: Pick<PullRequestEvent, 'action' | 'headSha'>,
  what: string,
): void {
  state.log.push(`${event.action} ${event.headSha.slice(0, 7)}: ${what}`);
  if (state.log.length > 20) state.log.splice(0, state.log.length - 20);
  log.info('pull request event', { repository: state.repository, number: state.number, what });
}

async function handle(state: PullRequestState, signal: PullRequestSignal, queue: PullRequestSignal[]) {
  const { event, target } = signal;
  if (state.deliveries.includes(event.deliveryId)) return;
  state.deliveries.push(event.deliveryId);
  if (state.deliveries.length > DELIVERIES_KEPT) state.deliveries.shift();
  if (event.installationId !== undefined) state.installationId = event.installationId;
  const pr = { repository: state.repository, number: state.number, installationId: state.installationId };

  if (event.action === 'closed') {
    if (state.pendingDelete) {
      note(state, event, `ignored: already closed, delete due at ${state.pendingDelete.at}`);
      return;
    }
    state.closed = true;
    const graceMs = parseDuration(target.deleteAfterClose ?? '0s') ?? 0;
    if (state.environmentId && graceMs > 0 && patched('pr-delete-grace')) {
      // Sleep through the grace rather than delete: a reopen within it wakes the same environment.
      const asleep = await host.githubSleepEnvironment({ environmentId: state.environmentId });
      const at = new Date(Date.now() + graceMs).toISOString();
      state.pendingDelete = { at, sha: event.headSha };
      await updateComment(state, event, { state: 'closed', deleteAt: at });
      note(state, event, `${asleep ? 'asleep' : 'not asleep'}, delete due at ${at}`);
      return;
    }
    if (state.environmentId) await host.githubDeleteEnvironment({ environmentId: state.environmentId });
    await updateComment(state, event, { state: 'deleted' });
    note(state, event, state.environmentId ? `deleted ${state.environmentId}` : 'nothing to delete');
    return;
  }
  if (event.action === 'reopened') {
    state.closed = false;
    state.generation = (state.generation ?? 0) + 1;
    if (state.pendingDelete) {
      // Reopened within the grace: the delete is called off; the apply below wakes the environment.
      state.pendingDelete = undefined;
      note(state, event, 'delete called off');
    }
  } else if (state.closed) {
    // Delivered after closed (GitHub does not promise order): never bring a deleted environment back.
    note(state, event, 'ignored: the pull request is closed');
    return;
  }
  // A later push or close is already waiting: this head is out of date, skip straight to it.
  if (queue.some((next) => next.event.action === 'synchronize' || next.event.action === 'closed')) {
    note(state, event, 'skipped: superseded by a later event');
    return;
  }

  const current = patched('pr-check-runs-and-wake');
  const check = checkReporter(pr, event.headSha, current);
  await check('queued', 'Deploying the environment');
  await updateComment(state, event, { state: 'deploying' });
  // Asleep (idle, or closed within the grace) it cannot be updated: wake it and wait until it is ready.
  if (current && state.environmentId) {
    const woke = await host.githubWakeEnvironment({ environmentId: state.environmentId });
    if (woke) await waiting.githubAwaitEnvironment({ environmentId: state.environmentId });
  }
  let environmentId: string;
  try {
    ({ environmentId } = await host.githubApplyEnvironment({
      spec: {
        team: target.team,
        name: pullRequestEnvironmentName(state.repository, state.number),
        blueprint: target.blueprint,
        images: target.images,
        labels: { 'github-repository': state.repository.replace('/', '.'), pr: String(state.number) },
        ...(target.branchOf ? { branchOf: target.branchOf } : {}),
        ...(target.ttl ? { ttl: target.ttl } : {}),
        ...(target.idleAfter ? { idleAfter: target.idleAfter } : {}),
        revision: `${state.repository}#${state.number}@${event.headSha}/${state.generation ?? 0}`,
        ...(state.environmentId ? { replaces: state.environmentId } : {}),
      },
    }));
  } catch (error) {
    // An activity's failure wraps the activity's own error; that one says what went wrong.
    const cause = (error as { cause?: unknown }).cause;
    const message =
      cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
    await updateComment(state, event, { state: 'failed', error: message });
    await check('failure', message);
    note(state, event, `apply failed: ${message}`);
    return;
  }
  state.environmentId = environmentId;
  await check('in_progress', `Applying ${environmentId}`);
  const summary = await waiting.githubAwaitEnvironment({ environmentId });
  const ready = summary?.phase === 'ready';
  // The comment first: once the status is final, the comment a reviewer opens from it is too.
  await updateComment(state, event, {
    state: ready ? 'ready' : 'failed',
    environment: summary ?? undefined,
    error: ready ? undefined : (summary?.error ?? `environment is ${summary?.phase ?? 'missing'}`),
  });
  await check(
    ready ? 'success' : 'failure',
    ready ? 'Environment ready' : `Environment ${summary?.phase ?? 'missing'}`,
    summary ?? null,
  );
  note(state, event, `${environmentId} ${summary?.phase ?? 'missing'}`);
}

/**
 * Reports the head commit's progress: a check run with the environment's URLs and plan (patched
 * runs), or, in runs started before check runs, the commit status as it was (no in_progress step).
 */
function checkReporter(pr: PullRequestRef, sha: string, checkRuns: boolean) {
  return async (to: CheckState, line: string, env?: EnvironmentSummary | null): Promise<void> => {
    const targetUrl = env ? Object.values(env.urls).sort()[0] : undefined;
    if (checkRuns) {
      const title = env !== undefined ? checkTitle(env) : line;
      await host.githubReportCheck({
        pr,
        check: {
          sha,
          state: to,
          title,
          summary: env
            ? [`Environment \`${env.id}\` is ${env.phase}.`, '', ...environmentLines(env)].join('\n')
            : title,
          ...(targetUrl ? { detailsUrl: targetUrl } : {}),
        },
      });
      return;
    }
    if (to === 'in_progress') return;
    await host.githubSetStatus({
      pr,
      sha,
      state: to === 'queued' ? 'pending' : to,
      description: line,
      ...(env !== undefined ? { targetUrl } : {}),
    });
  };
}

/** The close grace is over and nobody reopened: the environment is deleted and the comment says so. */
async function deleteAfterGrace(state: PullRequestState): Promise<void> {
  const due = state.pendingDelete!;
  state.pendingDelete = undefined;
  if (state.environmentId) await host.githubDeleteEnvironment({ environmentId: state.environmentId });
  const event = { action: 'closed' as const, headSha: due.sha };
  await updateComment(state, event, { state: 'deleted' });
  note(state, event, `grace over: deleted ${state.environmentId ?? 'nothing'}`);
}
