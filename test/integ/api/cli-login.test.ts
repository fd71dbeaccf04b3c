import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { TEST_USER_PASSWORD } from '../../../local/stack/oidc.js';
import { stackEnv } from '../../support/stack-env.js';
import { startTestApi, type TestApi } from './harness.js';
import { confirmDeviceCode, dexIdToken } from './support/dex-login.js';

const run = promisify(execFile);

/**
 * `microstax login`, `whoami` and `token create|list|revoke` as real processes against the real API
 * and the stack's Dex. The ID token comes from Dex by a password grant (what the device flow ends
 * with), handed over with --id-token-env.
 */
describe('microstax login (CLI over the API and Dex)', () => {
  let api: TestApi;
  let url: string;
  let issuer: string;
  let dir: string;

  beforeAll(async () => {
    const { oidc } = await readStackEndpoints(await stackEnv());
    if (!oidc) throw new Error('the local stack runs no OIDC provider: run `node bin/microstax.js stack up`');
    issuer = oidc.issuer;
    api = await startTestApi('cli-login', {
      config: { oidcIssuer: oidc.issuer, oidcClientSecretFile: oidc.clientSecretFile },
    });
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    dir = await mkdtemp(path.join(tmpdir(), 'msx-login-'));
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cli = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/microstax.js', ...args], {
        env: { ...process.env, MICROSTAX_CONFIG: path.join(dir, 'config.json'), ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('signs in, stores a private context, and manages tokens through the API', async () => {
    const login = await cli(
      ['login', '--url', url, '--context', 'local', '--id-token-env', 'ID_TOKEN', '--json'],
      {
        ID_TOKEN: await dexIdToken(issuer, 'alice@example.com'),
      },
    );
    expect(login.code, login.stderr).toBe(0);
    expect(JSON.parse(login.stdout)).toMatchObject({
      ok: true,
      context: 'local',
      user: 'alice@example.com',
      team: 'team-a',
    });
    expect((await stat(path.join(dir, 'config.json'))).mode & 0o077).toBe(0);
    const contexts = JSON.parse((await cli(['context', 'list', '--json'])).stdout);
    expect(contexts).toMatchObject({ current: 'local', items: [{ name: 'local', token: 'stored' }] });

    const whoami = await cli(['whoami', '--json']);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ user: { name: 'alice@example.com' }, team: 'team-a' });

    const created = await cli(['token', 'create', '--description', 'ci', '--expires-in', '7d', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { id, token } = JSON.parse(created.stdout) as { id: string; token: string };
    expect(token).toMatch(/^msx_/);
    const listed = await cli(['token', 'list', '-o', 'name']);
    expect(listed.stdout.split('\n')).toContain(id);
    const revoked = await cli(['token', 'revoke', id, '--json']);
    expect(JSON.parse(revoked.stdout)).toMatchObject({
      ok: true,
      revoked: true,
      token: { state: 'revoked' },
    });
    const withRevoked = await cli(['whoami', '--json'], { MICROSTAX_TOKEN: token });
    expect(withRevoked.code).toBe(1);
    expect(withRevoked.stdout + withRevoked.stderr).toMatch(/revoked/);
    // A member acting for someone else is refused.
    const forOther = await cli(['token', 'list', '--for', 'bob@example.com', '--json']);
    expect(forOther.code).toBe(1);
    expect(forOther.stdout + forOther.stderr).toMatch(/only admins/);
  }, 60_000);

  it('signs in by the device flow: the code confirmed in Dex the way a browser would', async () => {
    const child = spawn(
      process.execPath,
      ['bin/microstax.js', 'login', '--url', url, '--context', 'device', '--json'],
      {
        env: { ...process.env, MICROSTAX_CONFIG: path.join(dir, 'config.json') },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const verificationUrl = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
        const match = /open (\S+) and confirm the code/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`login exited before printing a URL: ${stderr}`)));
    });
    await confirmDeviceCode({ verificationUrl, login: 'bob@example.com', password: TEST_USER_PASSWORD });
    expect(await exited, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      context: 'device',
      user: 'bob@example.com',
      team: 'team-b',
    });
    const whoami = await cli(['whoami', '--json'], { MICROSTAX_CONTEXT: 'device' });
    expect(JSON.parse(whoami.stdout)).toMatchObject({ team: 'team-b' });
  }, 90_000);

  it('refuses a forged ID token with exit 1 and stores nothing', async () => {
    const forged = await cli(
      ['login', '--url', url, '--context', 'forged', '--id-token-env', 'ID_TOKEN', '--json'],
      {
        ID_TOKEN: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl',
      },
    );
    expect(forged.code).toBe(1);
    expect(forged.stdout + forged.stderr).toMatch(/ID token/);
    const contexts = JSON.parse((await cli(['context', 'list', '--json'])).stdout) as {
      items: { name: string }[];
    };
    expect(contexts.items.map((item) => item.name)).not.toContain('forged');
  }, 30_000);
});
