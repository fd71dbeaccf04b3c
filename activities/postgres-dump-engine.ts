import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { ResolvedService } from '../blueprints/resolved.js';
import { type ArtifactStore, checkArtifactKey, checkArtifactStore, sha256File } from './artifact-store.js';
import type { SnapshotEngine } from './ports.js';
import { runTool } from './tool-process.js';

/** Where a data service of an environment can be reached: a postgres:// URL (with credentials). */
export type PostgresConnectionResolver = (params: {
  environmentId: string;
  service: ResolvedService;
}) => Promise<string>;

/**
 * Snapshots of Postgres data services as logical dumps (pg_dump custom format), restored with
 * pg_restore --clean into psql in one transaction. Credentials reach the tools through PG* environment
 * variables, never argv (which `ps` shows). A dump is written to a scratch file on this host, then
 * kept by the artifact store (a directory, or an object store with the S3 API); a restore fetches it
 * back and checks its sha256 before anything touches the database.
 */
export class PostgresDumpEngine implements SnapshotEngine {
  readonly name = 'postgres-logical';

  constructor(
    private readonly params: {
      /** Where the dumps are kept. */
      store: ArtifactStore;
      connectionFor: PostgresConnectionResolver;
      /** Scratch directory for a dump on its way to or from the store (default: the OS's temp dir). */
      scratchDir?: string;
      pgDump?: string;
      pgRestore?: string;
      psql?: string;
    },
  ) {}

  supports(service: ResolvedService): boolean {
    return isPostgresService(service);
  }

