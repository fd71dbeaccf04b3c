import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { useLocalStackSettings } from '../local/stack/process-settings.js';
import type { BenchSuite } from './suite.js';

/** Runs every suite in bench/suites (or those named on the command line) and writes JSON results. */
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const suitesDir = join(benchDir, 'suites');
const resultsDir = join(benchDir, 'results');

// Suites run product code, which takes explicit settings: the running local stack supplies them.
await useLocalStackSettings();
const wanted = new Set(process.argv.slice(2));
const files = (await readdir(suitesDir)).filter((f) => f.endsWith('.ts')).sort();
await mkdir(resultsDir, { recursive: true });

let failed = false;
const summary: Record<string, unknown> = {};
for (const file of files) {
  const suite = (await import(pathToFileURL(join(suitesDir, file)).href)).default as BenchSuite;
  if (wanted.size > 0 && !wanted.has(suite.name)) continue;
  process.stdout.write(`bench ${suite.name}: ${suite.description}\n`);
  const startedAt = new Date().toISOString();
  try {
    const result = await suite.run();
    const record = { suite: suite.name, description: suite.description, startedAt, ...result };
    await writeFile(join(resultsDir, `${suite.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
    summary[suite.name] = result.targets ?? result.metrics;
    for (const t of result.targets ?? []) {
      process.stdout.write(`  ${t.met ? 'met ' : 'MISS'} ${t.what}: ${t.measured} (target ${t.target})\n`);
    }
  } catch (error) {
    failed = true;
    summary[suite.name] = { error: String(error) };
    process.stderr.write(
      `  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}
await writeFile(join(resultsDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`results in ${resultsDir}\n`);
process.exitCode = failed ? 1 : 0;
