import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StackError } from './errors.js';
import type { Progress } from './progress.js';

const run = promisify(execFile);
const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const BIG_OUTPUT = 64 * 1024 * 1024;

/** The named packages that dpkg does not list as installed. */
export async function missingDebianPackages(packages: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const name of packages) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
    const status = await run('dpkg-query', ['-W', '-f=${Status}', name]).then(
      ({ stdout }) => stdout,
      () => '',
    );
    if (!status.endsWith('installed')) missing.push(name);
  }
  return missing;
}

/**
 * Installs Debian packages the stack needs and the machine lacks (one `apt-get install` for all of
 * them; `apt-get update` first, since a fresh machine's lists may be empty). Idempotent and quick
 * when everything is there. Throws a StackError naming the part and the command to run by hand.
 */
export async function ensureDebianPackages(options: {
  part: string;
  packages: readonly string[];
  progress: Progress;
}): Promise<void> {
  const missing = await missingDebianPackages(options.packages);
  if (missing.length === 0) return;
  options.progress.step(`installing Debian packages for ${options.part}: ${missing.join(' ')}`);
  try {
    await run('apt-get', ['update'], { env: APT_ENV, maxBuffer: BIG_OUTPUT });
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
      env: APT_ENV,
      maxBuffer: BIG_OUTPUT,
    });
  } catch (error) {
    throw new StackError(
      'part-failed',
      `Installing ${missing.join(' ')} with apt-get failed: ${String(error)}`,
      {
        part: options.part,
        fix: `run \`apt-get install ${missing.join(' ')}\` as root`,
      },
    );
  }
}
