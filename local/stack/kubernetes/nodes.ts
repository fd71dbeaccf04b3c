import { readFile } from 'node:fs/promises';
import type { V1Node } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { z } from 'zod';
import { NODE_POOL_LABELS, type NodePool, NodePoolsFileSchema } from '../../../planner/node-pools.js';
import { StackError } from '../errors.js';
import { KWOK_NODE_ANNOTATION } from './components.js';

/** Simulated nodes: one Node object per pool node, with the capacity and labels the planner reads. */

/** Marks the nodes the stack made, so nodes of a pool removed from the file can be pruned. */
export const STACK_NODE_LABEL = 'microstax.dev/simulated';

/** Reads and validates the node-pools file; errors name the file and the failing field. */
export async function readNodePools(file: string): Promise<NodePool[]> {
  let document: unknown;
  try {
    document = parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new StackError(
      'invalid-config',
      `${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        fix: 'fix the YAML syntax',
      },
    );
  }
  const parsed = NodePoolsFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new StackError('invalid-config', `${file}: ${z.prettifyError(parsed.error)}`, {
      fix: 'see planner/node-pools.ts for the format',
    });
  }
  const names = parsed.data.pools.map((pool) => pool.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new StackError('invalid-config', `${file}: pool name "${duplicate}" is used twice`);
  return parsed.data.pools;
}

/** The Node objects for the pools (pure). Names are `<pool>-<n>`, n from 1. */
export function nodesFromPools(pools: NodePool[]): V1Node[] {
  return pools.flatMap((pool) =>
    Array.from({ length: pool.nodes }, (_, index): V1Node => {
      const name = `${pool.name}-${index + 1}`;
      const resources = {
        cpu: pool.capacity.cpu,
        memory: pool.capacity.memory,
        pods: String(pool.capacity.pods),
      };
      return {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          annotations: { [KWOK_NODE_ANNOTATION]: 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
          labels: {
            [STACK_NODE_LABEL]: 'true',
            type: 'kwok',
            'kubernetes.io/hostname': name,
            'kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            [NODE_POOL_LABELS.pool]: pool.name,
            [NODE_POOL_LABELS.zone]: pool.zone,
            [NODE_POOL_LABELS.capacityType]: pool.capacityType,
            [NODE_POOL_LABELS.hourlyPrice]: String(pool.hourlyPrice),
            [NODE_POOL_LABELS.instanceType]: pool.instanceType,
          },
        },
        status: {
          capacity: resources,
          allocatable: resources,
          nodeInfo: {
            architecture: 'amd64',
            operatingSystem: 'linux',
            kubeletVersion: 'kwok',
            kubeProxyVersion: 'kwok',
            osImage: 'kwok',
            kernelVersion: 'kwok',
            containerRuntimeVersion: 'kwok',
            bootID: '',
            machineID: '',
            systemUUID: '',
          },
          phase: 'Running',
        },
      };
    }),
  );
}