  async capture(params: Parameters<SnapshotEngine['capture']>[0]) {
    checkArtifactKey(params.snapshotId, `${params.service.name}.dump`);
    const url = await this.params.connectionFor({
      environmentId: params.environmentId,
      service: params.service,
    });
    return this.withScratch(async (file) => {
      await runTool({
        command: this.params.pgDump ?? 'pg_dump',
        args: ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`],
        env: pgEnv(url),
        signal: params.signal,
        onTick: async () => params.heartbeat({ bytes: (await stat(file).catch(() => ({ size: 0 }))).size }),
      });
      params.heartbeat({ storing: params.service.name });
      return this.params.store.put({
        snapshotId: params.snapshotId,
        name: `${params.service.name}.dump`,
        file,
      });
    });
  }

  /** Removes everything stored for the snapshot; gone is fine. */
  async discard(params: { snapshotId: string }) {
    await this.params.store.discard(params.snapshotId);
  }

  async restore(params: Parameters<SnapshotEngine['restore']>[0]) {
    checkArtifactStore(this.name, this.params.store, params.artifact.location);
    const url = await this.params.connectionFor({
      environmentId: params.environmentId,
      service: params.service,
    });
    await this.withScratch(async (file) => {
      params.heartbeat({ fetching: params.artifact.service });
      await this.params.store.get({ location: params.artifact.location, file });
      if ((await sha256File(file)) !== params.artifact.sha256) {
        throw Object.assign(
          new Error(`snapshot artifact ${params.artifact.location} does not match its sha256`),
          { retryable: false },
        );
      }
      // pg_restore writes the restore script and psql runs it in one transaction, so the script's header can
      // drop settings the server lacks (pg_restore 17 sets transaction_timeout even for a server before 17).
      await runPipe({
        from: {
          command: this.params.pgRestore ?? 'pg_restore',
          args: ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--file=-', file],
        },
        through: restoreScriptFilter(),
        to: {
          command: this.params.psql ?? 'psql',
          args: ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-'],
        },
        env: pgEnv(url),
        signal: params.signal,
        onTick: () => params.heartbeat({ restoring: params.artifact.service }),
      });
    });
  }

  /** Runs `work` with a fresh scratch file, removed afterwards whatever happens. */
  private async withScratch<T>(work: (file: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(this.params.scratchDir ?? tmpdir(), 'microstax-dump-'));
    try {
      return await work(join(dir, 'artifact.dump'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** A service whose image is Postgres (or PostGIS): what the logical dump engines snapshot. */
export function isPostgresService(service: Pick<ResolvedService, 'image'>): boolean {
  return /(^|\/)postgres(ql)?([:@]|$)/.test(service.image) || /(^|\/)postgis\//.test(service.image);
}

/**
 * Settings a newer pg_restore writes in a restore script's header that older servers reject: PostgreSQL
 * 17's tools set transaction_timeout, which a server before 17 does not know (the MicroStax image has
 * Debian trixie's 17 client; environments often run 15 or 16).
 */
export const SETTINGS_OLDER_SERVERS_REJECT = ['SET transaction_timeout = 0;'] as const;

/** A line of a restore script's header: comments, blank lines, settings, psql's \restrict. */
const HEADER_LINE = /^(--.*|\s*|SET .*|SELECT pg_catalog\.set_config\(.*|\\restrict .*)$/;

/**
 * Passes a restore script through, dropping SETTINGS_OLDER_SERVERS_REJECT from its header only: after the
 * first statement the bytes go through untouched (a COPY row may hold the same text).
 */
export function restoreScriptFilter(): Transform {
  let pending = Buffer.alloc(0);
  let inHeader = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!inHeader) return done(null, chunk);
      pending = Buffer.concat([pending, chunk]);
      for (let end = pending.indexOf(10); end !== -1; end = pending.indexOf(10)) {
        const line = pending.subarray(0, end).toString('latin1').replace(/\r$/, '');
        if (!HEADER_LINE.test(line)) {
          inHeader = false;
          break;
        }
        if (!(SETTINGS_OLDER_SERVERS_REJECT as readonly string[]).includes(line))
          this.push(pending.subarray(0, end + 1));
        pending = pending.subarray(end + 1);
      }
      if (inHeader) return done();
      const rest = pending;
      pending = Buffer.alloc(0);
      done(null, rest);
    },
    flush(done: TransformCallback) {
      done(null, pending.length > 0 ? pending : undefined);
    },
  });
}

function pgEnv(url: string): Record<string, string> {
  const parsed = new URL(url);
  return {
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
  };
}

/**
 * Runs `from | through | to`, ticking every 2 s. psql's input ends only once pg_restore succeeded: when
 * pg_restore fails, psql is killed mid-transaction (rolled back) rather than fed the end of a partial
 * script it would commit.
 */
async function runPipe(params: {
  from: { command: string; args: string[] };
  through: Transform;
  to: { command: string; args: string[] };
  env: Record<string, string>;
  signal: AbortSignal;
  onTick: () => unknown;
}): Promise<void> {
  const env = { PATH: process.env.PATH ?? '', ...params.env };
  const to = spawn(params.to.command, params.to.args, {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
    signal: params.signal,
  });
  const from = spawn(params.from.command, params.from.args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    signal: params.signal,
  });
  const toStderr = lastOutput(to.stderr);
  const fromStderr = lastOutput(from.stderr);
  const failed = (command: string, code: number | null, stderr: string) =>
    new Error(`${command} exited with ${code}: ${stderr}`);
  // psql stopping early (a failed statement) closes its stdin; its own exit code tells what happened.
  to.stdin.on('error', () => {});
  const scriptRead = new Promise((resolve) => params.through.once('end', resolve));
  from.stdout.pipe(params.through).pipe(to.stdin, { end: false });
  const toDone = exitCode(to).then(
    (code) => ({ code, error: undefined }),
    (error: Error) => ({ code: null, error }),
  );
  // psql gone (failed, or never started): pg_restore would block on a full pipe.
  void toDone.then(() => {
    from.kill('SIGKILL');
    from.stdout.destroy();
  });
  const tick = setInterval(() => void params.onTick(), 2000);
  try {
    const fromCode = await exitCode(from).catch((error: Error) => {
      to.kill('SIGKILL');
      throw error;
    });
    if (fromCode !== 0) {
      to.kill('SIGKILL');
      const psql = await toDone;
      if (psql.error) throw psql.error;
      // psql failing first is why pg_restore stopped: its error is the story.
      if (psql.code !== null && psql.code !== 0) throw failed(params.to.command, psql.code, toStderr());
      throw failed(params.from.command, fromCode, fromStderr());
    }
    // The whole script went to psql, unless psql stopped reading first (it failed: its code says so).
    await Promise.race([scriptRead, toDone]);
    to.stdin.end();
    const psql = await toDone;
    if (psql.error) throw psql.error;
    if (psql.code !== 0) throw failed(params.to.command, psql.code, toStderr());
  } finally {
    clearInterval(tick);
  }
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}

/** The last 4000 characters a stream wrote (stderr: the tools' error messages, never credentials). */
function lastOutput(stream: Readable): () => string {
  let text = '';
  stream.on('data', (chunk) => {
    text = (text + chunk).slice(-4000);
  });
  return () => text.trim();
}
