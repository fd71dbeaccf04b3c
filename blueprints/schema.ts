import { z } from 'zod';
import { MAX_DURATION, MAX_DURATION_MS, parseDuration } from '../workflows/duration.js';
import { imageReferenceError } from './image-reference.js';
import { BLUEPRINT_LIMITS } from './limits.js';

/**
 * The blueprint language. This zod schema is the single source of truth: the TypeScript types,
 * the JSON Schema for editors (blueprints/schema.json) and the field descriptions in error messages
 * all come from it.
 */

// Service names become Kubernetes Service, Deployment and StatefulSet names. A Service name must be
// a DNS-1035 label; StatefulSet pods append "-<ordinal>" and controllers add hash suffixes, so we
// keep a margin below the 63-character limit.
export const MAX_SERVICE_NAME_LENGTH = 50;
export const MAX_BLUEPRINT_NAME_LENGTH = 40;

// Written without nested or overlapping quantifiers, so a hostile long string cannot make it slow.
const dns1035Label = /^(?!.*-$)[a-z][-a-z0-9]*$/;

export const ServiceName = z
  .string()
  .max(MAX_SERVICE_NAME_LENGTH)
  .regex(dns1035Label, 'must be a DNS label: lower-case letters, digits and "-", starting with a letter')
  .describe('Service name, a DNS label (it names the Kubernetes Service)');

export const BlueprintName = z
  .string()
  .max(MAX_BLUEPRINT_NAME_LENGTH)
  .regex(dns1035Label, 'must be a DNS label: lower-case letters, digits and "-", starting with a letter')
  .describe('Blueprint name, a DNS label');

export const Port = z.number().int().min(1).max(65535).describe('TCP port, 1-65535');

/** Go-style durations as users write them in Compose and Kubernetes tools: 30m, 4h, 7d, 1h30m. */
export const Duration = z
  .string()
  .max(64)
  .regex(/^(\d+(ms|s|m|h|d))+$/, 'must be a duration such as 30m, 4h or 7d')
  .refine((text) => (parseDuration(text) ?? 0) <= MAX_DURATION_MS, {
    message: `must be at most ${MAX_DURATION}, the longest duration allowed`,
  })
  .describe(`Duration such as 30m, 4h or 7d; at most ${MAX_DURATION}`);

/** Kubernetes quantities: CPU as 250m or 0.5, memory as 128Mi or 1Gi. */
export const Quantity = z
  .union([
    z
      .string()
      .regex(/^\d+(\.\d+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|E|Ei)?$/, 'must be a quantity such as 250m, 128Mi or 1Gi'),
    z.number().nonnegative(),
  ])
  .describe('a Kubernetes quantity (CPU: 250m or 0.5; memory: 128Mi or 1Gi)');

export const ResourceAmounts = z
  .strictObject({
    cpu: Quantity.optional().describe('CPU, e.g. 250m'),
    memory: Quantity.optional().describe('Memory, e.g. 256Mi'),
  })
  .describe('CPU and memory');

export const Resources = z
  .strictObject({
    requests: ResourceAmounts.optional().describe('What the scheduler reserves'),
    limits: ResourceAmounts.optional().describe('The most the container may use'),
  })
  .describe('Resource requests and limits, as in a Kubernetes container');

export const SecretRef = z
  .strictObject({
    secretRef: z
      .strictObject({
        name: z
          .string()
          .min(1)
          .max(253)
          .regex(
            /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
            'must be a Kubernetes Secret name: lower-case letters, digits, "-" and "."',
          )
          .describe("Name of the Secret in the team's secret source namespace"),
        key: z
          .string()
          .min(1)
          .max(253)
          .regex(/^[-._a-zA-Z0-9]+$/, 'must be a Secret key: letters, digits, "-", "_" and "."')
          .describe('Key inside that Secret'),
      })
      .describe('A value kept in a secret store, never in the blueprint'),
  })
  .describe('Reference to a stored secret');

