import { useEffect, useState } from 'react';

/** The dashboard's pages, from the path under /ui/ (history API; the API answers index.html for any). */
export type Route =
  | { page: 'list'; query: URLSearchParams }
  | { page: 'environment'; id: string }
  | { page: 'blueprint'; name: string; version?: number; environment?: string }
  | { page: 'admin' }
  | { page: 'not-found' };

export const BASE = '/ui';

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts.length === 0) return { page: 'list', query };
  if (parts[0] === 'admin' && parts.length === 1) return { page: 'admin' };
  if (parts[0] === 'environments' && parts.length === 2) return { page: 'environment', id: parts[1]! };
  if (parts[0] === 'blueprints' && parts.length === 2) {
    const version = Number(query.get('version'));
    const environment = query.get('environment');
    return {
      page: 'blueprint',
      name: parts[1]!,
      ...(environment ? { environment } : version > 0 ? { version } : {}),
    };
  }
  return { page: 'not-found' };
}

const listeners = new Set<() => void>();

/** Goes to a page of the dashboard without reloading. */
export function navigate(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const listener of listeners) listener();
  if (!replace) window.scrollTo(0, 0);
}

const readRoute = () => parseRoute(window.location.pathname, window.location.search);

export function useRoute(): Route {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const update = () => setRoute(readRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

export const ADMIN_HREF = `${BASE}/admin`;
export const environmentHref = (id: string) => `${BASE}/environments/${encodeURIComponent(id)}`;
export const blueprintHref = (name: string, version?: number) =>
  `${BASE}/blueprints/${encodeURIComponent(name)}${version ? `?version=${version}` : ''}`;
/** The blueprint as an environment runs it: its version with the environment's overlays. */
export const environmentBlueprintHref = (name: string, environment: string) =>
  `${BASE}/blueprints/${encodeURIComponent(name)}?environment=${encodeURIComponent(environment)}`;
