import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveStackConfig, withPortOffset } from '../../../../local/stack/config.js';
import {
  checkOidcConfigCurrent,
  DASHBOARD_CLIENT_ID,
  dexConfig,
  testApiPorts,
} from '../../../../local/stack/oidc.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const redirectsOf = (yaml: string): string[] =>
  parse(yaml).staticClients.find((client: { id: string }) => client.id === DASHBOARD_CLIENT_ID).redirectURIs;

describe("Dex's config", () => {
  it("registers the API's callback and one per test API port, shifted with the stack", () => {
    const config = resolveStackConfig({ MICROSTAX_STATE_DIR: '/tmp/state' });
    expect(testApiPorts(config)).toEqual([18090, 18091, 18092, 18093]);
    expect(redirectsOf(dexConfig(config))).toEqual([
      'http://127.0.0.1:18080/v1/auth/callback',
      'http://localhost:18080/v1/auth/callback',
      'http://127.0.0.1:18090/v1/auth/callback',
      'http://127.0.0.1:18091/v1/auth/callback',
      'http://127.0.0.1:18092/v1/auth/callback',
      'http://127.0.0.1:18093/v1/auth/callback',
    ]);
    expect(redirectsOf(dexConfig(withPortOffset(config, 300)))).toContain(
      'http://127.0.0.1:18390/v1/auth/callback',
    );
  });

  it('is out of date (so `stack up` restarts Dex) when the file Dex started with differs', async () => {
    const stateDir = await mkdtemp(path.join(tmpdir(), 'msx-oidc-'));
    dirs.push(stateDir);
    const config = resolveStackConfig({ MICROSTAX_STATE_DIR: stateDir });
    const file = path.join(stateDir, 'oidc', 'dex.yaml');
    await mkdir(path.dirname(file), { recursive: true });
    await expect(checkOidcConfigCurrent(config)).rejects.toThrow(/older config/);
    await writeFile(file, dexConfig(config).replace(/^\s+- http:\/\/127\.0\.0\.1:18090.*$/m, ''));
    await expect(checkOidcConfigCurrent(config)).rejects.toThrow(file);
    await writeFile(file, dexConfig(config));
    await expect(checkOidcConfigCurrent(config)).resolves.toBeUndefined();
  });
});
