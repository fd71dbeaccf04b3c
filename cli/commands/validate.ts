import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatProblem } from '../../blueprints/problems.js';
import type { BlueprintProblem } from '../../blueprints/resolved.js';
import { ExitCode } from '../exit-codes.js';
import {
  addOutputOptions,
  isDocument,
  type OutputFormat,
  type OutputOptions,
  outputFormat,
  printResult,
} from '../output.js';

/** Options shared by the commands that read a blueprint (validate, render, and later plan). */
export interface BlueprintInputOptions {
  overlay: string[];
  context: Record<string, string>;
}

/** Parses one `--context KEY=VALUE` into the accumulated context (a usage error when malformed). */
export function parseContextPair(
  pair: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const at = pair.indexOf('=');
  const key = at > 0 ? pair.slice(0, at) : '';
  if (!/^[A-Za-z][\w.-]*$/.test(key)) {
    throw new InvalidArgumentError(`expected KEY=VALUE (e.g. team=payments), got "${pair}"`);
  }
  return { ...previous, [key]: pair.slice(at + 1) };
}

/** Adds --overlay and --context to a command that reads a blueprint. */
export function addBlueprintInputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--overlay <file>', 'overlay file (company, team or user layer); repeatable')
        .argParser((file: string, previous: string[]) => [...previous, file])
        .default([]),
    )
    .addOption(
      new Option(
        '--context <key=value>',
        'request context that selects overlays, e.g. team=payments; repeatable',
      )
        .argParser(parseContextPair)
        .default({}),
    );
}

/** Writes problems to stderr, one `FILE:LINE:COL: message` line each. */
export function printProblems(problems: BlueprintProblem[]): void {
  process.stderr.write(problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
}

/**
 * `microstax validate FILE...`: resolves each blueprint with the overlays and context, prints every
 * problem to stderr and returns the exit code (0 all valid, 1 any invalid).
 */
export async function runValidate(opts: {
  files: string[];
  overlays: string[];
  context: Record<string, string>;
  format: OutputFormat;
}): Promise<number> {
  const reports: { file: string; valid: boolean; [field: string]: unknown }[] = [];
  const lines: string[] = [];
  for (const file of opts.files) {
    const result = await (await import('../../blueprints/resolve.js')).resolveBlueprintFile({
      file,
      overlays: opts.overlays,
      context: opts.context,
    });
    if (result.ok) {
      const dependencies = Object.values(result.graph).reduce((sum, deps) => sum + deps.length, 0);
      reports.push({
        file,
        valid: true,
        blueprint: result.blueprint.name,
        services: result.blueprint.services.length,
        dependencies,
        problems: [],
      });
      lines.push(
        `${file}: valid (${result.blueprint.name}: ${plural(result.blueprint.services.length, 'service')}, ${plural(dependencies, 'dependency', 'dependencies')})`,
      );
    } else {
      printProblems(result.problems);
      reports.push({ file, valid: false, problems: result.problems });
    }
  }
  if (lines.length > 0 || isDocument(opts.format))
    await printResult(opts.format, {
      document: reports.length === 1 ? reports[0] : reports,
      table: () => lines.join('\n'),
      // The valid files, for `xargs`.
      names: () => reports.filter((report) => report.valid).map((report) => report.file),
    });
  return reports.every((report) => report.valid) ? ExitCode.Ok : ExitCode.Failure;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Registers `microstax validate`. */
export function register(program: Command): void {
  addOutputOptions(
    addBlueprintInputOptions(
      program
        .command('validate')
        .description('Check blueprints (with overlays) and report every problem as FILE:LINE:COL: message')
        .argument('<files...>', 'blueprint files'),
    ),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 valid, 1 invalid (problems on stderr), 2 usage error.\n' +
        'Example:\n  microstax validate checkout-dev.yaml --overlay team.yaml --context team=payments',
    )
    .action(async (files: string[], options: BlueprintInputOptions & OutputOptions) => {
      process.exitCode = await runValidate({
        files,
        overlays: options.overlay,
        context: options.context,
        format: outputFormat(options),
      });
    });
}
