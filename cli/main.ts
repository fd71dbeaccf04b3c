import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { ExitCode } from './exit-codes.js';

/**
 * The version in package.json: the repository's beside the sources, dist/package.json (written by
 * `npm run build` with the same version) beside the compiled code.
 */
export function cliVersion(): string {
  const manifest = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Builds the `microstax` command tree. Exported so tests can drive it without a subprocess. */
export function buildProgram(): Command {
  const program = new Command('microstax')
    .description('MicroStax: isolated, seeded developer, QA and pull-request environments on Kubernetes')
    .version(cliVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure or invalid input, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`microstax: ${message}\n`);
    return ExitCode.Failure;
  }
}
