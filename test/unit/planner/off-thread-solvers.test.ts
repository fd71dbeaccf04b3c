import { afterEach, describe, expect, it } from 'vitest';
import {
  createOffThreadSolvers,
  type OffThreadSolvers,
} from '../../../planner/placement/off-thread-solvers.js';
import { planPlacement } from '../../../planner/placement/plan-placement.js';
import { inProcessSolvers } from '../../../planner/placement/solvers.js';
import { worstAllowedPlacement } from '../../support/worst-placement.js';

/** The first `services` services of the worst allowed input on its first `pools` pools of `nodes` nodes. */
function part(services: number, pools: number, nodes: number) {
  const worst = worstAllowedPlacement();
  return {
    blueprint: { ...worst.blueprint, services: worst.blueprint.services.slice(0, services) },
    plan: { ...worst.plan, services: worst.plan.services.slice(0, services) },
    pools: worst.pools.slice(0, pools).map((p) => ({ ...p, nodes })),
  };
}

/** A mid-sized instance: small enough for the exact model, too big for HiGHS to finish in a blink. */
const midSized = () => part(30, 4, 12);

describe('placement solvers off the event loop', () => {
  let solvers: OffThreadSolvers | undefined;
  afterEach(async () => {
    await solvers?.close();
    solvers = undefined;
  });

  it('answers like the in-process solvers, from a worker thread', async () => {
    solvers = createOffThreadSolvers();
    const input = { ...midSized(), solver: 'heuristic' as const };
    const offThread = await planPlacement({ ...input, solvers });
    const inProcess = await planPlacement({ ...input, solvers: inProcessSolvers });
    expect(offThread).toEqual(inProcess);
    expect(offThread.solverReason).toBe('heuristic: heuristic asked for');
  });

  it('keeps the heuristic answer when the exact solve runs past its time limit, and says so', async () => {
    solvers = createOffThreadSolvers({ exactMs: 50 });
    const plan = await planPlacement({ ...midSized(), solver: 'milp', solvers });
    expect(plan.solver).toBe('heuristic');
    expect(plan.solverReason).toBe('heuristic: the exact solve ran past its 0.05 s time limit');
    expect(plan.services).toHaveLength(30);
  });

  it('keeps the heuristic answer when the exact solve runs out of its memory limit', async () => {
    solvers = createOffThreadSolvers({ memoryMb: 24 });
    const worst = worstAllowedPlacement();
    // The thread itself fits in 24 MB: a small model solves.
    const small = await planPlacement({ ...part(4, 2, 4), solver: 'milp', solvers });
    expect(small.solverReason).toMatch(/^exact: /);
    // Three free pools of 100 nodes: a 30,000-variable model (the forced-MILP cap), whose text does not.
    const free = worst.pools
      .slice(0, 3)
      .map((p) => ({ ...p, hourlyPrice: 0, capacityType: 'on-demand' as const }));
    const plan = await planPlacement({ ...worst, pools: free, solver: 'milp', solvers });
    expect(plan.solver).toBe('heuristic');
    expect(plan.solverReason).toBe('heuristic: the exact solve ran out of its 24 MB memory limit');
    expect(plan.services).toHaveLength(100);
  });

  it('skips the exact solve of a model over the forced-MILP cap, saying why', async () => {
    // Free nodes: no cost bound shrinks the model, so it has 100 x 50 x 100 slot variables.
    const worst = worstAllowedPlacement();
    const free = worst.pools.map((p) => ({ ...p, hourlyPrice: 0 }));
    const plan = await planPlacement({ ...worst, pools: free, solver: 'milp' });
    expect(plan.solver).toBe('heuristic');
    expect(plan.solverReason).toMatch(
      /^heuristic: exact model too large \(\d+ replica-slot variables; at most 30000\)$/,
    );
  });

  it('refuses a burst beyond its queue with solver-busy, and answers the rest', async () => {
    solvers = createOffThreadSolvers({ queue: 1 });
    const input = { ...midSized(), solver: 'heuristic' as const, solvers };
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => planPlacement(input)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ type: 'solver-busy' });
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
  });
});
