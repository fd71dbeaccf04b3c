import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../api/harness.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';

const exec = promisify(execFile);
const EXAMPLE = path.resolve('blueprints/examples/checkout-dev/checkout-dev.yaml');
/** Every top-level command a user runs (its --help loads its module: a missing file would show). */
const COMMANDS = [
  'api',
  'token',
  'db',
  'env',
  'blueprint',
  'validate',
  'render',
  'plan',
  'stack',
  'demo',
  'deploy',
  'worker',
  'gateway',
];

/**
 * The package as a user gets it: `npm pack` (which builds dist/), then `npm install -g` of the tarball
 * into an empty prefix, and the installed `microstax` run from outside the repository, with no tsx
 * and no sources. Slow (a build and an install of the dependencies), so it is one file.
 */
describe('the npm package installs into an empty prefix and runs every command', () => {
  let dir: string;
  let tarball: string;
  let bin: string;
  let api: TestApi;
  let apiUrl: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-package-'));
    const { stdout } = await exec('npm', ['pack', '--silent', '--pack-destination', dir], {
      maxBuffer: 16 * 1024 * 1024,
    });
    tarball = path.join(dir, stdout.trim().split('\n').at(-1)!);
    const prefix = path.join(dir, 'prefix');
    await exec(
      'npm',
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    bin = path.join(prefix, 'bin', 'microstax');
    api = await startTestApi('package');
    apiUrl = await api.app.listen({ host: '127.0.0.1', port: 0 });
    database = await createTestDatabase('package-token');
  }, 900_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The installed CLI, run from the temporary directory (not the repository) with a clean environment. */
  const microstax = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await exec(bin, args, {
        cwd: dir,
        env: { PATH: process.env.PATH!, HOME: dir, MICROSTAX_CONFIG: '/nonexistent', ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('packs compiled JavaScript and the Kubernetes client with its undici 7, without TypeScript sources', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
    const files = stdout.split('\n').filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        'package/bin/microstax.js',
        'package/dist/cli/main.js',
        'package/dist/workflow-bundle.js',
        // Bundled: the root's undici override does not reach an installed package (undici 8 needs Node 22).
        'package/node_modules/@kubernetes/client-node/package.json',
        'package/node_modules/undici/package.json',
      ]),
    );
    const { stdout: undici } = await exec('tar', [
      '-xzOf',
      tarball,
      'package/node_modules/undici/package.json',
    ]);
    expect((JSON.parse(undici) as { version: string }).version).toMatch(/^7\./);
    const ours = files.filter((file) => !file.startsWith('package/node_modules/'));
    expect(ours.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('package/cli/'))).toEqual([]);
  });

  it('prints its version and help, and every command its help', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect((await microstax(['--version'])).stdout.trim()).toBe(version);
    const help = await microstax(['--help']);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    for (const command of COMMANDS) {
      const result = await microstax([command, '--help']);
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 0, stderr: '' });
    }
  });

  it('validates, renders and plans manifests for a blueprint locally', async () => {
    expect((await microstax(['validate', EXAMPLE])).code).toBe(0);
    const rendered = await microstax(['render', EXAMPLE, '--json']);
    expect(JSON.parse(rendered.stdout)).toMatchObject({ blueprint: { name: 'checkout-dev' } });
    const manifests = await microstax(['deploy', 'manifests', EXAMPLE, '--env', 'pkg', '--json']);
    expect(manifests.code).toBe(0);
    expect(JSON.parse(manifests.stdout).length).toBeGreaterThan(0);
  });

  it('talks to the API: env list in every format, and the one error document for a bad token', async () => {
    const env = { MICROSTAX_URL: apiUrl, MICROSTAX_TOKEN: api.tokens.member };
    const listed = await microstax(['env', 'list', '-o', 'json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ ok: true, items: [] });
    expect((await microstax(['env', 'list', '-o', 'yaml'], env)).stdout).toContain('items: []');
    const refused = await microstax(['env', 'list', '-o', 'json'], { ...env, MICROSTAX_TOKEN: 'msx_bad' });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { type: 'api', status: 401 } });
  });

  it('never migrates a database from a token command; db migrate does, then token create works', async () => {
    const env = { DATABASE_URL: database.url };
    const refused = await microstax(['token', 'create', '--user', 'ada', '--team', 'payments'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not migrated');
    expect(refused.stderr).toContain('microstax db migrate');

    const migrated = await microstax(['db', 'migrate', '-o', 'json'], env);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout).applied.length).toBeGreaterThan(0);
    expect(JSON.parse((await microstax(['db', 'migrate', '-o', 'json'], env)).stdout).applied).toEqual([]);

    const token = await microstax(['token', 'create', '--user', 'ada', '--team', 'payments'], env);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^msx_/);
    const listed = await microstax(['token', 'list', '--user', 'ada', '-o', 'name'], env);
    expect(listed.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
