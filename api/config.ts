import { z } from 'zod';
import { readEnvSettings } from '../settings/env-settings.js';
import { DEFAULT_API_PORT } from './default-port.js';

export { DEFAULT_API_PORT };

/**
 * The API's configuration: one zod schema, read from the environment at start-up. The database has
 * no default: the process is told where it is (the CLI's `microstax api` fills it in from a local
 * stack when one is up).
 */
export const ApiConfigSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (MICROSTAX_API_HOST)'),
  port: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(DEFAULT_API_PORT)
    .describe('Port (MICROSTAX_API_PORT)'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .describe('Postgres URL of the metadata database (DATABASE_URL)'),
  logLevel: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level (MICROSTAX_API_LOG_LEVEL)'),
  bodyLimitBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(3 * 1024 * 1024)
    .describe('Largest request body (MICROSTAX_API_BODY_LIMIT); a blueprint is at most 2 MiB'),
  rateLimitPerMinute: z.coerce
    .number()
    .int()
    .min(1)
    .default(1200)
    .describe(
      'Requests per minute per token, and per client address for calls without a valid one, on each replica (MICROSTAX_API_RATE_LIMIT)',
    ),
  tokenLookupsPerMinute: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe(
      'Database lookups of tokens the caches cannot answer, per client address per minute; beyond it a 429 (MICROSTAX_API_TOKEN_LOOKUP_LIMIT)',
    ),
  tokenMissCacheMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(10_000)
    .describe(
      'How long an unknown, expired or revoked token is refused from memory (MICROSTAX_API_TOKEN_MISS_CACHE_MS, 0 = off)',
    ),
  trustProxy: z
    .string()
    .regex(
      /^(\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be a hop count or comma-separated addresses/CIDRs',
    )
    .optional()
    .describe(
      'Proxies whose X-Forwarded-For names the client address (MICROSTAX_API_TRUST_PROXY): a hop count or comma-separated addresses/CIDRs; unset = the connecting address',
    ),
  streamsPerToken: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(5)
    .describe(
      'Open event streams per token (or share) on each replica; beyond it a 429 (MICROSTAX_API_STREAMS_PER_TOKEN)',
    ),
  streamRecheckMs: z.coerce
    .number()
    .int()
    .min(100)
    .max(4_000)
    .default(2_000)
    .describe(
      "How often an open event stream re-checks its token, so a revoked one's stream closes within 5 s (MICROSTAX_API_STREAM_RECHECK_MS)",
    ),
  snapshotsPerEnvironment: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .describe('Snapshots an environment may keep; beyond it a 409 (MICROSTAX_API_SNAPSHOTS_PER_ENV)'),
  statusSyncIntervalMs: z.coerce
    .number()
    .int()
    .min(100)
    .default(2000)
    .describe('How often environments in flight are refreshed from their workflows (MICROSTAX_API_SYNC_MS)'),
  tokenCacheMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(10_000)
    .describe(
      "How long a token's principal may be served from memory; changes invalidate it at once (MICROSTAX_API_TOKEN_CACHE_MS, 0 = off)",
    ),
  environmentCacheMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(300_000)
    .default(30_000)
    .describe(
      'How long an environment row may serve status reads from memory; changes invalidate it at once (MICROSTAX_API_ENV_CACHE_MS, 0 = off)',
    ),
  publicUrl: z
    .string()
    .url()
    .optional()
    .describe('The URL clients use to reach the API (MICROSTAX_API_PUBLIC_URL), shown in share links'),
  dashboardDir: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The dashboard's built files, served under /ui/ (MICROSTAX_API_DASHBOARD_DIR; default the build beside the code, dashboard/dist)",
    ),
  temporalUiUrl: z
    .string()
    .url()
    .optional()
    .describe(
      "The Temporal UI's URL (MICROSTAX_TEMPORAL_UI_URL): the dashboard links each environment's workflow there; unset = no link",
    ),
  corsOrigins: z
    .preprocess(
      (value) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((origin) => origin.trim())
              .filter(Boolean)
          : value,
      z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'an origin is scheme://host[:port], with no path')),
    )
    .default([])
    .describe(
      "Origins other than the API's own whose pages may call it with credentials, comma-separated (MICROSTAX_API_CORS_ORIGINS), e.g. the Temporal UI for the codec server; empty = none",
    ),
  oidcIssuer: z
    .url()
    .optional()
    .describe(
      'OpenID Connect issuer to sign people in with (MICROSTAX_OIDC_ISSUER); unset = sign-in off, API tokens only',
    ),
  oidcClientId: z
    .string()
    .min(1)
    .default('microstax-dashboard')
    .describe('OIDC client of the browser sign-in, a confidential client (MICROSTAX_OIDC_CLIENT_ID)'),
  oidcClientSecret: z
    .string()
    .min(1)
    .optional()
    .describe('Its secret (MICROSTAX_OIDC_CLIENT_SECRET); or MICROSTAX_OIDC_CLIENT_SECRET_FILE'),
  oidcClientSecretFile: z
    .string()
    .min(1)
    .optional()
    .describe('A file holding the client secret, e.g. a mounted Secret (MICROSTAX_OIDC_CLIENT_SECRET_FILE)'),
  oidcCliClientId: z
    .string()
    .min(1)
    .default('microstax-cli')
    .describe(
      'OIDC public client `microstax login` uses; its ID tokens are exchanged for API tokens (MICROSTAX_OIDC_CLI_CLIENT_ID)',
    ),
  oidcRedirectUrl: z
    .url()
    .optional()
    .describe(
      'The callback URL registered with the provider (MICROSTAX_OIDC_REDIRECT_URL); default <public URL or http://127.0.0.1:<port>>/v1/auth/callback',
    ),
  oidcAdminGroup: z
    .string()
    .min(1)
    .default('microstax-admins')
    .describe('Members of this group (groups claim) are MicroStax admins (MICROSTAX_OIDC_ADMIN_GROUP)'),
  sessionTtlMs: z.coerce
    .number()
    .int()
    .min(60_000)
    .max(7 * 24 * 3_600_000)
    .default(12 * 3_600_000)
    .describe('How long a browser session lasts (MICROSTAX_API_SESSION_TTL_MS)'),
  cliTokenTtlMs: z.coerce
    .number()
    .int()
    .min(60_000)
    .max(90 * 24 * 3_600_000)
    .default(30 * 24 * 3_600_000)
    .describe('How long the API token `microstax login` gets lasts (MICROSTAX_API_CLI_TOKEN_TTL_MS)'),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

