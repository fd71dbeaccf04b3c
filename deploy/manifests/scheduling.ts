import type { V1PodSpec } from '@kubernetes/client-node';
import { NODE_POOL_LABELS } from '../../planner/node-pools.js';
import type { ServicePlacement } from '../../planner/types.js';
import { NODE_TIER_LABEL } from '../labels.js';
import { type RenderContext, selectorLabels } from './context.js';

/** Node-affinity weight of the pool the planner chose; fallbacks weigh at most half of it. */
export const CHOSEN_POOL_WEIGHT = 100;

type Scheduling = Pick<V1PodSpec, 'nodeSelector' | 'tolerations' | 'affinity' | 'topologySpreadConstraints'>;

/**
 * Where a service's pods may run. When the config pins environments to a node tier, that tier's
 * nodes, whose taint keeps everything else off them (the tier wins: its nodes belong to no pool).
 * Otherwise the planner's placement: the pods REQUIRE one of the pools the service's hard rules allow
 * (no spot for data services) and PREFER the chosen pool, then the others by price, so a chosen pool
 * that filled up since the plan was made never leaves a pod unschedulable while another allowed pool
 * has room. Replicas spread over nodes. A plan without fallbacks (made before they existed) pins.
 */
export function podScheduling(ctx: RenderContext, service: string, replicas = 1): Scheduling {
  const tier = ctx.config.nodeTier;
  if (tier) {
    return {
      nodeSelector: { [NODE_TIER_LABEL]: tier },
      tolerations: [{ key: NODE_TIER_LABEL, operator: 'Equal', value: tier, effect: 'NoSchedule' }],
    };
  }
  const placement = ctx.placements.get(service);
  if (!placement || Object.keys(placement.nodeSelector).length === 0) return {};
  const spread: Scheduling =
    replicas > 1
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              // Spread is a preference: a pool with fewer free nodes than replicas still runs them all.
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorLabels(ctx, service) },
            },
          ],
        }
      : {};
  if (!placement.fallbacks) return { nodeSelector: { ...placement.nodeSelector }, ...spread };
  return { affinity: poolAffinity(placement), ...spread };
}

function poolAffinity(placement: ServicePlacement): NonNullable<V1PodSpec['affinity']> {
  const preferences = [
    { pool: placement.pool, weight: CHOSEN_POOL_WEIGHT },
    ...(placement.fallbacks ?? []).filter((f) => f.pool !== placement.pool),
  ];
  const inPools = (pools: string[]) => ({
    matchExpressions: [{ key: NODE_POOL_LABELS.pool, operator: 'In', values: pools }],
  });
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [inPools(preferences.map((p) => p.pool))],
      },
      preferredDuringSchedulingIgnoredDuringExecution: preferences.map((p) => ({
        weight: p.weight,
        preference: inPools([p.pool]),
      })),
    },
  };
}
