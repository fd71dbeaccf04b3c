import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { uniqueId } from '../deploy/helpers.js';

const exec = promisify(execFile);

const BLUEPRINT = `name: kubeconfig-only
services:
  - name: web
    image: ghcr.io/acme/web:1
    expose: 8080
`;

/**
 * `deploy up|status|down` need only a cluster: run with KUBECONFIG and a state directory where no
 * local stack has ever run (no DATABASE_URL, no Temporal), they deploy, report and delete.
 */
describe('microstax deploy with KUBECONFIG alone', () => {
  let dir: string;
  let file: string;
  let kubeconfig: string;
  const id = uniqueId('kcfg');
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-kubeconfig-'));
    file = path.join(dir, 'blueprint.yaml');
    await writeFile(file, BLUEPRINT);
    kubeconfig = (await readStackEndpoints()).kubeconfigPath;
  });
  afterAll(async () => {
    await deploy(['down', id]).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  async function deploy(args: string[]) {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig };
    env.MICROSTAX_STATE_DIR = path.join(dir, 'no-stack');
    try {
      const { stdout, stderr } = await exec(process.execPath, ['bin/microstax.js', 'deploy', ...args], {
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('deploys, reports and deletes an environment without a local stack', async () => {
    const up = await deploy(['up', file, '--env', id, '-o', 'json']);
    expect(up.stderr).not.toContain('local stack');
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ ok: true, environmentId: id });

    const status = await deploy(['status', id, '-o', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ environmentId: id, phase: 'ready' });

    const down = await deploy(['down', id, '-o', 'json']);
    expect(down.code).toBe(0);
    expect(JSON.parse(down.stdout)).toMatchObject({ ok: true, deleted: true });
    expect((await deploy(['status', id, '-o', 'name'])).stdout.trim()).toBe(id);
    expect(JSON.parse((await deploy(['status', id, '-o', 'json'])).stdout)).toMatchObject({
      phase: 'absent',
    });
  });
});
