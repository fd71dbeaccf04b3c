import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { KubernetesObject } from '@kubernetes/client-node';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { resolveBlueprintFile } from '../../blueprints/resolve.js';
import type { BlueprintProblem, ResolvedBlueprint } from '../../blueprints/resolved.js';
import { KubeClient } from '../../deploy/kube-client.js';

import { NODE_POOLS_FILE } from '../../local/stack/config.js';
import { useLocalStackSettings } from '../../local/stack/process-settings.js';

import { formatBranchPlan } from '../../planner/branching/format-plan.js';
import { planBranch } from '../../planner/branching/plan-branch.js';
import { PlannerError } from '../../planner/errors.js';
import {
  NODE_POOL_LABELS,
  type NodeLike,
  type NodePool,
  nodePoolsFromNodes,
  parseNodePoolsFile,
} from '../../planner/node-pools.js';
import { formatPlacementPlan } from '../../planner/placement/format-placement.js';
import { DEFAULT_CROSS_ZONE_HOURLY_COST, planPlacement } from '../../planner/placement/plan-placement.js';
import type { BranchPlan, PlacementPlan } from '../../planner/types.js';
import { ExitCode } from '../exit-codes.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

/** The pools file the local stack creates its simulated nodes from; the default for --pools. */
export const DEFAULT_POOLS_FILE = NODE_POOLS_FILE;

interface PlanOptions extends BlueprintInputOptions {
  baseline: string;
  branch: string;
  json: boolean;
  placement: boolean;
  pools?: string;
  baselineZone?: string;
  crossZoneCost: number;
  allowDataOnSpot: boolean;
  solver: 'auto' | 'milp' | 'heuristic';
}

/**
 * `microstax plan`: resolves baseline and branch (the same overlays and context apply to both, so
 * only the branch's own changes count), plans deploy/fork/reuse, and with --placement where each
 * service of the branch environment runs. Returns the exit code.
 */
export async function runPlan(options: PlanOptions): Promise<number> {
  const resolve = (file: string) =>
    resolveBlueprintFile({ file, overlays: options.overlay, context: options.context });
  const [baseline, branch] = await Promise.all([resolve(options.baseline), resolve(options.branch)]);
  const problems: BlueprintProblem[] = [
    ...(baseline.ok ? [] : baseline.problems),
    ...(branch.ok ? [] : branch.problems),
  ];
  if (!baseline.ok || !branch.ok) {
    printProblems(problems);
    return ExitCode.Failure;
  }
  const plan = planBranch({ baseline: baseline.blueprint, branch: branch.blueprint });

  let placement: PlacementPlan | undefined;
  if (options.placement) {
    const pools =
      options.pools === CLUSTER_POOLS
        ? await readClusterPools()
        : await readPools(options.pools ?? DEFAULT_POOLS_FILE);
    if (!pools) return ExitCode.Failure;
    try {
      placement = await planPlacement({
        blueprint: branch.blueprint,
        plan,
        pools,
        baselineZone: options.baselineZone,
        crossZoneHourlyCost: options.crossZoneCost,
        allowDataOnSpot: options.allowDataOnSpot,
        solver: options.solver,
      });
    } catch (error) {
      if (!(error instanceof PlannerError)) throw error;
      process.stderr.write(`microstax plan: ${error.message}\n`);
      return ExitCode.Failure;
    }
  }

  process.stdout.write(
    options.json
      ? `${JSON.stringify(placement ? { ...plan, placement } : plan, null, 2)}\n`
      : readable({ plan, placement, branch: branch.blueprint }),
  );
  return ExitCode.Ok;
}

function readable(input: { plan: BranchPlan; placement?: PlacementPlan; branch: ResolvedBlueprint }): string {
  const intro = `branch plan for ${input.branch.name} (routing: ${input.branch.routing}): deploy and fork run in the branch environment, reuse is served by the baseline\n\n`;
  const placement = input.placement ? `\nplacement\n\n${formatPlacementPlan(input.placement)}` : '';
  return intro + formatBranchPlan(input.plan) + placement;
}

