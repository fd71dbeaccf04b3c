import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

  it('runs the apply step of the GitHub Action as a runner would: outputs id, urls and created', async () => {
    const action = parse(await readFile('integrations/ci/action.yml', 'utf8')) as {
      runs: { steps: { id?: string; run: string }[] };
    };
    const script = action.runs.steps.find((step) => step.id === 'apply')!.run;
    const dir = await mkdtemp(path.join(tmpdir(), 'msx-action-'));
    try {
      // `microstax` on PATH, as the action's install step leaves it.
      await writeFile(
        path.join(dir, 'microstax'),
        `#!/bin/sh\nexec ${process.execPath} ${path.resolve('bin/microstax.js')} "$@"\n`,
        { mode: 0o755 },
      );
      const outputFile = path.join(dir, 'github-output');
      await writeFile(outputFile, '');
      const env = {
        ...process.env,
        PATH: `${dir}:${process.env.PATH}`,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: dir,
        INPUT_BLUEPRINT: EXAMPLE,
        INPUT_NAME: 'pr-77',
        INPUT_SET: 'api.image=ghcr.io/acme/checkout-api:2.0\n',
        INPUT_LABELS: 'pr=77\nrepo=checkout',
        INPUT_BRANCH_OF: '',
        INPUT_TTL: '24h',
        INPUT_WAIT: 'false',
        INPUT_TIMEOUT: '5m',
        MICROSTAX_URL: url,
        MICROSTAX_TOKEN: api.tokens.member,
        MICROSTAX_CONFIG: '/nonexistent',
      };
      await run('bash', ['-c', script], { env });
      const outputs = Object.fromEntries(
        (await readFile(outputFile, 'utf8'))
          .trim()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      expect(outputs.id).toMatch(/^e[0-9a-f]+$/);
      started.push(outputs.id!);
      expect(outputs.created).toBe('true');
      // A JSON object of service -> URL (empty here: no worker deploys it in this file).
      expect(JSON.parse(outputs.urls!)).toBeTypeOf('object');
      const got = JSON.parse((await cli(['env', 'get', 'pr-77', '-o', 'json'])).stdout);
      expect(got.environment).toMatchObject({ id: outputs.id, labels: { pr: '77', repo: 'checkout' } });
      // Bad input fails the step with the CLI's exit code, and the token never reaches the log.
      const failed = await run('bash', ['-c', script], {
        env: { ...env, INPUT_SET: 'nope.image=x:1' },
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect((failed as { code?: number }).code).toBe(1);
      expect(JSON.stringify(failed)).not.toContain(api.tokens.member);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
