import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { distFreshness } from '../../build/build-dist.js';
import { DIST_DIR } from '../../build/dist-layout.js';
import { REPO_ROOT } from '../stack/config.js';
import { runBuildStep } from './build-step.js';
import type { StageContext, StagedFile } from './image-spec.js';
import type { ImageConfig, StepContext } from './oci-layout.js';

/**
 * The MicroStax image: this checkout's compiled code (dist/, `npm run build`) and its production
 * node_modules under /app, on Debian trixie with its nodejs (20) and PostgreSQL client tools. The same
 * image for Docker users is the repository's Dockerfile; test/unit/local/images/dockerfile.test.ts keeps
 * the two in line through the constants here.
 */

/** Where the app lives in the image (also its working directory). */
export const APP_DIR = '/app';

/** Debian trixie packages of the runtime: Node 20, pg_dump/pg_restore/psql for snapshots, CA roots. */
export const MICROSTAX_APT_PACKAGES = ['nodejs', 'postgresql-client', 'ca-certificates'] as const;

/** The only native target the image keeps (it is built for linux/amd64 on this machine's Debian). */
export const NATIVE_TARGET = {
  os: 'linux',
  cpu: 'x64',
  libc: 'glibc',
  rust: 'x86_64-unknown-linux-gnu',
} as const;

/** Entrypoint, user and environment of the image; the Dockerfile says the same. */
export const MICROSTAX_IMAGE_CONFIG: Required<
  Pick<ImageConfig, 'entrypoint' | 'cmd' | 'env' | 'user' | 'workingDir'>
> = {
  entrypoint: ['node', `${APP_DIR}/dist/bin/microstax.js`],
  cmd: ['--help'],
  // HOME: the user has no passwd entry, and os.homedir() throws without HOME; /tmp is the one
  // writable place when the root filesystem is read-only.
  env: ['NODE_ENV=production', 'HOME=/tmp'],
  // Numeric, so a pod with runAsNonRoot can check it (distroless's nonroot uid).
  user: '65532:65532',
  workingDir: APP_DIR,
};

/** package.json's version: the image's tag. */
export const MICROSTAX_VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * The files of the app layer: dist/ (built first when it is missing or older than the sources) and
 * the production node_modules, both under /app.
 */
export async function stageMicrostaxApp(context: StageContext): Promise<StagedFile[]> {
  await ensureFreshDist(context.step);
  const modules = await productionNodeModules(context);
  return [
    ...(await stageTree(path.join(REPO_ROOT, DIST_DIR), `${APP_DIR}/dist`)),
    ...(await stageTree(path.join(modules, 'node_modules'), `${APP_DIR}/node_modules`)),
  ];
}

/** Runs `npm run build` when dist/ is missing or older than a source. */
async function ensureFreshDist(step: StepContext): Promise<void> {
  const freshness = await distFreshness(REPO_ROOT);
  if (freshness.fresh) return;
  step.progress.info(`npm run build: ${freshness.reason}`);
  await runBuildStep({
    ...step,
    step: 'npm run build',
    command: 'npm',
    args: ['run', 'build'],
    cwd: REPO_ROOT,
    fix: 'fix the error in the log (npm run build shows it too)',
  });
}

/**
 * `npm ci --omit=dev` of this checkout's package.json and lock, in the stage cache (one install per
 * lock: a second image build reuses it), without install scripts and without other platforms'
 * native binaries.
 */