/** `--pools cluster`: read the pools from the labelled nodes of the cluster. */
const CLUSTER_POOLS = 'cluster';

/**
 * Lists the nodes that carry the pool label in the cluster of $KUBECONFIG (or the local stack's)
 * and derives the pools from their labels and allocatable; prints the reason and returns undefined
 * when the cluster cannot be read or its labels are incomplete.
 */
async function readClusterPools(): Promise<NodePool[] | undefined> {
  try {
    await useLocalStackSettings();
    const kube = KubeClient.fromEnvironment();
    const nodes = await kube.list<NodeLike & KubernetesObject>({
      apiVersion: 'v1',
      kind: 'Node',
      labelSelector: NODE_POOL_LABELS.pool,
    });
    const pools = nodePoolsFromNodes(nodes.items);
    if (pools.length === 0) {
      process.stderr.write(
        `microstax plan: no node carries the ${NODE_POOL_LABELS.pool} label, so there are no pools to place on\n`,
      );
      return undefined;
    }
    return pools;
  } catch (error) {
    process.stderr.write(
      `microstax plan: cannot read node pools from the cluster: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return undefined;
  }
}

/** Reads a node pools file; prints FILE:LINE:COL problems and returns undefined when it is invalid. */
async function readPools(file: string): Promise<NodePool[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    process.stderr.write(`${file}:1:1: cannot read the node pools file: ${reason}\n`);
    return undefined;
  }
  const parsed = parseNodePoolsFile({ file, text });
  if (!parsed.ok) {
    process.stderr.write(
      parsed.problems
        .map((p) => `${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`)
        .join(''),
    );
    return undefined;
  }
  return parsed.pools;
}

function parseCost(value: string): number {
  const cost = Number(value);
  if (!Number.isFinite(cost) || cost < 0)
    throw new InvalidArgumentError('expected a non-negative number, e.g. 0.02');
  return cost;
}

/** Registers `microstax plan`. */
export function register(program: Command): void {
  addBlueprintInputOptions(
    program
      .command('plan')
      .description(
        'Plan a branch environment against a baseline: which services deploy, fork or reuse the baseline, and why',
      )
      .requiredOption('--baseline <file>', 'the baseline blueprint (what the shared environment runs)')
      .requiredOption('--branch <file>', 'the branch blueprint (the change to try)'),
  )
    .option('--json', 'print the plan as JSON', false)
    .option(
      '--placement',
      'also choose a node pool for each service that runs in the branch, at the lowest hourly cost',
      false,
    )
    .option(
      '--pools <file>',
      `node pools file for --placement, or "cluster" to read the labelled nodes of $KUBECONFIG's cluster (default: local/stack/node-pools.yaml${existsSync(DEFAULT_POOLS_FILE) ? '' : ', not present'})`,
    )
    .option(
      '--baseline-zone <zone>',
      'zone where the baseline environment runs (enables the cross-zone traffic cost)',
    )
    .addOption(
      new Option('--cross-zone-cost <amount>', 'hourly cost of one branch-to-baseline call crossing zones')
        .argParser(parseCost)
        .default(DEFAULT_CROSS_ZONE_HOURLY_COST),
    )
    .option('--allow-data-on-spot', 'let data services run on spot nodes (they may lose their data)', false)
    .addOption(
      new Option('--solver <solver>', 'placement solver: auto (exact when small), milp or heuristic')
        .choices(['auto', 'milp', 'heuristic'])
        .default('auto'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Rules: deploy = new or changed in meaning; fork = unchanged but must run in the branch (a data',
        'service a branch service uses, unless isolation: shared; a user of branch data; with routing: dns,',
        'a caller of a branch service); reuse = everything else. Overlays and context apply to both files.',
        '',
        'Exit codes: 0 planned, 1 invalid blueprint or pools file (problems on stderr), 2 usage error.',
        'Examples:',
        '  microstax plan --baseline main.yaml --branch feature.yaml',
        '  microstax plan --baseline main.yaml --branch feature.yaml --json --placement --pools pools.yaml',
      ].join('\n'),
    )
    .action(async (options: PlanOptions) => {
      process.exitCode = await runPlan(options);
    });
}
