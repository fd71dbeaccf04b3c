import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dashboard's folder, and what its build reads and writes. */
export const DASHBOARD_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DASHBOARD_OUT = path.join(DASHBOARD_ROOT, 'dist');
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json'];

/** Builds dashboard/dist with Vite (production mode): index.html and hashed assets under /ui/. */
export async function buildDashboard(log: (line: string) => void = () => {}): Promise<{ ms: number }> {
  const startedAt = Date.now();
  // Loaded here: only a build needs Vite (a devDependency; the compiled product never imports this).
  const { build } = await import('vite');
  log(`vite build -> ${path.relative(process.cwd(), DASHBOARD_OUT) || DASHBOARD_OUT}`);
  await build({ configFile: path.join(DASHBOARD_ROOT, 'vite.config.ts'), mode: 'production' });
  return { ms: Date.now() - startedAt };
}

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Whether dashboard/dist exists and is newer than every source it is built from. */
export async function dashboardIsFresh(): Promise<boolean> {
  const built = await stat(path.join(DASHBOARD_OUT, 'index.html')).catch(() => null);
  if (!built) return false;
  for (const input of INPUTS) {
    if ((await newestMtime(path.join(DASHBOARD_ROOT, input))) > built.mtimeMs) return false;
  }
  return true;
}

/** Builds the dashboard when its build is missing or older than its sources (tests' setup, the bench). */
export async function ensureDashboardBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (await dashboardIsFresh()) return;
  await buildDashboard(log);
}
