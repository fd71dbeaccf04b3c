import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { distFreshness as checkFreshness, type DistFreshness } from '../bin/dist-freshness.js';
import { buildDashboard } from '../dashboard/scripts/build-dashboard.js';
import { bundleLifecycleWorkflows, PREBUILT_WORKFLOW_BUNDLE } from '../temporal/worker.js';
import {
  BUILD_INPUTS,
  BUILD_STAMP,
  BUILD_TSCONFIG,
  COMPILED_LAUNCHER,
  COMPILED_LAUNCHER_PATH,
  DIST_DIR,
  distPackageJson,
  RUNTIME_ASSETS,
} from './dist-layout.js';

/**
 * `npm run build`: compiles the product and CLI into dist/ with tsc, copies the files they read at run
 * time, writes the compiled launcher and dist/package.json, and prebuilds the Temporal workflow bundle,
 * so `node dist/bin/microstax.js` runs without tsx and its worker starts without webpack.
 */

export interface BuildResult {
  distDir: string;
  /** Wall time of each step, in ms. */
  timings: { tsc: number; dashboard: number; assets: number; workflowBundle: number; total: number };
  files: number;
  bytes: number;
}

/** Builds dist/ from scratch under `root` (a file of a deleted source never lingers there). */
export async function buildDist(options: {
  root: string;
  log: (line: string) => void;
}): Promise<BuildResult> {
  const { root, log } = options;
  const startedAt = Date.now();
  const dist = path.join(root, DIST_DIR);
  await rm(dist, { recursive: true, force: true });

  log(`tsc -p ${BUILD_TSCONFIG}`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await runNode({ args: [tsc, '-p', BUILD_TSCONFIG], cwd: root });
  const tscDone = Date.now();

  // Before the assets: dashboard/dist is one of them.
  await buildDashboard(log);
  const dashboardDone = Date.now();

  for (const asset of RUNTIME_ASSETS) {
    await cp(path.join(root, asset.path), path.join(dist, asset.path), { recursive: true });
  }
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  await writeFile(path.join(dist, 'package.json'), `${JSON.stringify(distPackageJson(manifest), null, 2)}\n`);
  const launcher = path.join(dist, COMPILED_LAUNCHER_PATH);
  await mkdir(path.dirname(launcher), { recursive: true });
  await writeFile(launcher, COMPILED_LAUNCHER);
  await chmod(launcher, 0o755);
  const assetsDone = Date.now();

  log(`workflow bundle -> ${DIST_DIR}/${PREBUILT_WORKFLOW_BUNDLE}`);
  const bundle = await bundleLifecycleWorkflows();
  await writeFile(path.join(dist, PREBUILT_WORKFLOW_BUNDLE), bundle.code);
  const bundleDone = Date.now();

  // The stamp lists the inputs, so the launcher checks freshness without reading the TypeScript here.
  await writeFile(path.join(dist, BUILD_STAMP), `${JSON.stringify({ inputs: await buildInputs(root) })}\n`);
  const { files, bytes } = await treeSize(dist);
  return {
    distDir: dist,
    timings: {
      tsc: tscDone - startedAt,
      dashboard: dashboardDone - tscDone,
      assets: assetsDone - dashboardDone,
      workflowBundle: bundleDone - assetsDone,
      total: Date.now() - startedAt,
    },
    files,
    bytes,
  };
}

export type { DistFreshness };

/**
 * Whether dist/ is complete and newer than every build input: the directories tsconfig.build.json
 * compiles (but their Markdown), the runtime assets, package.json, the lock file, the tsconfigs and
 * build/ itself. The launcher (bin/microstax.js) asks the same question with the list in the stamp.
 */
export async function distFreshness(root: string): Promise<DistFreshness> {
  return checkFreshness({ root, distDir: DIST_DIR, stamp: BUILD_STAMP, inputs: await buildInputs(root) });
}

/** Paths (relative to `root`) whose change makes dist/ stale. */
export async function buildInputs(root: string): Promise<string[]> {
  const tsconfig = JSON.parse(await readFile(path.join(root, BUILD_TSCONFIG), 'utf8')) as {
    include: string[];
  };
  return [...tsconfig.include, ...RUNTIME_ASSETS.map((asset) => asset.path), ...BUILD_INPUTS];
}

async function treeSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

function runNode(options: { args: string[]; cwd: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, options.args, { cwd: options.cwd, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`node ${options.args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
