#!/usr/bin/env node
// Launcher: the compiled CLI in dist/ when it is built and newer than the sources (plain Node, starts
// in a tenth of a second); otherwise, in a source checkout, the TypeScript through tsx, so an edit
// never runs stale code and there is no build step to forget.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distFreshness } from './dist-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const checkout = existsSync(`${root}cli/main.ts`);
let cli;
if (!checkout || distFreshness({ root }).fresh) {
  cli = await import('../dist/cli/main.js').catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || checkout) throw error;
    process.stderr.write(`microstax: the compiled CLI is missing from ${root}dist/ (run npm run build)\n`);
    process.exit(1);
  });
} else {
  (await import('tsx/esm/api')).register();
  cli = await import('../cli/main.ts');
}
process.exitCode = await cli.main(process.argv);
