import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Runs the real CLI in a subprocess, as users and CI do. Each start costs seconds on a busy
 * machine; the child runs asynchronously so the test worker stays responsive meanwhile.
 */
function microstax(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/microstax.js', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const CHECKOUT = 'blueprints/examples/checkout-dev/checkout-dev.yaml';
const OVERLAYS = 'blueprints/examples/overlays';

describe('microstax validate', { timeout: 180_000 }, () => {
  it('exits 0 and says so for a valid blueprint', async () => {
    const run = await microstax('validate', CHECKOUT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('valid');
    expect(run.stderr).toBe('');
  });

  it('exits 1 with one FILE:LINE:COL line per problem on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      'name: shop\nservices:\n  - name: api\n    imagee: nginx\n  - name: db\n    image: Postgres\n',
    );
    const run = await microstax('validate', file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}:3:5: services.api.image: required field is missing (Container image reference, e.g. ghcr.io/acme/api:1.2 or postgres:16-alpine)`,
      `${file}:4:5: services.api: unknown key "imagee" (did you mean "image"?)`,
      `${file}:6:12: services.db.image: malformed image reference: repository names must be lower-case`,
    ]);
  });

  it('exits 2 on usage errors', async () => {
    expect((await microstax('validate')).code).toBe(2);
    expect((await microstax('validate', CHECKOUT, '--context', 'no-equals-sign')).code).toBe(2);
  });

  it('prints JSON with --json, and applies overlays with --overlay and --context', async () => {
    const run = await microstax(
      'validate',
      CHECKOUT,
      '--overlay',
      `${OVERLAYS}/team-payments.yaml`,
      '--context',
      'team=payments',
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: CHECKOUT, valid: true, services: 3 });
  });
});

describe('microstax render', { timeout: 180_000 }, () => {
  it('prints {blueprint, graph, provenance} with secrets masked', async () => {
    const run = await microstax('render', CHECKOUT, '--json');
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(Object.keys(document)).toEqual(['blueprint', 'graph', 'provenance']);
    expect(document.graph).toEqual({ api: ['cache', 'db'], db: [], cache: [] });
    expect(document.provenance['services.api.env.REDIS_URL']).toBe(`${CHECKOUT}:8`);
    expect(run.stdout).not.toContain('postgres:secret@');
  });

  it('records the overlay file and line of each value that won', async () => {
    const run = await microstax(
      'render',
      CHECKOUT,
      '--json',
      '--overlay',
      `${OVERLAYS}/user-alice.yaml`,
      '--overlay',
      `${OVERLAYS}/team-payments.yaml`,
      '--context',
      'team=payments',
      '--context',
      'user=alice',
      '--context',
      'branch=feature/split-payments',
    );
    expect(run.code).toBe(0);
    const { blueprint, provenance } = JSON.parse(run.stdout);
    expect(provenance['services.api.image']).toBe(`${OVERLAYS}/user-alice.yaml:11`);
    expect(provenance['services.api.env.PAYMENTS_SANDBOX']).toBe(`${OVERLAYS}/team-payments.yaml:12`);
    expect(blueprint.services.map((s: { name: string }) => s.name)).toEqual(['api', 'db', 'cache', 'mail']);
  });

  it('prints YAML without --json, secrets only with --show-secrets, and exits 1 for an invalid blueprint', async () => {
    const yaml = (await microstax('render', CHECKOUT, '--show-secrets')).stdout;
    expect(yaml).toContain('blueprint:\n  name: checkout-dev');
    expect(yaml).toContain('postgres://postgres:secret@db:5432/checkout');
    const run = await microstax('render', 'no/such/file.yaml', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('no/such/file.yaml:1:1: no such file\n');
    expect(run.stdout).toBe('');
  });
});
