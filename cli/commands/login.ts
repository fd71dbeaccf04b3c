import { hostname } from 'node:os';
import type { Command } from 'commander';
import { ApiClient } from '../../api/client.js';
import type { AuthConfigBody, CreatedTokenBody, WhoamiBody } from '../api-types.js';
import { CliError } from '../cli-error.js';
import { checkContextName, clientSettings, readCliConfig, writeCliConfig } from '../contexts.js';
import { addOutputOptions, isDocument, type OutputOptions, outputFormat, printResult } from '../output.js';

/**
 * `microstax login`: signs in with the installation's OpenID Connect provider by the device flow (a
 * code to confirm in any browser), exchanges the ID token for an API token at the API, and stores it
 * in a context. `microstax whoami` says who the current credential speaks for.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The provider's ID token for the CLI client, by the device flow; prompts go to stderr. */
async function deviceFlowIdToken(settings: AuthConfigBody): Promise<string> {
  const oidc = await import('openid-client');
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== 'https:' && !LOOPBACK.has(issuer.hostname)) {
    throw new CliError({ type: 'config', message: `the sign-in provider ${issuer.href} is not https` });
  }
  const config = await oidc.discovery(issuer, settings.cliClientId, undefined, oidc.None(), {
    ...(issuer.protocol === 'http:' && { execute: [oidc.allowInsecureRequests] }),
  });
  const device = await oidc.initiateDeviceAuthorization(config, { scope: 'openid email profile groups' });
  process.stderr.write(
    `To sign in, open ${device.verification_uri_complete ?? device.verification_uri} and confirm the code ${device.user_code}\n` +
      `(waiting up to ${Math.round(device.expires_in / 60)} minutes)\n`,
  );
  const tokens = await oidc.pollDeviceAuthorizationGrant(config, device);
  if (!tokens.id_token) throw new CliError({ type: 'api', message: 'the provider returned no ID token' });
  return tokens.id_token;
}

export function register(program: Command): void {
  addOutputOptions(
    program
      .command('login')
      .description('sign in with the installation’s identity provider and store an API token in a context')
      .option('--url <url>', "the API's URL (default: the current context's, or the local API)")
      .option(
        '--context <name>',
        'the context to store the token in (default: the current one, or "default")',
      )
      .option(
        '--id-token-env <variable>',
        'skip the device flow: exchange the ID token this environment variable holds (for automation)',
      )
      .addHelpText(
        'after',
        `
The CLI asks the API for its provider (GET /v1/auth/config), runs the device flow (open the URL it
prints, sign in, confirm the code), exchanges the ID token for an API token (30 days by default) and
stores it in the context (file readable by you only). Then: microstax whoami.`,
      ),
  ).action(async (opts: OutputOptions & { url?: string; context?: string; idTokenEnv?: string }) => {
    const config = await readCliConfig();
    const name = opts.context ?? config.current ?? 'default';
    checkContextName(name);
    const url = (opts.url ?? config.contexts[name]?.url ?? (await clientSettings()).url).replace(/\/+$/, '');
    const api = new ApiClient({ url, token: undefined });
    const { body: settings } = await api.request<AuthConfigBody>({ path: '/v1/auth/config' });
    let idToken: string;
    if (opts.idTokenEnv) {
      const value = process.env[opts.idTokenEnv];
      if (!value)
        throw new CliError({
          type: 'invalid-input',
          field: 'id-token-env',
          message: `$${opts.idTokenEnv} is empty`,
        });
      idToken = value;
    } else {
      idToken = await deviceFlowIdToken(settings);
    }
    const { body: created } = await api.request<CreatedTokenBody>({
      method: 'POST',
      path: '/v1/auth/id-token',
      body: { idToken, description: `microstax login on ${hostname()}` },
    });
    const whoami = (
      await new ApiClient({ url, token: created.token }).request<WhoamiBody>({ path: '/v1/whoami' })
    ).body;
    const latest = await readCliConfig();
    latest.contexts[name] = { url, token: created.token };
    latest.current = name;
    await writeCliConfig(latest);
    const format = outputFormat(opts);
    if (!isDocument(format)) process.stderr.write(`signed in; token stored in context ${name}\n`);
    await printResult(format, {
      document: {
        ok: true,
        context: name,
        url,
        user: whoami.user.name,
        team: whoami.team,
        role: whoami.user.role,
        tokenId: created.id,
        expiresAt: created.expiresAt,
      },
      table: () => `${whoami.user.name} (${whoami.user.role}, team ${whoami.team}) on ${url}`,
      names: () => [whoami.user.name],
    });
  });

  addOutputOptions(
    program.command('whoami').description('who the current credential speaks for: user, team, role'),
  ).action(async (opts: OutputOptions) => {
    const { body } = await new ApiClient(await clientSettings()).request<WhoamiBody>({ path: '/v1/whoami' });
    await printResult(outputFormat(opts), {
      document: { ok: true, ...body },
      table: () =>
        `${body.user.name} (${body.user.role}, team ${body.team}) by ${body.credential.kind} ${body.credential.id}`,
      names: () => [body.user.name],
    });
  });
}
