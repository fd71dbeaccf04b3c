import type { Command } from 'commander';
import { loadApiConfig } from '../../api/config.js';
import { useLocalStackSettings } from '../../local/stack/process-settings.js';
import { SettingsError } from '../../settings/env-settings.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../store/api-tokens.js';
import { createPool } from '../../store/database.js';
import { pendingMigrations } from '../../store/migrate.js';
import { ensureTeam } from '../../store/teams.js';
import { findUserByName, type UserRole, upsertUser } from '../../store/users.js';
import { parseDuration } from '../../workflows/duration.js';
import { CliError } from '../cli-error.js';
import { openMetadataDatabase } from '../metadata-database.js';
import {
  isDocument,
  type OutputFormat,
  type OutputOptions,
  outputFormat,
  parseOutputFormat,
  printResult,
} from '../output.js';
import { createThroughApi, listThroughApi, revokeThroughApi } from './token-api.js';

/** Bad input to a token command: one line naming the option, exit 1. */
function invalid(field: string, message: string): CliError {
  return new CliError({ type: 'invalid-input', field, message });
}

/**
 * Opens the metadata database for one admin command, and closes it afterwards. It never migrates:
 * a database with pending migrations (or none at all) is refused, naming `microstax db migrate`.
 */
async function withDatabase<T>(work: (db: ReturnType<typeof createPool>) => Promise<T>): Promise<T> {
  const { databaseUrl, display } = await openMetadataDatabase();
  const db = createPool({ databaseUrl, max: 2, applicationName: 'microstax-cli' });
  try {
    const pending = await pendingMigrations(db).catch((error: unknown) => {
      throw new CliError({
        type: 'database',
        message: `cannot read the metadata database at ${display}: ${(error as Error).message}`,
        hint: 'check DATABASE_URL',
      });
    });
    if (pending.length > 0)
      throw new CliError({
        type: 'database',
        message: `the metadata database at ${display} is not migrated (${pending.length} pending: ${pending.join(', ')})`,
        hint: 'run `microstax db migrate` first',
      });
    return await work(db);
  } finally {
    await db.end();
  }
}

const ROLES: UserRole[] = ['member', 'team-admin', 'admin'];

/**
 * Issues an API token for a user, creating the team and user when missing (straight in the
 * database: this is how access is bootstrapped). `role` defaults to member for a new user and is
 * kept for an existing one. Returns `{ error }` when the user belongs to another team.
 */
export async function issueApiToken(params: {
  user: string;
  team: string;
  role?: UserRole;
  description: string;
  expiresAt: Date | null;
}) {
  return withDatabase(async (db) => {
    const existing = await findUserByName(db, params.user);
    if (existing && existing.teamId !== params.team) {
      return { error: `user ${params.user} belongs to team ${existing.teamId}, not ${params.team}` };
    }
    await ensureTeam(db, { id: params.team });
    const role = params.role ?? existing?.role ?? 'member';
    const user = await upsertUser(db, { name: params.user, teamId: params.team, role });
    const { token: secret, record } = await createApiToken(db, {
      userId: user.id,
      description: params.description,
      expiresAt: params.expiresAt,
    });
    return { secret, record, user };
  });
}

