import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_IMAGES } from '../../../../local/images/index.js';
import { REPO_ROOT } from '../../../../local/stack/config.js';
import { freePort } from './support/rootfs-runner.js';
import { startTestRegistry, type TestRegistry } from './support/test-registry.js';

const run = promisify(execFile);

/** `microstax stack images` through the real CLI, against a registry of this file's own. */

const cli = (args: string[]) =>
  run('node', ['bin/microstax.js', 'stack', 'images', ...args], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

let registry: TestRegistry;

beforeAll(async () => {
  registry = await startTestRegistry();
}, 120_000);

afterAll(async () => {
  await registry?.stop();
});

describe('microstax stack images', () => {
  it('--json publishes every image and lists each with its digest and size', async () => {
    const result = await cli(['--registry', registry.part.address, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as {
      ok: boolean;
      registry: string;
      images: { reference: string; localReference: string; digest: string; size: number; push: string }[];
    };
    expect(output.ok).toBe(true);
    expect(output.registry).toBe(registry.part.address);
    expect(output.images.map((image) => image.reference).sort()).toEqual(
      PUBLISHED_IMAGES.map((image) => image.reference).sort(),
    );
    for (const image of output.images) {
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.size).toBeGreaterThan(0);
    }
    expect(
      output.images.find((image) => image.reference === 'docker.io/library/postgres:16-alpine'),
    ).toMatchObject({
      localReference: `${registry.part.address}/library/postgres:16-alpine`,
    });
  }, 900_000);

  it('prints a table and says nothing changed on a second run', async () => {
    const result = await cli(['--registry', registry.part.address]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\(all cached, 0 pushed\)/);
    expect(result.stdout).toMatch(
      /ghcr\.io\/acme\/checkout-api:2\.0\s+sha256:[0-9a-f]{12}\s+[\d.]+ MB\s+present/,
    );
  }, 120_000);

  it('fails with exit code 1 and a typed error when no registry answers', async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const result = await cli(['--registry', address, '--json']);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { ok: boolean; error: { type: string; fix: string } };
    expect(output).toMatchObject({ ok: false, error: { type: 'registry-unreachable' } });
    expect(output.error.fix).toMatch(/--registry/);
    expect(result.stderr).toContain(`No image registry answers at ${address}`);
  });
});
