import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveStackConfig } from '../../local/stack/config.js';
import { lineProgress } from '../../local/stack/progress.js';
import { ensurePythonTool } from '../../local/stack/python-tools.js';

/** One failed check, as Schemathesis's JUnit report names it. */
export interface FuzzFailure {
  operation: string;
  message: string;
}

export interface FuzzRun {
  /** Operations Schemathesis exercised (JUnit test cases). */
  operations: number;
  failures: FuzzFailure[];
  /** Schemathesis's own output, for the failure message. */
  output: string;
}

/**
 * Runs the pinned Schemathesis (installed from PyPI by `stack up`, or here the first time) against a
 * live API's OpenAPI document, with a fixed seed and a bounded number of cases per operation, and
 * returns what failed from its JUnit report.
 */
export async function runSchemathesis(options: {
  schemaUrl: string;
  headers: Record<string, string>;
  checks: readonly string[];
  seed: number;
  maxExamples: number;
  phases: readonly string[];
  /** Only operations whose path matches this regular expression. */
  includePathRegex?: string;
  /** Leave out operations whose path matches this regular expression. */
  excludePathRegex?: string;
  /** Fixed parameter values (`path.id` = an existing environment), so cases reach past the 404. */
  parameters?: Record<string, string>;
}): Promise<FuzzRun> {
  const st = await ensurePythonTool({
    cacheDir: resolveStackConfig().cacheDir,
    name: 'schemathesis',
    progress: lineProgress(),
  });
  const reportDir = await mkdtemp(path.join(tmpdir(), 'msx-fuzz-'));
  const junit = path.join(reportDir, 'junit.xml');
  const configFile = path.join(reportDir, 'schemathesis.toml');
  await writeFile(configFile, parametersToml(options.parameters ?? {}));
  const args = [
    '--config-file',
    configFile,
    'run',
    options.schemaUrl,
    ...Object.entries(options.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
    '--checks',
    options.checks.join(','),
    '--phases',
    options.phases.join(','),
    '--seed',
    String(options.seed),
    '--max-examples',
    String(options.maxExamples),
    ...(options.includePathRegex ? ['--include-path-regex', options.includePathRegex] : []),
    ...(options.excludePathRegex ? ['--exclude-path-regex', options.excludePathRegex] : []),
    '--workers',
    '1',
    '--generation-database',
    'none',
    '--no-shrink',
    '--no-color',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
  ];
  try {
    const output = await new Promise<string>((resolve, reject) => {
      // Exit code 1 means "checks failed": the report says which; anything else is a broken run.
      // Its working directory gets Schemathesis's crash cache: keep that out of the checkout.
      execFile(st, args, { cwd: reportDir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (code === 0 || code === 1) resolve(`${stdout}${stderr}`);
        else reject(new Error(`schemathesis exited ${String(code)}:\n${stdout}${stderr}`));
      });
    });
    return { ...parseJunit(await readFile(junit, 'utf8')), output };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** A `[parameters]` table; JSON strings are valid TOML basic strings. */
function parametersToml(parameters: Record<string, string>): string {
  const lines = Object.entries(parameters).map(
    ([key, value]) => `${JSON.stringify(key)} = ${JSON.stringify(value)}`,
  );
  return lines.length > 0 ? `[parameters]\n${lines.join('\n')}\n` : '';
}

function parseJunit(xml: string): Omit<FuzzRun, 'output'> {
  const cases = [...xml.matchAll(/<testcase\b[^>]*\bname="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
  const failures: FuzzFailure[] = [];
  for (const [, name, , body] of cases) {
    for (const [, message] of (body ?? '').matchAll(
      /<(?:failure|error)\b[^>]*?(?:message="([^"]*)")?[^>]*>/g,
    )) {
      failures.push({ operation: decode(name ?? ''), message: decode(message ?? '') });
    }
  }
  return { operations: cases.length, failures };
}

function decode(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
