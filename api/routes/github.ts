import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BlueprintName, Duration } from '../../blueprints/schema.js';
import { ImageMapping } from '../../integrations/github/image-mapping.js';
import { RepositoryFullName } from '../../integrations/github/pull-request-event.js';
import { SecretBox } from '../../integrations/github/secret-box.js';
import { loadGitHubSecretsKey } from '../../integrations/github/settings.js';
import {
  PULL_REQUEST_DEFAULTS,
  PULL_REQUEST_LIMITS,
  receiveGitHubWebhook,
  WEBHOOK_BODY_LIMIT_BYTES,
} from '../../integrations/github/webhook.js';
import {
  deleteGitHubRepository,
  type GitHubRepositoryRecord,
  getGitHubRepository,
  listGitHubRepositories,
  upsertGitHubRepository,
} from '../../store/github.js';
import { listTeams } from '../../store/teams.js';
import { parseDuration } from '../../workflows/duration.js';
import { requireUser } from '../access.js';
import { ApiError, ErrorCode, forbidden, notFound } from '../errors.js';
import { EnvironmentId, ErrorResponse, standardErrors, TeamId } from '../schemas/common.js';

const tags = ['github'];

const WebhookAnswer = z.object({
  accepted: z.boolean().describe('True when the event was handed to its pull request workflow'),
  reason: z.string(),
  workflowId: z.string().optional(),
});

const RepositoryParams = z.strictObject({
  owner: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub owner'),
  repo: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be a GitHub repository name'),
});

/** A pull-request lifetime setting: a duration, and never longer than the integration allows. */
const BoundedDuration = Duration.refine(
  (text) => (parseDuration(text) ?? 0) <= (parseDuration(PULL_REQUEST_LIMITS.longest) ?? 0),
  { message: `must be at most ${PULL_REQUEST_LIMITS.longest}` },
);

const RepositoryBody = z.strictObject({
  team: TeamId.describe('Team the pull-request environments belong to'),
  blueprint: BlueprintName.describe('Registered blueprint (of that team) the environments run'),
  images: ImageMapping.default({}),
  branchOf: EnvironmentId.optional().describe('Baseline environment the PR environments branch from'),
  ttl: Duration.optional().describe(
    'TTL of each PR environment (default 7d; deleted after the close grace at the latest)',
  ),
  deleteAfterClose: BoundedDuration.optional().describe(
    `After a close, the environment sleeps this long before it is deleted; a reopen within it keeps it (default ${PULL_REQUEST_DEFAULTS.deleteAfterClose}, 0s: at once, at most ${PULL_REQUEST_LIMITS.longest})`,
  ),
  idleAfter: BoundedDuration.optional().describe(
    `Each PR environment sleeps after this long without requests (default ${PULL_REQUEST_DEFAULTS.idleAfter}, at most ${PULL_REQUEST_LIMITS.longest})`,
  ),
  webhookSecret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(256)
    .describe('The secret set on the GitHub webhook; stored encrypted, never returned'),
});

const RepositoryView = z.object({
  repository: z.string(),
  team: z.string(),
  blueprint: z.string(),
  images: z.record(z.string(), z.string()),
  branchOf: z.string().nullable(),
  ttl: z.string().nullable(),
  deleteAfterClose: z.string().nullable(),
  idleAfter: z.string().nullable(),
  webhookSecret: z.literal('set').describe('Never returned; only whether it is set'),
  updatedAt: z.string(),
});

