import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, resolveStackConfig, withPortOffset } from '../../../local/stack/config.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { checkGateway, startGatewayPart } from '../../../local/stack/gateway.js';
import { isRunning, stopDaemon } from '../../../local/stack/processes.js';
import type { ProcessRecord } from '../../../local/stack/state.js';
import { get } from './support.js';

/** `microstax gateway` as the stack starts it: a detached daemon, recorded, healthy, stopped by PID. */

const CLI = path.join(REPO_ROOT, 'bin', 'microstax.js');
/** Ports of the stack shifted out of the way of the running stack's. */
const PORT_OFFSET = 900;
const records: ProcessRecord[] = [];
let stateDir: string | undefined;

afterAll(async () => {
  for (const record of records) await stopDaemon(record);
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'gateway', ...args], { encoding: 'utf8', timeout: 120_000 });
}

describe('the gateway stack part', () => {
  it('starts the daemon, records it at once, answers health and routes; stops on SIGTERM', async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'msx-gateway-'));
    const config = withPortOffset(resolveStackConfig({ MICROSTAX_STATE_DIR: stateDir }), PORT_OFFSET);
    const { kubeconfigPath, databaseUrl } = await readStackEndpoints();
    const part = await startGatewayPart({
      config,
      kubeconfigPath,
      databaseUrl,
      onStarted: async (record) => {
        records.push(record);
      },
    });
    expect(part.url).toBe(`http://127.0.0.1:${18081 + PORT_OFFSET}`);
    expect(part.processes).toEqual(records);
    await checkGateway(part.url);

    const unknown = await get({ base: part.url, host: 'nothing.nowhere.microstax.localhost' });
    expect(unknown.status).toBe(404);

    const [record] = part.processes;
    expect(await stopDaemon(record!)).toBe(true);
    expect(await isRunning(record!)).toBe(false);
    // JSON log lines: start-up and the request (method, host, path, status; never headers).
    const log = await readFile(record!.logFile, 'utf8');
    expect(log).toContain('"msg":"gateway listening"');
    expect(log).toMatch(/"wakes":"on \(hold 60000 ms\)"/);
    expect(log).toMatch(/"host":"nothing\.nowhere\.microstax\.localhost".*"status":404/);
  });

  it('rejects a bad port as a usage error, a missing kubeconfig or database as a failure, naming it', async () => {
    const badPort = cli(['--port', 'eighty']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/--port.*must be a port/);
    const badWake = cli(['--wake-timeout', 'soon']);
    expect(badWake.status).toBe(2);
    expect(badWake.stderr).toMatch(/--wake-timeout.*must be a duration/);
    const badCap = cli(['--max-held', '0']);
    expect(badCap.status).toBe(2);
    expect(badCap.stderr).toMatch(/--max-held.*must be a whole number/);
    const missing = cli(['--port', '0', '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('kubeconfig /nonexistent/kubeconfig does not exist');
    // No database to check credentials in (no DATABASE_URL, no stack to take it from): a failure naming it.
    const { kubeconfigPath } = await readStackEndpoints();
    const noDatabase = spawnSync(
      process.execPath,
      [CLI, 'gateway', '--port', '0', '--kubeconfig', kubeconfigPath],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, DATABASE_URL: '', MICROSTAX_STATE_DIR: path.join(tmpdir(), 'msx-no-stack') },
      },
    );
    expect(noDatabase.status).toBe(1);
    expect(noDatabase.stderr).toContain('DATABASE_URL');
  });
});
