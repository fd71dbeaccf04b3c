import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';

/** The launcher of this platform: `$BROWSER` when set (as gh and git do), else xdg-open or open. */
function launcher(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BROWSER) return env.BROWSER;
  if (process.platform === 'darwin') return 'open';
  if (process.platform === 'win32') return undefined;
  return 'xdg-open';
}

/** The launcher's full path when it is on PATH (or is a path that is executable). */
async function findExecutable(command: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const candidates = command.includes('/')
    ? [command]
    : (env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir || '.', command));
  for (const candidate of candidates) {
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

/**
 * Opens a URL in the user's browser, detached so the CLI exits at once. Resolves whether a browser
 * launcher was started; a machine without one (a CI runner, an SSH session) is not a failure.
 */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const command = launcher(env);
  const executable = command && (await findExecutable(command, env));
  if (!executable) return false;
  return new Promise((resolve) => {
    const child = spawn(executable, [url], { detached: true, stdio: 'ignore', env });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
