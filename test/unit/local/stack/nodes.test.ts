import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_POOLS_FILE } from '../../../../local/stack/config.js';
import { StackError } from '../../../../local/stack/errors.js';
import { nodesFromPools, readNodePools } from '../../../../local/stack/kubernetes/nodes.js';
import { NODE_POOL_LABELS } from '../../../../planner/node-pools.js';

describe('stack/node-pools.yaml', () => {
  it('describes on-demand and spot pools across two zones', async () => {
    const pools = await readNodePools(NODE_POOLS_FILE);
    expect(pools.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pools.map((pool) => pool.zone)).size).toBe(2);
    expect(new Set(pools.map((pool) => pool.capacityType))).toEqual(new Set(['on-demand', 'spot']));
  });
});

describe('nodesFromPools', () => {
  const pool = {
    name: 'spot-b',
    zone: 'zone-b',
    capacityType: 'spot' as const,
    instanceType: 'm5.2xlarge',
    hourlyPrice: 0.138,
    nodes: 2,
    capacity: { cpu: '8', memory: '32Gi', pods: 58 },
  };

  it('makes one kwok-managed node per pool node, labelled for the planner', () => {
    const nodes = nodesFromPools([pool]);
    expect(nodes.map((node) => node.metadata?.name)).toEqual(['spot-b-1', 'spot-b-2']);
    const [node] = nodes;
    expect(node?.metadata?.annotations?.['kwok.x-k8s.io/node']).toBe('fake');
    expect(node?.metadata?.labels).toMatchObject({
      [NODE_POOL_LABELS.pool]: 'spot-b',
      [NODE_POOL_LABELS.zone]: 'zone-b',
      [NODE_POOL_LABELS.capacityType]: 'spot',
      [NODE_POOL_LABELS.hourlyPrice]: '0.138',
      [NODE_POOL_LABELS.instanceType]: 'm5.2xlarge',
    });
    expect(node?.status?.allocatable).toEqual({ cpu: '8', memory: '32Gi', pods: '58' });
    expect(node?.status?.capacity).toEqual(node?.status?.allocatable);
  });
});

describe('readNodePools', () => {
  it('names the file and the failing field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'microstax-pools-'));
    try {
      const file = path.join(dir, 'pools.yaml');
      await writeFile(
        file,
        'pools:\n  - name: a\n    zone: z\n    capacityType: cheap\n    instanceType: t\n    hourlyPrice: 1\n    nodes: 1\n    capacity: { cpu: "1", memory: 1Gi }\n',
      );
      const error = await readNodePools(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StackError);
      expect((error as StackError).type).toBe('invalid-config');
      expect((error as StackError).message).toContain(file);
      expect((error as StackError).message).toContain('capacityType');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
