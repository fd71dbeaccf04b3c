import { z } from 'zod';
import { PARSE_LIMITS } from '../../blueprints/limits.js';
import { Duration } from '../../blueprints/schema.js';
import { TIMED_OPERATIONS, TIMING_PHASES } from '../../deploy/phases.js';
import { ENVIRONMENT_PHASES, IDLE_ACTIONS } from '../../workflows/contracts.js';
import { MAX_DURATION } from '../../workflows/duration.js';
import { BlueprintRef, Context, OverlaySource } from './blueprints.js';
import { EnvironmentId, IsoDate, TeamId } from './common.js';
import { Labels } from './labels.js';

export const Phase = z.enum(ENVIRONMENT_PHASES).describe('Where the environment is in its life');

export const CreateEnvironmentBody = z.strictObject({
  blueprint: BlueprintRef,
  overlays: z
    .array(OverlaySource)
    .max(PARSE_LIMITS.maxOverlays)
    .optional()
    .describe('Overlays, merged in order'),
  context: Context.optional(),
  branchOf: EnvironmentId.optional().describe(
    'Make a branch of this baseline environment: only changed services run',
  ),
  ttl: Duration.optional().describe(
    `Delete after this long (default: the blueprint ttl; at most ${MAX_DURATION})`,
  ),
  idleAfter: Duration.optional().describe(
    `After this long without activity the idle action applies (default: the blueprint idleAfter; at most ${MAX_DURATION})`,
  ),
  idle: z
    .enum(IDLE_ACTIONS)
    .optional()
    .describe(
      'What happens once idleAfter has passed: "teardown" or "sleep" (scale to zero, keep data and URLs); default: the blueprint idle, else teardown',
    ),
  labels: Labels.optional().describe('Labels, selected with labelSelector (a policy may require some)'),
  team: TeamId.optional().describe('Team to create for (admins only; default your team)'),
  fromSnapshot: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be a snapshot id or name')
    .optional()
    .describe(
      "Start the data services from this snapshot (id or name) of the team's: it must be ready and match their engines",
    ),
});

export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'must be 1-200 characters of letters, digits and _ . : -')
    .optional()
    .describe('Makes a retried create return the first result instead of creating twice'),
});

export const ServiceStatus = z.object({
  name: z.string(),
  state: z.string(),
  action: z.string().optional(),
  readyReplicas: z.number().optional(),
  replicas: z.number().optional(),
  message: z.string().optional(),
  pools: z
    .record(z.string(), z.number())
    .optional()
    .describe('Once ready: node pool to the number of its pods running there'),
  hourlyCost: z
    .number()
    .optional()
    .describe("Once ready: its pods' cost per hour (node price x the share of the node their requests take)"),
});

export const CostView = z
  .object({
    accrued: z
      .number()
      .describe('What it cost so far: running hours x the hourly cost of its pods as placed'),
    runningHours: z.number(),
    asleepHours: z.number().describe('Asleep costs no compute'),
    neverSleeping: z.number().describe('What it would have cost had it never slept'),
    savedBySleeping: z.number(),
    cloneAll: z
      .number()
      .describe('What it would have cost had the branch run every service instead of reusing the baseline'),
    savedByReuse: z.number(),
  })
  .describe("Cost so far in the node pools' currency; billed from ready until it sleeps or ends");

export const PhaseTimingsView = z.object({
  operation: z.enum(TIMED_OPERATIONS),
  requestedAt: IsoDate,
  finishedAt: IsoDate,
  totalMs: z.number(),
  phases: z.array(z.object({ phase: z.enum(TIMING_PHASES), ms: z.number() })),
});

