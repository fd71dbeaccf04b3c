import type { IncomingMessage } from 'node:http';
import { hashSecretToken } from '../../store/secret-tokens.js';
import type { AccessStore } from './access-store.js';
import {
  clearShareCookie,
  type PresentedCredentials,
  presentedCredentials,
  shareCookie,
  withoutShareParam,
} from './credentials.js';

/**
 * Who may use an environment's URLs: anyone when its Ingress is public; else a request with a live
 * share of that environment (a link's token, exchanged once for a cookie), an API token of a member
 * of its team (or an admin), or a dashboard session (a seam: `SessionVerifier`). Decided before the
 * request is forwarded or wakes anything.
 */

/** The dashboard's sessions, once it exists: the team and role behind a session cookie, or null. */
export interface SessionVerifier {
  principal(session: string): Promise<{ teamId: string; role: 'member' | 'team-admin' | 'admin' } | null>;
}

export type AccessDecision =
  | { kind: 'allow'; via: 'public' | 'share' | 'token' | 'session' }
  /** A valid share link: 303 to the same URL without the token, setting the cookie. */
  | { kind: 'exchange'; location: string; setCookie: string }
  | {
      kind: 'refuse';
      status: 401 | 403;
      /** no-credential: nothing presented; invalid: unknown, revoked or expired; elsewhere: valid, for another environment or team. */
      reason: 'no-credential' | 'invalid' | 'elsewhere';
      /** Deletes a share cookie that no longer opens anything. */
      setCookie?: string;
    };

export interface AccessTarget {
  /** The normalized host. */
  host: string;
  /** The environment whose Ingress matched the host. */
  environment: string;
  /** The environment whose copy answers (a branch's, when header routing chose it). */
  routedTo: string;
  public: boolean;
}

export type AccessCheck = (
  req: Pick<IncomingMessage, 'url' | 'headers'>,
  target: AccessTarget,
) => Promise<AccessDecision>;

/** Builds the check over a (cached) store. `secureCookies`: the URLs are https, so cookies are Secure. */
export function createAccessCheck(params: {
  store: AccessStore;
  secureCookies: boolean;
  sessions?: SessionVerifier;
}): AccessCheck {
  const { store, secureCookies } = params;

  /** Every environment the request reaches: the host's, and a header-routed branch's. */
  const reached = (target: AccessTarget) =>
    target.routedTo === target.environment ? [target.environment] : [target.environment, target.routedTo];

  const teamMayUse = async (principal: { teamId: string; role: string }, target: AccessTarget) => {
    if (principal.role === 'admin') return true;
    for (const environment of reached(target)) {
      if ((await store.teamOf(environment)) !== principal.teamId) return false;
    }
    return true;
  };
  const shareOpens = (grant: { environmentId: string; expiresAt: Date }, target: AccessTarget) =>
    grant.expiresAt.getTime() > Date.now() && reached(target).every((e) => e === grant.environmentId);

  return async (req, target) => {
    if (target.public) return { kind: 'allow', via: 'public' };
    const presented: PresentedCredentials = presentedCredentials(req);

    if (presented.shareParam || presented.malformedShareParam) {
      const grant = presented.shareParam ? await store.share(hashSecretToken(presented.shareParam)) : null;
      if (!grant) return { kind: 'refuse', status: 401, reason: 'invalid' };
      if (!shareOpens(grant, target)) return { kind: 'refuse', status: 403, reason: 'elsewhere' };
      return {
        kind: 'exchange',
        location: withoutShareParam(req.url ?? '/'),
        setCookie: shareCookie({
          token: presented.shareParam!,
          host: target.host,
          environment: target.environment,
          expiresAt: grant.expiresAt,
          secure: secureCookies,
        }),
      };
    }

    // Any presented credential that opens the environment lets the request through; otherwise the
    // answer says whether something valid was presented for elsewhere (403) or nothing valid (401).
    let elsewhere = false;
    let invalid = false;
    if (presented.bearer) {
      const grant = await store.principal(hashSecretToken(presented.bearer));
      if (grant && (!grant.expiresAt || grant.expiresAt.getTime() > Date.now())) {
        if (await teamMayUse(grant, target)) return { kind: 'allow', via: 'token' };
        elsewhere = true;
      } else invalid = true;
    }
    let staleCookie = false;
    if (presented.shareCookie) {
      const grant = await store.share(hashSecretToken(presented.shareCookie));
      if (grant && shareOpens(grant, target)) return { kind: 'allow', via: 'share' };
      if (grant) elsewhere = true;
      else {
        invalid = true;
        staleCookie = true;
      }
    }
    if (presented.session && params.sessions) {
      const principal = await params.sessions.principal(presented.session);
      if (principal && (await teamMayUse(principal, target))) return { kind: 'allow', via: 'session' };
      if (principal) elsewhere = true;
      else invalid = true;
    }
    const setCookie = staleCookie
      ? clearShareCookie({ host: target.host, environment: target.environment, secure: secureCookies })
      : undefined;
    if (elsewhere)
      return { kind: 'refuse', status: 403, reason: 'elsewhere', ...(setCookie && { setCookie }) };
    return {
      kind: 'refuse',
      status: 401,
      reason: invalid ? 'invalid' : 'no-credential',
      ...(setCookie && { setCookie }),
    };
  };
}
