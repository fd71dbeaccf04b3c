import type { V1PodSpec } from '@kubernetes/client-node';
import { NODE_TIER_LABEL } from '../labels.js';
import type { RenderContext } from './context.js';

/**
 * Where a service's pods may run: the planner's placement (a node pool), or, when the config pins
 * environments to a node tier, that tier's nodes, whose taint keeps everything else off them.
 * The tier wins: its nodes belong to no simulated pool.
 */
export function podScheduling(
  ctx: RenderContext,
  service: string,
): Pick<V1PodSpec, 'nodeSelector' | 'tolerations'> {
  const tier = ctx.config.nodeTier;
  if (tier) {
    return {
      nodeSelector: { [NODE_TIER_LABEL]: tier },
      tolerations: [{ key: NODE_TIER_LABEL, operator: 'Equal', value: tier, effect: 'NoSchedule' }],
    };
  }
  const placement = ctx.placements.get(service);
  if (placement && Object.keys(placement.nodeSelector).length > 0) {
    return { nodeSelector: { ...placement.nodeSelector } };
  }
  return {};
}
