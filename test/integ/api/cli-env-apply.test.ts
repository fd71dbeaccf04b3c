import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { workflowIds } from '../../../workflows/contracts.js';
import { stackEnv } from '../../support/stack-env.js';
import { startTestApi, type TestApi } from './harness.js';

const run = promisify(execFile);
const EXAMPLE = 'blueprints/examples/checkout-dev/checkout-dev.yaml';

/**
 * `microstax env apply` as a CI step runs it: a real process against the real API (no worker: the
 * environment stays pending, which is what these checks need). -o json gives what CI needs; bad input
 * exits non-zero with the reason.
 */
describe('microstax env apply (CLI over the API)', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  let url: string;
  const started: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('cli-apply');
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    temporal = await createTemporalClient({ env: await stackEnv() });
  });
  afterAll(async () => {
    for (const id of started) {
      await temporal.client.workflow
        .getHandle(workflowIds.environment(id))
        .terminate('test cleanup')
        .catch(() => {});
    }
    await temporal?.close();
    await api?.close();
  });

  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/microstax.js', ...args], {
        env: {
          ...process.env,
          MICROSTAX_URL: url,
          MICROSTAX_TOKEN: api.tokens.member,
          MICROSTAX_CONFIG: '/nonexistent',
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('creates by name with -o json, finds it by name and label, refuses bad input with exit codes', async () => {
    const created = await cli([
      'env',
      'apply',
      '-f',
      EXAMPLE,
      '--name',
      'pr-42',
      '--label',
      'pr=42',
      '--set',
      'api.image=ghcr.io/acme/checkout-api:2.0',
      '-o',
      'json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout) as {
      ok: boolean;
      created: boolean;
      id: string;
      name: string;
      plan: { services: { name: string; change: string }[] };
    };
    expect(body).toMatchObject({ ok: true, created: true, name: 'pr-42' });
    started.push(body.id);
    expect(body.plan.services.map((s) => s.change)).toEqual(['added', 'added', 'added']);

    const byName = await cli(['env', 'get', 'pr-42', '--json']);
    expect(JSON.parse(byName.stdout)).toMatchObject({ environment: { id: body.id } });
    const selected = await cli(['env', 'list', '-l', 'pr=42', '--json']);
    expect(JSON.parse(selected.stdout).items.map((e: { id: string }) => e.id)).toEqual([body.id]);
    const badSelector = await cli(['env', 'list', '-l', 'pr=a b']);
    expect(badSelector.code).toBe(1);
    expect(badSelector.stderr).toContain('[query.labelSelector]');

    const malformed = await cli(['env', 'apply', '-f', EXAMPLE, '--name', 'pr-43', '--set', 'api.image']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('[body.set.0]');
    const unknown = await cli(['env', 'apply', '-f', EXAMPLE, '--name', 'pr-43', '--set', 'nope.image=x:1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('has no service "nope"');
    const badLabel = await cli(['env', 'apply', '-f', EXAMPLE, '--name', 'pr-43', '--label', 'pr=a b']);
    expect(badLabel.code).toBe(2);
    expect(badLabel.stderr).toContain('label value');
    const badName = await cli(['env', 'apply', '-f', EXAMPLE, '--name', 'PR_43', '-o', 'json']);
    expect(badName.code).toBe(1);
    expect(JSON.parse(badName.stdout)).toMatchObject({ ok: false, error: { field: 'body.name' } });
    const listed = await cli(['env', 'list', '--json']);
    expect(JSON.parse(listed.stdout).items.map((e: { id: string }) => e.id)).toEqual([body.id]);
  }, 120_000);
});
