import type { V1Service } from '@kubernetes/client-node';
import type { DeployConfig } from '../deploy/config.js';
import type { KubeClient } from '../deploy/kube-client.js';
import { namespaceFor } from '../deploy/names.js';
import type { ObservedResponse } from '../diff/compare-responses.js';
import { replayHeaders } from '../diff/sensitive-headers.js';
import { parseServiceHost, resolveServiceBackend } from '../gateway/service-backend.js';
import type { TrafficReplayer } from './ports.js';

/** An answer larger than this is cut (and compared as cut): a diff is about shape, not megabytes. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;
/** A Service's address is reused this long (three sends per request would otherwise read it three times). */
const RESOLVE_CACHE_MS = 10_000;

/**
 * Replays requests at an environment's Service ClusterIP, which kube-proxy answers on the worker's
 * host (the local stack's real node; in a cluster, the worker pod's network): as the gateway routes,
 * a branch's reused service (an ExternalName Service) answers from the baseline's.
 */
export function createKubeTrafficReplayer(params: {
  kube: KubeClient;
  config: DeployConfig;
}): TrafficReplayer {
  const resolved = new Map<string, { at: number; address: string; port: number }>();

  const resolve = async (environmentId: string, service: string) => {
    const key = `${environmentId}/${service}`;
    const cached = resolved.get(key);
    if (cached && Date.now() - cached.at < RESOLVE_CACHE_MS) return cached;
    const namespace = namespaceFor(environmentId, params.config.namespacePrefix);
    const services = new Map<string, V1Service>();
    let next: { namespace: string; service: string } | undefined = { namespace, service };
    for (let hop = 0; next && hop < 4; hop++) {
      const found: V1Service | null = await params.kube.readOrNull<V1Service>({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: next.namespace,
        name: next.service,
      });
      if (!found) break;
      services.set(`${next.namespace}/${next.service}`, found);
      next =
        found.spec?.type === 'ExternalName' ? parseServiceHost(found.spec.externalName ?? '') : undefined;
    }
    const first = services.get(`${namespace}/${service}`)?.spec?.ports?.[0]?.port;
    if (first === undefined)
      throw new Error(`environment ${environmentId} has no Service ${service} with a port`);
    const backend = resolveServiceBackend({
      services: (ns, name) => services.get(`${ns}/${name}`),
      namespace,
      service,
      port: first,
    });
    if (!backend.ok) throw new Error(`environment ${environmentId}: ${backend.reason}`);
    const entry = { at: Date.now(), address: backend.address, port: backend.port };
    resolved.set(key, entry);
    return entry;
  };

  return {
    async send({ environmentId, request, signal }) {
      const { address, port } = await resolve(environmentId, request.service);
      // Our own controller: the activity's signal need not be a native AbortSignal (AbortSignal.any refuses those).
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      signal.addEventListener('abort', onAbort);
      const timer = setTimeout(onAbort, REQUEST_TIMEOUT_MS);
      try {
        const response = await fetch(`http://${address}:${port}${request.path}`, {
          method: request.method,
          headers: replayHeaders(request.headers),
          body: request.body ?? undefined,
          redirect: 'manual',
          signal: controller.signal,
        });
        return {
          status: response.status,
          headers: Object.fromEntries(
            [...response.headers].map(([name, value]) => [name.toLowerCase(), value]),
          ),
          body: await cappedText(response),
        } satisfies ObservedResponse;
      } catch (error) {
        // fetch says only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what an operator needs.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (error as Error).message;
        throw new Error(
          `${request.method} ${request.service}${request.path.split('?')[0]} in ${environmentId}: ${why}`,
        );
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

async function cappedText(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_RESPONSE_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}