/** `microstax api` runs the control-plane API; `microstax token ...` bootstraps access to it. */
export function register(program: Command): void {
  program
    .command('api')
    .description(
      'run the control-plane API (migrates the database first); stops cleanly on Ctrl-C or SIGTERM',
    )
    .option('--host <host>', 'interface to listen on (MICROSTAX_API_HOST, default 127.0.0.1)')
    .option('--port <port>', 'port (MICROSTAX_API_PORT, default 18080)')
    .addHelpText(
      'after',
      `
Configuration comes from the environment: DATABASE_URL, TEMPORAL_ADDRESS and MICROSTAX_CODEC_KEY (taken from
the local stack when unset and one is up),
MICROSTAX_API_LOG_LEVEL (one line per request at debug), MICROSTAX_API_RATE_LIMIT (per token per minute),
MICROSTAX_API_BODY_LIMIT, MICROSTAX_API_SYNC_MS, MICROSTAX_API_TOKEN_CACHE_MS and MICROSTAX_API_ENV_CACHE_MS
(in-memory caches, dropped at once on any change; 0 = off). KUBECONFIG: the cluster plan placement reads.
Docs: http://HOST:PORT/docs (OpenAPI JSON at /openapi.json). Create a token first: microstax token create.`,
    )
    .action(async (opts: { host?: string; port?: string }) => {
      let config: ReturnType<typeof loadApiConfig>;
      await useLocalStackSettings();
      try {
        config = loadApiConfig(process.env, {
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.port ? { port: Number(opts.port) } : {}),
        });
      } catch (error) {
        if (error instanceof SettingsError) throw new CliError({ type: 'config', message: error.message });
        throw error;
      }
      // Loaded here: the server (Fastify, Temporal client) is heavy and only `api` needs it.
      const { startApiServer } = await import('../../api/server.js');
      const { url } = await startApiServer(config);
      process.stderr.write(`microstax api listening on ${url} (docs ${url}/docs)\n`);
      // Keep running until a signal closes the server (server.ts exits the process then).
      await new Promise(() => {});
    });

  const token = program
    .command('token')
    .description(
      'API tokens: create, list, revoke through the API (or, with --team/--user, in the database directly)',
    )
    .addHelpText(
      'after',
      `
Through the API (the current context's credential; see microstax login):
  microstax token create --description CI --expires-in 90d
  microstax token list
  microstax token revoke <id>
Admins act for others with --for <user>. Straight in the database (bootstrapping the first admin,
before sign-in is set up; needs DATABASE_URL): token create --user ada --team payments [--role admin],
token list --user ada, token revoke --database <id>.`,
    );

  token
    .command('create')
    .description(
      'issue an API token for a user, creating the team and user when missing; the token is shown once',
    )
    .option('--for <user>', "through the API, for another user (admins; team-admins: their team's users)")
    .option('--user <name>', 'in the database: user name (with --team)')
    .option('--team <id>', 'in the database: team id, e.g. payments (with --user)')
    .option(
      '--role <role>',
      "member, team-admin (manages its team's policy) or admin (every team and the company); default: member for a new user, unchanged for an existing one",
    )
    .option('--description <text>', 'what the token is for, e.g. "CI"', '')
    .option('--expires-in <duration>', 'expire after this long, e.g. 90d (default: never)')
    .option('-o, --output <format>', 'output format: json|yaml|table|wide|name', parseOutputFormat, 'table')
    .option('--json', 'same as -o json', false)
    .addHelpText(
      'after',
      '\nExample:\n  export MICROSTAX_TOKEN=$(microstax token create --user ada --team payments)',
    )
    .action(
      async (opts: {
        for?: string;
        user?: string;
        team?: string;
        role?: string;
        description: string;
        expiresIn?: string;
        output: OutputFormat;
        json: boolean;
      }) => {
        if (opts.role !== undefined && !ROLES.includes(opts.role as UserRole))
          throw invalid('role', `--role must be member, team-admin or admin, not "${opts.role}"`);
        if (opts.team === undefined && opts.user === undefined) return createThroughApi(opts);
        if (opts.team === undefined || opts.user === undefined)
          throw invalid(opts.team ? 'user' : 'team', 'in the database, --user and --team go together');
        if (!/^[a-z][a-z0-9-]{0,39}$/.test(opts.team))
          throw invalid('team', `--team must be lower-case letters, digits and "-" (got "${opts.team}")`);
        const expiresMs = opts.expiresIn === undefined ? undefined : parseDuration(opts.expiresIn);
        if (expiresMs === undefined && opts.expiresIn !== undefined)
          throw invalid(
            'expires-in',
            `--expires-in must be a duration such as 30d (got "${opts.expiresIn}")`,
          );
        const result = await issueApiToken({
          user: opts.user,
          team: opts.team,
          role: opts.role as UserRole | undefined,
          description: opts.description,
          expiresAt: expiresMs === undefined ? null : new Date(Date.now() + expiresMs),
        });
        if ('error' in result) throw invalid('user', result.error ?? 'failed');
        const { secret, record, user } = result;
        const format = outputFormat(opts);
        if (!isDocument(format))
          process.stderr.write(
            `token ${record.id} for ${user.name} (${user.role}, team ${user.teamId}); it is shown only now: store it safely\n`,
          );
        await printResult(format, {
          document: {
            ok: true,
            token: secret,
            id: record.id,
            user: user.name,
            team: user.teamId,
            role: user.role,
            expiresAt: record.expiresAt,
          },
          table: () => secret,
          names: () => [record.id],
        });
      },
    );

  token
    .command('list')
    .description("list a user's tokens (ids and prefixes only; tokens cannot be shown again)")
    .option('--for <user>', "through the API, another user's (admins; team-admins: their team's users)")
    .option('--user <name>', "in the database: this user's")
    .option('-o, --output <format>', 'output format: json|yaml|table|wide|name', parseOutputFormat, 'table')
    .option('--json', 'same as -o json', false)
    .action(async (opts: OutputOptions & { user?: string; for?: string }) => {
      if (opts.user === undefined) return listThroughApi(opts);
      const userName = opts.user;
      const tokens = await withDatabase(async (db) => {
        const user = await findUserByName(db, userName);
        return user ? listApiTokens(db, user.id) : null;
      });
      if (!tokens) throw invalid('user', `no user ${opts.user}`);
      const state = (t: (typeof tokens)[number]) =>
        t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'active';
      await printResult(outputFormat(opts), {
        document: { ok: true, tokens },
        table: () =>
          tokens
            .map(
              (t) =>
                `${t.id}  ${t.prefix}…  ${state(t).padEnd(8)} ${t.createdAt.toISOString()}  ${t.description}`,
            )
            .join('\n'),
        names: () => tokens.map((t) => t.id),
      });
    });

  token
    .command('revoke')
    .description('revoke a token at once')
    .argument('<id>', 'token id (from token list)')
    .option('--database', 'in the database directly, not through the API', false)
    .option('-o, --output <format>', 'output format: json|yaml|table|wide|name', parseOutputFormat, 'table')
    .option('--json', 'same as -o json', false)
    .action(async (id: string, opts: OutputOptions & { database: boolean }) => {
      if (!/^[0-9a-f-]{36}$/i.test(id))
        throw invalid('id', `"${id}" is not a token id (a UUID from token list)`);
      if (!opts.database) return revokeThroughApi(id, opts);
      const revoked = await withDatabase((db) => revokeApiToken(db, id));
      if (!revoked) throw invalid('id', `no live token ${id}`);
      await printResult(outputFormat(opts), {
        document: { ok: true, id, revoked: true },
        table: () => `revoked ${id}`,
        names: () => [id],
      });
    });
}
