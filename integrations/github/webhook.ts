import type { Queryable } from '../../store/database.js';
import {
  forgetGitHubDelivery,
  getGitHubRepository,
  pruneGitHubDeliveries,
  recordGitHubDelivery,
} from '../../store/github.js';
import type { PullRequestSignal } from '../../workflows/pull-request-contracts.js';
import { imagesFor } from './image-mapping.js';
import { parsePullRequestEvent, repositoryOf } from './pull-request-event.js';
import type { SecretBox } from './secret-box.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './signature.js';

/**
 * A pull request's environment never lives forever: without a repository `ttl` it is deleted after a
 * week, it sleeps after an hour without requests (the next one wakes it), and after the pull request
 * closes it sleeps for a day and is then deleted (a reopen within that day keeps it).
 */
export const PULL_REQUEST_DEFAULTS = { ttl: '7d', idleAfter: '1h', deleteAfterClose: '24h' } as const;

/**
 * The longest close grace and idle time a repository may set: the pull request's workflow stays a week
 * after a close to refuse late events, and the delete is due within it.
 */
export const PULL_REQUEST_LIMITS = { longest: '7d' } as const;

/** Largest webhook body accepted. GitHub caps payloads at 25 MB; pull_request payloads are far smaller. */
export const WEBHOOK_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** What the route answers. `code` is one of the API's error codes for non-2xx answers. */
export type WebhookOutcome =
  | { statusCode: 200 | 202; body: { accepted: boolean; reason: string; workflowId?: string } }
  | {
      statusCode: 400 | 401 | 404 | 503;
      code: 'validation_failed' | 'unauthorized' | 'not_found' | 'unavailable';
      message: string;
      field?: string;
    };

const unauthorized: WebhookOutcome = {
  statusCode: 401,
  code: 'unauthorized',
  // One message for every case, so a caller without the secret learns nothing (not even which repositories exist).
  message: `the ${SIGNATURE_HEADER} signature is missing or does not verify for this repository`,
};

/**
 * Handles one webhook delivery: verify first (nothing is read from an unsigned body but the repository
 * name that picks the secret), then ignore what is not acted on, drop redeliveries, and hand the event to
 * the pull request's workflow. A failed hand-off forgets the delivery, so GitHub's redelivery retries it.
 */
export async function receiveGitHubWebhook(params: {
  db: Queryable;
  box: SecretBox | null;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  signal: (signal: PullRequestSignal) => Promise<{ workflowId: string }>;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}): Promise<WebhookOutcome> {
  const { headers, rawBody, log } = params;
  // Not configured is not an outage (no retry helps): the endpoint is absent, as far as GitHub can tell.
  if (!params.box) {
    return {
      statusCode: 404,
      code: 'not_found',
      message: 'the GitHub integration is not configured on this API',
    };
  }
  if (typeof headers[SIGNATURE_HEADER] !== 'string') return unauthorized;
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return unauthorized;
  }
  const repository = repositoryOf(payload);
  const repo = repository ? await getGitHubRepository(params.db, repository) : null;
  const secret = repo ? params.box.open(repo.webhookSecretSealed, repo.fullName) : null;
  if (
    !repo ||
    !secret ||
    !verifyWebhookSignature({ secret, body: rawBody, header: headers[SIGNATURE_HEADER] })
  ) {
    log.info(
      { repository: repository ?? '(none)', known: repo !== null },
      'github webhook refused: signature',
    );
    return unauthorized;
  }

  const event = headers['x-github-event'];
  const deliveryId = headers['x-github-delivery'];
  if (typeof deliveryId !== 'string' || !/^[A-Za-z0-9-]{1,100}$/.test(deliveryId)) {
    return {
      statusCode: 400,
      code: 'validation_failed',
      message: 'X-GitHub-Delivery must be the delivery id GitHub sends (letters, digits and -, at most 100)',
      field: 'headers.x-github-delivery',
    };
  }
  if (event === 'ping') return { statusCode: 200, body: { accepted: false, reason: 'pong' } };
  if (event !== 'pull_request') {
    return { statusCode: 202, body: { accepted: false, reason: `event "${String(event)}" is not acted on` } };
  }
  const parsed = parsePullRequestEvent(payload, deliveryId);
  if (parsed.kind === 'ignored') return { statusCode: 202, body: { accepted: false, reason: parsed.reason } };
  if (parsed.kind === 'invalid') {
    return {
      statusCode: 400,
      code: 'validation_failed',
      message: `pull_request payload: ${parsed.field}: ${parsed.message}`,
      field: `body.${parsed.field}`,
    };
  }
  const fresh = await recordGitHubDelivery(params.db, { deliveryId, fullName: repo.fullName, event });
  if (!fresh) {
    return { statusCode: 200, body: { accepted: false, reason: 'duplicate delivery, already handled' } };
  }
  // Now and then, forget deliveries older than GitHub would redeliver (it keeps them for days, not months).
  if (Math.random() < 0.01) await pruneGitHubDeliveries(params.db, 30).catch(() => {});

  const pr = parsed.event;
  const signal: PullRequestSignal = {
    event: pr,
    target: {
      team: repo.teamId,
      blueprint: repo.blueprintName,
      images: imagesFor({ mapping: repo.images, number: pr.number, sha: pr.headSha, branch: pr.headRef }),
      ...(repo.branchOf ? { branchOf: repo.branchOf } : {}),
      ttl: repo.ttl ?? PULL_REQUEST_DEFAULTS.ttl,
      idleAfter: repo.idleAfter ?? PULL_REQUEST_DEFAULTS.idleAfter,
      deleteAfterClose: repo.deleteAfterClose ?? PULL_REQUEST_DEFAULTS.deleteAfterClose,
    },
  };
  try {
    const { workflowId } = await params.signal(signal);
    log.info(
      { repository: pr.repository, number: pr.number, action: pr.action, deliveryId, workflowId },
      'github event accepted',
    );
    return { statusCode: 202, body: { accepted: true, reason: `pull_request ${pr.action}`, workflowId } };
  } catch (error) {
    await forgetGitHubDelivery(params.db, deliveryId);
    log.warn({ err: error, deliveryId }, 'github event could not reach its workflow');
    return {
      statusCode: 503,
      code: 'unavailable',
      message: 'the event could not be handed to its workflow; redeliver it',
    };
  }
}
