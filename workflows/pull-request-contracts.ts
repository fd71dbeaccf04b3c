import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PullRequestEvent } from '../integrations/github/pull-request-event.js';

/** Workflow type of the per-pull-request workflow (the export in workflows/index.ts). */
export const PULL_REQUEST_WORKFLOW_TYPE = 'githubPullRequest';

/**
 * One workflow per pull request, so every event of it lands in the same place and is handled in order.
 * `/` cannot occur in an owner or repository name, so `acme/shop` #42 → `github-pr-acme/shop-42` is
 * unambiguous.
 */
export function pullRequestWorkflowId(repository: string, number: number): string {
  return `github-pr-${repository}-${number}`;
}

/** Where the pull request's environment goes, from the repository's settings (no secrets). */
export interface PullRequestTarget {
  team: string;
  blueprint: string;
  /** Service → image for this event's head commit (already rendered from the mapping). */
  images: Record<string, string>;
  branchOf?: string;
  ttl?: string;
  /** After this long without requests the environment sleeps (a PR environment is never idle forever). */
  idleAfter?: string;
  /**
   * After a close, the environment sleeps this long before it is deleted (a reopen within it keeps it).
   * Absent (events from before this setting) or 0s: deleted at once.
   */
  deleteAfterClose?: string;
}

/** What the webhook sends the pull request's workflow for each accepted event. */
export interface PullRequestSignal {
  event: PullRequestEvent;
  target: PullRequestTarget;
}

/** What the workflow remembers; carried over continue-as-new. */
export interface PullRequestState {
  repository: string;
  number: number;
  installationId?: number;
  /** The environment last applied for the pull request. */
  environmentId?: string;
  /** The one comment kept on the pull request. */
  commentId?: number;
  /** Closed and not reopened since: later opened/synchronize events are ignored. */
  closed: boolean;
  /** Closed with a grace: the environment sleeps and is deleted at `at` unless reopened before. */
  pendingDelete?: { at: string; sha: string };
  /** Times reopened: part of each apply's revision, so a reopened head is applied again, not replayed. */
  generation?: number;
  /** Recent delivery ids, newest last (a second guard against redeliveries). */
  deliveries: string[];
  /** Events handled, newest last (action + short sha + what was done), at most 20. */
  log: string[];
}

export interface PullRequestWorkflowInput {
  repository: string;
  number: number;
  /** Set when continuing as new. */
  state?: PullRequestState;
  /** Signals received but not handled before continuing as new. */
  pending?: PullRequestSignal[];
}

export const pullRequestEventSignal = defineSignal<[PullRequestSignal]>('pullRequestEvent');
export const pullRequestStateQuery = defineQuery<PullRequestState>('pullRequestState');
