import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { API_TEST_PORT_COUNT, type StackConfig } from './config.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import type { OidcPart, ProcessRecord } from './state.js';
import { VERSIONS } from './versions.js';

/**
 * The stack's OpenID Connect provider: Dex, built from its Go module, with static test users in two
 * teams (the `groups` claim), a confidential client for the API's browser sign-in (the dashboard) and
 * a public one for `microstax login` (device flow, and password grants for tests). In-memory storage:
 * a restart signs everyone out of Dex, which is all a dev stack needs.
 */

/** The client the API signs browsers in with (authorization code + PKCE). */
export const DASHBOARD_CLIENT_ID = 'microstax-dashboard';
/** The public client the CLI uses (device flow; no secret to keep). */
export const CLI_CLIENT_ID = 'microstax-cli';
/** The group whose members are MicroStax admins. */
export const ADMIN_GROUP = 'microstax-admins';
/** Every test user's password (their bcrypt hash below). Dev stack only. */
export const TEST_USER_PASSWORD = 'password';
// bcrypt (cost 10) of "password", the hash Dex's own example config uses.
const PASSWORD_HASH = '$2a$10$2b2cU8CPhOTaGrs1HRQuAueS7JTT5ZHsHSzYiFPm1leZck7Mc8T4W';

/** The test users: two teams, and an admin. */
export const TEST_USERS = [
  { username: 'alice', email: 'alice@example.com', groups: ['team-a'] },
  { username: 'bob', email: 'bob@example.com', groups: ['team-b'] },
  { username: 'carol', email: 'carol@example.com', groups: ['team-a', ADMIN_GROUP] },
] as const;

/** Where the OIDC part keeps its config and the client secret under this config. */
export function oidcLayout(config: StackConfig): { issuer: string; dir: string; clientSecretFile: string } {
  const dir = path.join(config.stateDir, 'oidc');
  return {
    issuer: `http://127.0.0.1:${config.ports.oidc}/dex`,
    dir,
    clientSecretFile: path.join(dir, 'dashboard-client-secret'),
  };
}

/** The env variable Dex reads the dashboard client's secret from (kept out of the config file). */
const SECRET_ENV = 'MICROSTAX_DEX_DASHBOARD_SECRET';

/** The API's sign-in callbacks on a port, as the provider must know them. */
function callbackUrls(port: number): string[] {
  return ['127.0.0.1', 'localhost'].map((host) => `http://${host}:${port}/v1/auth/callback`);
}

/** The ports tests run a sign-in API on: a few fixed ones, so Dex can know their callbacks. */
export function testApiPorts(config: StackConfig): number[] {
  return Array.from({ length: API_TEST_PORT_COUNT }, (_, index) => config.ports.apiTests + index);
}

/** The callback of a test API on each of `testApiPorts` (127.0.0.1, what the tests browse). */
function testCallbackUrls(config: StackConfig): string[] {
  return testApiPorts(config).map((port) => callbackUrls(port)[0]!);
}

/** Dex's configuration for this stack (YAML). */
export function dexConfig(config: StackConfig): string {
  const { issuer } = oidcLayout(config);
  const apiCallbacks = [...callbackUrls(config.ports.api), ...testCallbackUrls(config)];
  return stringify({
    issuer,
    storage: { type: 'memory' },
    web: { http: `127.0.0.1:${config.ports.oidc}` },
    logger: { level: 'info', format: 'text' },
    expiry: { idTokens: '1h', deviceRequests: '5m' },
    oauth2: { skipApprovalScreen: true, passwordConnector: 'local' },
    enablePasswordDB: true,
    staticClients: [
      { id: DASHBOARD_CLIENT_ID, name: 'MicroStax', secretEnv: SECRET_ENV, redirectURIs: apiCallbacks },
      // Public: any http://localhost:<port> redirect and the device flow, no secret.
      { id: CLI_CLIENT_ID, name: 'MicroStax CLI', public: true, redirectURIs: ['/device/callback'] },
    ],
    staticPasswords: TEST_USERS.map((user, index) => ({
      email: user.email,
      hash: PASSWORD_HASH,
      username: user.username,
      name: user.username,
      preferredUsername: user.username,
      emailVerified: true,
      groups: [...user.groups],
      userID: `00000000-0000-4000-8000-00000000000${index + 1}`,
    })),
  });
}

/** Health: the discovery document answers and names this issuer. */
export async function checkOidc(issuer: string): Promise<void> {
  const response = await httpGet(`${issuer}/.well-known/openid-configuration`);
  if (response.status !== 200) throw new Error(`Dex's discovery document answered ${response.status}`);
}

/**
 * Dex reads its config once, at start: a running Dex whose config file differs from what this code
 * writes (new clients or callbacks) is out of date, and `stack up` restarts it.
 */
export async function checkOidcConfigCurrent(config: StackConfig): Promise<void> {
  const file = path.join(oidcLayout(config).dir, 'dex.yaml');
  const written = await readFile(file, 'utf8').catch(() => '');
  if (written !== dexConfig(config)) throw new Error(`Dex runs an older config than ${file} should hold`);
}

/** The dashboard client's secret: made once per state dir, kept 0600. */
async function ensureClientSecret(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return existing.trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Writes Dex's config and starts it; `onStarted` records the process the moment it runs. */
export async function startOidc(options: {
  config: StackConfig;
  binary: string;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<OidcPart> {
  const { config } = options;
  const layout = oidcLayout(config);
  await mkdir(layout.dir, { recursive: true, mode: 0o700 });
  const configFile = path.join(layout.dir, 'dex.yaml');
  await writeFile(configFile, dexConfig(config));
  const secret = await ensureClientSecret(layout.clientSecretFile);
  const { record } = await startHealthy({
    daemon: {
      name: 'dex',
      binary: options.binary,
      args: ['serve', configFile],
      logsDir: config.logsDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, [SECRET_ENV]: secret },
    },
    ports: [config.ports.oidc],
    healthCheck: () => checkOidc(layout.issuer),
    timeoutMs: 30_000,
    fix: `read the log; Dex's config is ${configFile}`,
    onStarted: options.onStarted,
  });
  return {
    version: VERSIONS.dex,
    external: false,
    processes: [record],
    issuer: layout.issuer,
    clientSecretFile: layout.clientSecretFile,
    redirectUrl: callbackUrls(config.ports.api)[0]!,
    testRedirectUrls: testCallbackUrls(config),
  };
}
