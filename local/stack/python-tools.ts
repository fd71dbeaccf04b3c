import { spawn } from 'node:child_process';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StackError } from './errors.js';
import type { Progress } from './progress.js';
import { VERSIONS } from './versions.js';

/**
 * Tools published on PyPI, each installed at its pinned version into its own virtualenv under
 * `<cacheDir>/python/<name>-<version>` the first time it is needed. A marker file written last makes a
 * half-finished install count as missing; a lock makes two concurrent callers install once.
 */
export const PYTHON_TOOLS = {
  schemathesis: { pypiPackage: 'schemathesis', version: VERSIONS.schemathesis, command: 'st' },
} as const;

export type PythonToolName = keyof typeof PYTHON_TOOLS;

const INSTALLED_MARKER = '.installed';

/** The virtualenv directory of a tool at its pinned version. */
export function pythonToolDir(cacheDir: string, name: PythonToolName): string {
  return path.join(cacheDir, 'python', `${name}-${PYTHON_TOOLS[name].version}`);
}

/** Returns the path of the tool's command, installing it (once, under a lock) when not cached yet. */
export async function ensurePythonTool(options: {
  cacheDir: string;
  name: PythonToolName;
  progress: Progress;
}): Promise<string> {
  const { cacheDir, name, progress } = options;
  const dir = pythonToolDir(cacheDir, name);
  const command = path.join(dir, 'bin', PYTHON_TOOLS[name].command);
  if (await exists(path.join(dir, INSTALLED_MARKER))) return command;

  await mkdir(path.dirname(dir), { recursive: true });
  const lockTarget = `${dir}.install`;
  await writeFile(lockTarget, '', { flag: 'a' });
  const release = await lockfile.lock(lockTarget, {
    stale: 60_000,
    update: 10_000,
    retries: { retries: 120, minTimeout: 5_000, maxTimeout: 5_000 },
    onCompromised: () => {},
  });
  try {
    if (await exists(path.join(dir, INSTALLED_MARKER))) return command;
    await install({ dir, name, progress });
    return command;
  } finally {
    await release();
  }
}

async function install(options: { dir: string; name: PythonToolName; progress: Progress }): Promise<void> {
  const { dir, name, progress } = options;
  const { pypiPackage, version } = PYTHON_TOOLS[name];
  const started = Date.now();
  progress.step(`installing ${pypiPackage} ${version} from PyPI into ${dir}; first time only`);
  await rm(dir, { recursive: true, force: true });
  try {
    await run('python3', ['-m', 'venv', dir]);
    await run(path.join(dir, 'bin', 'pip'), [
      'install',
      '--no-input',
      '--disable-pip-version-check',
      '--quiet',
      `${pypiPackage}==${version}`,
    ]);
    await writeFile(path.join(dir, INSTALLED_MARKER), `${pypiPackage}==${version}\n`);
  } catch (error) {
    throw new StackError(
      'build-failed',
      `Installing ${pypiPackage} ${version} from PyPI failed: ${error instanceof Error ? error.message : error}`,
      { part: name, fix: 'check python3 (with venv) and access to the PyPI registry, then rerun' },
      { cause: error },
    );
  }
  progress.done(`installed ${pypiPackage} ${version}`, started);
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + String(chunk)).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
