import { z } from 'zod';

/**
 * Node pools: the capacity the placement planner chooses from. The local stack creates simulated
 * nodes from the same file format (stack/node-pools.yaml), and a real cluster describes its pools
 * with the node labels below.
 */
export const NODE_POOL_LABELS = {
  pool: 'microstax.dev/pool',
  capacityType: 'microstax.dev/capacity-type',
  hourlyPrice: 'microstax.dev/hourly-price',
  zone: 'topology.kubernetes.io/zone',
  instanceType: 'node.kubernetes.io/instance-type',
} as const;

export const NodePoolSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .describe('Pool name, a DNS label'),
  zone: z.string().min(1).describe('Availability zone, e.g. zone-a'),
  capacityType: z.enum(['on-demand', 'spot']),
  instanceType: z.string().min(1).describe('Instance type, e.g. m5.xlarge'),
  hourlyPrice: z.number().nonnegative().describe('Price of one node per hour'),
  nodes: z.number().int().min(1).describe('Number of nodes in the pool'),
  capacity: z.strictObject({
    cpu: z.string().describe('Allocatable CPU per node, e.g. "4"'),
    memory: z.string().describe('Allocatable memory per node, e.g. 16Gi'),
    pods: z.number().int().positive().default(110),
  }),
});

export const NodePoolsFileSchema = z.strictObject({ pools: z.array(NodePoolSchema).min(1) });

export type NodePool = z.infer<typeof NodePoolSchema>;
