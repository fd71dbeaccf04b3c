import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import type { CommitCheck, CommitState, IssueComment, PullRequestHost, PullRequestRef } from './ports.js';

/** How the integration authenticates to GitHub: a GitHub App (preferred) or a plain token. */
export type GitHubAuth =
  | { kind: 'app'; appId: string; privateKey: string }
  | { kind: 'token'; token: string };

/** Most comment pages read when looking for the marker (100 a page). */
const MAX_COMMENT_PAGES = 20;

/**
 * PullRequestHost over Octokit, against `baseUrl` (https://api.github.com, or GitHub Enterprise's
 * https://HOST/api/v3). With a GitHub App, each installation gets one Octokit whose auth strategy turns
 * the app JWT into an installation token and caches it until shortly before it expires.
 */
export class OctokitPullRequestHost implements PullRequestHost {
  private readonly clients = new Map<string, Octokit>();

  constructor(
    private readonly options: {
      baseUrl: string;
      auth: GitHubAuth;
      statusContext?: string;
      userAgent?: string;
    },
  ) {}

  private client(pr: PullRequestRef): Octokit {
    const { auth, baseUrl } = this.options;
    const key = auth.kind === 'app' ? `installation-${pr.installationId ?? 'none'}` : 'token';
    let client = this.clients.get(key);
    if (client) return client;
    const common = { baseUrl, userAgent: this.options.userAgent ?? 'microstax', log: quietLog };
    if (auth.kind === 'token') {
      client = new Octokit({ ...common, auth: auth.token });
    } else {
      if (pr.installationId === undefined) {
        throw Object.assign(
          new Error(
            `${pr.repository}#${pr.number}: the event carried no installation id; a GitHub App needs one`,
          ),
          { status: 400 },
        );
      }
      client = new Octokit({
        ...common,
        authStrategy: createAppAuth,
        auth: { appId: auth.appId, privateKey: auth.privateKey, installationId: pr.installationId },
      });
    }
    this.clients.set(key, client);
    return client;
  }

  private static split(pr: PullRequestRef) {
    const [owner, repo] = pr.repository.split('/') as [string, string];
    return { owner, repo };
  }

  async listComments(pr: PullRequestRef): Promise<IssueComment[]> {
    const comments: IssueComment[] = [];
    for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
      const { data } = await this.client(pr).request(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        {
          ...OctokitPullRequestHost.split(pr),
          issue_number: pr.number,
          per_page: 100,
          page,
        },
      );
      comments.push(...data.map((c) => ({ id: Number(c.id), body: c.body ?? '' })));
      if (data.length < 100) break;
    }
    return comments;
  }

  async createComment(pr: PullRequestRef, body: string): Promise<IssueComment> {
    const { data } = await this.client(pr).request(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        ...OctokitPullRequestHost.split(pr),
        issue_number: pr.number,
        body,
      },
    );
    return { id: Number(data.id), body: data.body ?? '' };
  }

  async updateComment(pr: PullRequestRef, commentId: number, body: string): Promise<IssueComment> {
    const { data } = await this.client(pr).request(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      {
        ...OctokitPullRequestHost.split(pr),
        comment_id: commentId,
        body,
      },
    );
    return { id: Number(data.id), body: data.body ?? '' };
  }

  async createStatus(
    pr: PullRequestRef,
    status: { sha: string; state: CommitState; description: string; targetUrl?: string; context?: string },
  ): Promise<void> {
    await this.client(pr).request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      ...OctokitPullRequestHost.split(pr),
      sha: status.sha,
      state: status.state,
      description: status.description,
      context: status.context ?? this.options.statusContext ?? 'microstax',
      ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    });
  }

  async reportCheck(pr: PullRequestRef, check: CommitCheck & { name: string }): Promise<void> {
    if (this.options.auth.kind === 'token') {
      // Only GitHub Apps may write check runs: a token sets the commit status instead.
      await this.createStatus(pr, {
        sha: check.sha,
        state: check.state === 'queued' || check.state === 'in_progress' ? 'pending' : check.state,
        description: check.title.slice(0, 140),
        context: check.name,
        ...(check.detailsUrl ? { targetUrl: check.detailsUrl } : {}),
      });
      return;
    }
    const client = this.client(pr);
    const repo = OctokitPullRequestHost.split(pr);
    const { state } = check;
    const progress =
      state === 'success' || state === 'failure'
        ? { status: 'completed' as const, conclusion: state, completed_at: new Date().toISOString() }
        : { status: state };
    const fields = {
      ...progress,
      ...(check.state === 'in_progress' ? { started_at: new Date().toISOString() } : {}),
      ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
      output: {
        title: check.title.slice(0, 255),
        summary: (check.summary ?? check.title).slice(0, CHECK_SUMMARY_MAX),
      },
    };
    // One check run per name and commit, edited in place: a retried activity finds the one it made.
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo,
      ref: check.sha,
      check_name: check.name,
      filter: 'latest',
      per_page: 1,
    });
    const existing = data.check_runs[0];
    if (existing) {
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...repo,
        check_run_id: existing.id,
        ...fields,
      });
      return;
    }
    await client.request('POST /repos/{owner}/{repo}/check-runs', {
      ...repo,
      name: check.name,
      head_sha: check.sha,
      ...fields,
    });
  }
}

/** GitHub's cap on a check run's output summary. */
const CHECK_SUMMARY_MAX = 65_535;

// Octokit logs request failures to the console by default; the activity's error carries them instead.
const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
