import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import type { CommitState, IssueComment, PullRequestHost, PullRequestRef } from './ports.js';

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
}

// Octokit logs request failures to the console by default; the activity's error carries them instead.
const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
