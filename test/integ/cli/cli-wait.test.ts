import { type ChildProcess, execFile, spawn } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEnvironmentStatus } from '../../../store/environments.js';
import { freePort } from '../../support/free-port.js';
import { until } from '../../support/until.js';
import { startTestApi, type TestApi } from '../api/harness.js';

const run = promisify(execFile);
/** Waits until `check` holds (every 100 ms, at most 30 s). */
const eventually = (what: string, check: () => boolean) =>
  until(what, async () => check(), Boolean, { timeoutMs: 30_000, everyMs: 100 });
const EXAMPLE = 'blueprints/examples/checkout-dev/checkout-dev.yaml';

/**
 * A TCP proxy in front of the real API. `restart` does to the CLI what an API restart does: every
 * connection drops, new ones are refused for a while, then the API answers again. It keeps the head
 * of each request, so the test can see what a reconnect sent.
 */
async function startProxy(target: number) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  const heads: string[] = [];
  const serve = () =>
    new Promise<net.Server>((resolve) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(target, '127.0.0.1');
        sockets.add(client).add(upstream);
        let head = '';
        client.on('data', (chunk) => {
          if (!head.includes('\r\n\r\n')) {
            head += chunk.toString('latin1');
            if (head.includes('\r\n\r\n')) heads.push(head.toLowerCase());
          }
        });
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let server = await serve();
  return {
    url: `http://127.0.0.1:${port}`,
    heads,
    async restart(downMs: number) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await serve();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `microstax env wait|list` as a user runs it: a real process, the real API (Postgres, Temporal). */
describe('microstax conventions: waits that survive an API restart, timeouts, -o, unreachable servers', () => {
  let api: TestApi;
  let url: string;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const created: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('cli-wait');
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    proxy = await startProxy(Number(new URL(url).port));
  });
  afterAll(async () => {
    for (const id of created)
      await api.app.inject({
        method: 'DELETE',
        url: `/v1/environments/${id}`,
        headers: api.headers('member'),
      });
    await proxy?.close();
    await api?.close();
  });

  const env = (apiUrl: string) => ({
    ...process.env,
    MICROSTAX_URL: apiUrl,
    MICROSTAX_TOKEN: api.tokens.member,
    MICROSTAX_CONFIG: '/nonexistent',
  });
  const cli = async (args: string[], apiUrl = url) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/microstax.js', ...args], {
        env: env(apiUrl),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const start = (args: string[], apiUrl: string) => {
    const child: ChildProcess = spawn(process.execPath, ['bin/microstax.js', ...args], { env: env(apiUrl) });
    const out = { stdout: '', stderr: '' };
    child.stdout!.on('data', (chunk) => (out.stdout += chunk));
    child.stderr!.on('data', (chunk) => (out.stderr += chunk));
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    return { child, out, exited };
  };
  const createEnvironment = async () => {
    const result = await cli(['env', 'create', '-f', EXAMPLE, '--ttl', '1h', '-o', 'json']);
    expect(result.code).toBe(0);
    const id = (JSON.parse(result.stdout) as { environment: { id: string } }).environment.id;
    created.push(id);
    return id;
  };

  it('env wait survives an API restart in the middle, resumes with Last-Event-ID and exits 0 once ready', async () => {
    const id = await createEnvironment();
    const wait = start(['env', 'wait', id, '--timeout', '2m', '-o', 'json'], proxy.url);
    await eventually('the wait to connect', () => wait.out.stderr.includes(`${id}: pending`));
    const connections = proxy.heads.length;

    await proxy.restart(2_000);
    await eventually('a reconnect', () => proxy.heads.length > connections);
    expect(wait.out.stderr).toContain('reconnecting');
    const resumed = proxy.heads.at(-1)!;
    expect(resumed).toContain(`/v1/environments/${id}/stream`);
    // The create wrote an audit event with an SSE id: the reconnect asks for what came after it.
    expect(resumed).toMatch(/\r\nlast-event-id: \d+\r\n/);

    await updateEnvironmentStatus(api.app.db, { id, phase: 'ready' });
    expect(await wait.exited).toBe(0);
    expect(JSON.parse(wait.out.stdout)).toMatchObject({ ok: true, environment: { id, phase: 'ready' } });
  });

  it('exits 1 when the environment fails while waiting', async () => {
    const id = await createEnvironment();
    const wait = start(['env', 'wait', id, '--timeout', '2m'], url);
    await eventually('the wait to connect', () => wait.out.stderr.includes(`${id}: pending`));
    await updateEnvironmentStatus(api.app.db, { id, phase: 'failed' });
    expect(await wait.exited).toBe(1);
    expect(wait.out.stdout).toContain(`${id}  failed`);
  });

  it('gives up when --timeout expires: exit 1 and a message that says what to do', async () => {
    const id = await createEnvironment();
    const started = Date.now();
    const result = await cli(['env', 'wait', id, '--timeout', '3s', '-o', 'json']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`timed out after 3s waiting for ${id} to be ready (last phase: pending)`);
    expect(result.stderr).toContain('--timeout');
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: { type: 'timeout', code: 'timeout' },
    });
  });

  it('refuses an unknown -o value with one line naming the allowed ones (exit 2), and a bad --timeout', async () => {
    const result = await cli(['env', 'list', '-o', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain('allowed values: json, yaml, table, wide, name');
    expect(result.stdout).toBe('');
    const timeout = await cli(['env', 'wait', 'e1', '--timeout', 'soon']);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('a duration such as 90s');
  });

  it('prints every format of env list, and the same error document for an API refusal', async () => {
    const id = created[0]!;
    expect((await cli(['env', 'list', '-o', 'name'])).stdout.split('\n')).toContain(id);
    expect((await cli(['env', 'list', '-o', 'yaml'])).stdout).toMatch(new RegExp(`- id: ${id}`));
    expect((await cli(['env', 'list', '-o', 'wide'])).stdout).toMatch(/TEAM\s+PARENT\s+COST\/H/);
    const missing = await cli(['env', 'get', 'e000000000000', '-o', 'json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { type: 'api', status: 404 } });
  });

  it('names the URL, the cause and a hint when the server is unreachable (no bare "fetch failed")', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const result = await cli(['env', 'list', '-o', 'json'], closed);
    expect(result.code).toBe(1);
    const line = result.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`cannot reach the API at ${closed}/v1/environments`);
    expect(line).toContain('connection refused (ECONNREFUSED)');
    expect(line).toContain('MICROSTAX_URL');
    expect(line).not.toContain('fetch failed');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { type: 'unreachable' } });
  });
});