export const InlineSecret = z
  .strictObject({
    secret: z.string().describe('A secret value; it becomes a Kubernetes Secret and is masked in all output'),
  })
  .describe('A secret value written in the blueprint');

export const MarkedValue = z
  .strictObject({
    value: z.union([z.string(), z.number(), z.boolean()]).describe('The value'),
    secret: z
      .boolean()
      .describe(
        'true: a secret (a Kubernetes Secret, masked in all output); false: a plain value even when its name or shape looks like a credential',
      ),
  })
  .describe('A value marked secret or not, overriding detection');

export const EnvValue = z
  .union([z.string(), z.number(), z.boolean(), SecretRef, MarkedValue, InlineSecret])
  .describe('A plain value, {secret: value}, {value, secret: true|false} or {secretRef: {name, key}}');

// Kubernetes' rule for env var names: it allows "." and "-" (Elasticsearch's discovery.type, for one).
export const EnvName = z
  .string()
  .max(256)
  .regex(
    /^[-._a-zA-Z][-._a-zA-Z0-9]*$/,
    'must be an environment variable name: letters, digits, "_", "-" and ".", not starting with a digit',
  );

const probeTiming = {
  initialDelaySeconds: z.number().int().nonnegative().optional(),
  periodSeconds: z.number().int().positive().optional(),
  timeoutSeconds: z.number().int().positive().optional(),
  failureThreshold: z.number().int().positive().optional(),
};

export const HealthCheck = z
  .union([
    z.strictObject({
      http: z.strictObject({ path: z.string().startsWith('/'), port: Port.optional() }),
      ...probeTiming,
    }),
    z.strictObject({ tcp: z.strictObject({ port: Port.optional() }), ...probeTiming }),
    z.strictObject({ exec: z.strictObject({ command: z.array(z.string()).min(1) }), ...probeTiming }),
  ])
  .describe('a readiness check: {http: {path, port}}, {tcp: {port}} or {exec: {command}}');

export const Volume = z
  .strictObject({
    name: ServiceName.optional().describe('Volume name (defaults to "data", "data-1", ...)'),
    path: z.string().startsWith('/').describe('Mount path inside the container'),
    size: Quantity.optional().describe('Requested size, e.g. 1Gi'),
  })
  .describe('A persistent volume');

export const SqlInitStep = z
  .strictObject({
    type: z
      .literal('sql')
      .describe('Kind of init step; "sql" runs a script against the service once it is ready'),
    script: z.string().min(1).describe('Path of the script, relative to the blueprint file'),
    database: z
      .string()
      .optional()
      .describe('Database to run the script in (default: from the URLs that name this service)'),
  })
  .describe('A SQL script run against the service once it is ready');

/** Names of init steps become container names (DNS labels), next to a "NN-" order prefix. */
const MAX_STEP_NAME_LENGTH = 40;

export const JobInitStep = z
  .strictObject({
    type: z
      .literal('job')
      .describe(
        'Kind of init step; "job" runs a container (the app\'s migrations, a data loader) once the service is ready',
      ),
    name: ServiceName.max(MAX_STEP_NAME_LENGTH)
      .optional()
      .describe('Name of the step, shown in status and failures (default: "job")'),
    image: z
      .string()
      .min(1)
      .superRefine((image, ctx) => {
        const error = imageReferenceError(image);
        if (error) ctx.addIssue({ code: 'custom', message: `malformed image reference: ${error}` });
      })
      .describe('Container image the step runs, e.g. ghcr.io/acme/api:1.2'),
    command: z.array(z.string()).min(1).optional().describe('Replaces the image entrypoint'),
    args: z.array(z.string()).optional().describe('Arguments to the entrypoint'),
    env: z
      .record(EnvName, z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe(
        "Plain variables added to the service's own env (its secrets included); put secrets on the service",
      ),
  })
  .describe("A container run as part of the service's init Job, with the service's env and secrets");

/** A snapshot of the team's, by name or id. */
const SnapshotRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a snapshot name or id: letters, digits, ".", "_", "-"');

export const SnapshotInitStep = z
  .strictObject({
    type: z
      .literal('snapshot')
      .describe(
        'Kind of init step; "snapshot" restores a snapshot of your team into the service once it is ready',
      ),
    snapshot: SnapshotRef.describe(
      "Name or id of a snapshot of the creating team; it must hold this service's engine",
    ),
  })
  .describe("A snapshot of the team's restored into the service, in order with the other steps");

export const InitStep = z
  .discriminatedUnion('type', [SqlInitStep, JobInitStep, SnapshotInitStep])
  .describe(
    'An initialisation step: {type: sql, script}, {type: job, image, command} or {type: snapshot, snapshot}',
  );

/** The capabilities Kubernetes' baseline Pod Security Standard allows a container to add. */
export const ALLOWED_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
] as const;