async function productionNodeModules(context: StageContext): Promise<string> {
  const manifest = await readFile(path.join(REPO_ROOT, 'package.json'));
  const lock = await readFile(path.join(REPO_ROOT, 'package-lock.json'));
  const key = createHash('sha256').update(manifest).update(lock).update(JSON.stringify(NATIVE_TARGET));
  const name = `microstax-node-modules-${key.digest('hex').slice(0, 16)}`;
  const dir = path.join(context.cacheDir, name);
  const complete = path.join(dir, '.complete');
  if (await exists(complete)) return dir;

  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), manifest);
  await writeFile(path.join(dir, 'package-lock.json'), lock);
  await runBuildStep({
    ...context.step,
    step: 'npm ci --omit=dev',
    command: 'npm',
    args: ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
    cwd: dir,
    fix: 'check that npm ci works in the checkout (the lock must list every optional package)',
  });
  await pruneOtherPlatforms(path.join(dir, 'node_modules'));
  await writeFile(complete, '');
  // Installs of older locks are not needed any more.
  for (const entry of await readdir(context.cacheDir)) {
    if (entry.startsWith('microstax-node-modules-') && entry !== name) {
      await rm(path.join(context.cacheDir, entry), { recursive: true, force: true });
    }
  }
  return dir;
}

/**
 * Removes native binaries of other platforms: Temporal's core bridge ships one per target in a single
 * package; packages whose os, cpu or libc leave out the image's target go whole.
 */
export async function pruneOtherPlatforms(nodeModules: string): Promise<string[]> {
  const removed: string[] = [];
  const releases = path.join(nodeModules, '@temporalio/core-bridge/releases');
  for (const target of await readdir(releases).catch(() => [] as string[])) {
    if (target === NATIVE_TARGET.rust) continue;
    await rm(path.join(releases, target), { recursive: true, force: true });
    removed.push(`@temporalio/core-bridge/releases/${target}`);
  }
  for (const pkg of await packageDirs(nodeModules)) {
    const manifest = JSON.parse(await readFile(path.join(nodeModules, pkg, 'package.json'), 'utf8')) as {
      os?: string[];
      cpu?: string[];
      libc?: string[];
    };
    if (!fitsTarget(manifest)) {
      await rm(path.join(nodeModules, pkg), { recursive: true, force: true });
      removed.push(pkg);
    }
  }
  return removed;
}

/** Whether a package's `os`, `cpu` and `libc` fields (npm's, `!` negates) admit the image's target. */
export function fitsTarget(manifest: { os?: string[]; cpu?: string[]; libc?: string[] }): boolean {
  const admits = (values: string[] | undefined, value: string) => {
    if (!values || values.length === 0) return true;
    if (values.includes(`!${value}`)) return false;
    const positive = values.filter((entry) => !entry.startsWith('!'));
    return positive.length === 0 || positive.includes(value);
  };
  return (
    admits(manifest.os, NATIVE_TARGET.os) &&
    admits(manifest.cpu, NATIVE_TARGET.cpu) &&
    admits(manifest.libc, NATIVE_TARGET.libc)
  );
}

/** Top-level package directories: `name` and `@scope/name`. */
async function packageDirs(nodeModules: string): Promise<string[]> {
  const dirs: string[] = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (!entry.name.startsWith('@')) {
      dirs.push(entry.name);
      continue;
    }
    for (const scoped of await readdir(path.join(nodeModules, entry.name), { withFileTypes: true })) {
      if (scoped.isDirectory()) dirs.push(`${entry.name}/${scoped.name}`);
    }
  }
  return dirs;
}

/**
 * Every regular file under `source`, staged at `target` with mode 0755 or 0644 (executable or not,
 * so the umask of the machine does not change the cache key). node_modules/.bin's links are left
 * out (nothing runs them in the image); any other symlink is refused rather than silently dropped.
 */
async function stageTree(source: string, target: string): Promise<StagedFile[]> {
  const files: StagedFile[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(source, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.bin') await walk(child);
      } else if (entry.isFile()) {
        const file = path.join(source, child);
        const { mode } = await lstat(file);
        files.push({
          path: path.posix.join(target, child),
          content: await readFile(file),
          mode: mode & 0o111 ? 0o755 : 0o644,
        });
      } else {
        throw new Error(
          `${path.join(source, child)}: not a file or directory; the image takes neither links nor devices`,
        );
      }
    }
  };
  await walk('');
  return files;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
