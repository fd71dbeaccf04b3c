import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findPrincipalByTokenHash, type TokenPrincipal } from '../../store/api-tokens.js';
import { hashSecretToken, tokenKindOf } from '../../store/secret-tokens.js';
import { findPrincipalBySessionHash } from '../../store/sessions.js';
import { findLiveShareByTokenHash } from '../../store/shares.js';
import { ApiError, ErrorCode } from '../errors.js';
import type { TokenLookupGuard } from '../token-lookup-guard.js';
import type { CachedShare } from './change-listener.js';

/**
 * A person calling with their API token, or signed in with a session cookie (`via: 'session'`; its
 * `tokenId` is then the session's id).
 */
export type UserPrincipal = { kind: 'user'; via: 'token' | 'session' } & TokenPrincipal;

/** The cookie a browser sign-in sets (HttpOnly, SameSite=Lax, Secure on https). */
export const SESSION_COOKIE = 'microstax_session';
/**
 * A cookie-authenticated request that changes something must carry one of these headers: a page of
 * another site cannot add them without a CORS preflight, which only allowed origins pass.
 */
export const CSRF_HEADERS = ['x-requested-with', 'x-namespace'] as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Someone holding a share token: read access to one environment's status and URLs. */
export interface SharePrincipal {
  kind: 'share';
  shareId: string;
  environmentId: string;
  teamId: string;
}
export type Principal = UserPrincipal | SharePrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the auth plugin on every route that is not public. */
    principal: Principal | null;
    /** Why the request's credential was refused; answered after the rate limit has counted the request. */
    authFailure: ApiError | null;
  }
  interface FastifyInstance {
    /**
     * Checks the request's credential again (an open stream does, so a revoke closes it): the principal,
     * or an ApiError (401 when the token is no longer valid).
     */
    reauthenticate(request: FastifyRequest): Promise<Principal>;
    /** Counts database lookups of tokens no cache answered (`found` or `missing`): for tests and metrics. */
    tokenLookups: { found: number; missing: number };
  }
  interface FastifyContextConfig {
    /** No token needed (health, docs, metrics). */
    public?: boolean;
    /** A share token may call this route (read-only routes of one environment). */
    allowShare?: boolean;
  }
}

/** Public: routes marked so, and the docs UI (whose routes @fastify/swagger-ui registers). */
function isPublicRoute(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? '';
  return request.routeOptions.config.public === true || route === '/docs' || route.startsWith('/docs/');
}

const unauthorized = (message: string) =>
  new ApiError({ statusCode: 401, code: ErrorCode.Unauthorized, message });

/** The bearer token of a request, or null when the header is absent. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"');
  return match[1]!;
}

const invalidToken = () => unauthorized('the token is not valid, or has expired or been revoked');

export interface AuthOptions {
  /** Remembers unknown tokens and spends each client address's database lookups. */
  guard: TokenLookupGuard;
  /** Origins besides the API's own whose pages may send cookie-authenticated changes. */
  allowedOrigins: readonly string[];
}

/**
 * Authenticates every request except public routes: an API token (`msx_...`) makes a user principal,
 * a live share token (`msxs_...`) a share principal, accepted only where a route allows shares.
 * Only hashes are compared against the database (principals are cached briefly, see listening-cache.ts);
 * the token is never logged (see the logger's redaction).
 *
 * A refused credential is not answered at once: the request goes on to the rate limit as its client
 * address's (so a flood of bad tokens meets 429s like any other flood) and the 401 comes just after it.
 * Tokens no cache knows cost a database lookup from the address's budget (TokenLookupGuard); unknown
 * ones are then refused from memory for a while.
 */
