import { z } from 'zod';
import { POLICY_LAYERS, PolicyDocument } from '../../planner/policy/document.js';
import { IDLE_ACTIONS } from '../../workflows/idle-actions.js';
import { EnvironmentName } from './apply.js';
import { IsoDate, TeamId } from './common.js';
import { CreateEnvironmentBody } from './environments.js';

export const TeamPolicyParams = z.strictObject({ team: TeamId });

export const PolicyView = z
  .object({
    layer: z.enum(POLICY_LAYERS),
    team: z.string().nullable().describe('The team; null for the company policy'),
    version: z.number().int().describe('0 while none was ever set'),
    policy: PolicyDocument,
    changedBy: z.string().nullable(),
    changedAt: IsoDate.nullable(),
  })
  .describe('The current policy of the company or a team');

export const SetPolicyBody = z.strictObject({
  policy: PolicyDocument,
  expectedVersion: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Only store when the current version is this one (0: none yet); else 409'),
});

export const PolicyHistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PolicyHistory = z.object({
  items: z.array(
    PolicyView.extend({
      changed: z.array(z.string()).describe('The sections this version changed from the one before'),
    }),
  ),
});

export const PolicyCheckBody = CreateEnvironmentBody.extend({
  name: EnvironmentName.optional().describe(
    'Check as `env apply --name` would: an update when a live environment has this name',
  ),
});

export const PolicyViolationView = z.object({
  policy: z.string().describe('The rule, e.g. environments.maxPerTeam'),
  layer: z.enum(POLICY_LAYERS),
  requested: z.string(),
  limit: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

export const PolicyCheckResult = z.object({
  allowed: z.boolean(),
  action: z.enum(['create', 'update']),
  team: z.string(),
  violations: z.array(PolicyViolationView),
  defaults: z
    .object({
      ttl: z.string().optional(),
      idleAfter: z.string().optional(),
      idle: z.enum(IDLE_ACTIONS).optional(),
    })
    .describe('What the policies fill in where the request and blueprint say nothing'),
  resources: z
    .object({ cpu: z.string(), memory: z.string(), storage: z.string() })
    .describe('What the environment asks of the cluster, as the policies count it'),
  policies: z.array(z.object({ layer: z.enum(POLICY_LAYERS), version: z.number().int() })),
  blueprint: z
    .unknown()
    .describe("The resolved blueprint the create would run, the policies' overlays applied (secrets masked)"),
  provenance: z
    .record(z.string(), z.string())
    .describe(
      "Where each value came from, FILE:LINE; the policies' overlays are <layer>-policy-v<version>.yaml",
    ),
});
