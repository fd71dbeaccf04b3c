import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlannerError } from '../../../planner/errors.js';
import {
  NODE_POOL_LABELS,
  type NodeLike,
  nodePoolsFromNodes,
  parseNodePoolsFile,
} from '../../../planner/node-pools.js';

const fixture = new URL('./fixtures/pools.yaml', import.meta.url);

describe('parseNodePoolsFile', () => {
  it('reads a pools file with defaults applied', () => {
    const result = parseNodePoolsFile({ file: 'pools.yaml', text: readFileSync(fixture, 'utf8') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pools.map((p) => p.name)).toEqual(['general-a', 'spot-a', 'general-b']);
    expect(result.pools[0]!.capacity.pods).toBe(110);
    expect(result.pools[2]!.capacity.pods).toBe(58);
  });

  it('names file, line and field for a schema error', () => {
    const text =
      'pools:\n  - name: a\n    zone: zone-a\n    capacityType: reserved\n    instanceType: x\n    hourlyPrice: 1\n    nodes: 1\n    capacity: { cpu: "2", memory: 4Gi }\n';
    const result = parseNodePoolsFile({ file: 'p.yaml', text });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'p.yaml', line: 4, path: 'pools.0.capacityType' });
  });

  it('rejects quantities that do not parse and duplicate names, at their lines', () => {
    const pool = (name: string, cpu: string) =>
      `  - name: ${name}\n    zone: z\n    capacityType: spot\n    instanceType: x\n    hourlyPrice: 1\n    nodes: 1\n    capacity: { cpu: "${cpu}", memory: 4Gi }\n`;
    const result = parseNodePoolsFile({
      file: 'p.yaml',
      text: `pools:\n${pool('a', 'four')}${pool('a', '2')}`,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.path])).toEqual([
      [8, 'pools.0.capacity.cpu'],
      [9, 'pools.1.name'],
    ]);
    expect(result.problems[0]!.message).toContain('"four" is not a quantity');
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseNodePoolsFile({ file: 'p.yaml', text: 'pools:\n  - name: [a\n' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('nodePoolsFromNodes', () => {
  const node = (
    name: string,
    labels: Record<string, string>,
    allocatable: Record<string, string>,
  ): NodeLike => ({
    metadata: { name, labels },
    status: { allocatable },
  });
  const labels = (pool: string, zone: string, extra: Record<string, string> = {}) => ({
    [NODE_POOL_LABELS.pool]: pool,
    [NODE_POOL_LABELS.zone]: zone,
    [NODE_POOL_LABELS.hourlyPrice]: '0.1',
    ...extra,
  });

  it('groups labelled nodes into pools with the smallest allocatable, skipping unlabelled nodes', () => {
    const pools = nodePoolsFromNodes([
      node('n1', labels('general', 'zone-a', { [NODE_POOL_LABELS.instanceType]: 'm5.xlarge' }), {
        cpu: '3920m',
        memory: '15Gi',
        pods: '110',
      }),
      node('n2', labels('general', 'zone-a'), { cpu: '4', memory: '16Gi', pods: '110' }),
      node('n3', labels('cheap', 'zone-b', { [NODE_POOL_LABELS.capacityType]: 'spot' }), {
        cpu: '2',
        memory: '8Gi',
        pods: '58',
      }),
      node('control-plane', {}, { cpu: '2', memory: '4Gi' }),
    ]);
    expect(pools).toEqual([
      {
        name: 'cheap',
        zone: 'zone-b',
        capacityType: 'spot',
        instanceType: 'unknown',
        hourlyPrice: 0.1,
        nodes: 1,
        capacity: { cpu: '2', memory: '8Gi', pods: 58 },
      },
      {
        name: 'general',
        zone: 'zone-a',
        capacityType: 'on-demand',
        instanceType: 'm5.xlarge',
        hourlyPrice: 0.1,
        nodes: 2,
        capacity: { cpu: '3920m', memory: '15Gi', pods: 110 },
      },
    ]);
  });

  it('refuses a pool that spans zones or lacks a price, naming the pool or node', () => {
    expect(() =>
      nodePoolsFromNodes([
        node('n1', labels('general', 'zone-a'), { cpu: '4', memory: '16Gi' }),
        node('n2', labels('general', 'zone-b'), { cpu: '4', memory: '16Gi' }),
      ]),
    ).toThrow(/pool general: .*zone-a, zone-b/);
    const { [NODE_POOL_LABELS.hourlyPrice]: _price, ...noPrice } = labels('general', 'zone-a');
    expect(() => nodePoolsFromNodes([node('n1', noPrice, { cpu: '4', memory: '16Gi' })])).toThrow(
      PlannerError,
    );
  });
});
