import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEnvironmentStatus } from '../../../store/environments.js';
import { until } from '../../support/until.js';
import { startTestApi, type TestApi } from '../api/harness.js';

const run = promisify(execFile);
const EXAMPLE = 'blueprints/examples/checkout-dev/checkout-dev.yaml';

/** `microstax env open` and `env events` as a user runs them: a real process, the real API. */
describe('microstax env open and env events (CLI over the API)', () => {
  let api: TestApi;
  let url: string;
  let id: string;
  let dir: string;
  beforeAll(async () => {
    api = await startTestApi('cli-open-events');
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    dir = await mkdtemp(path.join(tmpdir(), 'msx-open-'));
    const created = await cli(['env', 'create', '-f', EXAMPLE, '--ttl', '1h', '-o', 'json']);
    expect(created.code).toBe(0);
    id = (JSON.parse(created.stdout) as { environment: { id: string } }).environment.id;
  });
  afterAll(async () => {
    if (id)
      await api.app.inject({
        method: 'DELETE',
        url: `/v1/environments/${id}`,
        headers: api.headers('member'),
      });
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const env = (token: string, extra: Record<string, string> = {}) => ({
    ...process.env,
    BROWSER: '',
    MICROSTAX_URL: url,
    MICROSTAX_TOKEN: token,
    MICROSTAX_CONFIG: '/nonexistent',
    ...extra,
  });
  async function cli(args: string[], token = api.tokens.member, extra: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/microstax.js', ...args], {
        env: env(token, extra),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('env open prints the dashboard page and hands it to the browser; no browser is not a failure', async () => {
    const page = `${url}/ui/environments/${id}`;
    expect(await cli(['env', 'open', id, '--print'])).toMatchObject({ code: 0, stdout: `${page}\n` });

    // $BROWSER is the launcher (as for gh and git): it gets the URL.
    const opened = path.join(dir, 'opened');
    const browser = path.join(dir, 'browser');
    await writeFile(browser, `#!/bin/sh\necho "$1" > ${opened}\n`);
    await chmod(browser, 0o755);
    const launched = await cli(['env', 'open', id, '-o', 'json'], api.tokens.member, { BROWSER: browser });
    expect(launched.code).toBe(0);
    expect(JSON.parse(launched.stdout)).toEqual({ ok: true, id, url: page, opened: true });
    await until('the browser to get the URL', () => readFile(opened, 'utf8').catch(() => ''), Boolean);
    expect((await readFile(opened, 'utf8')).trim()).toBe(page);

    // A PATH without xdg-open: the URL is printed, a note says why nothing opened, exit 0.
    const none = await cli(['env', 'open', id], api.tokens.member, { PATH: dir });
    expect(none).toMatchObject({ code: 0, stdout: `${page}\n` });
    expect(none.stderr).toContain('no browser');
  });

  it('env open refuses a service without a URL, a missing credential and another team', async () => {
    const service = await cli(['env', 'open', id, 'nosuch', '-o', 'json']);
    expect(service.code).toBe(1);
    expect(JSON.parse(service.stdout)).toMatchObject({
      ok: false,
      error: { type: 'invalid-input', field: 'service' },
    });
    expect((await cli(['env', 'open', id, '--print'], '')).stderr).toContain('(unauthorized)');
    const other = await cli(['env', 'open', id, '--print', '-o', 'json'], api.tokens.other);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('env events prints the audit log as a table or JSON lines, and refuses strangers', async () => {
    const table = await cli(['env', 'events', id]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/ada\s+environment\.create/);
    const lines = await cli(['env', 'events', id, '-o', 'json']);
    const events = lines.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'audit', actor: 'ada', action: 'environment.create' });

    expect((await cli(['env', 'events', id], 'msx_revoked-or-never-was')).code).toBe(1);
    const other = await cli(['env', 'events', id, '-f', '-o', 'json'], api.tokens.other);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('shows a spinner for a wait on a terminal, and plain lines without one or with -o json', async () => {
    // `script` gives the CLI a terminal; CI would turn the spinner off, as it should in CI.
    const noCi: NodeJS.ProcessEnv = { ...env(api.tokens.member) };
    delete noCi.CI;
    const onTerminal = (args: string) =>
      run(
        'script',
        ['-qec', `stty cols 100 rows 30; ${process.execPath} bin/microstax.js ${args}`, '/dev/null'],
        {
          env: noCi,
        },
      ).then(
        () => '',
        (error: { stdout: string }) => error.stdout,
      );
    const [live, json, piped] = await Promise.all([
      onTerminal(`env wait ${id} --timeout 5s`),
      onTerminal(`env wait ${id} --timeout 5s -o json`),
      cli(['env', 'wait', id, '--timeout', '5s']),
    ]);
    expect(live).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    expect(live).toMatch(new RegExp(`✖(\\u001b\\[\\d+m)? ${id}: pending \\(\\d+\\.\\d s\\)`));
    expect(json).toContain(`${id}: pending`);
    expect(json).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✖]/);
    expect(piped.stderr.split('\n')[0]).toBe(`${id}: pending`);
    expect(piped.stderr).not.toMatch(/[⠋✖]/);
  });

  it('env events -f follows audit events and phase changes until the environment is finished', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['bin/microstax.js', 'env', 'events', id, '-f', '-o', 'json'],
      {
        env: env(api.tokens.member),
      },
    );
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    const seen = () =>
      stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    await until(
      'the follow to print the history',
      async () => stdout,
      (out) => out.includes('"phase":"pending"'),
    );
    await updateEnvironmentStatus(api.app.db, { id, phase: 'ready' });
    await until(
      'the phase change',
      async () => stdout,
      (out) => out.includes('"phase":"ready"'),
    );
    await updateEnvironmentStatus(api.app.db, { id, phase: 'failed' });
    expect(await exited).toBe(0);
    expect(seen().map((e) => (e.type === 'audit' ? e.action : e.phase))).toEqual([
      'pending',
      'environment.create',
      'ready',
      'failed',
    ]);
  });
});
