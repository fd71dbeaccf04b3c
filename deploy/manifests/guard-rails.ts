import type {
  V1LimitRange,
  V1NetworkPolicy,
  V1NetworkPolicyPeer,
  V1ResourceQuota,
} from '@kubernetes/client-node';
import { ancestorLabelKey, LABELS } from '../labels.js';
import { objectMeta, type RenderContext } from './context.js';

export const QUOTA_NAME = 'microstax-quota';
export const LIMIT_RANGE_NAME = 'microstax-defaults';
export const NETWORK_POLICY_NAME = 'microstax-isolation';

/** A ceiling on what one environment may take from the cluster. */
export function renderResourceQuota(ctx: RenderContext): V1ResourceQuota {
  const q = ctx.config.guardRails.quota;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: objectMeta(ctx, { name: QUOTA_NAME, role: 'guard-rail' }),
    spec: {
      hard: {
        pods: String(q.pods),
        'requests.cpu': String(q.requestsCpu),
        'requests.memory': String(q.requestsMemory),
        'limits.cpu': String(q.limitsCpu),
        'limits.memory': String(q.limitsMemory),
        persistentvolumeclaims: String(q.persistentVolumeClaims),
        services: String(q.services),
      },
    },
  };
}

/** Defaults for containers that declare no resources, so the quota can count every pod. */
export function renderLimitRange(ctx: RenderContext): V1LimitRange {
  const g = ctx.config.guardRails;
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: objectMeta(ctx, { name: LIMIT_RANGE_NAME, role: 'guard-rail' }),
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: String(g.defaultRequest.cpu), memory: String(g.defaultRequest.memory) },
          _default: { cpu: String(g.defaultLimit.cpu), memory: String(g.defaultLimit.memory) },
        },
      ],
    },
  };
}

/**
 * Lets no other environment's pods in. Allowed: pods of this namespace; namespaces that are not
 * MicroStax environments (ingress controllers, monitoring); descendants of this environment, at any
 * depth (they reuse its services, directly or through their baseline's ExternalName Services, so a
 * branch of a branch connects straight to this namespace's pods); and, for header routing, this
 * branch's baseline (its router forwards requests to this branch's copies). Siblings and cousins
 * carry no label naming each other, so they stay apart.
 */
export function renderNetworkPolicy(ctx: RenderContext): V1NetworkPolicy {
  const from: V1NetworkPolicyPeer[] = [
    { podSelector: {} },
    { namespaceSelector: { matchExpressions: [{ key: LABELS.environment, operator: 'DoesNotExist' }] } },
    // Direct branches deployed before ancestor labels carry only this one.
    { namespaceSelector: { matchLabels: { [LABELS.baseline]: ctx.environment.id } } },
    {
      namespaceSelector: {
        matchExpressions: [{ key: ancestorLabelKey(ctx.environment.id), operator: 'Exists' }],
      },
    },
  ];
  if (ctx.environment.baselineId && ctx.blueprint.routing === 'header') {
    from.push({ namespaceSelector: { matchLabels: { [LABELS.environment]: ctx.environment.baselineId } } });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, { name: NETWORK_POLICY_NAME, role: 'guard-rail' }),
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ _from: from }] },
  };
}
