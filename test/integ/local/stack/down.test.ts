import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, REPO_ROOT, resolveStackConfig } from '../../../../local/stack/config.js';
import { isRunning } from '../../../../local/stack/processes.js';
import { readStackState, type StackState } from '../../../../local/stack/state.js';

const run = promisify(execFile);

// A second, throw-away stack (own state dir, ports shifted), so stopping it never disturbs the
// shared stack that the other test files use.
const PORT_OFFSET = 3000;

function cli(args: string[], env: NodeJS.ProcessEnv) {
  return run('node', ['bin/microstax.js', 'stack', ...args], {
    cwd: REPO_ROOT,
    env,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
}

/** PIDs of live processes whose command line mentions the directory. */
async function processesMentioning(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(dir) && Number(entry) !== process.pid) pids.push(Number(entry));
  }
  return pids;
}

/** Whether mangle POSTROUTING jumps to the real node's NetworkPolicy steering chain. */
async function steeringJump(): Promise<boolean> {
  const { stdout } = await run('iptables', ['-w', '5', '-t', 'mangle', '-S', 'POSTROUTING']);
  return stdout.split('\n').includes('-A POSTROUTING -j MSX-NETPOL');
}

function allRecords(state: StackState) {
  return Object.values(state.parts).flatMap((part) => part?.processes ?? []);
}

describe('stack down on a second stack', () => {
  let stateDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'microstax-stack-'));
    await chmod(stateDir, 0o755); // the postgres user must reach its data dir inside
    env = {
      ...process.env,
      MICROSTAX_STATE_DIR: stateDir,
      MICROSTAX_STACK_PORT_OFFSET: String(PORT_OFFSET),
      DATABASE_URL: '',
      KUBECONFIG: '',
    };
  });

  afterAll(async () => {
    await cli(['down', '--purge'], env);
    await rm(stateDir, { recursive: true, force: true });
  });

  it('uses ports that clash with none of the default stack', () => {
    const shifted = Object.values(resolveStackConfig(env).ports);
    for (const port of shifted) expect(Object.values(DEFAULT_PORTS)).not.toContain(port);
  });

  it('stops exactly what up started, keeps the data, and up brings it back', async () => {
    const up = await cli(['up', '--json'], env);
    expect(up.code, up.stdout).toBe(0);
    const endpoints = JSON.parse(up.stdout).endpoints;
    expect(endpoints.temporal.address).toBe(`127.0.0.1:${DEFAULT_PORTS.temporal + PORT_OFFSET}`);

    const state = (await readStackState(path.join(stateDir, 'stack.json')))!;
    const records = allRecords(state);
    expect(records.map((record) => record.name).sort()).toEqual(
      [
        'dex',
        'etcd',
        'jaeger',
        'kube-apiserver',
        'kube-controller-manager',
        'kube-scheduler',
        'kwok',
        'postgres',
        'temporal',
        'versitygw',
      ].sort(),
    );

    // Some data to find again after a restart.
    const client = new pg.Client({ connectionString: endpoints.databaseUrl });
    await client.connect();
    await client.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)');
    await client.end();

    const status = await cli(['status', '--json'], env);
    expect(status.code, status.stdout).toBe(0);
    expect(JSON.parse(status.stdout).up).toBe(true);

    const down = await cli(['down', '--json'], env);
    expect(down.code, down.stdout).toBe(0);
    expect(JSON.parse(down.stdout).stopped).toHaveLength(records.length);
    for (const record of records) expect(await isRunning(record), record.name).toBe(false);
    // Postgres forks workers; none of them, nor anything else of this stack, may survive.
    expect(await processesMentioning(stateDir)).toEqual([]);

    const stopped = await cli(['status', '--json'], env);
    expect(stopped.code).toBe(1);
    expect(JSON.parse(stopped.stdout).up).toBe(false);

    const again = await cli(['up', '--json'], env);
    expect(again.code, again.stdout).toBe(0);
    const reconnect = new pg.Client({ connectionString: endpoints.databaseUrl });
    await reconnect.connect();
    const kept = await reconnect.query('SELECT value FROM kept');
    await reconnect.end();
    expect(kept.rows).toEqual([{ value: 'still here' }]);

    // The shared stack's real node keeps its machine-wide NetworkPolicy steering: a throw-away
    // stack's purge once removed it, and the shared node stopped enforcing policies.
    expect(await steeringJump(), 'the shared real node steers pods through its policy queue').toBe(true);
    const purge = await cli(['down', '--purge'], env);
    expect(purge.code, purge.stdout).toBe(0);
    expect(await steeringJump(), 'the shared steering survives the purge').toBe(true);
    expect(await processesMentioning(stateDir)).toEqual([]);
    expect((await readdir(stateDir)).filter((entry) => !entry.startsWith('.'))).toEqual([]);
  });
});
