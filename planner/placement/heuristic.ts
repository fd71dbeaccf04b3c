import { assignmentCost, nodeShare, type PlacementProblem, type ServiceAssignment } from './problem.js';

/**
 * The fast placement heuristic for inputs too large to solve exactly: several greedy passes
 * (first-fit decreasing with best-fit node choice, under different ways of pricing a new node),
 * each followed by a repair pass that empties lightly used nodes and moves whole services into
 * free room, keeping the cheapest result. Deterministic: ties break by index.
 */

interface OpenNode {
  index: number;
  cpu: number;
  memory: number;
  pods: number;
  services: Set<number>;
}

type NewNodePricing = 'full-node' | 'share-of-node';

class PackingState {
  readonly open: OpenNode[][];
  readonly assignment: (ServiceAssignment | undefined)[];
  /** Hourly cost of what is placed so far, kept up to date by place() and remove(). */
  cost = 0;

  constructor(readonly problem: PlacementProblem) {
    this.open = problem.pools.map(() => []);
    this.assignment = problem.services.map(() => undefined);
  }

  fits(node: OpenNode, s: number): boolean {
    const service = this.problem.services[s]!;
    return (
      !node.services.has(s) && node.cpu >= service.cpu && node.memory >= service.memory && node.pods >= 1
    );
  }

  /** Nodes for the replicas of s in pool p: the fullest open nodes that fit, then how many new ones. */
  choose(s: number, p: number, allowNew: boolean): { existing: OpenNode[]; newNodes: number } | undefined {
    const replicas = this.problem.services[s]!.replicas;
    const pool = this.problem.pools[p]!;
    const candidates = this.open[p]!.filter((n) => this.fits(n, s));
    // Best fit: the node left with the least room in its scarcer resource.
    const room = (n: OpenNode) => Math.min(n.cpu / pool.cpu, n.memory / pool.memory);
    candidates.sort((a, b) => room(a) - room(b) || a.index - b.index);
    const existing = candidates.slice(0, replicas);
    const newNodes = replicas - existing.length;
    if (newNodes > 0 && (!allowNew || this.usedIndices(p).size + newNodes > pool.pool.nodes))
      return undefined;
    return { existing, newNodes };
  }

  usedIndices(p: number): Set<number> {
    return new Set(this.open[p]!.map((n) => n.index));
  }

  place(s: number, p: number, choice: { existing: OpenNode[]; newNodes: number }): void {
    const pool = this.problem.pools[p]!;
    const nodes = [...choice.existing];
    const used = this.usedIndices(p);
    let next = 0;
    for (let i = 0; i < choice.newNodes; i++) {
      while (used.has(next)) next++;
      const node: OpenNode = {
        index: next,
        cpu: pool.cpu,
        memory: pool.memory,
        pods: pool.pods,
        services: new Set(),
      };
      used.add(next);
      this.open[p]!.push(node);
      nodes.push(node);
      this.cost += pool.pool.hourlyPrice;
    }
    this.cost += this.problem.traffic[s]![p]!;
    const service = this.problem.services[s]!;
    for (const node of nodes) {
      node.cpu -= service.cpu;
      node.memory -= service.memory;
      node.pods -= 1;
      node.services.add(s);
    }
    this.assignment[s] = { pool: p, nodes: nodes.map((n) => n.index) };
  }

  remove(s: number): void {
    const a = this.assignment[s]!;
    const service = this.problem.services[s]!;
    for (const node of this.open[a.pool]!) {
      if (!node.services.delete(s)) continue;
      node.cpu += service.cpu;
      node.memory += service.memory;
      node.pods += 1;
    }
    const kept = this.open[a.pool]!.filter((n) => n.services.size > 0);
    this.cost -= (this.open[a.pool]!.length - kept.length) * this.problem.pools[a.pool]!.pool.hourlyPrice;
    this.cost -= this.problem.traffic[s]![a.pool]!;
    this.open[a.pool] = kept;
    this.assignment[s] = undefined;
  }
}

