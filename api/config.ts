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
  port: 'MICROSTAX_API_PORT',
  databaseUrl: 'DATABASE_URL',
  logLevel: 'MICROSTAX_API_LOG_LEVEL',
  bodyLimitBytes: 'MICROSTAX_API_BODY_LIMIT',
  rateLimitPerMinute: 'MICROSTAX_API_RATE_LIMIT',
  statusSyncIntervalMs: 'MICROSTAX_API_SYNC_MS',
  tokenCacheMs: 'MICROSTAX_API_TOKEN_CACHE_MS',
  environmentCacheMs: 'MICROSTAX_API_ENV_CACHE_MS',
  publicUrl: 'MICROSTAX_API_PUBLIC_URL',
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
