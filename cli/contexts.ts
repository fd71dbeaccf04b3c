import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ClientSettings, defaultConfigFile } from '../api/client.js';
import { DEFAULT_API_PORT } from '../api/default-port.js';
import { CliError } from './cli-error.js';

/** One MicroStax server the CLI can talk to. */
export interface ContextEntry {
  url: string;
  /** The token itself (the file is then kept private to its owner)... */
  token?: string;
  /** ...or, better, the environment variable that holds it. */
  tokenEnv?: string;
}

/**
 * The CLI's config file ($XDG_CONFIG_HOME/microstax/config.json, or MICROSTAX_CONFIG): named
 * contexts and the current one; a file with only `url` and `token` (the older form) still works.
 */
export interface CliConfig {
  current?: string;
  contexts: Record<string, ContextEntry>;
  url?: string;
  token?: string;
}

const NAME = /^[A-Za-z0-9][\w.-]{0,62}$/;

/**
 * Reads the config file: `{ contexts: {} }` when there is none; a CliError naming the file and
 * what is wrong when it is malformed. Checked by hand: zod would add 70 ms to every env command.
 */
export async function readCliConfig(file = defaultConfigFile()): Promise<CliConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { contexts: {} };
    throw malformed(file, (error as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw malformed(file, `not JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw malformed(file, 'not a JSON object');
  const { current, contexts = {}, url, token } = raw as Record<string, unknown>;
  const optionalString = (value: unknown, field: string) => {
    if (value !== undefined && typeof value !== 'string')
      throw malformed(file, `"${field}" must be a string`);
    return value as string | undefined;
  };
  if (typeof contexts !== 'object' || contexts === null || Array.isArray(contexts))
    throw malformed(file, '"contexts" must be an object of name: {url, token | tokenEnv}');
  const entries: Record<string, ContextEntry> = {};
  for (const [name, entry] of Object.entries(contexts as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null)
      throw malformed(file, `context "${name}" must be an object`);
    const fields = entry as Record<string, unknown>;
    const entryUrl = optionalString(fields.url, `contexts.${name}.url`);
    if (!entryUrl) throw malformed(file, `context "${name}" has no "url"`);
    entries[name] = {
      url: entryUrl,
      token: optionalString(fields.token, `contexts.${name}.token`),
      tokenEnv: optionalString(fields.tokenEnv, `contexts.${name}.tokenEnv`),
    };
  }
  return {
    current: optionalString(current, 'current'),
    contexts: entries,
    url: optionalString(url, 'url'),
    token: optionalString(token, 'token'),
  };
}

function malformed(file: string, what: string): CliError {
  return new CliError({
    type: 'config',
    message: `${file} is malformed: ${what}`,
    hint: 'fix it, or delete it and add contexts again with `microstax context add`',
  });
}

/** Writes the config file atomically, readable by its owner only (it may hold tokens). */
export async function writeCliConfig(config: CliConfig, file = defaultConfigFile()): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** Checks a context name (letters, digits, ".", "_", "-"). */
export function checkContextName(name: string): void {
  if (!NAME.test(name))
    throw new CliError({
      type: 'invalid-input',
      field: 'name',
      message: `"${name}" is not a context name (letters, digits, ".", "_" and "-", at most 63)`,
    });
}

/**
 * Where the CLI finds the API and its token: MICROSTAX_URL and MICROSTAX_TOKEN win; then the
 * context MICROSTAX_CONTEXT names, or the file's current one; then the file's own url and token;
 * then the local API.
 */
export async function clientSettings(env: NodeJS.ProcessEnv = process.env): Promise<ClientSettings> {
  const file = defaultConfigFile(env);
  const config = await readCliConfig(file);
  const name = env.MICROSTAX_CONTEXT || config.current;
  let url = config.url;
  let token = config.token;
  if (name) {
    const context = config.contexts[name];
    if (!context)
      throw new CliError({
        type: 'config',
        field: env.MICROSTAX_CONTEXT ? 'MICROSTAX_CONTEXT' : 'current',
        message: `no context "${name}" in ${file} (known: ${Object.keys(config.contexts).join(', ') || 'none'})`,
        hint: 'add it with `microstax context add`, or pick one with `microstax context use`',
      });
    url = context.url;
    token = context.tokenEnv ? env[context.tokenEnv] : context.token;
  }
  return {
    url: (env.MICROSTAX_URL ?? url ?? `http://127.0.0.1:${DEFAULT_API_PORT}`).replace(/\/+$/, ''),
    token: env.MICROSTAX_TOKEN ?? token,
  };
}
