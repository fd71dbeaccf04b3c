import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findPrincipalByTokenHash, type TokenPrincipal } from '../../store/api-tokens.js';
import { hashSecretToken, tokenKindOf } from '../../store/secret-tokens.js';
import { findLiveShareByTokenHash } from '../../store/shares.js';
import { ApiError, ErrorCode } from '../errors.js';
import type { CachedShare } from './change-listener.js';

/** A person calling with their API token. */
export type UserPrincipal = { kind: 'user' } & TokenPrincipal;
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

/** The principal of an API token: from the principal cache when it holds it, else from the database. */
function principalOfApiToken(app: FastifyInstance, token: string): Promise<TokenPrincipal | null> {
  const tokenHash = hashSecretToken(token);
  return app.principalCache.getOrLoad(tokenHash, async () => {
    const found = await findPrincipalByTokenHash(app.db, tokenHash);
    // Never served past the token's own expiry.
    return found && { value: found.principal, validUntil: found.expiresAt };
  });
}

/**
 * What a share token grants: from the share cache when it holds it, else from the database. Cached like
 * API tokens (keyed by hash, misses never cached, never past the share's expiry, dropped on NOTIFY), so
 * a revoke takes effect on the next call.
 */
function shareOfToken(app: FastifyInstance, token: string): Promise<CachedShare | null> {
  const tokenHash = hashSecretToken(token);
  return app.shareCache.getOrLoad(tokenHash, async () => {
    const share = await findLiveShareByTokenHash(app.db, tokenHash);
    return (
      share && {
        value: { shareId: share.id, environmentId: share.environmentId, teamId: share.teamId },
        validUntil: share.expiresAt,
      }
    );
  });
}

/**
 * Authenticates every request except public routes: an API token (`msx_...`) makes a user principal,
 * a live share token (`msxs_...`) a share principal, accepted only where a route allows shares.
 * Only hashes are compared against the database (principals are cached briefly, see listening-cache.ts); the token is never logged (see the logger's redaction).
 */
async function authPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (isPublicRoute(request)) return;
    const token = bearerToken(request);
    if (token === null) throw unauthorized('this call needs "Authorization: Bearer <token>"');
    const kind = tokenKindOf(token);
    if (kind === 'api') {
      const principal = await principalOfApiToken(app, token);
      if (!principal) throw unauthorized('the token is not valid, or has expired or been revoked');
      request.principal = { kind: 'user', ...principal };
    } else if (kind === 'share') {
      const share = await shareOfToken(app, token);
      if (!share) throw unauthorized('the share is not valid, or has expired or been revoked');
      if (!request.routeOptions.config.allowShare) {
        throw new ApiError({
          statusCode: 403,
          code: ErrorCode.Forbidden,
          message: "a share token only reads the shared environment's status and URLs",
        });
      }
      request.principal = {
        kind: 'share',
        shareId: share.shareId,
        environmentId: share.environmentId,
        teamId: share.teamId,
      };
    } else {
      throw unauthorized('the token is not valid, or has expired or been revoked');
    }
    request.log.debug({ principal: describePrincipal(request.principal) }, 'authenticated');
  });
}

/** A log-safe description of a principal. */
export function describePrincipal(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.userName}` : `share:${principal.shareId}`;
}

export default fp(authPlugin, { name: 'auth', dependencies: ['database', 'change-listener'] });
