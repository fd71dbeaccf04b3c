import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryArtifactStore } from '../../../activities/artifact-store.js';
import { PostgresDumpEngine, restoreScriptFilter } from '../../../activities/postgres-dump-engine.js';
import { resolvedService } from '../../support/resolved-service.js';

/** A restore script as pg_restore 17 writes it (header, then statements and COPY data). */
const SCRIPT = [
  '--',
  '-- PostgreSQL database dump',
  '--',
  '',
  '\\restrict abc',
  '',
  'SET statement_timeout = 0;',
  'SET transaction_timeout = 0;',
  "SELECT pg_catalog.set_config('search_path', '', false);",
  'SET row_security = off;',
  '',
  'DROP TABLE IF EXISTS public.t;',
  'CREATE TABLE public.t (s text);',
  'COPY public.t (s) FROM stdin;',
  'SET transaction_timeout = 0;',
  '\\.',
  '',
  '\\unrestrict abc',
  '',
].join('\n');

async function filtered(chunks: string[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(restoreScriptFilter())) {
    out.push(chunk as Buffer);
  }
  return Buffer.concat(out).toString();
}

describe('restoreScriptFilter', () => {
  const expected = SCRIPT.replace('SET transaction_timeout = 0;\n', '');

  it("drops the header's transaction_timeout and keeps a COPY row with the same text", async () => {
    expect(expected).toContain('COPY public.t (s) FROM stdin;\nSET transaction_timeout = 0;\n');
    expect(await filtered([SCRIPT])).toBe(expected);
  });

  it('does the same whatever the chunks (lines split anywhere)', async () => {
    for (const size of [1, 3, 7, 40]) {
      const chunks = SCRIPT.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(await filtered(chunks), `chunks of ${size}`).toBe(expected);
    }
  });

  it('passes a script without a newline at the end, and an empty one', async () => {
    expect(await filtered(['SET lock_timeout = 0;'])).toBe('SET lock_timeout = 0;');
    expect(await filtered([])).toBe('');
  });
});

describe('PostgresDumpEngine.restore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-restore-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A stand-in for a tool: a shell script. */
  async function tool(name: string, body: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\n${body}\n`);
    await chmod(file, 0o755);
    return file;
  }

  async function restore(tools: { pgRestore: string; psql: string }) {
    const dump = path.join(dir, 'db.dump');
    await writeFile(dump, 'dump');
    const engine = new PostgresDumpEngine({
      store: new DirectoryArtifactStore(dir),
      scratchDir: dir,
      connectionFor: async () => 'postgres://app:secret@db.example:5433/shop',
      ...tools,
    });
    return engine.restore({
      environmentId: 'env-1',
      service: resolvedService({ name: 'db', image: 'postgres:16' }),
      artifact: {
        service: 'db',
        engine: engine.name,
        location: pathToFileURL(dump).href,
        bytes: 4,
        sha256: createHash('sha256').update('dump').digest('hex'),
      },
      heartbeat: () => {},
      signal: new AbortController().signal,
    });
  }

  it('pipes pg_restore --file=- into psql in one transaction, without the settings older servers reject', async () => {
    await writeFile(path.join(dir, 'script.sql'), SCRIPT);
    const pgRestore = await tool('pg_restore', `echo "$@" > ${dir}/pg_restore.args; cat ${dir}/script.sql`);
    const psql = await tool(
      'psql',
      `echo "$@ $PGHOST $PGPORT $PGUSER $PGDATABASE" > ${dir}/psql.args; cat > ${dir}/received.sql`,
    );
    await restore({ pgRestore, psql });
    expect(await readFile(path.join(dir, 'received.sql'), 'utf8')).toBe(
      SCRIPT.replace('SET transaction_timeout = 0;\n', ''),
    );
    // From a scratch copy fetched from the store (and checked), never from the store itself.
    expect((await readFile(path.join(dir, 'pg_restore.args'), 'utf8')).trim()).toMatch(
      new RegExp(
        `^--clean --if-exists --no-owner --no-privileges --file=- ${dir}/microstax-dump-\\w+/artifact\\.dump$`,
      ),
    );
    expect((await readFile(path.join(dir, 'psql.args'), 'utf8')).trim()).toBe(
      '--no-psqlrc --quiet --single-transaction --set=ON_ERROR_STOP=1 --file=- db.example 5433 app shop',
    );
  });

  it('kills psql when pg_restore fails, so the partial script is never committed', async () => {
    const pgRestore = await tool(
      'pg_restore',
      "echo 'SET lock_timeout = 0;'; echo 'pg_restore: error: bad archive' >&2; exit 1",
    );
    const psql = await tool('psql', `cat > ${dir}/received.sql; echo committed > ${dir}/psql.done`);
    await expect(restore({ pgRestore, psql })).rejects.toThrow(
      /pg_restore exited with 1: pg_restore: error: bad archive/,
    );
    await expect(readFile(path.join(dir, 'psql.done'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it("names psql's error when a statement fails", async () => {
    await writeFile(path.join(dir, 'script.sql'), SCRIPT.repeat(2000));
    const pgRestore = await tool('pg_restore', `exec cat ${dir}/script.sql`);
    const psql = await tool(
      'psql',
      'head -c 10 >/dev/null; echo \'ERROR:  relation "t" already exists\' >&2; exit 3',
    );
    await expect(restore({ pgRestore, psql })).rejects.toThrow(
      /psql exited with 3: ERROR: {2}relation "t" already exists/,
    );
  });
});

describe('PostgresDumpEngine.discard', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dump-discard-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const engine = () =>
    new PostgresDumpEngine({
      store: new DirectoryArtifactStore(dir),
      connectionFor: async () => 'postgres://unused@localhost/x',
    });

  it("removes the snapshot's directory only, and succeeds when it is already gone", async () => {
    await mkdir(path.join(dir, 's1a2b3c4d5e6'));
    await writeFile(path.join(dir, 's1a2b3c4d5e6', 'db.dump'), 'dump');
    await writeFile(path.join(dir, 'neighbour.dump'), 'keep');
    await engine().discard({ snapshotId: 's1a2b3c4d5e6' });
    await expect(readFile(path.join(dir, 's1a2b3c4d5e6', 'db.dump'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readFile(path.join(dir, 'neighbour.dump'), 'utf8')).toBe('keep');
    await engine().discard({ snapshotId: 's1a2b3c4d5e6' });
  });

  it('refuses an id that is a path of its own', async () => {
    for (const snapshotId of ['..', '../x', 'a/b', '', '.hidden', `a${'b'.repeat(64)}`]) {
      await expect(engine().discard({ snapshotId })).rejects.toThrow(/not a snapshot id/);
    }
  });
});
