import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedService } from '../blueprints/resolved.js';
import type { SnapshotEngine } from './ports.js';

/** Where a data service of an environment can be reached: a postgres:// URL (with credentials). */
export type PostgresConnectionResolver = (params: {
  environmentId: string;
  service: ResolvedService;
}) => Promise<string>;

/**
 * Snapshots of Postgres data services as logical dumps (pg_dump custom format), restored with
 * pg_restore --clean. Credentials reach the tools through PG* environment variables, never argv (which
 * `ps` shows). Capture writes to a temp file and renames it, so a retried capture never leaves half a
 * dump under the final name.
 */
export class PostgresDumpEngine implements SnapshotEngine {
  readonly name = 'postgres-logical';

  constructor(
    private readonly params: {
      /** Directory the dumps are stored in (an object store mount in production). */
      artifactDir: string;
      connectionFor: PostgresConnectionResolver;
      pgDump?: string;
      pgRestore?: string;
    },
  ) {}

  supports(service: ResolvedService): boolean {
    return /(^|\/)postgres(ql)?([:@]|$)/.test(service.image) || /(^|\/)postgis\//.test(service.image);
  }

  async capture(params: Parameters<SnapshotEngine['capture']>[0]) {
    const url = await this.params.connectionFor({
      environmentId: params.environmentId,
      service: params.service,
    });
    const dir = join(this.params.artifactDir, params.snapshotId);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${params.service.name}.dump`);
    const temp = `${file}.${process.pid}.partial`;
    await run({
      command: this.params.pgDump ?? 'pg_dump',
      args: ['--format=custom', '--no-owner', '--no-privileges', `--file=${temp}`],
      env: pgEnv(url),
      signal: params.signal,
      onTick: async () => params.heartbeat({ bytes: (await stat(temp).catch(() => ({ size: 0 }))).size }),
    });
    await rename(temp, file);
    const { size } = await stat(file);
    return { location: pathToFileURL(file).href, bytes: size, sha256: await sha256File(file) };
  }

  async restore(params: Parameters<SnapshotEngine['restore']>[0]) {
    const file = new URL(params.artifact.location);
    if (file.protocol !== 'file:') throw new Error(`${this.name} cannot read ${file.protocol} artifacts`);
    if ((await sha256File(file)) !== params.artifact.sha256) {
      throw Object.assign(
        new Error(`snapshot artifact ${params.artifact.location} does not match its sha256`),
        {
          retryable: false,
        },
      );
    }
    const url = await this.params.connectionFor({
      environmentId: params.environmentId,
      service: params.service,
    });
    const env = pgEnv(url);
    await run({
      command: this.params.pgRestore ?? 'pg_restore',
      args: [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        `--dbname=${env.PGDATABASE}`,
        file.pathname,
      ],
      env,
      signal: params.signal,
      onTick: () => params.heartbeat({ restoring: params.artifact.service }),
    });
  }
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

/** Runs a tool to completion, ticking every 2 s; its stderr (no credentials: they are in env) names failures. */
function run(params: {
  command: string;
  args: string[];
  env: Record<string, string>;
  signal: AbortSignal;
  onTick: () => unknown;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(params.command, params.args, {
      env: { PATH: process.env.PATH ?? '', ...params.env },
      stdio: ['ignore', 'ignore', 'pipe'],
      signal: params.signal,
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const tick = setInterval(() => void params.onTick(), 2000);
    child.on('error', (error) => {
      clearInterval(tick);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(tick);
      if (code === 0) resolve();
      else reject(new Error(`${params.command} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

function sha256File(file: string | URL): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