export const EnvironmentView = z
  .object({
    id: z.string(),
    name: z.string().nullable().optional().describe('Human-readable name, unique per team (apply)'),
    labels: z
      .record(z.string(), z.string())
      .optional()
      .describe('Labels (apply), selected with labelSelector'),
    phase: z.string(),
    team: z.string().optional(),
    owner: z.string().optional(),
    blueprint: z.object({ name: z.string(), version: z.number().int() }).optional(),
    parent: z.string().nullable().optional().describe('The environment this one branched from'),
    baseline: z.string().nullable().optional().describe('The root environment that serves reused services'),
    services: z.array(ServiceStatus),
    urls: z.record(z.string(), z.string()),
    plan: z.unknown().optional().describe('Branch plan with reasons, and placement'),
    timings: PhaseTimingsView.optional().describe(
      'Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs)',
    ),
    costPerHour: z
      .number()
      .nullable()
      .optional()
      .describe("Cost per hour now: its pods as placed (0 asleep), else the plan's estimate"),
    cost: CostView.optional(),
    ttlSeconds: z.number().nullable().optional(),
    expiresAt: IsoDate.nullable(),
    workflowId: z.string().optional(),
    error: z.object({ type: z.string(), message: z.string() }).nullable().optional(),
    createdAt: IsoDate.optional(),
    updatedAt: IsoDate,
  })
  .describe('An environment; share holders see only id, phase, services, URLs and expiry');

export const EnvironmentParams = z.strictObject({ id: EnvironmentId });

export const ListEnvironmentsQuery = z.strictObject({
  team: TeamId.optional().describe('Filter by team (admins; members only see their own team)'),
  owner: z.string().min(1).max(100).optional(),
  blueprint: z.string().min(1).max(64).optional(),
  phase: Phase.optional(),
  labelSelector: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe('Kubernetes label selector over the labels, e.g. pr=42,app in (shop,cart),!draft'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: EnvironmentId.optional().describe('Cursor: the last id of the previous page'),
});

export const EnvironmentList = z.object({
  items: z.array(EnvironmentView),
  next: z.string().nullable().describe('Pass as ?before= for the next page'),
});

export const ExtendBody = z.strictObject({
  by: Duration.describe(
    `How much longer, e.g. 2h; at most ${MAX_DURATION}, and the new expiry at most ${MAX_DURATION} from now`,
  ),
});
export const ExtendResponse = z.object({ id: z.string(), expiresAt: IsoDate });

export const TeardownQuery = z.strictObject({
  cascade: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      'Also tear down every live branch below it (deepest first); without it, live branches give 409 has_branches',
    ),
});
export const TeardownResponse = z.object({
  id: z.string(),
  phase: z.string(),
  accepted: z.literal(true),
  branches: z
    .array(z.string())
    .optional()
    .describe('With cascade: the branches torn down with it, deepest first'),
});

export const SeedBody = z.strictObject({
  service: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Data service to seed; default every service with init steps'),
});
export const WorkflowsStarted = z.object({ id: z.string(), workflows: z.array(z.string()) });

export const AuditEvent = z.object({
  id: z.number().int(),
  at: IsoDate,
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const AuditEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const AuditEventList = z.object({ items: z.array(AuditEvent) });

export const CostsQuery = z.strictObject({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .optional()
    .describe('First UTC day (default 6 days before `to`)'),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .optional()
    .describe('Last UTC day, included (default today)'),
  team: TeamId.optional().describe('One team (admins: any; members: their own, the default)'),
});

export const TeamDayCostView = CostView.extend({
  team: z.string(),
  day: z.string().describe('UTC day, YYYY-MM-DD'),
  environments: z.number().int().describe('Environments billed or asleep that day'),
});

export const CostReport = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(TeamDayCostView).describe('Per team per UTC day, oldest first'),
  total: CostView,
});

export const EnvironmentPod = z.object({
  service: z.string(),
  name: z.string().describe('Pod name'),
  role: z.enum(['service', 'init']).describe("`init` for an init step Job's pod"),
  phase: z.string().describe('Pending, Running, Succeeded, Failed or Unknown'),
  ready: z.boolean(),
  restarts: z.number().int().describe("Restarts summed over the pod's containers"),
  node: z.string().nullable().describe('The node it is bound to; null while unscheduled'),
  createdAt: IsoDate.nullable(),
  result: z
    .enum(['done', 'failed', 'running'])
    .optional()
    .describe('Init step pods only: how their steps ended'),
});

export const EnvironmentPods = z.object({ items: z.array(EnvironmentPod) });