async function authPlugin(app: FastifyInstance, opts: AuthOptions): Promise<void> {
  const { guard } = opts;
  const allowedOrigins = new Set(opts.allowedOrigins);
  const lookups = { found: 0, missing: 0 };
  app.decorate('tokenLookups', lookups);

  /** Asks the database (through `cache`) for a token no cache holds, spending the address's budget. */
  async function lookUp<V>(params: {
    request: FastifyRequest;
    tokenHash: string;
    cached: V | undefined;
    spendBudget: boolean;
    load: () => Promise<V | null>;
  }): Promise<V | null> {
    if (params.cached !== undefined) return params.cached;
    if (guard.isKnownMiss(params.tokenHash)) return null;
    const address = params.request.ip;
    if (params.spendBudget && !guard.tryTakeLookup(address)) {
      throw new ApiError({
        statusCode: 429,
        code: ErrorCode.RateLimited,
        message: 'too many unrecognised tokens from this address; retry in a minute',
      });
    }
    const found = await params.load();
    if (found) {
      lookups.found++;
      if (params.spendBudget) guard.giveBackLookup(address);
    } else {
      lookups.missing++;
      guard.rememberMiss(params.tokenHash);
    }
    return found;
  }

  /** The principal of the request's credential, or a 401 ApiError. */
  async function authenticate(request: FastifyRequest, spendBudget: boolean): Promise<Principal> {
    const token = bearerToken(request);
    if (token === null) {
      const session = request.cookies?.[SESSION_COOKIE];
      if (session) return authenticateSession(request, session, spendBudget);
      throw unauthorized('this call needs "Authorization: Bearer <token>" or a signed-in session');
    }
    const kind = tokenKindOf(token);
    if (kind === null) throw invalidToken();
    const tokenHash = hashSecretToken(token);
    if (kind === 'api') {
      const principal = await lookUp({
        request,
        tokenHash,
        spendBudget,
        cached: app.principalCache.get(tokenHash),
        load: () =>
          app.principalCache.getOrLoad(tokenHash, async () => {
            const found = await findPrincipalByTokenHash(app.db, tokenHash);
            // Never served past the token's own expiry.
            return found && { value: found.principal, validUntil: found.expiresAt };
          }),
      });
      if (!principal) throw invalidToken();
      return { kind: 'user', via: 'token', ...principal };
    }
    // Share tokens are cached like API tokens (keyed by hash, never past the share's expiry, dropped on
    // NOTIFY), so a revoke takes effect on the next call.
    const share = await lookUp({
      request,
      tokenHash,
      spendBudget,
      cached: app.shareCache.get(tokenHash),
      load: () =>
        app.shareCache.getOrLoad(tokenHash, async () => {
          const found = await findLiveShareByTokenHash(app.db, tokenHash);
          return (
            found && {
              value: { shareId: found.id, environmentId: found.environmentId, teamId: found.teamId },
              validUntil: found.expiresAt,
            }
          );
        }),
    });
    if (!share) throw unauthorized('the share is not valid, or has expired or been revoked');
    return { kind: 'share', ...(share satisfies CachedShare) };
  }

  /** A session cookie: cached like tokens (by its hash), never served past the session's expiry. */
  async function authenticateSession(
    request: FastifyRequest,
    cookieValue: string,
    spendBudget: boolean,
  ): Promise<Principal> {
    const sessionHash = `session:${hashSecretToken(cookieValue)}`;
    const principal = await lookUp({
      request,
      tokenHash: sessionHash,
      spendBudget,
      cached: app.principalCache.get(sessionHash),
      load: () =>
        app.principalCache.getOrLoad(sessionHash, async () => {
          const found = await findPrincipalBySessionHash(app.db, hashSecretToken(cookieValue));
          return found && { value: found.principal, validUntil: found.expiresAt };
        }),
    });
    if (!principal) throw unauthorized('the session has expired or was signed out: sign in again');
    return { kind: 'user', via: 'session', ...principal };
  }

  /** Cross-site request forgery: a cookie-authenticated change needs a custom header and a known origin. */
  function refuseForgery(request: FastifyRequest): ApiError | null {
    if (SAFE_METHODS.has(request.method)) return null;
    const forbidden = (message: string) =>
      new ApiError({ statusCode: 403, code: ErrorCode.Forbidden, message });
    if (!CSRF_HEADERS.some((header) => request.headers[header] !== undefined)) {
      return forbidden(
        'a change made with a session cookie must carry the X-Requested-With header (cross-site request forgery protection)',
      );
    }
    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      origin !== `${request.protocol}://${request.host}` &&
      !allowedOrigins.has(origin)
    ) {
      return forbidden(`requests from ${origin} may not use this session (not an allowed origin)`);
    }
    return null;
  }

  app.decorate('reauthenticate', (request: FastifyRequest) => authenticate(request, false));
  app.decorateRequest('principal', null);
  app.decorateRequest('authFailure', null);
  app.addHook('onRequest', async (request) => {
    if (isPublicRoute(request)) return;
    try {
      request.principal = await authenticate(request, true);
    } catch (error) {
      if (!(error instanceof ApiError) || error.statusCode !== 401) throw error;
      request.authFailure = error;
      return;
    }
    if (request.principal.kind === 'user' && request.principal.via === 'session') {
      request.authFailure = refuseForgery(request);
      if (request.authFailure) return;
    }
    if (request.principal.kind === 'share' && !request.routeOptions.config.allowShare) {
      request.authFailure = new ApiError({
        statusCode: 403,
        code: ErrorCode.Forbidden,
        message: "a share token only reads the shared environment's status and URLs",
      });
    }
    request.log.debug({ principal: describePrincipal(request.principal) }, 'authenticated');
  });
  // After every onRequest hook, the rate limit's included: the refusal is counted first.
  app.addHook('preParsing', async (request) => {
    if (request.authFailure) throw request.authFailure;
  });
}

/** The rate limit's and stream cap's key for a principal: its token (API token or share), never the user. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'user' ? `token:${principal.tokenId}` : `share:${principal.shareId}`;
}

/** A log-safe description of a principal. */
export function describePrincipal(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.userName}` : `share:${principal.shareId}`;
}

export default fp(authPlugin, { name: 'auth', dependencies: ['database', 'change-listener'] });
