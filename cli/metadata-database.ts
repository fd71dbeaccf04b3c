import { loadApiConfig } from '../api/config.js';
import { redactUrl } from '../local/stack/postgres.js';
import { useLocalStackSettings } from '../local/stack/process-settings.js';
import { SettingsError } from '../settings/env-settings.js';
import { CliError } from './cli-error.js';

/**
 * The metadata database an admin command works on: DATABASE_URL, else the running local stack's.
 * `display` is the URL without its password, for messages.
 */
export async function openMetadataDatabase(): Promise<{ databaseUrl: string; display: string }> {
  await useLocalStackSettings();
  try {
    const { databaseUrl } = loadApiConfig();
    return { databaseUrl, display: redactUrl(databaseUrl) };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    throw new CliError({
      type: 'config',
      message: error.message,
      field: 'DATABASE_URL',
      hint: 'set DATABASE_URL to the metadata database (postgres://...)',
    });
  }
}
