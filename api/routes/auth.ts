import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../store/api-tokens.js';
import { savePendingLogin, takePendingLogin } from '../../store/auth-logins.js';
import { createSession, revokeSession } from '../../store/sessions.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';
import { requireUser } from '../access.js';
import { ApiError, badRequest, ErrorCode } from '../errors.js';
import type { OidcSignIn, SignedInIdentity } from '../oidc-sign-in.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import {
  AuthConfig,
  CallbackQuery,
  IdTokenExchangeBody,
  LoginQuery,
  TokenView,
  Whoami,
} from '../schemas/auth.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { membershipFromGroups } from '../team-from-groups.js';
import { tokenView } from './tokens.js';

/** The short-lived cookie that ties a callback to the browser that started the sign-in. */
const LOGIN_COOKIE = 'microstax_login';
const LOGIN_TTL_MS = 10 * 60_000;
const tags = ['auth'];

export interface AuthRoutesOptions {
  /** Null when no provider is configured: sign-in answers 404 saying so. */
  signIn: OidcSignIn | null;
  adminGroup: string;
  sessionTtlMs: number;
  cliTokenTtlMs: number;
}

const cookieOptions = (request: FastifyRequest) =>
  ({ httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' }) as const;

/** Sign-in with OpenID Connect (browser and CLI), sign-out, and who the caller is. */
const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const signIn = (): OidcSignIn => {
    if (opts.signIn) return opts.signIn;
    // Not a server fault: this installation has no sign-in, as if the route did not exist.
    throw new ApiError({
      statusCode: 404,
      code: ErrorCode.NotFound,
      message: 'sign-in is not configured on this installation (MICROSTAX_OIDC_ISSUER); use an API token',
    });
  };

  /** The user a verified identity maps to, created or updated from the groups claim. */
  async function userOf(identity: SignedInIdentity) {
    const { teamId, role } = membershipFromGroups(identity.groups, opts.adminGroup);
    await ensureTeam(app.db, { id: teamId });
    return upsertUser(app.db, { name: identity.name, teamId, role });
  }

  app.get(
    '/auth/config',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The sign-in provider, for `microstax login` (device flow with the CLI client)',
        response: { 200: AuthConfig, 404: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse },
      },
    },
    async () => signIn().publicSettings(),
  );

  app.get(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Start a browser sign-in: redirects to the OpenID Connect provider (code flow + PKCE)',
        querystring: LoginQuery,
        response: {
          302: z.null(),
          400: ErrorResponse,
          404: ErrorResponse,
          429: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const start = await signIn().start();
      await savePendingLogin(app.db, {
        state: start.state,
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
        returnTo: request.query.returnTo,
        expiresAt: new Date(Date.now() + LOGIN_TTL_MS),
      });
      reply.setCookie(LOGIN_COOKIE, start.state, {
        ...cookieOptions(request),
        path: '/v1/auth',
        maxAge: LOGIN_TTL_MS / 1000,
      });
      return reply.redirect(start.url.href, 302);
    },
  );

  app.get(
    '/auth/callback',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The provider's redirect back: verifies the ID token, starts a session (cookie)",
        querystring: CallbackQuery,
        response: { 303: z.null(), 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const expected = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, { path: '/v1/auth' });
      const { code, state, error, error_description: description } = request.query;
      if (error) {
        throw new ApiError({
          statusCode: 401,
          code: ErrorCode.Unauthorized,
          message: `the provider refused the sign-in: ${error}${description ? ` (${description})` : ''}`,
        });
      }
      if (!code || !state) throw badRequest('the callback needs code and state', 'query');
      if (!expected || expected !== state) {
        throw badRequest(
          'state mismatch: this sign-in was not started by this browser, or took too long; start again at /v1/auth/login',
          'query.state',
        );
      }
      const pending = await takePendingLogin(app.db, state);
      if (!pending) {
        throw badRequest(
          'this sign-in has expired or was already used; start again at /v1/auth/login',
          'query.state',
        );
      }
      const identity = await signIn().finish({
        callbackUrl: new URL(request.url, 'http://callback.invalid'),
        state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      });
      const user = await userOf(identity);
      const session = await createSession(app.db, {
        userId: user.id,
        expiresAt: new Date(Date.now() + opts.sessionTtlMs),
      });
      request.log.info({ user: user.name, team: user.teamId, session: session.sessionId }, 'signed in');
      setSessionCookie(request, reply, session.cookieValue, opts.sessionTtlMs);
      return reply.redirect(pending.returnTo, 303);
    },
  );

  app.post(
    '/auth/id-token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Exchange an ID token from the provider (microstax login) for an API token',
        body: IdTokenExchangeBody,
        response: { 201: TokenView.extend({ token: z.string() }), 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const identity = await signIn().verifyIdToken(request.body.idToken);
      const user = await userOf(identity);
      const { token, record } = await createApiToken(app.db, {
        userId: user.id,
        description: request.body.description,
        expiresAt: new Date(Date.now() + opts.cliTokenTtlMs),
      });
      request.log.info({ user: user.name, token: record.id }, 'signed in from the CLI');
      return reply.code(201).send({ ...tokenView(record, user.name), token });
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out: ends the session and clears its cookie',
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (user.via !== 'session') {
        throw badRequest('sign-out ends a browser session; revoke an API token with DELETE /v1/tokens/{id}');
      }
      await revokeSession(app.db, user.tokenId);
      // This replica forgets it now; the others on the NOTIFY the revoke sends.
      app.principalCache.invalidateAll();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/whoami',
    {
      schema: {
        tags,
        summary: 'Who the credential speaks for',
        response: { 200: Whoami, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return {
        user: { id: user.userId, name: user.userName, role: user.role },
        team: user.teamId,
        credential: { kind: user.via, id: user.tokenId },
      };
    },
  );
};

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, ttlMs: number): void {
  reply.setCookie(SESSION_COOKIE, value, {
    ...cookieOptions(request),
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
}

export default authRoutes;
