import { describe, expect, it } from 'vitest';
import { BLUEPRINT_LIMITS } from '../../../blueprints/limits.js';
import { PlannerError } from '../../../planner/errors.js';
import type { NodePool } from '../../../planner/node-pools.js';
import { parseNodePoolsFile } from '../../../planner/node-pools.js';
import {
  checkPlacementLimits,
  exceededPlacementLimit,
  PLACEMENT_LIMITS,
} from '../../../planner/placement/limits.js';
import { planPlacement } from '../../../planner/placement/plan-placement.js';
import { worstAllowedPlacement } from '../../support/worst-placement.js';

const services = (count: number, replicas = 1) =>
  Array.from({ length: count }, (_, i) => ({ name: `s${i}`, replicas }));
const pools = (count: number, nodes = 1) =>
  Array.from({ length: count }, (_, i) => ({ name: `p${i}`, nodes }));

describe('placement limits', () => {
  it('accepts inputs at every cap and names the first limit exceeded with the value asked for', () => {
    expect(exceededPlacementLimit({ services: services(100), pools: pools(50, 100) })).toBeUndefined();
    expect(exceededPlacementLimit({ services: services(101), pools: pools(1) })).toMatchObject({
      limit: 'maxServices',
      value: 101,
      max: 100,
    });
    expect(exceededPlacementLimit({ services: services(1, 101), pools: pools(1, 200) })).toMatchObject({
      limit: 'maxReplicas',
      value: 101,
    });
    expect(exceededPlacementLimit({ services: services(1), pools: pools(51) })).toMatchObject({
      limit: 'maxPools',
      value: 51,
    });
    expect(exceededPlacementLimit({ services: services(1), pools: pools(1, 1001) })).toMatchObject({
      limit: 'maxNodesPerPool',
      value: 1001,
    });
    // Each dimension within its cap, the product over: 100 x 1 x 50 x 101.
    expect(exceededPlacementLimit({ services: services(100), pools: pools(50, 101) })).toMatchObject({
      limit: 'maxWork',
      value: 505_000,
      max: PLACEMENT_LIMITS.maxWork,
    });
  });

  it('throws a typed placement-too-large error whose message names the limit and the value', () => {
    let error: unknown;
    try {
      checkPlacementLimits({ services: services(3), pools: [{ name: 'huge', nodes: 5000 }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlannerError);
    expect((error as PlannerError).type).toBe('placement-too-large');
    expect((error as PlannerError).message).toContain('maxNodesPerPool');
    expect((error as PlannerError).message).toContain('pool huge has 5000 nodes');
    expect((error as PlannerError).params).toMatchObject({
      limit: 'maxNodesPerPool',
      value: 5000,
      max: 1000,
    });
  });

  it('planPlacement refuses over-cap input before building anything', async () => {
    const worst = worstAllowedPlacement();
    const tooMany: NodePool[] = [...worst.pools, { ...worst.pools[0]!, name: 'one-more' }];
    await expect(planPlacement({ ...worst, pools: tooMany })).rejects.toMatchObject({
      type: 'placement-too-large',
      params: { limit: 'maxPools', value: 51 },
    });
  });

  it('the blueprint schema and the pools file keep within the same caps', () => {
    expect(BLUEPRINT_LIMITS.maxReplicas).toBe(PLACEMENT_LIMITS.maxReplicas);
    const file = (nodes: number, count = 1) =>
      parseNodePoolsFile({
        file: 'pools.yaml',
        text: `pools:\n${Array.from(
          { length: count },
          (_, i) =>
            `  - name: p${i}\n    zone: a\n    capacityType: on-demand\n    instanceType: m\n    hourlyPrice: 1\n    nodes: ${nodes}\n    capacity: {cpu: "4", memory: 16Gi}\n`,
        ).join('')}`,
      });
    expect(file(1000).ok).toBe(true);
    const overNodes = file(1001);
    expect(overNodes.ok).toBe(false);
    if (!overNodes.ok) {
      expect(overNodes.problems[0]).toMatchObject({ line: 7, path: 'pools.0.nodes' });
      expect(overNodes.problems[0]!.message).toContain('1000');
    }
    const overPools = file(1, 51);
    expect(overPools.ok).toBe(false);
    if (!overPools.ok) expect(overPools.problems[0]!.message).toContain('50');
  });
});