const view = (r: GitHubRepositoryRecord): z.infer<typeof RepositoryView> => ({
  repository: r.fullName,
  team: r.teamId,
  blueprint: r.blueprintName,
  images: r.images,
  branchOf: r.branchOf,
  ttl: r.ttl,
  deleteAfterClose: r.deleteAfterClose,
  idleAfter: r.idleAfter,
  webhookSecret: 'set',
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * The GitHub webhook, `POST /integrations/github/webhook`: public (the signature is the authentication),
 * raw body kept for the signature, body capped. Its own plugin so the raw-body parser applies to it only.
 */
export const githubWebhookRoutes: FastifyPluginAsync<{ env?: NodeJS.ProcessEnv }> = async (app, opts) => {
  const key = loadGitHubSecretsKey(opts.env ?? process.env);
  const box = key ? new SecretBox(key) : null;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
    (_r, body, done) => done(null, body),
  );
  app.post(
    '/integrations/github/webhook',
    {
      config: { public: true },
      bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'GitHub webhook (pull_request events), verified by X-Hub-Signature-256',
        response: {
          200: WebhookAnswer,
          202: WebhookAnswer,
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const outcome = await receiveGitHubWebhook({
        db: app.db,
        box,
        headers: request.headers,
        rawBody,
        signal: (signal) => app.lifecycle.signalPullRequest(signal),
        log: request.log,
      });
      if ('body' in outcome) return reply.code(outcome.statusCode).send(outcome.body);
      throw new ApiError({
        statusCode: outcome.statusCode,
        code: {
          unauthorized: ErrorCode.Unauthorized,
          not_found: ErrorCode.NotFound,
          unavailable: ErrorCode.Unavailable,
          validation_failed: ErrorCode.ValidationFailed,
        }[outcome.code],
        message: outcome.message,
        field: outcome.field,
      });
    },
  );
};

/** Admins configure which repositories send webhooks and where their pull requests' environments go. */
export const githubRepositoryRoutes: FastifyPluginAsyncZod<{ env?: NodeJS.ProcessEnv }> = async (
  app,
  opts,
) => {
  const key = loadGitHubSecretsKey(opts.env ?? process.env);
  const box = key ? new SecretBox(key) : null;
  const requireAdmin = (request: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(request);
    if (user.role !== 'admin') throw forbidden('only admins configure the GitHub integration');
    return user;
  };
  const fullName = (p: z.infer<typeof RepositoryParams>) => {
    const name = `${p.owner}/${p.repo}`;
    if (!RepositoryFullName.safeParse(name).success) throw notFound('repository');
    return name;
  };

  app.put(
    '/integrations/github/repositories/:owner/:repo',
    {
      schema: {
        tags,
        summary: 'Configure a repository: team, blueprint, image mapping, webhook secret (admins)',
        params: RepositoryParams,
        body: RepositoryBody,
        response: { 200: RepositoryView, 422: ErrorResponse, 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      requireAdmin(request);
      if (!box) {
        throw new ApiError({
          statusCode: 503,
          code: ErrorCode.Unavailable,
          message: 'set MICROSTAX_GITHUB_SECRETS_KEY on the API to store webhook secrets',
        });
      }
      const body = request.body;
      if (!(await listTeams(app.db)).some((team) => team.id === body.team)) {
        throw new ApiError({
          statusCode: 422,
          code: ErrorCode.ValidationFailed,
          message: `team "${body.team}" does not exist`,
          field: 'body.team',
        });
      }
      const name = fullName(request.params).toLowerCase();
      const saved = await upsertGitHubRepository(app.db, {
        fullName: name,
        teamId: body.team,
        blueprintName: body.blueprint,
        images: body.images,
        branchOf: body.branchOf ?? null,
        ttl: body.ttl ?? null,
        deleteAfterClose: body.deleteAfterClose ?? null,
        idleAfter: body.idleAfter ?? null,
        webhookSecretSealed: box.seal(body.webhookSecret, name),
      });
      return view(saved);
    },
  );

  app.get(
    '/integrations/github/repositories',
    {
      schema: {
        tags,
        summary: 'List configured repositories (admins; secrets never shown)',
        response: { 200: z.object({ items: z.array(RepositoryView) }), ...standardErrors },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { items: (await listGitHubRepositories(app.db)).map(view) };
    },
  );

  app.get(
    '/integrations/github/repositories/:owner/:repo',
    {
      schema: {
        tags,
        summary: "A repository's settings (admins; the secret is never shown)",
        params: RepositoryParams,
        response: { 200: RepositoryView, ...standardErrors },
      },
    },
    async (request) => {
      requireAdmin(request);
      const repo = await getGitHubRepository(app.db, fullName(request.params));
      if (!repo) throw notFound('repository');
      return view(repo);
    },
  );

  app.delete(
    '/integrations/github/repositories/:owner/:repo',
    {
      schema: {
        tags,
        summary: 'Stop acting on a repository (its webhooks get 401 from now on)',
        params: RepositoryParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      if (!(await deleteGitHubRepository(app.db, fullName(request.params)))) throw notFound('repository');
      return reply.code(204).send(null);
    },
  );
};
