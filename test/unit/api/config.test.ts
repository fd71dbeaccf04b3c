import { describe, expect, it } from 'vitest';
import { loadApiConfig } from '../../../api/config.js';
import { SettingsError } from '../../../settings/env-settings.js';

const DATABASE = { DATABASE_URL: 'postgres://u@h/db' };

describe('API configuration', () => {
  it('has defaults for everything but the database', () => {
    expect(loadApiConfig(DATABASE)).toMatchObject({
      host: '127.0.0.1',
      port: 18080,
      logLevel: 'info',
      rateLimitPerMinute: 1200,
      tokenCacheMs: 10_000,
      environmentCacheMs: 30_000,
    });
  });

  it('turns the in-memory caches off with 0', () => {
    expect(
      loadApiConfig({ ...DATABASE, MICROSTAX_API_TOKEN_CACHE_MS: '0', MICROSTAX_API_ENV_CACHE_MS: '0' }),
    ).toMatchObject({ tokenCacheMs: 0, environmentCacheMs: 0 });
  });

  it('reads environment variables and lets explicit overrides win', () => {
    const config = loadApiConfig(
      { MICROSTAX_API_PORT: '9000', DATABASE_URL: 'postgres://u@h/db', MICROSTAX_API_LOG_LEVEL: 'warn' },
      { port: 9100 },
    );
    expect(config).toMatchObject({ port: 9100, databaseUrl: 'postgres://u@h/db', logLevel: 'warn' });
  });

  it('names the environment variable of each bad value, without echoing values', () => {
    let error: unknown;
    try {
      loadApiConfig({ MICROSTAX_API_PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const problems = (error as SettingsError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'MICROSTAX_API_PORT']);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('refuses to start without a database, naming DATABASE_URL (no local fallback in product code)', () => {
    expect(() => loadApiConfig({})).toThrow('invalid API settings: DATABASE_URL: required, not set');
  });
});
