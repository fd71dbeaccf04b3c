import type { V1EnvVar, V1Secret } from '@kubernetes/client-node';
import type { ResolvedEnvVar, ResolvedService } from '../../blueprints/resolved.js';
import { objectMeta, type RenderContext } from './context.js';
import { routedUrl } from './header-router.js';

/** Name of the Secret that holds one service's secret env values. */
export function secretName(service: string): string {
  return `${service}-env`;
}

/** The key a secretRef value is stored under in the service's Secret. */
function refKey(secretNameInStore: string, secretKey: string): string {
  return `${secretNameInStore}/${secretKey}`;
}

/**
 * The Secret with a service's secret values, keyed by env var name. Values go in `data` (base64)
 * rather than `stringData`, so a re-apply compares equal and changes nothing.
 */
export function renderServiceSecret(ctx: RenderContext, service: ResolvedService): V1Secret | undefined {
  const data: Record<string, string> = {};
  for (const v of service.env) {
    if (v.kind === 'secret') data[v.name] = Buffer.from(v.value, 'utf8').toString('base64');
    if (v.kind === 'secretRef') {
      const value = ctx.secretValues.get(refKey(v.secretName, v.secretKey));
      if (value !== undefined) data[v.name] = Buffer.from(value, 'utf8').toString('base64');
    }
  }
  if (Object.keys(data).length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: objectMeta(ctx, { name: secretName(service.name), role: 'secret', service: service.name }),
    type: 'Opaque',
    data,
  };
}

/**
 * One env var for a pod: plain values inline, secret values through secretKeyRef (never inline).
 * A secretRef's value is copied into the service's Secret from the secret source; only a render
 * without a source and without looked-up values (a dry run) refers to a Secret of that name.
 */
export function renderEnvVar(ctx: RenderContext, service: string, v: ResolvedEnvVar): V1EnvVar {
  if (v.kind === 'plain') return { name: v.name, value: routedUrl(ctx, v.value) };
  if (
    v.kind === 'secretRef' &&
    !ctx.config.secretSourceNamespace &&
    !ctx.secretValues.has(refKey(v.secretName, v.secretKey))
  ) {
    return { name: v.name, valueFrom: { secretKeyRef: { name: v.secretName, key: v.secretKey } } };
  }
  return { name: v.name, valueFrom: { secretKeyRef: { name: secretName(service), key: v.name } } };
}

/** The key used to pass looked-up secretRef values into rendering. */
export { refKey as secretValueKey };