function greedy(problem: PlacementProblem, order: number[], pricing: NewNodePricing, onlyPool?: number) {
  const state = new PackingState(problem);
  for (const s of order) {
    let best:
      | { p: number; score: number; density: number; choice: { existing: OpenNode[]; newNodes: number } }
      | undefined;
    problem.pools.forEach((pool, p) => {
      if (!problem.allowed[s]![p] || (onlyPool !== undefined && p !== onlyPool)) return;
      const choice = state.choose(s, p, true);
      if (!choice) return;
      const density = pool.pool.hourlyPrice * nodeShare(problem, s, p);
      const nodeCost = pricing === 'full-node' ? pool.pool.hourlyPrice : density;
      const score = problem.traffic[s]![p]! + choice.newNodes * nodeCost;
      if (
        !best ||
        score < best.score - 1e-12 ||
        (Math.abs(score - best.score) <= 1e-12 && density < best.density)
      ) {
        best = { p, score, density, choice };
      }
    });
    if (!best) return undefined;
    state.place(s, best.p, best.choice);
  }
  return state;
}

/**
 * Local search: moves a whole service to another pool when that lowers the total (it may free
 * nodes, or reach a cheaper or closer pool), then empties nodes whose replicas fit elsewhere.
 */
function repair(state: PackingState): void {
  const { problem } = state;
  for (let round = 0; round < 20; round++) {
    let improved = false;
    // Whole-service moves, accepted only when the total cost drops.
    problem.services.forEach((_, s) => {
      const current = state.assignment[s]!;
      const before = state.cost;
      for (let q = 0; q < problem.pools.length; q++) {
        if (q === current.pool || !problem.allowed[s]![q]) continue;
        const saved = state.assignment[s]!;
        state.remove(s);
        const choice = state.choose(s, q, true);
        if (choice) {
          state.place(s, q, choice);
          if (state.cost < before - 1e-9) {
            improved = true;
            return;
          }
          state.remove(s);
        }
        const back = state.choose(s, saved.pool, true)!;
        state.place(s, saved.pool, back);
      }
    });
    // Empty the least loaded node of each pool when its replicas fit on the others.
    problem.pools.forEach((pool, p) => {
      const nodes = [...state.open[p]!].sort(
        (a, b) => b.cpu / pool.cpu - a.cpu / pool.cpu || a.index - b.index,
      );
      for (const victim of nodes) {
        const moves: { s: number; to: OpenNode }[] = [];
        const shadow = new Map(
          state.open[p]!.map((n) => [n, { cpu: n.cpu, memory: n.memory, pods: n.pods }]),
        );
        const ok = [...victim.services].every((s) => {
          const service = problem.services[s]!;
          const target = state.open[p]!.find((n) => {
            const room = shadow.get(n)!;
            return (
              n !== victim &&
              !n.services.has(s) &&
              !moves.some((m) => m.s === s && m.to === n) &&
              room.cpu >= service.cpu &&
              room.memory >= service.memory &&
              room.pods >= 1
            );
          });
          if (!target) return false;
          const room = shadow.get(target)!;
          room.cpu -= service.cpu;
          room.memory -= service.memory;
          room.pods -= 1;
          moves.push({ s, to: target });
          return true;
        });
        if (!ok || moves.length === 0) continue;
        for (const { s, to } of moves) {
          const service = problem.services[s]!;
          victim.services.delete(s);
          to.services.add(s);
          to.cpu -= service.cpu;
          to.memory -= service.memory;
          to.pods -= 1;
          const a = state.assignment[s]!;
          a.nodes = a.nodes.map((n) => (n === victim.index ? to.index : n));
        }
        state.open[p] = state.open[p]!.filter((n) => n !== victim);
        state.cost -= pool.pool.hourlyPrice;
        improved = true;
      }
    });
    if (!improved) break;
  }
}

