import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import { isDocument, outputFormat, outputFormatOfArgs } from './output.js';
import { configureProgress } from './progress.js';

/**
 * The version in package.json: the repository's beside the sources, dist/package.json (written by
 * `npm run build` with the same version) beside the compiled code.
 */
export function cliVersion(): string {
  const manifest = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/**
 * Builds the `microstax` command tree: in full for the command `args` runs, as summary lines for the
 * rest (`all` loads every command). Exported so tests can drive it without a subprocess.
 */
export async function buildProgram(
  options: { args?: readonly string[]; all?: boolean } = {},
): Promise<Command> {
  const program = new Command('microstax')
    .description('MicroStax: isolated, seeded developer, QA and pull-request environments on Kubernetes')
    .version(cliVersion())
    .option('-q, --quiet', 'no progress lines on stderr (errors still print)', false)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .hook('preAction', (program, command) =>
      configureProgress({
        quiet: Boolean(program.opts().quiet),
        document: isDocument(outputFormat(command.opts())),
      }),
    )
    .addHelpText(
      'after',
      `
Output: commands that print data take -o json|yaml|table|wide|name; with json or yaml a failure prints
{"ok": false, "error": {"type", "code", "message", "hint"?, "status"?, "field"?, "url"?}} on stdout.
Exit codes: 0 ok, 1 failure (or a --timeout that expired), 2 usage error. NO_COLOR is honoured.`,
    );
  await registerCommands(program, { args: options.args ?? [], all: options.all });
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure or invalid input, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  // `microstax ... | head` closes stdout early: that is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const program = await buildProgram({ args });
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    // Loaded only on failure: it reads the API client's error class.
    const { reportError } = await import('./error-report.js');
    return reportError(error, outputFormatOfArgs(args));
  }
}
