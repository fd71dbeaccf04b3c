import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readEnvSettings, SettingsError } from '../../settings/env-settings.js';
import type { GitHubAuth } from './octokit-host.js';
import { parseSecretsKey } from './secret-box.js';

/**
 * The GitHub integration's settings, explicit like every other component's: the API side (webhook
 * secrets at rest) and the worker side (GitHub API, auth, and the MicroStax API the integration acts
 * through). Unset on both sides means the integration is off.
 */
export const GitHubApiSettingsSchema = z.strictObject({
  secretsKey: z
    .string()
    .optional()
    .describe(
      "Key (32 bytes, base64 or hex) that encrypts repositories' webhook secrets at rest (MICROSTAX_GITHUB_SECRETS_KEY); unset: the webhook answers 503",
    ),
});

export const GITHUB_API_SETTINGS_ENV: { [K in keyof z.infer<typeof GitHubApiSettingsSchema>]-?: string } = {
  secretsKey: 'MICROSTAX_GITHUB_SECRETS_KEY',
};

export const GitHubWorkerSettingsSchema = z.strictObject({
  apiUrl: z
    .url()
    .default('https://api.github.com')
    .describe('GitHub REST API base URL; GitHub Enterprise: https://HOST/api/v3 (MICROSTAX_GITHUB_API_URL)'),
  token: z
    .string()
    .min(1)
    .optional()
    .describe('A token to call GitHub with, when not a GitHub App (MICROSTAX_GITHUB_TOKEN)'),
  appId: z
    .string()
    .regex(/^\d+$/, 'must be the numeric App ID')
    .optional()
    .describe('GitHub App ID (MICROSTAX_GITHUB_APP_ID)'),
  appPrivateKeyFile: z
    .string()
    .min(1)
    .optional()
    .describe("File holding the GitHub App's private key, PEM (MICROSTAX_GITHUB_APP_PRIVATE_KEY_FILE)"),
  statusContext: z
    .string()
    .min(1)
    .max(100)
    .default('microstax')
    .describe(
      'Name of the check run, or context of the commit status with a token (MICROSTAX_GITHUB_STATUS_CONTEXT)',
    ),
  environmentsUrl: z
    .url()
    .optional()
    .describe(
      'The MicroStax API the integration creates and deletes environments through (MICROSTAX_GITHUB_ENVIRONMENTS_URL)',
    ),
  environmentsToken: z
    .string()
    .min(1)
    .optional()
    .describe(
      'MicroStax API token (of an admin: it acts for every configured team) (MICROSTAX_GITHUB_ENVIRONMENTS_TOKEN)',
    ),
});

export const GITHUB_WORKER_SETTINGS_ENV: {
  [K in keyof z.infer<typeof GitHubWorkerSettingsSchema>]-?: string;
} = {
  apiUrl: 'MICROSTAX_GITHUB_API_URL',
  token: 'MICROSTAX_GITHUB_TOKEN',
  appId: 'MICROSTAX_GITHUB_APP_ID',
  appPrivateKeyFile: 'MICROSTAX_GITHUB_APP_PRIVATE_KEY_FILE',
  statusContext: 'MICROSTAX_GITHUB_STATUS_CONTEXT',
  environmentsUrl: 'MICROSTAX_GITHUB_ENVIRONMENTS_URL',
  environmentsToken: 'MICROSTAX_GITHUB_ENVIRONMENTS_TOKEN',
};

/** The webhook's key for secrets at rest, or null when the integration is off on the API. */
export function loadGitHubSecretsKey(env: NodeJS.ProcessEnv): Buffer | null {
  const settings = readEnvSettings({
    component: 'github',
    schema: GitHubApiSettingsSchema,
    variables: GITHUB_API_SETTINGS_ENV,
    env,
  });
  if (!settings.secretsKey) return null;
  try {
    return parseSecretsKey(settings.secretsKey, GITHUB_API_SETTINGS_ENV.secretsKey);
  } catch (error) {
    throw new SettingsError('github', [
      { variable: GITHUB_API_SETTINGS_ENV.secretsKey, message: (error as Error).message },
    ]);
  }
}

export interface GitHubWorkerConfig {
  apiUrl: string;
  auth: GitHubAuth;
  statusContext: string;
  environments: { baseUrl: string; token: string };
}

/**
 * The worker side, or null when no MICROSTAX_GITHUB_* worker variable is set (the integration is off).
 * Partly set is an error naming every missing variable.
 */
export function loadGitHubWorkerConfig(env: NodeJS.ProcessEnv): GitHubWorkerConfig | null {
  const vars = GITHUB_WORKER_SETTINGS_ENV;
  const anySet = Object.values(vars).some((v) => env[v] !== undefined && env[v] !== '');
  if (!anySet) return null;
  const s = readEnvSettings({
    component: 'github',
    schema: GitHubWorkerSettingsSchema,
    variables: vars,
    env,
  });
  const problems: { variable: string; message: string }[] = [];
  if (!s.environmentsUrl) problems.push({ variable: vars.environmentsUrl, message: 'required, not set' });
  if (!s.environmentsToken) problems.push({ variable: vars.environmentsToken, message: 'required, not set' });
  let auth: GitHubAuth | undefined;
  if (s.appId || s.appPrivateKeyFile) {
    if (!s.appId) problems.push({ variable: vars.appId, message: `required with ${vars.appPrivateKeyFile}` });
    if (!s.appPrivateKeyFile)
      problems.push({ variable: vars.appPrivateKeyFile, message: `required with ${vars.appId}` });
    if (s.appId && s.appPrivateKeyFile) {
      try {
        auth = { kind: 'app', appId: s.appId, privateKey: readFileSync(s.appPrivateKeyFile, 'utf8') };
      } catch (error) {
        problems.push({
          variable: vars.appPrivateKeyFile,
          message: `cannot read ${s.appPrivateKeyFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        });
      }
    }
  } else if (s.token) {
    auth = { kind: 'token', token: s.token };
  } else {
    problems.push({
      variable: `${vars.appId} or ${vars.token}`,
      message: 'one way to authenticate to GitHub is required',
    });
  }
  if (problems.length > 0 || !auth) throw new SettingsError('github', problems);
  return {
    apiUrl: s.apiUrl.replace(/\/+$/, ''),
    auth,
    statusContext: s.statusContext,
    environments: { baseUrl: s.environmentsUrl!, token: s.environmentsToken! },
  };
}
