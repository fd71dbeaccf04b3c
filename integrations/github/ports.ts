/**
 * What the pull-request integration needs from the rest of the system, as small interfaces: its
 * activities take these as dependencies (createGitHubActivities), production wires real ones, tests
 * pass their own. `PullRequestEnvironments` is implemented over `env apply` (ApiPullRequestEnvironments).
 */

/** The environment a pull request wants, by team + name (the future `env apply` key). */
export interface PullRequestEnvironmentSpec {
  team: string;
  /** e.g. `pr-42`; unique per team once names exist. */
  name: string;
  /** A registered blueprint name (latest version). */
  blueprint: string;
  /** Service → image reference to run instead of the blueprint's. */
  images: Record<string, string>;
  labels: Record<string, string>;
  /** Branch from this baseline environment: unchanged services are reused from it. */
  branchOf?: string;
  ttl?: string;
  /** Sleep after this long without activity (woken by the next request). */
  idleAfter?: string;
  /** The head commit: makes a retried apply of the same revision a no-op (today: the Idempotency-Key). */
  revision: string;
  /**
   * The environment the caller last applied for this name. Implementations without names (create +
   * delete) replace it; an apply that finds the environment by team + name ignores it.
   */
  replaces?: string;
}

/** A service in the environment's plan: run in the PR's environment, or reused from the baseline. */
export interface PlannedService {
  name: string;
  action: 'deploy' | 'fork' | 'reuse';
  reasons: string[];
}

/** What the PR comment shows of an environment. */
export interface EnvironmentSummary {
  id: string;
  phase: string;
  urls: Record<string, string>;
  /** Every service with what happens to it and why; null when the environment has no baseline. */
  plan: PlannedService[] | null;
  services: string[];
  expiresAt: string | null;
  error: string | null;
}

/** The newest traffic diff of a pull request's environment against its baseline, as the comment shows it. */
export interface DiffSummary {
  runId: string;
  baseline: string;
  verdict: 'no-differences' | 'differences' | 'incomplete';
  compared: number;
  differing: number;
  skipped: number;
  /** Per endpoint template. */
  endpoints: { template: string; compared: number; differing: number }[];
  /** The differing JSON paths seen on most requests, first. */
  topPaths: { template: string; path: string; requests: number }[];
}

export interface PullRequestEnvironments {
  /** Creates or updates the environment; resolves once it is accepted (not once ready). Idempotent. */
  apply(spec: PullRequestEnvironmentSpec): Promise<{ environmentId: string }>;
  /** null when no such environment exists. */
  status(environmentId: string): Promise<EnvironmentSummary | null>;
  /** Asks for deletion; an environment that is already gone is fine. */
  delete(environmentId: string): Promise<void>;
  /**
   * Puts it to sleep (closed, within the delete grace). False when it cannot sleep now (gone, or not
   * ready): the delete that follows does not depend on it.
   */
  sleep(environmentId: string): Promise<boolean>;
  /**
   * Wakes it (asleep when idle or closed) before an apply, which needs it ready. True when it was
   * asleep and is waking now; false when there was nothing to wake (awake, gone, or failed).
   */
  wake(environmentId: string): Promise<boolean>;
  /** The newest finished traffic diff of the environment; null when it has none. */
  latestDiff?(environmentId: string): Promise<DiffSummary | null>;
}

/** A pull request on the Git host. */
export interface PullRequestRef {
  repository: string;
  number: number;
  /** The GitHub App installation to act as (absent: the configured token). */
  installationId?: number;
}

export interface IssueComment {
  id: number;
  body: string;
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

/** Where a head commit's check stands: queued → in_progress → success | failure. */
export type CheckState = 'queued' | 'in_progress' | 'success' | 'failure';

/** The check (a check run, or a commit status where check runs are not available) of one head commit. */
export interface CommitCheck {
  sha: string;
  state: CheckState;
  /** One line (a commit status's description; a check run's title). */
  title: string;
  /** Markdown: URLs and plan summary (a check run's summary; a commit status has no room for it). */
  summary?: string;
  detailsUrl?: string;
}

/** The few Git-host calls the integration makes. Errors carry `status` (HTTP) where there is one. */
export interface PullRequestHost {
  listComments(pr: PullRequestRef): Promise<IssueComment[]>;
  createComment(pr: PullRequestRef, body: string): Promise<IssueComment>;
  /** Rejects with status 404 when the comment is gone. */
  updateComment(pr: PullRequestRef, commentId: number, body: string): Promise<IssueComment>;
  createStatus(
    pr: PullRequestRef,
    status: { sha: string; state: CommitState; description: string; targetUrl?: string; context?: string },
  ): Promise<void>;
  /**
   * Reports the head commit's check under `name`: the one check run of that name on the commit is
   * created or updated in place (a GitHub App), or a commit status is set (a token cannot write check runs).
   */
  reportCheck(pr: PullRequestRef, check: CommitCheck & { name: string }): Promise<void>;
}
