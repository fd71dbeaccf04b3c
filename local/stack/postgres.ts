import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  access,
  appendFile,
  chmod,
  chown,
  mkdir,
  readdir,
  readFile,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { POSTGRES_DATABASE, POSTGRES_OS_USER, POSTGRES_USER, type StackConfig } from './config.js';
import { StackError } from './errors.js';
import { POD_CIDR } from './node/layout.js';
import { startHealthy } from './part-process.js';
import type { Progress } from './progress.js';
import type { PostgresPart, ProcessRecord } from './state.js';
import { VERSIONS } from './versions.js';

/**
 * Postgres: the user's own server when DATABASE_URL is set, otherwise Debian's postgresql running
 * from a data dir in the state dir, on the stack's own port, as the `postgres` OS user (Postgres
 * refuses to run as root). Loopback only with trust auth, so there is no password to leak.
 */

const run = promisify(execFile);
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/** Replaces the password in a connection URL with `***`, for anything printed or logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** The URL of the stack's own database under this config. */
export function stackDatabaseUrl(config: StackConfig): string {
  return `postgres://${POSTGRES_USER}@127.0.0.1:${config.ports.postgres}/${POSTGRES_DATABASE}`;
}

/** The server's version string (`SELECT version()`'s short form); throws when it does not answer. */
export async function checkPostgres(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]!.server_version;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Describes the user's own Postgres (DATABASE_URL), after checking that it answers. */
export async function externalPostgres(databaseUrl: string): Promise<PostgresPart> {
  const version = await checkPostgres(databaseUrl).catch((error: unknown) => {
    throw new StackError(
      'part-failed',
      `Postgres at DATABASE_URL (${redactUrl(databaseUrl)}) does not answer: ${String(error)}`,
      {
        part: 'postgres',
        fix: 'start that server, fix DATABASE_URL, or unset it to let the stack run its own Postgres',
      },
    );
  });
  return { version, external: true, processes: [], databaseUrl };
}

/** Finds Debian's Postgres server binaries, installing the `postgresql` package when missing. */
async function postgresBinDir(progress: Progress): Promise<string> {
  const find = async () => {
    const majors = await readdir(DEBIAN_POSTGRES_ROOT).catch(() => [] as string[]);
    const newest = majors.filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))[0];
    return newest ? path.join(DEBIAN_POSTGRES_ROOT, newest, 'bin') : undefined;
  };
  const found = await find();
  if (found) return found;
  progress.step(`installing Debian's postgresql package (expected major ${VERSIONS.postgresMajor})`);
  try {
    // Debian would otherwise create and start a `main` cluster on 5432 that nobody asked for.
    await mkdir('/etc/postgresql-common/createcluster.d', { recursive: true });
    await writeFile('/etc/postgresql-common/createcluster.d/microstax.conf', 'create_main_cluster = false\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update'], { env, maxBuffer: 64 * 1024 * 1024 });
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new StackError('part-failed', `Installing postgresql with apt-get failed: ${String(error)}`, {
      part: 'postgres',
      fix: 'run `apt-get install postgresql` as root, or set DATABASE_URL to a server of your own',
    });
  }
  const installed = await find();
  if (!installed)
    throw new StackError('part-failed', 'postgresql was installed but no server binaries were found', {
      part: 'postgres',
    });
  return installed;
}

async function osUser(name: string): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new StackError('part-failed', `There is no \`${name}\` OS user to run Postgres as.`, {
      part: 'postgres',
      fix: "reinstall Debian's postgresql package (`apt-get install --reinstall postgresql-common`)",
    });
  }
}

