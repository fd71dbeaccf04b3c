import { z } from 'zod';
import { PARSE_LIMITS } from '../../blueprints/limits.js';
import { BlueprintName } from '../../blueprints/schema.js';
import { IsoDate, TeamId } from './common.js';

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

/** A registered blueprint, by name and optional version (default: latest). */
export const RegisteredBlueprintRef = z.strictObject({
  name: BlueprintName,
  version: z.number().int().positive().optional().describe('Version; default the latest'),
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

export const PlanBody = z.strictObject({
  baseline: z
    .union([BlueprintRef, z.strictObject({ environment: z.string().min(1).max(64) })])
    .describe('The baseline: a blueprint, or a running environment {environment: id}'),
  branch: BlueprintRef.describe('The branch blueprint'),
  overlays: z.array(OverlaySource).max(PARSE_LIMITS.maxOverlays).optional(),
  context: Context.optional(),
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
});

export const BlueprintNameParams = z.strictObject({ name: BlueprintName });
export const BlueprintQuery = z.strictObject({
  team: TeamId.optional(),
  version: z.coerce.number().int().positive().optional(),
});
export const TeamQuery = z.strictObject({ team: TeamId.optional() });
