import { isIP } from 'node:net';
import { normalizeHost } from './host-table.js';

/**
 * Whether a Host header names the gateway itself rather than an environment: an IP literal (a
 * kubelet probe or a scraper reaching the pod, a local health check on 127.0.0.1), `localhost`, or
 * one of the configured names. Environment hosts are DNS names under the base domain, so they never
 * match, and no environment can see or shadow the gateway's health and metrics.
 */
export function isOwnHost(header: string | undefined, ownHosts: readonly string[]): boolean {
  const host = normalizeHost(header);
  if (!host) return false;
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare) !== 0 || host === 'localhost') return true;
  return ownHosts.some((own) => normalizeHost(own) === host);
}
