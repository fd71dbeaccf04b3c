/**
 * What `npm run build` puts in dist/ (pure: names and contents, no I/O). dist/ mirrors the source
 * tree, so a module finds the files it reads at run time at the same relative path as in the sources.
 */

/** The output directory, at the repository root. */
export const DIST_DIR = 'dist';

/** The TypeScript project that emits dist/ (tsconfig.json with emit on, without tests and benchmarks). */
export const BUILD_TSCONFIG = 'tsconfig.build.json';

/** Written last, so a dist/ without it is an interrupted build; its time is the build's time. */
export const BUILD_STAMP = '.build-complete';

/** Files the compiled code reads at run time next to its modules, copied to the same place in dist/. */
export const RUNTIME_ASSETS: readonly { path: string; why: string }[] = [
  {
    path: 'store/migrations',
    why: 'node-pg-migrate reads the SQL migrations from the directory (store/migrate)',
  },
  {
    path: 'bin/dist-freshness.js',
    why: 'plain JavaScript tsc does not emit: build/build-dist (which `stack images` imports) checks freshness with it',
  },
  {
    path: 'dashboard/dist',
    why: 'the web dashboard the API serves under /ui/ (api/plugins/dashboard.ts), built by Vite first',
  },
  {
    path: 'local/stack/node-pools.yaml',
    why: "`microstax plan --placement`'s default --pools (and the local stack's simulated nodes)",
  },
];

/** Files besides the compiled sources and the assets whose change makes dist/ stale. */
export const BUILD_INPUTS: readonly string[] = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  BUILD_TSCONFIG,
  'build',
  'dashboard/src',
  'dashboard/index.html',
  'dashboard/vite.config.ts',
];

/** dist/bin/microstax.js: the compiled CLI with plain node (the source tree's bin/ goes through tsx). */
export const COMPILED_LAUNCHER = `#!/usr/bin/env node
// The compiled CLI's launcher, written by \`npm run build\`: plain Node, no tsx.
import { main } from '../cli/main.js';

process.exitCode = await main(process.argv);
`;

/** The launcher's path inside dist/ (the compiled package's `bin`). */
export const COMPILED_LAUNCHER_PATH = 'bin/microstax.js';

/**
 * dist/package.json: makes the compiled `.js` files ES modules wherever dist/ is copied to, gives the
 * compiled package its `bin`, and carries the version the CLI prints (cli/main.ts reads
 * `../package.json`, which is this file beside the compiled code).
 */
export function distPackageJson(manifest: { name: string; version: string; engines?: unknown }): object {
  return {
    name: manifest.name,
    version: manifest.version,
    private: true,
    type: 'module',
    ...(manifest.engines ? { engines: manifest.engines } : {}),
    bin: { microstax: COMPILED_LAUNCHER_PATH },
  };
}
