import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { distFreshness } from '../../../build/build-dist.js';
import {
  BUILD_STAMP,
  BUILD_TSCONFIG,
  COMPILED_LAUNCHER,
  DIST_DIR,
  distPackageJson,
  RUNTIME_ASSETS,
} from '../../../build/dist-layout.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = async (file: string) => JSON.parse(await readFile(path.join(root, file), 'utf8'));

describe('dist/ layout', () => {
  it('compiles every source folder of tsconfig.json but the tests, benchmarks and the build itself', async () => {
    const base = await readJson('tsconfig.json');
    const build = await readJson(BUILD_TSCONFIG);
    expect(build.extends).toBe('./tsconfig.json');
    expect(build.compilerOptions).toMatchObject({ noEmit: false, rootDir: '.', outDir: DIST_DIR });
    expect(build.exclude).toEqual(expect.arrayContaining(['test', 'bench', DIST_DIR]));
    // The dashboard's Node scripts build it; Vite compiles its browser code.
    const notCompiled = ['test', 'bench', 'build', 'dashboard/scripts', 'dashboard/vite.config.ts', '*.ts'];
    expect([...build.include].sort()).toEqual(
      base.include.filter((entry: string) => !notCompiled.includes(entry)).sort(),
    );
    expect(base.compilerOptions.noEmit).toBe(true);
  });

  it('copies runtime assets that exist in the sources', () => {
    for (const asset of RUNTIME_ASSETS)
      expect(existsSync(path.join(root, asset.path)), asset.path).toBe(true);
    expect(RUNTIME_ASSETS.map((asset) => asset.path)).toContain('store/migrations');
  });

  it('launches the compiled CLI with plain node', () => {
    expect(COMPILED_LAUNCHER.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(COMPILED_LAUNCHER).toContain("import { main } from '../cli/main.js';");
    expect(COMPILED_LAUNCHER).not.toMatch(/from 'tsx|register\(|\.ts'/);
  });

  it("writes a package.json that makes dist/ ES modules with the repository's version and the bin", async () => {
    const manifest = await readJson('package.json');
    expect(distPackageJson(manifest)).toEqual({
      name: 'microstax',
      version: manifest.version,
      private: true,
      type: 'module',
      engines: manifest.engines,
      bin: { microstax: 'bin/microstax.js' },
    });
  });
});

describe('distFreshness', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

  async function tree(): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-dist-'));
    await writeFile(path.join(dir, BUILD_TSCONFIG), JSON.stringify({ include: ['cli', 'store'] }));
    await mkdir(path.join(dir, 'cli/commands'), { recursive: true });
    await mkdir(path.join(dir, 'store/migrations'), { recursive: true });
    for (const file of [BUILD_TSCONFIG, 'cli/commands/worker.ts', 'store/migrations/0001_initial.sql']) {
      await writeFile(path.join(dir, file), '', { flag: 'a' });
      await utimes(path.join(dir, file), at(0), at(0));
    }
    return dir;
  }

  it('is stale without a finished build', async () => {
    const root = await tree();
    expect(await distFreshness(root)).toEqual({
      fresh: false,
      reason: 'dist/ has not been built (or its build did not finish)',
    });
  });

  it('is fresh when the build is newer than every input, stale naming the first newer one', async () => {
    const root = await tree();
    await mkdir(path.join(root, DIST_DIR));
    await writeFile(path.join(root, DIST_DIR, BUILD_STAMP), '');
    await utimes(path.join(root, DIST_DIR, BUILD_STAMP), at(10), at(10));
    expect(await distFreshness(root)).toEqual({ fresh: true });

    await writeFile(path.join(root, 'cli/README.md'), 'docs change nothing in dist/');
    expect(await distFreshness(root)).toEqual({ fresh: true });

    await utimes(path.join(root, 'store/migrations/0001_initial.sql'), at(20), at(20));
    expect(await distFreshness(root)).toEqual({
      fresh: false,
      reason: 'store/migrations/0001_initial.sql changed after the last build',
    });
  });
});

describe('what dist/ imports', () => {
  /** Static imports and re-exports of packages (not `import type`, not relative, not `node:`). */
  const PACKAGE_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?'([^'.][^']*)'/gm;
  const packageName = (specifier: string) =>
    specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

  it('statically imports only production dependencies (npm ci --omit=dev installs no others)', async () => {
    const manifest = await readJson('package.json');
    const build = await readJson(BUILD_TSCONFIG);
    const excluded = (file: string) =>
      build.exclude.some((entry: string) => file === entry || file.startsWith(`${entry}/`));
    const offenders: string[] = [];
    for (const dir of build.include as string[]) {
      for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
        const file = path.relative(root, path.join(entry.parentPath, entry.name));
        if (!entry.isFile() || !file.endsWith('.ts') || excluded(file)) continue;
        const source = await readFile(path.join(root, file), 'utf8');
        for (const [, specifier] of source.matchAll(PACKAGE_IMPORT)) {
          if (specifier!.startsWith('node:')) continue;
          if (!(packageName(specifier!) in manifest.dependencies)) offenders.push(`${file}: ${specifier}`);
        }
      }
    }
    expect(offenders, 'import it with await import() where only development needs it').toEqual([]);
  });
});
