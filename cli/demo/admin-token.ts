import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { issueApiToken } from '../commands/api.js';

/** The demo's admin user and team, made once and kept. */
export const DEMO_USER = 'demo';
export const DEMO_TEAM = 'demo';
/** The token lives in the stack's state dir, readable by its owner only; it is never printed. */
export const DEMO_TOKEN_FILE_NAME = 'demo-token';

export function demoTokenFile(stateDir: string): string {
  return path.join(stateDir, DEMO_TOKEN_FILE_NAME);
}

/**
 * The demo's admin token: read from `<stateDir>/demo-token`, or issued (user `demo`, admin of team
 * `demo`) and written there with mode 0600 when missing or when `renew` (e.g. the database was reset
 * and the API rejects the old one).
 */
export async function demoAdminToken(params: { stateDir: string; renew?: boolean }): Promise<string> {
  const file = demoTokenFile(params.stateDir);
  if (!params.renew) {
    const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
    if (existing) return existing;
  }
  const issued = await issueApiToken({
    user: DEMO_USER,
    team: DEMO_TEAM,
    role: 'admin',
    description: 'microstax demo',
    expiresAt: null,
  });
  if ('error' in issued) throw new Error(issued.error);
  await writeFile(file, `${issued.secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return issued.secret;
}