/** Node indices renumbered 0..k-1 per pool, so a plan reads "node 0, node 1" whatever the search did. */
function compact(assignment: ServiceAssignment[]): ServiceAssignment[] {
  const maps = new Map<number, Map<number, number>>();
  return assignment.map((a) => {
    const map = maps.get(a.pool) ?? new Map<number, number>();
    maps.set(a.pool, map);
    return {
      pool: a.pool,
      nodes: a.nodes.map((n) => {
        if (!map.has(n)) map.set(n, map.size);
        return map.get(n)!;
      }),
    };
  });
}

/** The cheapest assignment the heuristic finds, or undefined when it finds none that fits. */
export function placeHeuristically(problem: PlacementProblem): ServiceAssignment[] | undefined {
  const largestShare = (s: number) =>
    Math.max(...problem.pools.map((_, p) => (problem.allowed[s]![p] ? nodeShare(problem, s, p) : 0)));
  const orderBy = (key: (s: number) => number) =>
    problem.services
      .map((_, s) => ({ s, key: key(s) }))
      .sort((a, b) => b.key - a.key || a.s - b.s)
      .map((x) => x.s);
  const svc = (s: number) => problem.services[s]!;
  // Decreasing orders that suit different instances: total size, replicas first (spread is the
  // hardest constraint), CPU, memory.
  const orders = [
    orderBy((s) => svc(s).replicas * largestShare(s)),
    orderBy((s) => svc(s).replicas * 1e3 + largestShare(s)),
    orderBy((s) => svc(s).cpu * svc(s).replicas),
    orderBy((s) => svc(s).memory * svc(s).replicas),
  ];
  const runs: (PackingState | undefined)[] = [];
  for (const order of orders) {
    runs.push(greedy(problem, order, 'full-node'), greedy(problem, order, 'share-of-node'));
  }
  problem.pools.forEach((_, p) => {
    if (problem.services.every((_, s) => problem.allowed[s]![p]))
      runs.push(greedy(problem, orders[0]!, 'full-node', p));
  });
  let best: { cost: number; assignment: ServiceAssignment[] } | undefined;
  for (const state of runs) {
    if (!state) continue;
    repair(state);
    const assignment = compact(state.assignment as ServiceAssignment[]);
    const cost = assignmentCost(problem, assignment);
    if (!best || cost < best.cost - 1e-9) best = { cost, assignment };
  }
  return best?.assignment;
}

/**
 * Naive placement for comparison: every service on the cheapest on-demand pool that can hold each
 * replica, packed first-fit decreasing, as many nodes as it takes (pool size ignored).
 */
export function naiveCost(problem: PlacementProblem): number {
  const fitsAll = (p: number) =>
    problem.services.every((s) => s.cpu <= problem.pools[p]!.cpu && s.memory <= problem.pools[p]!.memory);
  const byPrice = problem.pools
    .map((pool, p) => ({ pool, p }))
    .filter(({ p }) => fitsAll(p))
    .sort(
      (a, b) =>
        Number(a.pool.pool.capacityType === 'spot') - Number(b.pool.pool.capacityType === 'spot') ||
        a.pool.pool.hourlyPrice - b.pool.pool.hourlyPrice ||
        a.p - b.p,
    );
  const chosen = byPrice[0];
  if (!chosen) return Number.NaN;
  const unlimited: PlacementProblem = {
    ...problem,
    pools: problem.pools.map((pool, p) =>
      p === chosen.p ? { ...pool, pool: { ...pool.pool, nodes: Number.MAX_SAFE_INTEGER } } : pool,
    ),
    allowed: problem.services.map(() => problem.pools.map((_, p) => p === chosen.p)),
  };
  const order = problem.services
    .map((svc, s) => ({ s, size: svc.replicas * nodeShare(problem, s, chosen.p) }))
    .sort((a, b) => b.size - a.size || a.s - b.s)
    .map((x) => x.s);
  const state = greedy(unlimited, order, 'full-node', chosen.p);
  return state ? assignmentCost(unlimited, state.assignment as ServiceAssignment[]) : Number.NaN;
}
