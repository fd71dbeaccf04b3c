import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { checkContextName, readCliConfig, writeCliConfig } from '../contexts.js';
import { addOutputOptions, type OutputOptions, outputFormat, printResult } from '../output.js';

/** `microstax context add|use|list`: several MicroStax servers, one current (MICROSTAX_CONTEXT wins). */
export function register(program: Command): void {
  const context = program
    .command('context')
    .description(
      'MicroStax servers the CLI talks to: add, use, list (MICROSTAX_CONTEXT picks one per command)',
    )
    .addHelpText(
      'after',
      `
Contexts live in $XDG_CONFIG_HOME/microstax/config.json (MICROSTAX_CONFIG), readable by you only.
MICROSTAX_URL and MICROSTAX_TOKEN still win over any context. Example:
  microstax context add prod --url https://microstax.example.com --token-env PROD_MICROSTAX_TOKEN
  microstax context use prod`,
    );

  addOutputOptions(
    context
      .command('add')
      .description('add (or replace) a context')
      .argument('<name>', 'context name, e.g. prod')
      .requiredOption('--url <url>', "the API's URL")
      .option(
        '--token-env <variable>',
        'the environment variable holding the token (nothing secret is stored)',
      )
      .option('--token <token>', 'the token itself (stored in the file, readable by you only)')
      .option('--use', 'make it the current context', false),
  ).action(
    async (
      name: string,
      opts: OutputOptions & { url: string; tokenEnv?: string; token?: string; use: boolean },
    ) => {
      checkContextName(name);
      let url: URL;
      try {
        url = new URL(opts.url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
      } catch {
        throw new CliError({
          type: 'invalid-input',
          field: 'url',
          message: `--url must be an http(s) URL (got "${opts.url}")`,
        });
      }
      if (opts.token && opts.tokenEnv)
        throw new CliError({
          type: 'invalid-input',
          field: 'token',
          message: 'give --token or --token-env, not both',
        });
      const config = await readCliConfig();
      config.contexts[name] = {
        url: url.toString().replace(/\/+$/, ''),
        ...(opts.token ? { token: opts.token } : {}),
        ...(opts.tokenEnv ? { tokenEnv: opts.tokenEnv } : {}),
      };
      if (opts.use || !config.current) config.current = name;
      await writeCliConfig(config);
      await printResult(outputFormat(opts), {
        document: { ok: true, context: name, current: config.current === name },
        table: () =>
          `context ${name}: ${config.contexts[name]!.url}${config.current === name ? ' (current)' : ''}`,
        names: () => [name],
      });
    },
  );

  addOutputOptions(
    context.command('use').description('make a context the current one').argument('<name>', 'context name'),
  ).action(async (name: string, opts: OutputOptions) => {
    const config = await readCliConfig();
    if (!config.contexts[name])
      throw new CliError({
        type: 'invalid-input',
        field: 'name',
        message: `no context "${name}" (known: ${Object.keys(config.contexts).join(', ') || 'none'})`,
        hint: 'add it with `microstax context add`',
      });
    config.current = name;
    await writeCliConfig(config);
    await printResult(outputFormat(opts), {
      document: { ok: true, current: name },
      table: () => `current context: ${name}`,
      names: () => [name],
    });
  });

  addOutputOptions(context.command('list').description('list contexts; * marks the current one')).action(
    async (opts: OutputOptions) => {
      const config = await readCliConfig();
      const current = process.env.MICROSTAX_CONTEXT || config.current;
      // Tokens are never shown: only where each one comes from.
      const items = Object.entries(config.contexts).map(([name, entry]) => ({
        name,
        url: entry.url,
        token: entry.tokenEnv ? `$${entry.tokenEnv}` : entry.token ? 'stored' : 'none',
        current: name === current,
      }));
      await printResult(outputFormat(opts), {
        document: { ok: true, current: current ?? null, items },
        table: () =>
          [
            `${'  NAME'.padEnd(18)} ${'URL'.padEnd(40)} TOKEN`,
            ...items.map(
              (i) => `${i.current ? '* ' : '  '}${i.name.padEnd(16)} ${i.url.padEnd(40)} ${i.token}`,
            ),
          ].join('\n'),
        names: () => items.map((i) => i.name),
      });
    },
  );
}