const LinuxId = z.number().int().min(0).max(2_147_483_647);

export const Security = z
  .strictObject({
    runAsNonRoot: z
      .boolean()
      .optional()
      .describe('true: the image runs as a non-root user, and the kubelet refuses to start it as root'),
    runAsUser: LinuxId.optional().describe("User id the container runs as, instead of the image's"),
    runAsGroup: LinuxId.optional().describe("Group id the container runs as, instead of the image's"),
    fsGroup: LinuxId.optional().describe(
      'Group that owns mounted volumes, so a non-root user can write them',
    ),
    capabilities: z
      .array(z.enum(ALLOWED_CAPABILITIES))
      .max(ALLOWED_CAPABILITIES.length)
      .optional()
      .describe(
        'Linux capabilities added back after all are dropped (only those the baseline Pod Security Standard allows). Default: none; for images whose entrypoint starts as root and switches user (postgres, mysql, mariadb, mongo, redis, valkey): CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID',
      ),
  })
  .refine((s) => !(s.runAsNonRoot === true && s.runAsUser === 0), {
    message: 'runAsNonRoot: true contradicts runAsUser: 0 (root); the pod would never start',
    path: ['runAsNonRoot'],
  })
  .describe(
    'How the container runs. Always: no privilege escalation, every capability dropped (but these), seccomp RuntimeDefault, no service account token',
  );

export const Expose = z
  .union([z.boolean(), Port, z.array(Port).min(1)])
  .describe('true (give the first port a URL), a port number, or a list of port numbers');

export const ServiceSchema = z
  .strictObject({
    name: ServiceName,
    image: z
      .string()
      .min(1)
      .superRefine((image, ctx) => {
        const error = imageReferenceError(image);
        if (error) ctx.addIssue({ code: 'custom', message: `malformed image reference: ${error}` });
      })
      .describe('Container image reference, e.g. ghcr.io/acme/api:1.2 or postgres:16-alpine'),
    expose: Expose.optional(),
    access: z
      .enum(['private', 'public'])
      .optional()
      .describe(
        'Who may open the exposed URLs: "private" (default: a share link or a team member\'s API token) or "public" (anyone who reaches the gateway)',
      ),
    ports: z
      .array(Port)
      .optional()
      .describe('Ports the service listens on (inferred from URLs that name it when absent)'),
    command: z.array(z.string()).optional().describe('Replaces the image entrypoint'),
    args: z.array(z.string()).optional().describe('Arguments to the entrypoint'),
    env: z.record(EnvName, EnvValue).optional().describe('Environment variables'),
    resources: Resources.optional(),
    replicas: z
      .number()
      .int()
      .min(0)
      .max(BLUEPRINT_LIMITS.maxReplicas)
      .optional()
      .describe('Number of pods (default 1)'),
    healthCheck: HealthCheck.optional(),
    dependsOn: z.array(ServiceName).optional().describe('Dependencies that no env URL shows'),
    volumes: z.array(Volume).optional(),
    stateful: z.boolean().optional().describe('The service keeps data (a StatefulSet with a volume)'),
    isolation: z
      .enum(['isolated', 'shared'])
      .optional()
      .describe('"shared" lets branch environments use the baseline copy of this data service'),
    fork: z
      .enum(['data', 'seed'])
      .optional()
      .describe(
        'When a branch runs its own copy of this data service: "data" (default for Postgres) starts it from the baseline\'s data at branch time; "seed" starts it fresh and runs its init steps',
      ),
    init: z
      .union([InitStep, z.array(InitStep).min(1)])
      .optional()
      .describe('an init step or a list of init steps, run once the service is ready'),
    security: Security.optional(),
  })
  .describe('A service of the environment');

