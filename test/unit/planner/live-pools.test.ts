import { describe, expect, it } from 'vitest';
import type { NodeLike, NodePool } from '../../../planner/node-pools.js';
import { clusterView, placeOnLiveRoom } from '../../../planner/placement/live-placement.js';
import {
  freeRoomByNode,
  livePools,
  type PodLike,
  preferredPool,
} from '../../../planner/placement/live-pools.js';
import { service } from './builders.js';

const pool = (name: string, nodes: number): NodePool => ({
  name,
  zone: 'zone-a',
  capacityType: 'on-demand',
  instanceType: 'm5.xlarge',
  hourlyPrice: 0.2,
  nodes,
  capacity: { cpu: '4', memory: '16Gi', pods: 10 },
});
const node = (name: string, poolName: string): NodeLike => ({
  metadata: { name, labels: { 'microstax.dev/pool': poolName } },
  status: { allocatable: { cpu: '4', memory: '16Gi', pods: '10' } },
});
const pod = (spec: PodLike['spec'], cpu = '1', phase = 'Running'): PodLike => ({
  spec: { ...spec, containers: [{ resources: { requests: { cpu, memory: '1Gi' } } }] },
  status: { phase },
});
const affinityFor = (preferred: string, weight = 100): PodLike['spec'] => ({
  affinity: {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 50,
          preference: {
            matchExpressions: [{ key: 'microstax.dev/pool', operator: 'In', values: ['other'] }],
          },
        },
        {
          weight,
          preference: {
            matchExpressions: [{ key: 'microstax.dev/pool', operator: 'In', values: [preferred] }],
          },
        },
      ],
    },
  },
});

describe('live pools', () => {
  const pools = [pool('a', 2), pool('b', 1)];
  const nodes = [node('a-1', 'a'), node('a-2', 'a'), node('b-1', 'b'), { metadata: { name: 'real' } }];

  it('an unbound pod counts in the pool it prefers most (selector, else its strongest preference)', () => {
    expect(preferredPool(pod({ nodeSelector: { 'microstax.dev/pool': 'b' } }))).toBe('b');
    expect(preferredPool(pod(affinityFor('a')))).toBe('a');
    expect(preferredPool(pod({}))).toBeUndefined();
  });

  it('subtracts bound pods from their node, unbound and reserved ones from the roomiest node of their pool', () => {
    const free = freeRoomByNode({
      pools,
      nodes,
      pods: [
        pod({ nodeName: 'a-1' }, '3'),
        pod({ nodeName: 'a-1' }, '1', 'Succeeded'),
        pod({ nodeName: 'real' }, '1'),
        pod(affinityFor('a'), '2'),
      ],
      reserved: [{ pool: 'b', cpu: 3500, memory: 0 }],
    });
    expect(free.get('a')!.get('a-1')).toMatchObject({ cpu: 1000, pods: 9 });
    expect(free.get('a')!.get('a-2')).toMatchObject({ cpu: 2000, pods: 9 });
    expect(free.get('b')!.get('b-1')).toMatchObject({ cpu: 500, pods: 9 });

    // Only nodes with room for the largest replica count; a pool with none is left out.
    const live = livePools({ pools, free, ask: { cpu: 1500, memory: 2 ** 30 } });
    expect(live).toEqual([
      { ...pools[0], nodes: 1, capacity: { cpu: '2000m', memory: String(15 * 2 ** 30), pods: 9 } },
    ]);
    const small = livePools({ pools, free, ask: { cpu: 500, memory: 0 } });
    expect(small.map((p) => [p.name, p.nodes, p.capacity.cpu])).toEqual([
      ['a', 2, '1000m'],
      ['b', 1, '500m'],
    ]);
  });

  it('places on the cheapest pool with room, and on full pools only when no pool has room', async () => {
    const priced = (name: string, price: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const nd = node(`${name}-${i}`, name);
        nd.metadata!.labels = {
          ...nd.metadata!.labels,
          'microstax.dev/hourly-price': price,
          'topology.kubernetes.io/zone': 'zone-a',
        };
        return nd;
      });
    const nodes = [...priced('cheap', '0.1', 1), ...priced('dear', '0.3', 1)];
    const blueprint = { name: 'bp', routing: 'dns' as const, services: [service('web')] } as never;
    const plan = {
      services: [{ name: 'web', action: 'deploy' as const, reasons: [] }],
      summary: { deploy: 1, fork: 0, reuse: 0, removed: [] },
    };
    const fill = (nodeName: string) => Array.from({ length: 10 }, () => pod({ nodeName }, '100m'));

    const idle = await placeOnLiveRoom({ blueprint, plan, cluster: clusterView(nodes, []) });
    expect([idle.services[0]!.pool, idle.capacity]).toEqual(['cheap', 'live']);

    const cheapFull = await placeOnLiveRoom({
      blueprint,
      plan,
      cluster: clusterView(nodes, fill('cheap-0')),
    });
    expect([cheapFull.services[0]!.pool, cheapFull.capacity]).toEqual(['dear', 'live']);
    expect(cheapFull.services[0]!.fallbacks).toEqual([{ pool: 'cheap', weight: 50 }]);

    const allFull = await placeOnLiveRoom({
      blueprint,
      plan,
      cluster: clusterView(nodes, [...fill('cheap-0'), ...fill('dear-0')]),
    });
    expect([allFull.services[0]!.pool, allFull.capacity]).toEqual(['cheap', 'full']);
  });
});
