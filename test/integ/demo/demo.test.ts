import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../api/client.js';
import { demoTokenFile } from '../../../cli/demo/admin-token.js';
import type { DemoResult } from '../../../cli/demo/run-demo.js';
import { resolveStackConfig } from '../../../local/stack/config.js';
import { controlPlaneHealth, stopControlPlane } from '../../../local/stack/control-plane.js';
import { isRunning } from '../../../local/stack/processes.js';
import { readStackState } from '../../../local/stack/state.js';
import { firstOk, httpAt } from '../real-node/support.js';

/**
 * `microstax demo --json` against the real stack: starts the worker and API, creates the checkout-dev
 * environment, and a second run finds the same one. Afterwards the environment is deleted and the
 * worker and API are stopped again (only when this test started them), leaving the stack as it was.
 */

const cli = fileURLToPath(new URL('../../../bin/microstax.js', import.meta.url));
const run = promisify(execFile);
const config = resolveStackConfig();

type DemoOutput = { ok: true } & DemoResult;

async function demo(): Promise<{ output: DemoOutput; stderr: string }> {
  const { stdout, stderr } = await run(process.execPath, [cli, 'demo', '--json'], {
    timeout: 480_000,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`demo failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  return { output: JSON.parse(stdout) as DemoOutput, stderr };
}

describe('microstax demo', () => {
  let controlPlaneWasHealthy = false;
  let first: DemoOutput | undefined;

  beforeAll(async () => {
    const state = await readStackState(config.stateFile);
    controlPlaneWasHealthy = (await controlPlaneHealth(state?.controlPlane)).healthy;
  });

  afterAll(async () => {
    if (first) {
      const token = (await readFile(demoTokenFile(config.stateDir), 'utf8')).trim();
      const api = new ApiClient({ url: first.api.url, token });
      await api.request({ method: 'DELETE', path: `/v1/environments/${first.environment.id}` });
      // Wait for the teardown, so the next test file starts on a clean cluster.
      const deadline = Date.now() + 180_000;
      for (;;) {
        const { body } = await api.request<{ phase: string }>({
          path: `/v1/environments/${first.environment.id}`,
        });
        if (body.phase === 'deleted') break;
        if (Date.now() > deadline) throw new Error(`${first.environment.id} still ${body.phase}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    if (!controlPlaneWasHealthy) {
      const records = (await readStackState(config.stateFile))?.controlPlane?.processes ?? [];
      await stopControlPlane({ config });
      for (const record of records) expect(await isRunning(record)).toBe(false);
      const state = await readStackState(config.stateFile);
      expect(state?.controlPlane).toBeUndefined();
      // Only the control plane stopped: the stack's parts are still recorded.
      expect(state?.parts.temporal && state.parts.postgres && state.parts.kubernetes).toBeTruthy();
    }
  }, 300_000);

  it('starts the control plane and creates a ready checkout-dev environment with URLs', async () => {
    const { output, stderr } = await demo();
    first = output;
    expect(output.ok).toBe(true);
    expect(output.environment.phase).toBe('ready');
    expect(output.environment.services.map((service) => service.name).sort()).toEqual(['api', 'cache', 'db']);
    expect(output.environment.urls.api).toMatch(/^https?:\/\//);
    // On the real node the printed URL really answers, with the rows the seed script wrote, to the
    // demo's token (the gateway lets no request without a credential through).
    const demoToken = (await readFile(output.api.tokenFile, 'utf8')).trim();
    const anonymous = await httpAt(`${output.environment.urls.api}/products`);
    expect(anonymous.status).toBe(401);
    const products = (
      await firstOk(`${output.environment.urls.api}/products`, 60_000, undefined, {
        authorization: `Bearer ${demoToken}`,
      })
    ).json();
    expect(output.howToCall).toContain(`$(cat ${output.api.tokenFile})`);
    expect(products.products.map((p: { sku: string }) => p.sku)).toContain('MUG-WHT');
    expect(output.environment.services.find((service) => service.name === 'api')?.url).toBe(
      output.environment.urls.api,
    );
    expect(output.temporal.workflowUrl).toBe(
      `${output.temporal.uiUrl}/namespaces/${output.temporal.namespace}/workflows/env-${output.environment.id}`,
    );
    expect(output.api.docsUrl).toBe(`${output.api.url}/docs`);
    expect(output.api.dashboardUrl).toBe(`${output.api.url}/ui/environments/${output.environment.id}`);
    // The stack runs Dex: the demo says whom to sign in as.
    expect(output.signIn).toMatchObject({
      password: 'password',
      users: expect.arrayContaining([{ email: 'carol@example.com', groups: ['team-a', 'microstax-admins'] }]),
    });
    expect(output.kubernetes.kubectl).toContain(`-n ${output.kubernetes.namespace}`);
    expect(output.teardown.environment).toContain(`env delete ${output.environment.id}`);

    // The worker and API are recorded in the stack state with their logs in the state dir.
    const state = await readStackState(config.stateFile);
    expect(state?.controlPlane?.processes.map((record) => record.name).sort()).toEqual(['api', 'worker']);
    for (const record of state?.controlPlane?.processes ?? []) {
      expect(record.logFile).toBe(`${config.logsDir}/${record.name}.log`);
      expect(await isRunning(record)).toBe(true);
    }
    const { stdout: statusJson } = await run(process.execPath, [cli, 'stack', 'status', '--json']);
    expect(JSON.parse(statusJson).controlPlane.healthy).toBe(true);

    // The admin token is kept owner-only and never printed.
    const tokenFile = demoTokenFile(config.stateDir);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify(output)).not.toContain(token);
    expect(stderr).not.toContain(token);
  }, 600_000);

  it('finds the same environment and control plane on a second run', async () => {
    expect(first).toBeDefined();
    const { output } = await demo();
    expect(output.environment.id).toBe(first!.environment.id);
    expect(output.environment.phase).toBe('ready');
    expect(output.controlPlane.started).toEqual([]);
    expect(output.controlPlane.processes).toEqual(first!.controlPlane.processes);
  }, 600_000);
});
