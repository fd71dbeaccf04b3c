import { z } from 'zod';
import { DEFAULT_PORTS, ENV } from '../local/stack/config.js';

/**
 * The API's configuration: one zod schema, read from the environment at start-up. Anything not set
 * falls back to a default that suits the local stack.
 */
export const ApiConfigSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (MICROSTAX_API_HOST)'),
  port: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(DEFAULT_PORTS.api)
    .describe('Port (MICROSTAX_API_PORT)'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .describe('Postgres URL (DATABASE_URL); default: the local stack'),
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
    .describe('Requests per minute per token (or per IP without one) (MICROSTAX_API_RATE_LIMIT)'),
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
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

/** Environment variable names, next to the field they set. */
export const API_CONFIG_ENV: Record<keyof ApiConfig, string> = {
  host: 'MICROSTAX_API_HOST',
  port: ENV.apiPort,
  databaseUrl: ENV.databaseUrl,
  logLevel: 'MICROSTAX_API_LOG_LEVEL',
  bodyLimitBytes: 'MICROSTAX_API_BODY_LIMIT',
  rateLimitPerMinute: 'MICROSTAX_API_RATE_LIMIT',
  statusSyncIntervalMs: 'MICROSTAX_API_SYNC_MS',
  tokenCacheMs: 'MICROSTAX_API_TOKEN_CACHE_MS',
  environmentCacheMs: 'MICROSTAX_API_ENV_CACHE_MS',
  publicUrl: 'MICROSTAX_API_PUBLIC_URL',
};

/** A configuration value that does not validate; names the environment variable to fix. */
export class ApiConfigError extends Error {
  readonly type = 'api-config';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`invalid API configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'ApiConfigError';
  }
}

/** Reads and validates the configuration from environment variables plus explicit overrides. */
export function loadApiConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ApiConfig> = {},
): ApiConfig {
  const fromEnv: Record<string, string> = {};
  for (const [field, variable] of Object.entries(API_CONFIG_ENV)) {
    const value = env[variable];
    if (value !== undefined && value !== '') fromEnv[field] = value;
  }
  const parsed = ApiConfigSchema.safeParse({ ...fromEnv, ...overrides });
  if (parsed.success) return parsed.data;
  throw new ApiConfigError(
    parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return { variable: API_CONFIG_ENV[field as keyof ApiConfig] ?? field, message: issue.message };
    }),
  );
}
