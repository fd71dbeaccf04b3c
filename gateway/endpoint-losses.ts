import type { KubernetesObject, V1EndpointSlice } from '@kubernetes/client-node';
import { SERVICE_NAME_LABEL } from './endpoint-index.js';

/**
 * Which Services just lost a ready endpoint, from their EndpointSlices' watch events: a pod that
 * left, or one that stopped being ready (an updated Deployment's old pod is marked terminating
 * the moment it is deleted), or a target port that changed, while others stay ready. New endpoints
 * alone are no loss, nor is losing the last one.
 */

/** `lost`: the addresses of the endpoints that left (a pod's IP; its connections must move too). */
export type EndpointLoss = (service: { namespace: string; name: string; lost: string[] }) => void;

/**
 * Ready `address:port` pairs of a slice (a changed target port moves connections too); an
 * endpoint whose `ready` is unset counts as ready (the API's rule).
 */
function readyTargets(slice: V1EndpointSlice): Set<string> {
  const ports = (slice.ports ?? []).map((p) => p.port ?? '');
  const ready = new Set<string>();
  for (const endpoint of slice.endpoints ?? []) {
    if (endpoint.conditions?.ready === false) continue;
    for (const address of endpoint.addresses) {
      for (const port of ports.length > 0 ? ports : ['']) ready.add(`${address}:${port}`);
    }
  }
  return ready;
}

/** Returns the handler of the slices' watch events; it calls `onLoss` for each Service that lost one. */
export function trackEndpointLosses(
  onLoss: EndpointLoss,
): (event: 'add' | 'update' | 'delete', object: KubernetesObject) => void {
  const known = new Map<string, Set<string>>();
  return (event, object) => {
    const slice = object as V1EndpointSlice;
    const namespace = slice.metadata?.namespace;
    const name = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    if (!namespace || !name) return;
    const key = `${namespace}/${slice.metadata?.name}`;
    const before = known.get(key) ?? new Set<string>();
    const now = event === 'delete' ? new Set<string>() : readyTargets(slice);
    if (event === 'delete') known.delete(key);
    else known.set(key, now);
    // Only with ready endpoints left to move to (a rolling update): a Service left with none (asleep,
    // crashed) keeps its connections as before, and its wake is not disturbed.
    const left = [...before].filter((target) => !now.has(target));
    if (now.size > 0 && left.length > 0) {
      const lost = new Set(left.map((target) => target.slice(0, target.lastIndexOf(':'))));
      onLoss({ namespace, name, lost: [...lost] });
    }
  };
}
