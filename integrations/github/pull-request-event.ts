import { z } from 'zod';

/** The pull_request actions the integration acts on; every other action is acknowledged and ignored. */
export const HANDLED_ACTIONS = ['opened', 'reopened', 'synchronize', 'closed'] as const;
export type PullRequestAction = (typeof HANDLED_ACTIONS)[number];

/** GitHub's `owner/name`: owners are letters, digits and hyphens; names add `.` and `_`. */
export const RepositoryFullName = z
  .string()
  .max(140)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'must be "owner/name"')
  .describe('The repository, as GitHub names it: owner/name');

const Sha = z.string().regex(/^[0-9a-f]{40}$/, 'must be a 40-digit hex commit sha');

/** The few fields of GitHub's documented `pull_request` webhook payload the integration reads. */
const PullRequestPayload = z.object({
  action: z.string().max(64),
  number: z.number().int().positive(),
  pull_request: z.object({
    number: z.number().int().positive(),
    state: z.string().max(16),
    merged: z.boolean().nullable().optional(),
    html_url: z.string().max(2000).optional(),
    head: z.object({ sha: Sha, ref: z.string().max(255) }),
  }),
  repository: z.object({ full_name: RepositoryFullName }),
  installation: z.object({ id: z.number().int().positive() }).optional(),
});

/** One pull_request event, as the workflow sees it (no secrets, only what it acts on). */
export interface PullRequestEvent {
  deliveryId: string;
  action: PullRequestAction;
  repository: string;
  number: number;
  headSha: string;
  headRef: string;
  merged: boolean;
  /** The GitHub App installation that sent it (absent for plain repository webhooks). */
  installationId?: number;
}

export type ParsedPullRequest =
  | { kind: 'event'; event: PullRequestEvent }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; field: string; message: string };

/**
 * Reads a `pull_request` payload (already JSON-parsed). Actions outside HANDLED_ACTIONS are `ignored`;
 * a payload missing a field the integration needs is `invalid`, naming the field (e.g.
 * `pull_request.head.sha`).
 */
export function parsePullRequestEvent(payload: unknown, deliveryId: string): ParsedPullRequest {
  const parsed = PullRequestPayload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'invalid', field: issue.path.join('.') || '(body)', message: issue.message };
  }
  const p = parsed.data;
  if (!(HANDLED_ACTIONS as readonly string[]).includes(p.action)) {
    return { kind: 'ignored', reason: `pull_request action "${p.action}" is not acted on` };
  }
  return {
    kind: 'event',
    event: {
      deliveryId,
      action: p.action as PullRequestAction,
      repository: p.repository.full_name,
      number: p.pull_request.number,
      headSha: p.pull_request.head.sha,
      headRef: p.pull_request.head.ref,
      merged: p.pull_request.merged === true,
      ...(p.installation ? { installationId: p.installation.id } : {}),
    },
  };
}

/** The repository a payload names, before its signature is checked (to find the secret to check it with). */
export function repositoryOf(payload: unknown): string | null {
  const parsed = z.object({ repository: z.object({ full_name: RepositoryFullName }) }).safeParse(payload);
  return parsed.success ? parsed.data.repository.full_name : null;
}
