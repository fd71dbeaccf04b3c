import { z } from 'zod';
import { DEFAULT_REQUESTS } from '../blueprints/default-requests.js';
import { settingsErrorFrom } from '../settings/env-settings.js';

const Quantity = z.union([z.string().min(1), z.number().nonnegative()]);

/**
 * MicroStax's own IngressClass (controller `microstax.dev/gateway`, created by the chart). Environment
 * Ingresses always name a class, so no other controller serves them and the gateway serves nothing else.
 */
export const DEFAULT_INGRESS_CLASS = 'microstax';

/**
 * Settings of the deploy layer. Every field has a default that suits the local stack; a real
 * cluster sets a base domain and an ingress class. `loadDeployConfig` reads them from the
 * environment (MICROSTAX_BASE_DOMAIN, ...).
 */
export const DeployConfigSchema = z.strictObject({
  namespacePrefix: z
    .string()
    .regex(/^[a-z]([-a-z0-9]*-)?$/)
    .default('msx-')
    .describe('Prefix of environment namespaces, e.g. msx- gives msx-<environment id>'),
  baseDomain: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
    .default('microstax.localhost')
    .describe('Exposed services get <service>.<environment>.<baseDomain>'),
  ingressClassName: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
    .default(DEFAULT_INGRESS_CLASS)
    .describe('IngressClass of environment Ingresses: the one the MicroStax gateway serves'),
  ingressScheme: z
    .enum(['http', 'https'])
    .default('http')
    .describe('Scheme of the URLs reported for ingresses'),
  ingressPort: z
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .describe('Port of the ingress in reported URLs, when not the scheme default (the local gateway)'),
  nodeTier: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .optional()
    .describe(
      "Run environments only on nodes labelled (and tainted) microstax.dev/node-tier=<tier>, e.g. `real` for the local stack's real node",
    ),
  secretSourceNamespace: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]|\{team\})*$/,
      'must be a namespace name, optionally with {team} (e.g. msx-secrets-{team})',
    )
    .optional()
    .describe(
      "Namespace that `{secretRef: {name, key}}` values are copied from (Secret name, key); {team} stands for the environment's team, so each team has its own source. Absent: blueprints with secretRef fail to deploy",
    ),
  headerRouter: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be <namespace>/<service>')
    .optional()
    .describe(
      "The header router's Service, <namespace>/<name> (the chart sets it): a `routing: header` baseline's calls to its own services go through it, so a branch's baggage reaches the branch's copy of any service. Absent: only the entry service is header-routed (by the gateway)",
    ),
  clusterDomain: z.string().default('cluster.local').describe('DNS domain of the cluster'),
  volumeProvisioning: z
    .enum(['auto', 'dynamic', 'static'])
    .default('auto')
    .describe(
      'dynamic: PVCs use the default StorageClass; static: we create a hostPath PersistentVolume per claim (clusters without a provisioner, such as the simulated local one); auto: static when the cluster has no default StorageClass',
    ),
  storageClassName: z
    .string()
    .optional()
    .describe(
      'StorageClass of volume claims (dynamic provisioning); absent: the cluster default. The local real node offers `microstax-local`',
    ),
  sqlClientImages: z
    .strictObject({
      postgres: z.string().default('postgres:16-alpine'),
      mysql: z.string().default('mysql:8.4'),
    })
    .prefault({})
    .describe('Images whose client applies `type: sql` init scripts'),
  forkMethod: z
    .enum(['auto', 'physical', 'logical'])
    .default('auto')
    .describe(
      "How a branch's copy of a Postgres service gets its baseline's data (`fork: data`): physical (pg_basebackup over the replication protocol), logical (pg_dump into a fresh server), or auto (physical, falling back to logical where the baseline refuses replication)",
    ),
  initSql: z
    .enum(['job', 'service'])
    .default('service')
    .describe(
      "Who runs a Postgres data service's `type: sql` seed in a new workload: the service's own entrypoint from /docker-entrypoint-initdb.d at its first start (service, the default: no Job pod; only when every init step is sql without `database`, the image's entrypoint runs, and the service is not a branch's forked copy; elsewhere a Job), or always an init Job with a SQL client (job). A live workload keeps the way it was seeded",
    ),
  wakeOrder: z
    .enum(['dependencies', 'parallel'])
    .default('dependencies')
    .describe(
      'How a sleeping environment wakes: dependencies (each service scaled up the moment every service it depends on is ready; an environment applied before its workloads carried their dependencies wakes all at once) or parallel (every service at once)',
    ),
  initJobDeadlineSeconds: z
    .number()
    .int()
    .positive()
    .default(600)
    .describe('An init Job fails after this long'),
  guardRails: z
    .strictObject({
      quota: z
        .strictObject({
          pods: z.number().int().positive().default(100),
          requestsCpu: Quantity.default('16'),
          requestsMemory: Quantity.default('32Gi'),
          limitsCpu: Quantity.default('32'),
          limitsMemory: Quantity.default('64Gi'),
          persistentVolumeClaims: z.number().int().nonnegative().default(40),
          requestsStorage: Quantity.default('100Gi'),
          services: z.number().int().positive().default(100),
        })
        .prefault({})
        .describe('ResourceQuota per environment'),
      defaultRequest: z
        .strictObject({
          cpu: Quantity.default(DEFAULT_REQUESTS.cpu),
          memory: Quantity.default(DEFAULT_REQUESTS.memory),
        })
        .prefault({})
        .describe(
          'LimitRange default request for containers that declare none (what the planner counts for them)',
        ),
      defaultLimit: z
        .strictObject({ cpu: Quantity.default('1'), memory: Quantity.default('1Gi') })
        .prefault({})
        .describe('LimitRange default limit for containers that declare none'),
    })
    .prefault({}),
  readyTimeoutMs: z.number().int().positive().default(600_000).describe('Longest wait for all-ready'),
  unschedulableGraceMs: z
    .number()
    .int()
    .nonnegative()
    .default(5_000)
    .describe('How long a pod may stay unschedulable before it counts as failed (covers scale-up races)'),
  teardownTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(300_000)
    .describe('Longest wait for namespace removal'),
});

