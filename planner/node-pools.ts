import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PlannerError } from './errors.js';
import { PLACEMENT_LIMITS } from './placement/limits.js';
import { cpuMillicores, memoryBytes } from './quantity.js';

/**
 * Node pools: the capacity the placement planner chooses from. The local stack creates simulated
 * nodes from the same file format (local/stack/node-pools.yaml), and a real cluster describes its pools
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

/** A pools file keeps within the placement caps, so every pool it describes can be planned on. */
export const NodePoolsFileSchema = z.strictObject({
  pools: z
    .array(
      NodePoolSchema.extend({
        nodes: NodePoolSchema.shape.nodes.max(
          PLACEMENT_LIMITS.maxNodesPerPool,
          `at most ${PLACEMENT_LIMITS.maxNodesPerPool} nodes per pool (placement limit maxNodesPerPool)`,
        ),
      }),
    )
    .min(1)
    .max(PLACEMENT_LIMITS.maxPools, `at most ${PLACEMENT_LIMITS.maxPools} pools (placement limit maxPools)`),
});

export type NodePool = z.infer<typeof NodePoolSchema>;

/** A problem in a node pools file, located as FILE:LINE:COL. */
export interface NodePoolsProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted field path, e.g. pools.1.capacity.cpu. */
  path: string;
  message: string;
}

export type ParseNodePoolsResult =
  | { ok: true; pools: NodePool[] }
  | { ok: false; problems: NodePoolsProblem[] };

/**
 * Parses a node pools file (YAML or JSON; local/stack/node-pools.yaml is one). Every problem names the
 * file, line and field: YAML syntax, schema violations, quantities that do not parse, duplicate names.
 */
export function parseNodePoolsFile(input: { file: string; text: string }): ParseNodePoolsResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(input.text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): { line: number; column: number } => {
    if (offset === undefined) return { line: 1, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file: input.file, ...at(e.pos[0]), path: '', message: e.message })),
    };
  }
  const locate = (path: readonly PropertyKey[]): { line: number; column: number } => {
    // Walk up to the nearest node that exists (a missing field is reported at its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const problem = (path: readonly PropertyKey[], message: string): NodePoolsProblem => ({
    file: input.file,
    ...locate(path),
    path: path.map(String).join('.'),
    message,
  });

  const parsed = NodePoolsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => problem(i.path, i.message)) };
  }
  const problems: NodePoolsProblem[] = [];
  const seen = new Set<string>();
  parsed.data.pools.forEach((pool, index) => {
    if (seen.has(pool.name))
      problems.push(problem(['pools', index, 'name'], `duplicate pool name "${pool.name}"`));
    seen.add(pool.name);
    for (const [field, parse] of [
      ['cpu', cpuMillicores],
      ['memory', memoryBytes],
    ] as const) {
      try {
        if (parse(pool.capacity[field]) <= 0) {
          problems.push(
            problem(['pools', index, 'capacity', field], `${field} capacity must be more than 0`),
          );
        }
      } catch (error) {
        problems.push(
          problem(
            ['pools', index, 'capacity', field],
            error instanceof Error ? error.message : String(error),
          ),
        );
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pools: parsed.data.pools };
}

/** The parts of a Kubernetes Node (V1Node) that pools are derived from. */
export interface NodeLike {
  metadata?: { name?: string; labels?: Record<string, string> };
  status?: { allocatable?: Record<string, string> };
}

/**
 * Derives node pools from a cluster's nodes: nodes are grouped by the pool label, and a pool's
 * capacity is the smallest allocatable of its nodes (so every node can hold what the planner puts
 * there). Nodes without the pool label are not MicroStax capacity and are skipped. A pool must sit in
 * one zone and carry an hourly price label; capacity type defaults to on-demand.
 */
export function nodePoolsFromNodes(nodes: readonly NodeLike[]): NodePool[] {
  const groups = new Map<string, NodeLike[]>();
  for (const node of nodes) {
    const pool = node.metadata?.labels?.[NODE_POOL_LABELS.pool];
    if (!pool) continue;
    groups.set(pool, [...(groups.get(pool) ?? []), node]);
  }
  const pools: NodePool[] = [];
  for (const [name, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const label = (node: NodeLike, key: string): string | undefined => node.metadata?.labels?.[key];
    const nodeName = (node: NodeLike): string => node.metadata?.name ?? '(unnamed node)';
    const zones = [...new Set(members.map((n) => label(n, NODE_POOL_LABELS.zone) ?? ''))];
    if (zones.length !== 1 || zones[0] === '') {
      throw new PlannerError(
        'invalid-node-pools',
        `pool ${name}: its nodes must all carry one ${NODE_POOL_LABELS.zone} label (found: ${zones.map((z) => z || '(none)').join(', ')}); give each zone its own pool`,
        { pool: name, zones },
      );
    }
    const prices = members.map((n) => {
      const text = label(n, NODE_POOL_LABELS.hourlyPrice);
      const price = text === undefined ? Number.NaN : Number(text);
      if (!Number.isFinite(price) || price < 0) {
        throw new PlannerError(
          'invalid-node-pools',
          `node ${nodeName(n)}: label ${NODE_POOL_LABELS.hourlyPrice} must be a non-negative number (found ${text ?? 'none'})`,
          { node: nodeName(n), label: NODE_POOL_LABELS.hourlyPrice },
        );
      }
      return price;
    });
    const allocatable = (node: NodeLike, key: string): string => {
      const value = node.status?.allocatable?.[key];
      if (value === undefined) {
        throw new PlannerError(
          'invalid-node-pools',
          `node ${nodeName(node)}: status.allocatable.${key} is missing`,
          {
            node: nodeName(node),
            field: key,
          },
        );
      }
      return value;
    };
    const smallest = (key: string, parse: (q: string) => number): string =>
      members.map((n) => allocatable(n, key)).reduce((a, b) => (parse(b) < parse(a) ? b : a));
    const first = members[0]!;
    const capacityType = label(first, NODE_POOL_LABELS.capacityType) === 'spot' ? 'spot' : 'on-demand';
    pools.push({
      name,
      zone: zones[0]!,
      capacityType,
      instanceType: label(first, NODE_POOL_LABELS.instanceType) ?? 'unknown',
      hourlyPrice: Math.max(...prices),
      nodes: members.length,
      capacity: {
        cpu: smallest('cpu', (q) => cpuMillicores(q)),
        memory: smallest('memory', (q) => memoryBytes(q)),
        pods: Math.min(
          ...members.map((n) => Number.parseInt(n.status?.allocatable?.pods ?? '110', 10) || 110),
        ),
      },
    });
  }
  return pools;
}
