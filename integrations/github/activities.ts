import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { type CommentView, commentMarker, renderComment } from './comment.js';
import type {
  CommitCheck,
  CommitState,
  EnvironmentSummary,
  PullRequestEnvironmentSpec,
  PullRequestEnvironments,
  PullRequestHost,
  PullRequestRef,
} from './ports.js';

export interface GitHubActivityDependencies {
  environments: PullRequestEnvironments;
  host: PullRequestHost;
  /** The commit status context shown on the pull request (default `microstax`). */
  statusContext?: string;
  /** How often the wait for an environment looks again, ms (default 2000). */
  pollEveryMs?: number;
  /** How long the wait for an environment lasts before it reports what it has, ms (default 30 min). */
  readyTimeoutMs?: number;
}

/** A 4xx other than 404/408/409/429 will not get better with retries: fail the activity for good. */
function permanentIfClientError(error: unknown): never {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500 && ![404, 408, 409, 429].includes(status)) {
    throw ApplicationFailure.create({
      type: 'GitHubIntegrationRequestRefused',
      nonRetryable: true,
      message: (error as Error).message,
    });
  }
  throw error;
}

/**
 * The pull-request workflow's activities, over injected ports. Each is idempotent: applying the same
 * revision twice is one environment, the comment is found (by id, else by its hidden marker) before a
 * new one is written, and deleting a deleted environment is fine.
 */
export function createGitHubActivities(deps: GitHubActivityDependencies) {
  const pollEveryMs = deps.pollEveryMs ?? 2_000;
  const readyTimeoutMs = deps.readyTimeoutMs ?? 30 * 60_000;
  const statusContext = deps.statusContext ?? 'microstax';

  /** The diff the comment shows: only on a ready environment, and a diff that cannot be read leaves it out. */
  const latestDiff = async (params: { view: CommentView; environmentId?: string }) => {
    const id = params.environmentId ?? params.view.environment?.id;
    if (params.view.state !== 'ready' || !id || !deps.environments.latestDiff) return {};
    const diff = await deps.environments.latestDiff(id).catch(() => null);
    return diff ? { diff } : {};
  };

  return {
    async githubApplyEnvironment(params: {
      spec: PullRequestEnvironmentSpec;
    }): Promise<{ environmentId: string }> {
      try {
        return await deps.environments.apply(params.spec);
      } catch (error) {
        permanentIfClientError(error);
      }
    },

    async githubDeleteEnvironment(params: { environmentId: string }): Promise<void> {
      try {
        await deps.environments.delete(params.environmentId);
      } catch (error) {
        permanentIfClientError(error);
      }
    },

    /** Puts a closed pull request's environment to sleep for the delete grace; false when it cannot sleep now. */
    async githubSleepEnvironment(params: { environmentId: string }): Promise<boolean> {
      try {
        return await deps.environments.sleep(params.environmentId);
      } catch (error) {
        permanentIfClientError(error);
      }
    },

    /** Wakes the environment before an apply; true when it was asleep (then wait until it is ready). */
    async githubWakeEnvironment(params: { environmentId: string }): Promise<boolean> {
      try {
        return await deps.environments.wake(params.environmentId);
      } catch (error) {
        permanentIfClientError(error);
      }
    },

    /** Reports the head commit's check (one check run per commit, edited in place; or a commit status). */
    async githubReportCheck(params: { pr: PullRequestRef; check: CommitCheck }): Promise<void> {
      try {
        await deps.host.reportCheck(params.pr, { ...params.check, name: statusContext });
      } catch (error) {
        permanentIfClientError(error);
      }
    },

    /** Waits (heartbeating) until the environment is ready, failed or gone; returns what the comment shows. */
    async githubAwaitEnvironment(params: { environmentId: string }): Promise<EnvironmentSummary | null> {
      const deadline = Date.now() + readyTimeoutMs;
      const signal = Context.current().cancellationSignal;
      for (;;) {
        const summary = await deps.environments.status(params.environmentId);
        Context.current().heartbeat({ phase: summary?.phase ?? 'missing' });
        if (!summary || ['ready', 'failed', 'deleted'].includes(summary.phase) || Date.now() > deadline) {
          return summary;
        }
        await Context.current().sleep(pollEveryMs);
        if (signal.aborted) throw signal.reason;
      }
    },

    /** Writes the pull request's one comment: edits it in place, finds it by marker if the id is lost. */
    async githubUpsertComment(params: {
      pr: PullRequestRef;
      commentId?: number;
      view: CommentView;
      environmentId?: string;
    }): Promise<{ commentId: number }> {
      const body = renderComment({ ...params.view, ...(await latestDiff(params)) });
      try {
        let commentId = params.commentId;
        if (commentId !== undefined) {
          try {
            return { commentId: (await deps.host.updateComment(params.pr, commentId, body)).id };
          } catch (error) {
            if ((error as { status?: number }).status !== 404) throw error;
            commentId = undefined;
          }
        }
        const marker = commentMarker(params.pr.repository, params.pr.number);
        const found = (await deps.host.listComments(params.pr)).find((c) => c.body.startsWith(marker));
        if (found) return { commentId: (await deps.host.updateComment(params.pr, found.id, body)).id };
        return { commentId: (await deps.host.createComment(params.pr, body)).id };
      } catch (error) {
        permanentIfClientError(error);
      }
    },

    async githubSetStatus(params: {
      pr: PullRequestRef;
      sha: string;
      state: CommitState;
      description: string;
      targetUrl?: string;
    }): Promise<void> {
      try {
        await deps.host.createStatus(params.pr, {
          sha: params.sha,
          state: params.state,
          // GitHub refuses descriptions over 140 characters.
          description: params.description.slice(0, 140),
          ...(params.targetUrl ? { targetUrl: params.targetUrl } : {}),
          context: statusContext,
        });
      } catch (error) {
        permanentIfClientError(error);
      }
    },
  };
}

export type GitHubActivities = ReturnType<typeof createGitHubActivities>;
