import type { DependencyGraph } from './resolved.js';

/**
 * Every dependency cycle, one per strongly connected group of services, each as the list of
 * service names along the cycle with the first repeated at the end (api -> worker -> api).
 * A cycle inside a group is found by walking to a repeated node.
 */
export function findCycles(graph: DependencyGraph): string[][] {
  return stronglyConnectedGroups(graph)
    .filter((group) => group.length > 1 || (graph[group[0]!] ?? []).includes(group[0]!))
    .map((group) => cycleWithin(graph, new Set(group)))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/**
 * The graph's strongly connected groups (Tarjan's algorithm): services that reach each other through
 * their dependencies, one group each; a service in no cycle is a group of its own. A group comes after
 * every group it depends on. Edges to services not in the graph are ignored.
 */
export function stronglyConnectedGroups(graph: DependencyGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;

  // Iterative Tarjan, so a 1,000-service chain cannot overflow the call stack.
  for (const start of Object.keys(graph).sort()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph[frame.node] ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!(to in graph)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group.sort());
      }
    }
  }
  return groups;
}

/** One cycle inside a strongly connected group, starting from its alphabetically first service. */
function cycleWithin(graph: DependencyGraph, group: Set<string>): string[] {
  const start = [...group].sort()[0]!;
  const path = [start];
  const position = new Map([[start, 0]]);
  let current = start;
  for (;;) {
    const next = (graph[current] ?? []).find((to) => group.has(to))!;
    const seen = position.get(next);
    if (seen !== undefined) return [...path.slice(seen), next];
    position.set(next, path.length);
    path.push(next);
    current = next;
  }
}
