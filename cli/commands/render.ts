import type { Command } from 'commander';
import { stringify } from 'yaml';
import { renderBlueprintJson, resolveBlueprintFile } from '../../blueprints/resolve.js';
import { ExitCode } from '../exit-codes.js';
import {
  addOutputOptions,
  type OutputFormat,
  type OutputOptions,
  outputFormat,
  printResult,
} from '../output.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

/**
 * `microstax render FILE`: prints the resolved blueprint, its dependency graph and the provenance of
 * every value, as JSON (`--json`) or YAML. Secrets are masked unless `showSecrets`.
 */
export async function runRender(opts: {
  file: string;
  overlays: string[];
  context: Record<string, string>;
  format: OutputFormat;
  showSecrets: boolean;
}): Promise<number> {
  const result = await resolveBlueprintFile({
    file: opts.file,
    overlays: opts.overlays,
    context: opts.context,
  });
  if (!result.ok) {
    printProblems(result.problems);
    return ExitCode.Failure;
  }
  const document = renderBlueprintJson(result, { showSecrets: opts.showSecrets });
  // The resolved blueprint is a document: its table is its YAML, its name the blueprint's.
  const yaml = () => stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();
  await printResult(opts.format === 'yaml' ? 'table' : opts.format, {
    document,
    table: yaml,
    names: () => [result.blueprint.name],
  });
  return ExitCode.Ok;
}

/** Registers `microstax render`. */
export function register(program: Command): void {
  addOutputOptions(
    addBlueprintInputOptions(
      program
        .command('render')
        .description('Print the resolved blueprint with its dependency graph and where each value came from')
        .argument('<file>', 'blueprint file')
        .option('--show-secrets', 'print secret values in clear text (they are masked by default)', false),
    ),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 rendered, 1 invalid (problems on stderr), 2 usage error.\n' +
        'Example:\n  microstax render checkout-dev.yaml --overlay user.yaml --context user=alice --json',
    )
    .action(
      async (file: string, options: BlueprintInputOptions & OutputOptions & { showSecrets: boolean }) => {
        process.exitCode = await runRender({
          file,
          overlays: options.overlay,
          context: options.context,
          format: outputFormat(options),
          showSecrets: options.showSecrets,
        });
      },
    );
}
