import { type Command, InvalidArgumentError, Option } from 'commander';

/** What `-o` accepts, as kubectl does: documents for scripts, a table (or a wider one) for people, ids. */
export const OUTPUT_FORMATS = ['json', 'yaml', 'table', 'wide', 'name'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Options of a command that prints data. `--json` is kept as the short form of `-o json`. */
export interface OutputOptions {
  output: OutputFormat;
  json?: boolean;
}

/** Parses `-o`'s value: a usage error (exit 2) that lists the allowed values. */
export function parseOutputFormat(value: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new InvalidArgumentError(`allowed values: ${OUTPUT_FORMATS.join(', ')}`);
}

/** Adds `-o, --output <format>` and `--json` to a command that prints data. */
export function addOutputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-o, --output <format>', `output format: ${OUTPUT_FORMATS.join('|')}`)
        .argParser(parseOutputFormat)
        .default('table'),
    )
    .option('--json', 'same as -o json', false);
}

/** The format the options ask for (`--json` wins, as it always has). */
export function outputFormat(options: Partial<OutputOptions>): OutputFormat {
  return options.json ? 'json' : (options.output ?? 'table');
}

/** Whether the format is a document for scripts (stdout then holds only that document). */
export function isDocument(format: OutputFormat): boolean {
  return format === 'json' || format === 'yaml';
}

/** How one result prints in each format. */
export interface Printable {
  /** The JSON / YAML document. */
  document: unknown;
  /** The human-readable lines. */
  table: () => string;
  /** More columns; the table when omitted. */
  wide?: () => string;
  /** One id per line, for `xargs`. */
  names: () => string[];
}

/** Writes the result to stdout in the format asked for. */
export async function printResult(format: OutputFormat, result: Printable): Promise<void> {
  process.stdout.write(`${await formatResult(format, result)}\n`);
}

/** The text of a result in a format (without the final newline). */
export async function formatResult(format: OutputFormat, result: Printable): Promise<string> {
  switch (format) {
    case 'json':
      return JSON.stringify(result.document, null, 2);
    case 'yaml': {
      // Loaded on demand: most runs never print YAML.
      const { stringify } = await import('yaml');
      return stringify(result.document).trimEnd();
    }
    case 'wide':
      return (result.wide ?? result.table)();
    case 'name':
      return result.names().join('\n');
    default:
      return result.table();
  }
}

/** The output format of a command line, read before or without commander (for errors main reports). */
export function outputFormatOfArgs(args: readonly string[]): OutputFormat {
  let format: OutputFormat = 'table';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg === '--json') return 'json';
    const value =
      arg === '-o' || arg === '--output'
        ? args[i + 1]
        : arg.startsWith('--output=')
          ? arg.slice(9)
          : arg.startsWith('-o') && arg.length > 2
            ? arg.slice(2).replace(/^=/, '')
            : undefined;
    if (value && (OUTPUT_FORMATS as readonly string[]).includes(value)) format = value as OutputFormat;
  }
  return format;
}
