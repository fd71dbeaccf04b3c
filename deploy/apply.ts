import type { KubernetesObject } from '@kubernetes/client-node';
import { KubeApiError, ServicesFailedError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import { LABELS } from './labels.js';

/**
 * Apply waves: a kind waits for the kinds it depends on (the namespace first, the quota before any
 * pod so every pod is counted, secrets, config and claims before the workloads that mount them).
 */
const WAVE_OF_KIND: Record<string, number> = {
  Namespace: 0,
  ResourceQuota: 1,
  LimitRange: 1,
  NetworkPolicy: 1,
  ServiceAccount: 1,
  Secret: 2,
  ConfigMap: 2,
  Service: 2,
  PersistentVolume: 2,
  PersistentVolumeClaim: 2,
  Deployment: 3,
  StatefulSet: 3,
  Job: 3,
  Ingress: 3,
};
const LAST_WAVE = 4;

/** How many requests run at once within a wave. */
const DEFAULT_CONCURRENCY = 8;

export interface ApplyResult {
  /** The live objects, in input order. */
  applied: KubernetesObject[];
}

/**
 * Server-side applies objects in waves, a few at a time. A quota refusal becomes a typed
 * ServicesFailedError naming the service whose object was refused.
 */
export async function applyObjects(params: {
  kube: KubeClient;
  environmentId: string;
  objects: KubernetesObject[];
  concurrency?: number;
}): Promise<ApplyResult> {
  const { kube, objects } = params;
  const applied: KubernetesObject[] = new Array(objects.length);
  const waves = new Map<number, number[]>();
  objects.forEach((object, index) => {
    const wave = WAVE_OF_KIND[object.kind ?? ''] ?? LAST_WAVE;
    waves.set(wave, [...(waves.get(wave) ?? []), index]);
  });
  for (const wave of [...waves.keys()].sort((a, b) => a - b)) {
    await runLimited(waves.get(wave)!, params.concurrency ?? DEFAULT_CONCURRENCY, async (index) => {
      const object = objects[index]!;
      try {
        // A Job's template is immutable and its name carries its scripts' hash: one that exists has
        // run (or is running) the same scripts, so it is left alone (an older worker's Job included).
        const existing =
          object.kind === 'Job'
            ? await kube.readOrNull({
                apiVersion: object.apiVersion!,
                kind: 'Job',
                namespace: object.metadata!.namespace!,
                name: object.metadata!.name!,
              })
            : null;
        applied[index] = existing ?? (await kube.apply(object));
      } catch (error) {
        throw quotaRefusal({ error, object, environmentId: params.environmentId }) ?? error;
      }
    });
  }
  return { applied };
}

function quotaRefusal(params: {
  error: unknown;
  object: KubernetesObject;
  environmentId: string;
}): ServicesFailedError | undefined {
  const { error, object } = params;
  if (!(error instanceof KubeApiError) || error.params.statusCode !== 403) return undefined;
  if (!/exceeded quota/i.test(error.params.apiMessage)) return undefined;
  return new ServicesFailedError({
    environmentId: params.environmentId,
    namespace: object.metadata?.namespace ?? '',
    failures: [
      {
        service: object.metadata?.labels?.[LABELS.service] ?? object.metadata?.name ?? '?',
        cause: 'quota-exceeded',
        reason: 'QuotaExceeded',
        message: error.params.apiMessage,
        object: `${object.kind}/${object.metadata?.name}`,
      },
    ],
  });
}

/** Runs `fn` over items with at most `limit` in flight; the first failure wins once all settle. */
async function runLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let firstError: unknown;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (firstError !== undefined) throw firstError;
}
