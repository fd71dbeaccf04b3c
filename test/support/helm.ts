import { execFile } from 'node:child_process';
import path from 'node:path';
import { ensureBinaries } from '../../local/stack/binaries.js';
import { REPO_ROOT, resolveStackConfig } from '../../local/stack/config.js';
import { lineProgress } from '../../local/stack/progress.js';

/** The MicroStax chart, as Helm reads it. */
export const CHART_DIR = path.join(REPO_ROOT, 'charts', 'microstax');

/** How long a cold build of Helm may take on 2 busy cores (`stack up` normally built it already). */
export const HELM_BUILD_TIMEOUT_MS = 30 * 60_000;

/**
 * The pinned Helm (local/stack/versions.ts), built from its Go module and cached like the stack's
 * binaries the first time a test needs it. A failed build throws: chart tests fail, never skip.
 */
export async function ensureHelm(): Promise<string> {
  const { binDir } = resolveStackConfig();
  const { helm } = await ensureBinaries({ binDir, names: ['helm'], progress: lineProgress() });
  return helm;
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with these arguments in the repository root; never throws on a non-zero exit. */
export function runHelm(helm: string, args: readonly string[]): Promise<HelmResult> {
  return new Promise((resolve, reject) => {
    execFile(
      helm,
      args,
      // No user-level Helm config or repositories: the chart needs none.
      {
        cwd: REPO_ROOT,
        maxBuffer: 32 * 1024 * 1024,
        env: {
          ...process.env,
          HELM_CONFIG_HOME: '/nonexistent',
          HELM_CACHE_HOME: '/nonexistent',
          HELM_DATA_HOME: '/nonexistent',
        },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
