import { z } from 'zod';
import { PARSE_LIMITS } from '../../blueprints/limits.js';
import { BlueprintName } from '../../blueprints/schema.js';
import { NodePoolSchema } from '../../planner/node-pools.js';
import { cpuMillicores, memoryBytes } from '../../planner/quantity.js';
import { EnvironmentId, IsoDate, TeamId } from './common.js';

const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\0/\\][^\0\\]*$/, 'must be a relative file name')
  .describe('File name used in problem locations, e.g. checkout-dev.yaml');

/** Init scripts an inline blueprint names, keyed by the path it names them with. */
export const Scripts = z
  .record(z.string().min(1).max(255), z.string().max(PARSE_LIMITS.maxScriptBytes))
  .refine((scripts) => Object.keys(scripts).length <= 100, 'at most 100 scripts')
  .describe('Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql');

export const OverlaySource = z.strictObject({
  fileName,
  source: z.string().min(1).max(PARSE_LIMITS.maxFileBytes).describe('Overlay YAML'),
});

export const Context = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/), z.string().max(256))
  .describe('Context that selects which overlays apply, e.g. {team: payments, branch: feature/x}');

/** A blueprint given as text. */
export const InlineBlueprint = z.strictObject({
  source: z.string().min(1).max(PARSE_LIMITS.maxFileBytes).describe('Blueprint YAML'),
  fileName: fileName.optional(),
  scripts: Scripts.optional(),
});

/** Versions are a Postgres `integer`: anything larger could never exist and must be a 400, not a 500. */
const BlueprintVersion = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

/** A registered blueprint, by name and optional version (default: latest). */
export const RegisteredBlueprintRef = z.strictObject({
  name: BlueprintName,
  version: BlueprintVersion.optional().describe('Version; default the latest'),
});

export const BlueprintRef = z
  .union([RegisteredBlueprintRef, InlineBlueprint])
  .describe('A registered blueprint {name, version?} or an inline one {source, fileName?, scripts?}');

export const RegisterBlueprintBody = InlineBlueprint.extend({
  team: TeamId.optional().describe('Team to register for (admins only; default your team)'),
});

export const ValidateBlueprintBody = InlineBlueprint.extend({
  overlays: z.array(OverlaySource).max(PARSE_LIMITS.maxOverlays).optional(),
  context: Context.optional(),
});