/** `prewarm: true` keeps between these many warm environments, sized by the demand forecast. */
export const PREWARM_DEFAULTS = { min: 0, max: 5 } as const;

const PrewarmBound = z.number().int().min(0).max(BLUEPRINT_LIMITS.maxWarmPool);

export const Prewarm = z
  .union([
    z.boolean(),
    z
      .strictObject({
        min: PrewarmBound.optional().describe(
          `Warm environments kept even when the forecast expects no creates (default ${PREWARM_DEFAULTS.min})`,
        ),
        max: PrewarmBound.optional().describe(
          `Most warm environments, whatever the forecast says (default ${PREWARM_DEFAULTS.max})`,
        ),
        snapshot: SnapshotRef.optional().describe(
          "Name or id of a snapshot of the team's: warm environments are prepared from it, and a create --from-snapshot of it claims one",
        ),
      })
      .superRefine((bounds, ctx) => {
        const min = bounds.min ?? PREWARM_DEFAULTS.min;
        const max = bounds.max ?? Math.max(min, PREWARM_DEFAULTS.max);
        // A bound that is itself invalid has its own problem already.
        if (max >= 0 && min > max)
          ctx.addIssue({ code: 'custom', path: ['min'], message: `must be at most max (${max})` });
      }),
  ])
  .describe(
    "Keep warm environments of this blueprint for its team, sized by the forecast of the team's creates: true, or {min, max, snapshot}",
  );

export const BlueprintSchema = z
  .strictObject({
    name: BlueprintName,
    description: z.string().optional(),
    ttl: Duration.optional().describe(
      `Delete environments made from this blueprint after this long (at most ${MAX_DURATION})`,
    ),
    idleAfter: Duration.optional().describe(
      `After this long without activity the idle action applies (see idle; teardown by default; at most ${MAX_DURATION})`,
    ),
    idle: z
      .enum(['teardown', 'sleep'])
      .optional()
      .describe(
        'What happens to an environment idle for longer than idleAfter: "teardown" (default) or "sleep" (scale to zero, keep data and URLs)',
      ),
    routing: z
      .enum(['dns', 'header'])
      .optional()
      .describe(
        'How branch environments reach services: "dns" (copies by name) or "header" (per-request routing by context header)',
      ),
    prewarm: Prewarm.optional(),
    services: z
      .array(ServiceSchema)
      .min(1)
      .max(BLUEPRINT_LIMITS.maxServices)
      .describe('The services of the environment'),
  })
  .describe('A MicroStax blueprint');

export type Blueprint = z.infer<typeof BlueprintSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type EnvValue = z.infer<typeof EnvValue>;
export type InitStep = z.infer<typeof InitStep>;
export type SqlInitStep = z.infer<typeof SqlInitStep>;
export type JobInitStep = z.infer<typeof JobInitStep>;
export type SnapshotInitStep = z.infer<typeof SnapshotInitStep>;
export type HealthCheck = z.infer<typeof HealthCheck>;
export type Volume = z.infer<typeof Volume>;
export type Resources = z.infer<typeof Resources>;
export type Security = z.infer<typeof Security>;
