import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The API, same origin: a session cookie (sign-in) or an Authorization header goes with every call. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

type Listener = () => void;
const signInListeners = new Set<Listener>();
let signInNeeded = false;

/** Whether a call was refused for want of a credential (401): the page then offers sign-in. */
export function needsSignIn(): boolean {
  return signInNeeded;
}

export function onSignInNeeded(listener: Listener): () => void {
  signInListeners.add(listener);
  return () => signInListeners.delete(listener);
}

export function reportUnauthorized(): void {
  if (signInNeeded) return;
  signInNeeded = true;
  for (const listener of signInListeners) listener();
}

const unauthorized: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) reportUnauthorized();
    return undefined;
  },
};
/**
 * The API refuses a cookie-authenticated change without this header (CSRF): a cross-site form or
 * image cannot set it, so only this page's own calls change anything.
 */
const sameSiteMarker: Middleware = {
  onRequest({ request }) {
    request.headers.set('X-Requested-With', 'microstax-dashboard');
    return request;
  },
};
api.use(unauthorized, sameSiteMarker);

/** Where sign-in starts (the API's OIDC login), coming back to this page afterwards. */
export function signInUrl(): string {
  const back = window.location.pathname + window.location.search;
  return `/v1/auth/login?returnTo=${encodeURIComponent(back)}`;
}

export type Environment =
  paths['/v1/environments/{id}']['get']['responses'][200]['content']['application/json'];
export type EnvironmentList =
  paths['/v1/environments']['get']['responses'][200]['content']['application/json'];
export type Share =
  paths['/v1/environments/{id}/shares']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreatedShare =
  paths['/v1/environments/{id}/shares']['post']['responses'][201]['content']['application/json'];
export type Snapshot =
  paths['/v1/environments/{id}/snapshots']['get']['responses'][200]['content']['application/json']['items'][number];
export type AuditEvent =
  paths['/v1/environments/{id}/events']['get']['responses'][200]['content']['application/json']['items'][number];
export type DiffRunSummary =
  paths['/v1/environments/{id}/diffs']['get']['responses'][200]['content']['application/json']['runs'][number];
export type DiffRun =
  paths['/v1/environments/{id}/diffs/{runId}']['get']['responses'][200]['content']['application/json'];
export type Pod =
  paths['/v1/environments/{id}/pods']['get']['responses'][200]['content']['application/json']['items'][number];
export type BlueprintDetail =
  paths['/v1/blueprints/{name}']['get']['responses'][200]['content']['application/json'];
export type Whoami = paths['/v1/whoami']['get']['responses'][200]['content']['application/json'];
export type Token =
  paths['/v1/tokens']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreatedToken = paths['/v1/tokens']['post']['responses'][201]['content']['application/json'];
export type Phase = NonNullable<paths['/v1/environments']['get']['parameters']['query']>['phase'];

/** The message of an API error body, or a fallback naming the status. */
export function errorMessage(error: unknown, response?: Response): string {
  const body = error as { error?: { message?: string } } | undefined;
  if (body?.error?.message) return body.error.message;
  if (response) return `the API answered ${response.status} ${response.statusText}`;
  return error instanceof Error ? error.message : 'the API could not be reached';
}