/** Runs a one-shot program as the postgres user; rejects with its output on failure. */
function runAs(options: { binary: string; args: string[]; uid: number; gid: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.binary, options.args, {
      uid: options.uid,
      gid: options.gid,
      cwd: '/',
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(options.binary)} exited ${code}: ${output}`)),
    );
  });
}

/**
 * Where the stack's Postgres keeps its data when the state dir cannot hold it: Postgres runs as the
 * postgres user, which cannot reach a state dir below a private directory (a clone in `mktemp -d`,
 * mode 0700). Keyed by the state dir, so each checkout keeps its own data across restarts.
 */
export function fallbackPostgresDataDir(stateDir: string): string {
  const key = createHash('sha256').update(path.resolve(stateDir)).digest('hex').slice(0, 12);
  return path.join('/var/lib/postgresql/microstax', key, 'data');
}

/** Whether the user uid/gid may traverse every directory from the root down to `dir` (which must exist). */
async function canTraverse(dir: string, uid: number, gid: number): Promise<boolean> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode, uid: owner, gid: group } = await stat(current);
    const bit = owner === uid ? 0o100 : group === gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** The data dir: in the state dir when the postgres user can reach it, else the fallback. */
async function postgresDataDir(params: { stateDir: string; uid: number; gid: number }): Promise<string> {
  const parent = path.join(params.stateDir, 'postgres');
  // The parents must stay traversable by the postgres user; only the data dir itself is private.
  await mkdir(parent, { recursive: true, mode: 0o755 });
  await chmod(parent, 0o755);
  if (await canTraverse(parent, params.uid, params.gid)) return path.join(parent, 'data');
  const fallback = fallbackPostgresDataDir(params.stateDir);
  await mkdir(path.dirname(fallback), { recursive: true, mode: 0o755 });
  return fallback;
}

/** Starts the stack's own Postgres (creating its data dir and database the first time). */
export async function startPostgres(options: {
  config: StackConfig;
  progress: Progress;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<PostgresPart> {
  const { config } = options;
  const binDir = await postgresBinDir(options.progress);
  const { uid, gid } = await osUser(POSTGRES_OS_USER);
  const dataDir = await postgresDataDir({ stateDir: config.stateDir, uid, gid });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chown(dataDir, uid, gid);
  const initialised = await access(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    options.progress.info(`initialising a Postgres data dir in ${dataDir}`);
    await runAs({
      binary: path.join(binDir, 'initdb'),
      args: ['-D', dataDir, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
      uid,
      gid,
    }).catch((error: unknown) => {
      throw new StackError('part-failed', `initdb failed: ${String(error)}`, {
        part: 'postgres',
        fix: `make sure the ${POSTGRES_OS_USER} user can reach ${dataDir} (every parent directory needs o+x)`,
      });
    });
  }
  await admitPodNetwork(dataDir);
  const adminUrl = `postgres://${POSTGRES_USER}@127.0.0.1:${config.ports.postgres}/postgres`;
  const { record, health: version } = await startHealthy({
    daemon: {
      name: 'postgres',
      binary: path.join(binDir, 'postgres'),
      args: [
        '-D',
        dataDir,
        '-p',
        String(config.ports.postgres),
        '-c',
        'listen_addresses=127.0.0.1',
        // TCP only: no socket file in /var/run/postgresql to clash with a system server.
        '-c',
        'unix_socket_directories=',
      ],
      logsDir: config.logsDir,
      uid,
      gid,
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    },
    ports: [config.ports.postgres],
    healthCheck: () => checkPostgres(adminUrl),
    timeoutMs: 60_000,
    fix: `read the log; to start from an empty database, \`stack down --purge\``,
    onStarted: options.onStarted,
  });
  await ensureDatabase(adminUrl);
  return { version, external: false, processes: [record], databaseUrl: stackDatabaseUrl(config) };
}

/**
 * The line of pg_hba.conf that lets pods of the real node (reaching Postgres through the bridge, see
 * node/host-network.ts) log in, with a password only: the stack's own role has none, so only roles
 * made for in-cluster use (a MicroStax installed into the local cluster) get in.
 */
export const POD_NETWORK_HBA_LINE = `host all all ${POD_CIDR} scram-sha-256`;

async function admitPodNetwork(dataDir: string): Promise<void> {
  const file = path.join(dataDir, 'pg_hba.conf');
  const text = await readFile(file, 'utf8');
  if (text.split('\n').includes(POD_NETWORK_HBA_LINE)) return;
  await appendFile(file, `${text.endsWith('\n') ? '' : '\n'}${POD_NETWORK_HBA_LINE}\n`);
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [POSTGRES_DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${POSTGRES_DATABASE}`);
    // A server that was already running reads pg_hba.conf again (admitPodNetwork may have changed it).
    await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
}
