import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness.js';

const run = promisify(execFile);
const EXAMPLE = 'blueprints/examples/checkout-dev/checkout-dev.yaml';

/** The `microstax env` CLI as CI uses it: a real process against the real API (real Postgres and Temporal). */
describe('microstax env (CLI over the API)', () => {
  let api: TestApi;
  let url: string;
  beforeAll(async () => {
    api = await startTestApi('cli');
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await api?.close();
  });

  const cli = async (args: string[], token: string | undefined = api.tokens.member) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/microstax.js', ...args], {
        env: {
          ...process.env,
          MICROSTAX_URL: url,
          MICROSTAX_TOKEN: token ?? '',
          MICROSTAX_CONFIG: '/nonexistent',
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  let id: string;
  it('creates the founding example, lists, gets, shares and deletes it, with --json and exit codes', async () => {
    const created = await cli(['env', 'create', '-f', EXAMPLE, '--ttl', '4h', '--json']);
    expect(created.code).toBe(0);
    const body = JSON.parse(created.stdout) as { ok: boolean; environment: { id: string; phase: string } };
    expect(body).toMatchObject({ ok: true, environment: { phase: 'pending' } });
    id = body.environment.id;

    const listed = await cli(['env', 'list', '--json']);
    expect(JSON.parse(listed.stdout).items.map((e: { id: string }) => e.id)).toContain(id);
    const table = await cli(['env', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^${id}\\s+-\\s+pending\\s+checkout-dev`, 'm'));

    const got = await cli(['env', 'get', id]);
    expect(got.code).toBe(0);
    expect(got.stdout).toContain(`${id}  pending  checkout-dev v1`);

    // A branch of a branch: `get` names the parent and the root of the lineage.
    const branch = await cli(['env', 'create', '-f', EXAMPLE, '--branch-of', id, '--json']);
    expect(branch.code).toBe(0);
    const branchId = (JSON.parse(branch.stdout) as { environment: { id: string } }).environment.id;
    const nested = await cli(['env', 'create', '-f', EXAMPLE, '--branch-of', branchId, '--json']);
    expect(nested.code).toBe(0);
    const nestedId = (JSON.parse(nested.stdout) as { environment: { id: string } }).environment.id;
    expect((await cli(['env', 'get', nestedId])).stdout).toContain(`branch of ${branchId} (root ${id})`);

    const share = await cli(['env', 'share', id, '--ttl', '1h']);
    expect(share.code).toBe(0);
    expect(share.stdout.trim()).toMatch(/^msxs_/);
    expect(share.stderr).toContain('shown only now');

    // Its branches depend on it: refused (exit 1, the code and the branches named), then --cascade.
    const refused = await cli(['env', 'delete', id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(has_branches)');
    expect(refused.stderr).toContain(nestedId);
    expect(refused.stderr).toContain(`microstax env delete ${id} --cascade`);
    const deleted = await cli(['env', 'delete', id, '--cascade', '--json']);
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({
      ok: true,
      id,
      phase: 'tearing-down',
      branches: [nestedId, branchId],
    });
  });

  it('reports an invalid blueprint locally as FILE:LINE:COL and exits 1 without calling the API', async () => {
    const before = await api.app.db.query('SELECT count(*)::int AS n FROM blueprint_versions');
    const result = await cli(['env', 'create', '-f', 'test/integ/api/no-such-blueprint.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-such-blueprint\.yaml:1:1: no such file/);
    const after = await api.app.db.query('SELECT count(*)::int AS n FROM blueprint_versions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('exits 1 with the API error code on a bad token or a missing environment, and 2 on usage errors', async () => {
    const bad = await cli(['env', 'list'], 'msx_wrong');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('(unauthorized)');
    const missing = await cli(['env', 'get', 'enothere00000', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      ok: false,
      error: { status: 404, code: 'not_found' },
    });
    expect((await cli(['env', 'create'])).code).toBe(2);
    expect((await cli(['env', 'sleep'])).code).toBe(2);
    const sleepMissing = await cli(['env', 'sleep', 'enothere00000', '--json']);
    expect(sleepMissing.code).toBe(1);
    expect(JSON.parse(sleepMissing.stdout)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('documents sleep, wake and delete --cascade in --help', async () => {
    const sleep = await cli(['env', 'sleep', '--help']);
    expect(sleep.code).toBe(0);
    expect(sleep.stdout).toContain('--wait');
    expect(sleep.stdout).toContain('Safe to repeat');
    expect((await cli(['env', 'wake', '--help'])).stdout).toContain('--json');
    expect((await cli(['env', 'delete', '--help'])).stdout).toContain('--cascade');
  });
});