/** Pool names are unique and capacities are quantities above zero, as in a node pools file. */
function checkPools(pools: z.infer<typeof NodePoolSchema>[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  pools.forEach((pool, index) => {
    if (seen.has(pool.name)) {
      ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate pool name "${pool.name}"` });
    }
    seen.add(pool.name);
    for (const [field, parse] of [
      ['cpu', cpuMillicores],
      ['memory', memoryBytes],
    ] as const) {
      let amount: number;
      try {
        amount = parse(pool.capacity[field]);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: [index, 'capacity', field], message: (error as Error).message });
        continue;
      }
      if (amount <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'capacity', field],
          message: `${field} must be more than 0`,
        });
      }
    }
  });
}

/** What a plan's placement may be told; every field is optional. */
export const PlacementOptions = z
  .strictObject({
    pools: z
      .array(NodePoolSchema)
      .min(1)
      // Only a bound on the body: the placement caps (at most 50 pools, ...) answer 422 naming the limit.
      .max(1000)
      .superRefine(checkPools)
      .optional()
      .describe(
        "Node pools to place on (the local/stack/node-pools.yaml format); default the cluster's labelled nodes, as a real create uses. At most 50 pools of 1000 nodes, and services x replicas x pools x nodes at most 500,000 (planner/placement/limits.ts)",
      ),
    baselineZone: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Zone the baseline runs in (enables the cross-zone traffic cost)'),
    crossZoneHourlyCost: z
      .number()
      .nonnegative()
      .max(1000)
      .optional()
      .describe('Hourly cost of one branch-to-baseline call crossing zones (default 0.02)'),
    allowDataOnSpot: z.boolean().optional().describe('Let data services run on spot nodes (default false)'),
    solver: z
      .enum(['auto', 'milp', 'heuristic'])
      .optional()
      .describe('auto (default): heuristic, plus the exact MILP when small enough'),
  })
  .describe('Placement options');

export const PlanBody = z.strictObject({
  baseline: z
    .union([BlueprintRef, z.strictObject({ environment: z.string().min(1).max(64) })])
    .describe('The baseline: a blueprint, or a running environment {environment: id}'),
  branch: BlueprintRef.describe('The branch blueprint'),
  overlays: z.array(OverlaySource).max(PARSE_LIMITS.maxOverlays).optional(),
  context: Context.optional(),
  placement: z
    .union([z.boolean(), PlacementOptions])
    .optional()
    .describe(
      'Also choose a node pool per branch service at the lowest hourly cost: true, or options (pools, baselineZone, ...)',
    ),
  team: TeamId.optional(),
});

export const Problem = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  path: z.string(),
  message: z.string(),
});

/** A resolved blueprint as responses show it: secret values masked, init script contents left out. */
export const ResolvedBlueprintView = z
  .looseObject({
    name: z.string(),
    routing: z.string(),
    services: z.array(z.looseObject({ name: z.string(), image: z.string() })),
  })
  .describe('The resolved blueprint (see blueprints/resolved.ts); secrets masked');

export const BlueprintVersionView = z.object({
  team: z.string(),
  name: z.string(),
  version: z.number().int(),
  digest: z.string().describe('sha256 of the resolved blueprint'),
  fileName: z.string(),
  services: z.array(z.string()),
  createdAt: IsoDate,
});

export const RegisterBlueprintResponse = BlueprintVersionView.extend({
  created: z.boolean().describe('False when identical content was already registered'),
});

export const BlueprintDetail = BlueprintVersionView.extend({
  resolved: ResolvedBlueprintView,
  graph: z.record(z.string(), z.array(z.string())),
  provenance: z
    .record(z.string(), z.string())
    .describe(
      'Which layer set each value: dotted path (services by name, e.g. services.api.env) to FILE:LINE of the blueprint, an overlay, a policy overlay (company-policy-v3.yaml, team-<id>-policy-v1.yaml) or --set; defaults have no entry',
    ),
  versions: z.array(z.object({ version: z.number().int(), digest: z.string(), createdAt: IsoDate })),
});

export const BlueprintList = z.object({
  items: z.array(
    z.object({ team: z.string(), name: z.string(), latestVersion: z.number().int(), updatedAt: IsoDate }),
  ),
});

export const ValidateResponse = z.object({
  valid: z.boolean(),
  problems: z.array(Problem),
  services: z.array(z.string()).optional(),
  graph: z.record(z.string(), z.array(z.string())).optional(),
});

export const PlanResponse = z.object({
  baseline: z.object({ name: z.string(), digest: z.string() }),
  branch: z.object({ name: z.string(), digest: z.string() }),
  plan: z.object({
    services: z.array(
      z.object({
        name: z.string(),
        action: z.enum(['deploy', 'fork', 'reuse']),
        reasons: z.array(z.string()),
      }),
    ),
    summary: z.object({
      deploy: z.number(),
      fork: z.number(),
      reuse: z.number(),
      removed: z.array(z.string()),
    }),
  }),
  placement: z
    .object({
      services: z.array(
        z.object({
          service: z.string(),
          pool: z.string(),
          zone: z.string(),
          capacityType: z.enum(['on-demand', 'spot']),
          hourlyCost: z.number(),
          nodeSelector: z.record(z.string(), z.string()),
          fallbacks: z
            .array(z.object({ pool: z.string(), weight: z.number() }))
            .optional()
            .describe(
              'Other pools the pods may run in when the chosen one is full, cheapest first, with their node-affinity weight (the chosen pool weighs 100)',
            ),
        }),
      ),
      hourlyCost: z.number().describe('Hourly cost of the branch environment as placed'),
      naiveHourlyCost: z.number().describe('Everything on the cheapest on-demand pool, for comparison'),
      optimalHourlyCost: z.number().optional().describe('The proven optimum, when solved exactly'),
      solver: z.enum(['milp', 'heuristic']),
      solverReason: z
        .string()
        .optional()
        .describe('Why that solver answered, e.g. "heuristic: the exact solve ran past its 12 s time limit"'),
      cloneAllHourlyCost: z
        .number()
        .optional()
        .describe('Hourly cost of running every service in the branch (no reuse), for comparison'),
      capacity: z
        .enum(['live', 'full'])
        .optional()
        .describe("live: planned on the pools' free room (what runs subtracted); full: on their whole size"),
    })
    .optional()
    .describe('Where each service of the branch runs (planner/types.ts PlacementPlan), when asked'),
});

export const BlueprintNameParams = z.strictObject({ name: BlueprintName });
export const BlueprintQuery = z.strictObject({
  team: TeamId.optional(),
  version: z.coerce.number().pipe(BlueprintVersion).optional(),
  environment: EnvironmentId.optional().describe(
    "Resolve it as this environment runs it: its version with the overlays (policies' included) and context it was created with",
  ),
});
export const TeamQuery = z.strictObject({ team: TeamId.optional() });
