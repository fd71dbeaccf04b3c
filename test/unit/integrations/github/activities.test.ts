import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createGitHubActivities } from '../../../../integrations/github/activities.js';
import { commentMarker } from '../../../../integrations/github/comment.js';
import type {
  IssueComment,
  PullRequestEnvironments,
  PullRequestHost,
} from '../../../../integrations/github/ports.js';

/** A Git host in memory that records calls; `gone` comment ids answer 404 like a deleted comment. */
class MemoryHost implements PullRequestHost {
  comments: IssueComment[] = [];
  calls: string[] = [];
  gone = new Set<number>();
  failWith?: number;
  private next = 1;
  async listComments() {
    this.calls.push('list');
    return this.comments;
  }
  async createComment(_pr: unknown, body: string) {
    this.calls.push('create');
    if (this.failWith) throw Object.assign(new Error(`HTTP ${this.failWith}`), { status: this.failWith });
    const comment = { id: this.next++, body };
    this.comments.push(comment);
    return comment;
  }
  async updateComment(_pr: unknown, id: number, body: string) {
    this.calls.push(`update ${id}`);
    const comment = this.comments.find((c) => c.id === id);
    if (!comment || this.gone.has(id)) throw Object.assign(new Error('Not Found'), { status: 404 });
    comment.body = body;
    return comment;
  }
  async createStatus(..._args: Parameters<PullRequestHost['createStatus']>) {
    this.calls.push('status');
  }
  async reportCheck(..._args: Parameters<PullRequestHost['reportCheck']>) {
    this.calls.push('check');
  }
}

const environments: PullRequestEnvironments = {
  apply: async () => ({ environmentId: 'e1' }),
  status: async () => null,
  delete: async () => {},
  sleep: async () => true,
  wake: async () => false,
};
const pr = { repository: 'acme/shop', number: 42 };
const view = { repository: 'acme/shop', number: 42, state: 'deploying' as const, sha: 'a'.repeat(40) };

describe('the comment keeper', () => {
  it('creates one comment, then edits it by id', async () => {
    const host = new MemoryHost();
    const activities = createGitHubActivities({ environments, host });
    const { commentId } = await activities.githubUpsertComment({ pr, view });
    expect(
      await activities.githubUpsertComment({ pr, view: { ...view, state: 'ready' }, commentId }),
    ).toEqual({
      commentId,
    });
    expect(host.calls).toEqual(['list', 'create', `update ${commentId}`]);
    expect(host.comments).toHaveLength(1);
    expect(host.comments[0]!.body).toContain('is ready');
  });

  it('finds its comment by the hidden marker when the id is lost, never writing a second one', async () => {
    const host = new MemoryHost();
    host.comments.push(
      { id: 7, body: 'a reviewer says hi' },
      { id: 8, body: `${commentMarker('acme/shop', 42)}\nold` },
    );
    const activities = createGitHubActivities({ environments, host });
    expect(await activities.githubUpsertComment({ pr, view })).toEqual({ commentId: 8 });
    // A stale id (the comment was deleted by hand): found again by marker, or created anew once.
    host.gone.add(8);
    host.comments = host.comments.filter((c) => c.id !== 8);
    expect(await activities.githubUpsertComment({ pr, view, commentId: 8 })).toEqual({ commentId: 1 });
    expect(host.comments.map((c) => c.id)).toEqual([7, 1]);
  });

  it('gives up at once on a refusal that retries cannot fix, and retries the rest', async () => {
    const host = new MemoryHost();
    const activities = createGitHubActivities({ environments, host });
    host.failWith = 403;
    const refused = await activities.githubUpsertComment({ pr, view }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect((refused as ApplicationFailure).nonRetryable).toBe(true);
    host.failWith = 502;
    const transient = await activities.githubUpsertComment({ pr, view }).catch((e: unknown) => e);
    expect(transient).not.toBeInstanceOf(ApplicationFailure);
  });

  it('cuts status descriptions to the 140 characters GitHub accepts', async () => {
    let description = '';
    const host = new MemoryHost();
    host.createStatus = async (_pr, status) => {
      description = status.description;
    };
    await createGitHubActivities({ environments, host }).githubSetStatus({
      pr,
      sha: 'a'.repeat(40),
      state: 'failure',
      description: 'x'.repeat(500),
    });
    expect(description).toHaveLength(140);
  });
});