export type DeployConfig = z.infer<typeof DeployConfigSchema>;
export type DeployConfigInput = z.input<typeof DeployConfigSchema>;
/** Who runs a data service's sql seed: an init Job, or the service's own entrypoint (`initSql`). */
export type SeedShape = DeployConfig['initSql'];

/** Parses deploy settings, filling defaults. */
export function deployConfig(input: DeployConfigInput = {}): DeployConfig {
  return DeployConfigSchema.parse(input);
}

/** The deploy settings a process reads from its environment, by variable. */
export const DEPLOY_CONFIG_ENV = {
  baseDomain: 'MICROSTAX_BASE_DOMAIN',
  ingressClassName: 'MICROSTAX_INGRESS_CLASS',
  ingressScheme: 'MICROSTAX_INGRESS_SCHEME',
  ingressPort: 'MICROSTAX_INGRESS_PORT',
  namespacePrefix: 'MICROSTAX_NAMESPACE_PREFIX',
  nodeTier: 'MICROSTAX_NODE_TIER',
  storageClassName: 'MICROSTAX_STORAGE_CLASS',
  volumeProvisioning: 'MICROSTAX_VOLUME_PROVISIONING',
  secretSourceNamespace: 'MICROSTAX_SECRET_SOURCE_NAMESPACE',
  forkMethod: 'MICROSTAX_FORK_METHOD',
  initSql: 'MICROSTAX_INIT_SQL',
  wakeOrder: 'MICROSTAX_WAKE_ORDER',
  headerRouter: 'MICROSTAX_HEADER_ROUTER',
} as const satisfies Partial<Record<keyof DeployConfig, string>>;

/** Deploy settings from the process environment; invalid values fail here, naming the variable. */
export function loadDeployConfig(env: NodeJS.ProcessEnv = process.env): DeployConfig {
  const input: Record<string, string | number> = {};
  for (const [field, variable] of Object.entries(DEPLOY_CONFIG_ENV)) {
    const value = env[variable];
    if (value) input[field] = field === 'ingressPort' ? Number(value) : value;
  }
  const parsed = DeployConfigSchema.safeParse(input);
  if (!parsed.success) throw settingsErrorFrom('deploy', parsed.error, DEPLOY_CONFIG_ENV);
  return parsed.data;
}
