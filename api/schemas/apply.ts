import { z } from 'zod';
import { PARSE_LIMITS } from '../../blueprints/limits.js';
import { Duration } from '../../blueprints/schema.js';
import { IDLE_ACTIONS } from '../../workflows/contracts.js';
import { BlueprintRef, Context, OverlaySource } from './blueprints.js';
import { EnvironmentId, TeamId } from './common.js';
import { EnvironmentView } from './environments.js';
import { Labels } from './labels.js';

export { Labels, labelKeyProblem, labelValueProblem, MAX_LABELS } from './labels.js';

/**
 * Ids the control plane makes ("e" and 20 random hex digits; before that, 12): a name may not look like
 * one, or lookups would be ambiguous.
 */
const ID_SHAPED = /^e([0-9a-f]{12}|[0-9a-f]{20})$/;

/** Human-readable environment names: DNS labels that fit in a host and in API paths beside ids. */
export const EnvironmentName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/,
    'must be 3-40 lower-case letters, digits and "-", starting with a letter and not ending with "-"',
  )
  .refine((name) => !ID_SHAPED.test(name), 'must not look like an environment id (e + 12 or 20 hex digits)')
  .describe('Environment name, unique per team among live environments, e.g. pr-42');

export const SetEntry = z
  .string()
  .min(1)
  .max(PARSE_LIMITS.maxFileBytes)
  .describe('SERVICE.image=REF or SERVICE.env.KEY=VALUE');

export const ApplyEnvironmentBody = z.strictObject({
  name: EnvironmentName,
  blueprint: BlueprintRef,
  overlays: z
    .array(OverlaySource)
    .max(PARSE_LIMITS.maxOverlays)
    .optional()
    .describe('Overlays, merged in order'),
  context: Context.optional(),
  set: z
    .array(SetEntry)
    .max(100)
    .optional()
    .describe(
      'Changes over the blueprint and overlays, applied last: SERVICE.image=REF, SERVICE.env.KEY=VALUE',
    ),
  labels: Labels.optional().describe('Labels; on an update they replace the current ones (absent: kept)'),
  branchOf: EnvironmentId.optional().describe(
    'On create: make a branch of this environment (id or name). On update: must name the same parent',
  ),
  ttl: Duration.optional().describe('On create: delete after this long (default: the blueprint ttl)'),
  idleAfter: Duration.optional().describe(
    'On create: the idle action applies after this long without activity',
  ),
  idle: z.enum(IDLE_ACTIONS).optional().describe('On create: "teardown" or "sleep" once idle'),
  team: TeamId.optional().describe('Team (admins only; default your team)'),
});

export const UpdatePlanView = z
  .object({
    services: z.array(
      z.object({
        name: z.string(),
        change: z.enum(['added', 'changed', 'unchanged', 'removed']),
        reasons: z.array(z.string()),
      }),
    ),
    labels: z.object({
      added: z.array(z.string()),
      changed: z.array(z.string()),
      removed: z.array(z.string()),
    }),
    summary: z.object({
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      removed: z.number().int(),
    }),
    unchanged: z.boolean(),
  })
  .describe('What the apply changes per service and why (a create lists every service as added)');

export const ApplyResponse = z.object({
  created: z.boolean().describe('True when this apply created the environment'),
  environment: EnvironmentView,
  plan: UpdatePlanView,
});