/** Environment variable names, next to the field they set. */
export const API_CONFIG_ENV: Record<keyof ApiConfig, string> = {
  host: 'MICROSTAX_API_HOST',
  port: 'MICROSTAX_API_PORT',
  databaseUrl: 'DATABASE_URL',
  logLevel: 'MICROSTAX_API_LOG_LEVEL',
  bodyLimitBytes: 'MICROSTAX_API_BODY_LIMIT',
  rateLimitPerMinute: 'MICROSTAX_API_RATE_LIMIT',
  tokenLookupsPerMinute: 'MICROSTAX_API_TOKEN_LOOKUP_LIMIT',
  tokenMissCacheMs: 'MICROSTAX_API_TOKEN_MISS_CACHE_MS',
  trustProxy: 'MICROSTAX_API_TRUST_PROXY',
  streamsPerToken: 'MICROSTAX_API_STREAMS_PER_TOKEN',
  streamRecheckMs: 'MICROSTAX_API_STREAM_RECHECK_MS',
  snapshotsPerEnvironment: 'MICROSTAX_API_SNAPSHOTS_PER_ENV',
  statusSyncIntervalMs: 'MICROSTAX_API_SYNC_MS',
  tokenCacheMs: 'MICROSTAX_API_TOKEN_CACHE_MS',
  environmentCacheMs: 'MICROSTAX_API_ENV_CACHE_MS',
  publicUrl: 'MICROSTAX_API_PUBLIC_URL',
  dashboardDir: 'MICROSTAX_API_DASHBOARD_DIR',
  temporalUiUrl: 'MICROSTAX_TEMPORAL_UI_URL',
  corsOrigins: 'MICROSTAX_API_CORS_ORIGINS',
  oidcIssuer: 'MICROSTAX_OIDC_ISSUER',
  oidcClientId: 'MICROSTAX_OIDC_CLIENT_ID',
  oidcClientSecret: 'MICROSTAX_OIDC_CLIENT_SECRET',
  oidcClientSecretFile: 'MICROSTAX_OIDC_CLIENT_SECRET_FILE',
  oidcCliClientId: 'MICROSTAX_OIDC_CLI_CLIENT_ID',
  oidcRedirectUrl: 'MICROSTAX_OIDC_REDIRECT_URL',
  oidcAdminGroup: 'MICROSTAX_OIDC_ADMIN_GROUP',
  sessionTtlMs: 'MICROSTAX_API_SESSION_TTL_MS',
  cliTokenTtlMs: 'MICROSTAX_API_CLI_TOKEN_TTL_MS',
};

/** Reads and validates the configuration from environment variables plus explicit overrides (flags). */
export function loadApiConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ApiConfig> = {},
): ApiConfig {
  return readEnvSettings({
    component: 'API',
    schema: ApiConfigSchema,
    variables: API_CONFIG_ENV,
    env,
    overrides,
  });
}
