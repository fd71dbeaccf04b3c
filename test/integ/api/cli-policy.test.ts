import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness.js';

const run = promisify(execFile);
const EXAMPLE = 'blueprints/examples/checkout-dev/checkout-dev.yaml';

/**
 * `microstax policy` as a platform team and a developer run it: real processes against the real API
 * and Postgres. Nothing is created (every create here is refused), so no workflow needs cleaning up.
 */
describe('microstax policy (CLI over the API)', () => {
  let api: TestApi;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    api = await startTestApi('cli-policy');
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    dir = await mkdtemp(path.join(tmpdir(), 'msx-policy-'));
  });
  afterAll(async () => {
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cli = async (token: 'member' | 'admin', args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/microstax.js', ...args], {
        env: {
          ...process.env,
          MICROSTAX_URL: url,
          MICROSTAX_TOKEN: api.tokens[token],
          MICROSTAX_CONFIG: '/nonexistent',
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('sets, reads and checks a policy; a refused create exits 1 naming the rule; members cannot set', async () => {
    const file = path.join(dir, 'payments.yaml');
    await writeFile(file, 'images:\n  allowed: ["registry.acme.dev/*"]\nttl:\n  max: 8h\n');
    const set = await cli('admin', ['policy', 'set', '--team', 'payments', '-f', file, '-o', 'json']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ ok: true, layer: 'team', team: 'payments', version: 1 });

    const got = await cli('member', ['policy', 'get', '--team', 'payments', '-o', 'json']);
    expect(JSON.parse(got.stdout)).toMatchObject({
      version: 1,
      policy: { ttl: { max: '8h' } },
      changedBy: 'root',
    });
    const table = await cli('member', ['policy', 'get', '--team', 'payments']);
    expect(table.stdout).toContain('team payments policy v1, set by root');

    const denied = await cli('member', ['policy', 'set', '--team', 'payments', '-f', file, '-o', 'json']);
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.stdout)).toMatchObject({ ok: false, error: { code: 'forbidden', status: 403 } });

    const check = await cli('member', ['policy', 'check', '-f', EXAMPLE, '--ttl', '4h', '-o', 'json']);
    expect(check.code).toBe(1);
    const verdict = JSON.parse(check.stdout) as {
      ok: boolean;
      violations: { policy: string; requested: string }[];
    };
    expect(verdict.ok).toBe(false);
    expect(verdict.violations.map((v) => v.requested)).toEqual([
      'ghcr.io/acme/checkout-api:latest',
      'postgres:16-alpine',
      'redis:7-alpine',
    ]);
    const readable = await cli('member', ['policy', 'check', '-f', EXAMPLE, '--ttl', '4h']);
    expect(readable.stdout).toContain('refused: create in team payments');
    expect(readable.stdout).toContain('team images.allowed: asked redis:7-alpine, limit registry.acme.dev/*');

    const create = await cli('member', ['env', 'create', '-f', EXAMPLE, '--ttl', '4h', '-o', 'json']);
    expect(create.code).toBe(1);
    expect(JSON.parse(create.stdout)).toMatchObject({
      ok: false,
      error: { code: 'policy_violation', status: 403 },
    });
    expect(create.stderr).toContain(
      "team policy images.allowed: service api's image ghcr.io/acme/checkout-api:latest",
    );

    await writeFile(file, 'ttl:\n  max: 8h\n');
    expect((await cli('admin', ['policy', 'set', '--team', 'payments', '-f', file])).code).toBe(0);
    const allowed = await cli('member', ['policy', 'check', '-f', EXAMPLE, '--ttl', '4h', '-o', 'json']);
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ ok: true, allowed: true });

    const history = await cli('member', ['policy', 'history', '--team', 'payments', '-o', 'json']);
    expect(
      JSON.parse(history.stdout).items.map((v: { version: number; changed: string[] }) => [
        v.version,
        v.changed,
      ]),
    ).toEqual([
      [2, ['images']],
      [1, ['images', 'ttl']],
    ]);

    const usage = await cli('member', ['policy', 'get']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--team TEAM or --company');
    await writeFile(file, 'environments: {maxPerTeam: -3}\n');
    const bad = await cli('admin', ['policy', 'set', '--company', '-f', file, '-o', 'json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      error: { status: 400, field: 'body.policy.environments.maxPerTeam' },
    });
  });
});
