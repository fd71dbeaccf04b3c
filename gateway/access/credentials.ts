import type { IncomingMessage } from 'node:http';
import { TokenPrefix } from '../../store/secret-tokens.js';

/**
 * The credentials a request to an environment URL can carry, read from the request, and removed
 * from it before it is forwarded: the environment's own service never sees a MicroStax credential.
 */

/** Query parameter of a share link: `https://api.<env>.<domain>/?microstax_share=<token>`. */
export const SHARE_PARAM = 'microstax_share';
/** Cookie the share token is exchanged for (HttpOnly, scoped to the environment's hosts). */
export const SHARE_COOKIE = 'microstax_share';
/** Cookie of a dashboard session: read here, checked by a `SessionVerifier` once the dashboard exists. */
export const SESSION_COOKIE = 'microstax_session';

/** A token is 32 random bytes in base64url after its prefix; anything else is refused without a lookup. */
const TOKEN_BODY = /^[A-Za-z0-9_-]{43}$/;
const isToken = (value: string, prefix: string) =>
  value.startsWith(prefix) && TOKEN_BODY.test(value.slice(prefix.length));

export interface PresentedCredentials {
  /** A share token in the query: exchanged for a cookie (303), never forwarded. */
  shareParam?: string;
  /** True when the query names a share but not in a token's shape. */
  malformedShareParam?: boolean;
  shareCookie?: string;
  /** An API token from `Authorization: Bearer msx_...`. Other Authorization values are the service's. */
  bearer?: string;
  session?: string;
}

/** The cookies of a Cookie header, by name (the first of a name wins, as browsers send the most specific first). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** What the request presents. Values not shaped like MicroStax tokens are ignored (no lookup). */
export function presentedCredentials(req: Pick<IncomingMessage, 'url' | 'headers'>): PresentedCredentials {
  const presented: PresentedCredentials = {};
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  if (query >= 0) {
    const param = new URLSearchParams(url.slice(query + 1)).get(SHARE_PARAM);
    if (param !== null) {
      if (isToken(param, TokenPrefix.share)) presented.shareParam = param;
      else presented.malformedShareParam = true;
    }
  }
  const cookies = parseCookies(req.headers.cookie);
  const shareCookie = cookies.get(SHARE_COOKIE);
  if (shareCookie && isToken(shareCookie, TokenPrefix.share)) presented.shareCookie = shareCookie;
  const session = cookies.get(SESSION_COOKIE);
  if (session) presented.session = session;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer && isToken(bearer, TokenPrefix.api)) presented.bearer = bearer;
  return presented;
}

/** The request URL without the share parameter (the 303's Location): path and the other parameters. */
export function withoutShareParam(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  params.delete(SHARE_PARAM);
  const rest = params.toString();
  return `${url.slice(0, query) || '/'}${rest ? `?${rest}` : ''}`;
}

/** Removes MicroStax's cookies and API token from a request about to be forwarded. */
export function stripCredentials(req: Pick<IncomingMessage, 'headers'>): void {
  const { headers } = req;
  if (headers.cookie) {
    const kept = headers.cookie
      .split(';')
      .filter((part) => {
        const name = part.slice(0, part.indexOf('=')).trim();
        return name !== SHARE_COOKIE && name !== SESSION_COOKIE;
      })
      .join(';')
      .trim();
    if (kept) headers.cookie = kept;
    else delete headers.cookie;
  }
  const bearer = /^Bearer\s+(\S+)/i.exec(headers.authorization ?? '')?.[1];
  if (bearer?.startsWith(TokenPrefix.api)) delete headers.authorization;
}

/**
 * The cookie domain of an environment: its hosts are `<service>.<environment>.<base domain>`, so the
 * cookie goes to `<environment>.<base domain>` and every host below it, and to no other
 * environment's. A host of another shape gets a host-only cookie (no Domain attribute).
 */
export function cookieDomain(host: string, environment: string): string | undefined {
  const dot = host.indexOf('.');
  const parent = dot > 0 ? host.slice(dot + 1) : '';
  return parent.startsWith(`${environment}.`) && parent.includes('.', environment.length + 1)
    ? parent
    : undefined;
}

/** The Set-Cookie value that carries a share token for one environment's hosts until the share expires. */
export function shareCookie(params: {
  token: string;
  host: string;
  environment: string;
  expiresAt: Date;
  secure: boolean;
  now?: number;
}): string {
  const maxAge = Math.max(0, Math.floor((params.expiresAt.getTime() - (params.now ?? Date.now())) / 1000));
  const domain = cookieDomain(params.host, params.environment);
  return [
    `${SHARE_COOKIE}=${params.token}`,
    'Path=/',
    `Max-Age=${maxAge}`,
    ...(domain ? [`Domain=${domain}`] : []),
    'HttpOnly',
    'SameSite=Lax',
    ...(params.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Deletes a share cookie the gateway no longer honours (revoked, expired, another environment's). */
export function clearShareCookie(params: { host: string; environment: string; secure: boolean }): string {
  const domain = cookieDomain(params.host, params.environment);
  return [
    `${SHARE_COOKIE}=`,
    'Path=/',
    'Max-Age=0',
    ...(domain ? [`Domain=${domain}`] : []),
    'HttpOnly',
    'SameSite=Lax',
    ...(params.secure ? ['Secure'] : []),
  ].join('; ');
}
