import type {
  V1LimitRange,
  V1NetworkPolicy,
  V1NetworkPolicyEgressRule,
  V1NetworkPolicyPeer,
  V1ResourceQuota,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { ancestorLabelKey, LABELS } from '../labels.js';
import { objectMeta, type RenderContext, reusedServices, runningServices } from './context.js';
import { forksData } from './data-fork.js';
import { routerEgressRule } from './header-router.js';

export const QUOTA_NAME = 'microstax-quota';
export const LIMIT_RANGE_NAME = 'microstax-defaults';
export const NETWORK_POLICY_NAME = 'microstax-isolation';
export const EGRESS_POLICY_NAME = 'microstax-egress';

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
        'requests.storage': String(q.requestsStorage),
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

/**
 * What pods of this environment may connect to, nothing else: DNS (port 53, wherever the cluster's
 * resolver runs), pods of this namespace, and, for a branch, the pods of the services it reuses in
 * the environments above it (an ExternalName Service resolves to the baseline's Service, which may
 * itself point further up). With header routing, the router of a baseline forwards to its branches'
 * copies, so a baseline may also reach its descendants. The internet is not reachable by default.
 */
export function renderEgressPolicy(ctx: RenderContext): V1NetworkPolicy {
  const egress: V1NetworkPolicyEgressRule[] = [
    {
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
    { to: [{ podSelector: {} }] },
  ];
  // Forked data services copy the baseline's server (reached through its name, maybe further up).
  const forked = runningServices(ctx)
    .filter((s) => forksData(ctx, s))
    .map((s) => s.name);
  const reused = [...reusedServices(ctx).map((s) => s.name), ...forked];
  if (reused.length > 0 && ctx.ancestors.length > 0) {
    egress.push({
      to: [
        {
          namespaceSelector: {
            matchExpressions: [{ key: LABELS.environment, operator: 'In', values: [...ctx.ancestors] }],
          },
          podSelector: { matchExpressions: [{ key: LABELS.service, operator: 'In', values: reused }] },
        },
      ],
    });
  }
  const toRouter = routerEgressRule(ctx);
  if (toRouter) egress.push(toRouter);
  if (ctx.blueprint.routing === 'header') {
    egress.push({
      to: [
        {
          namespaceSelector: {
            matchExpressions: [{ key: ancestorLabelKey(ctx.environment.id), operator: 'Exists' }],
          },
        },
        { namespaceSelector: { matchLabels: { [LABELS.baseline]: ctx.environment.id } } },
      ],
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, { name: EGRESS_POLICY_NAME, role: 'guard-rail' }),
    spec: { podSelector: {}, policyTypes: ['Egress'], egress },
  };
}

/**
 * The namespace's default ServiceAccount without a token mounted into pods (each pod spec says so
 * too): environment workloads never call the Kubernetes API. Applied over the one Kubernetes creates.
 */
export function renderDefaultServiceAccount(ctx: RenderContext): V1ServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta(ctx, { name: 'default', role: 'guard-rail' }),
    automountServiceAccountToken: false,
  };
}
