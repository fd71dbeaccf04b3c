import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltImage } from '../../../../local/images/image-builder.js';
import { type EnsureImagesResult, ensureImages } from '../../../../local/images/index.js';
import { registryManifestDigest } from '../../../../local/images/registry-push.js';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';
import { waitUntil } from '../../../../local/stack/probes.js';
import { silentProgress } from '../../../../local/stack/progress.js';
import manifest from '../../../../package.json' with { type: 'json' };
import { createTestDatabase, type TestDatabase } from '../../store/test-database.js';
import {
  type RunningImage,
  runInImage,
  startImage,
  type UnpackedImage,
  unpackImage,
} from './support/rootfs-runner.js';
import { startTestRegistry, type TestRegistry } from './support/test-registry.js';

/**
 * The MicroStax image (`stack images --only microstax`): built from this checkout (npm run build when
 * dist/ is stale), pushed to a registry of this file's own, unpacked, and run as a pod would run it: as
 * 65532:65532 with a read-only root filesystem (only /tmp writable), with the image's own Node 20 and
 * no tsx. The CLI answers, the admin commands migrate a fresh database from the image's migrations, the
 * compiled snapshot engine dumps and restores with the image's PostgreSQL 17 tools into the stack's 15, and
 * the worker polls the stack's Temporal with the prebuilt workflow bundle.
 */

const CLI = ['node', '/app/dist/bin/microstax.js'];
const REFERENCE = `ghcr.io/microstax/microstax:${manifest.version}`;

let testRegistry: TestRegistry;
let first: EnsureImagesResult;
let build: BuiltImage;
let image: UnpackedImage;
let database: TestDatabase;
const running: RunningImage[] = [];

/** Runs the image's CLI to completion as its user, read-only root; the output on success. */
const microstax = (args: string[], env: Record<string, string> = {}) =>
  runInImage(image, { args: [...CLI, ...args], env, readOnlyRoot: true });

beforeAll(async () => {
  testRegistry = await startTestRegistry();
  first = await ensureImages({
    registry: testRegistry.part.address,
    progress: silentProgress,
    only: ['microstax'],
  });
  build = first.builds.find((candidate) => candidate.id === 'microstax')!;
  image = await unpackImage({
    layoutDir: path.join(first.cacheDir, 'oci'),
    tag: build.tag,
    bundle: path.join(testRegistry.dir, 'bundle-microstax'),
  });
  database = await createTestDatabase('microstax_image');
  console.info(
    `microstax image: ${first.builds.map((b) => `${b.id} ${b.cached ? 'cached' : `built in ${(b.buildMs / 1000).toFixed(1)}s`} ${(b.size / 1e6).toFixed(1)} MB`).join('; ')}; total ${(first.totalMs / 1000).toFixed(1)}s`,
  );
}, 900_000);

afterAll(async () => {
  for (const started of running.reverse()) await started.stop();
  await database?.drop();
  await testRegistry?.stop();
});

describe('the MicroStax image', () => {
  it('is published as ghcr.io/microstax/microstax:<version> and only on request', async () => {
    expect(first.images.map((published) => published.reference)).toEqual([REFERENCE]);
    expect(first.builds.map((b) => b.id).sort()).toEqual(['base-trixie', 'microstax', 'microstax-runtime']);
    const digest = await registryManifestDigest({
      registry: testRegistry.part.address,
      repository: 'microstax/microstax',
      tag: manifest.version,
    });
    expect(digest).toBe(build.digest);
  });

  it('runs the CLI as 65532:65532 in /app, production mode, --help by default', () => {
    expect({ uid: image.uid, gid: image.gid, cwd: image.cwd }).toEqual({
      uid: 65532,
      gid: 65532,
      cwd: '/app',
    });
    expect(image.args).toEqual([...CLI, '--help']);
    expect(image.env).toEqual(expect.arrayContaining(['NODE_ENV=production', 'HOME=/tmp']));
  });

  it('runs it with a read-only root filesystem here, /tmp alone writable (even for root)', async () => {
    const probe =
      'touch /tmp/probe && if touch /app/probe 2>/dev/null; then echo writable; else echo read-only; fi';
    expect(await runInImage(image, { args: ['sh', '-c', probe], readOnlyRoot: true, asRoot: true })).toBe(
      'read-only\n',
    );
  });

  it("holds compiled JavaScript, the prebuilt workflow bundle and the migrations; no tsx, no other platforms' binaries", async () => {
    const app = path.join(image.rootfs, 'app');
    const dist = await readdir(path.join(app, 'dist'), { recursive: true });
    expect(dist.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(dist).toEqual(expect.arrayContaining(['bin/microstax.js', 'workflow-bundle.js', 'package.json']));
    const migrations = (await readdir(path.join(app, 'dist/store/migrations'))).sort();
    expect(migrations).toEqual((await readdir('store/migrations')).sort());
    const modules = await readdir(path.join(app, 'node_modules'));
    expect(modules).not.toContain('tsx');
    expect(modules).not.toContain('typescript');
    expect(await readdir(path.join(app, 'node_modules/@temporalio/core-bridge/releases'))).toEqual([
      'x86_64-unknown-linux-gnu',
    ]);
  });

  it("answers --version and worker --help with the image's own Node 20, without tsx", async () => {
    expect((await runInImage(image, { args: ['node', '--version'], readOnlyRoot: true })).trim()).toMatch(
      /^v20\./,
    );
    expect(await runInImage(image, { args: ['sh', '-c', 'command -v node'], readOnlyRoot: true })).toBe(
      '/usr/bin/node\n',
    );
    expect((await microstax(['--version'])).trim()).toBe(manifest.version);
    const help = await microstax(['worker', '--help']);
    expect(help).toContain('Run the lifecycle worker');
    expect(help).toContain('MICROSTAX_WORKFLOW_BUNDLE');
  });

  it("migrates a fresh database from the image's migrations and issues a token (admin commands)", async () => {
    const env = { DATABASE_URL: database.url };
    // Token commands never migrate implicitly: they refuse an unmigrated database and name `db migrate`.
    const refused = await microstax(
      ['token', 'create', '--user', 'image', '--team', 'image', '--json'],
      env,
    ).then(
      () => 'created',
      (error: Error) => error.message,
    );
    expect(refused).toContain('db migrate');
    await microstax(['db', 'migrate'], env);
    const created = JSON.parse(
      await microstax(['token', 'create', '--user', 'image', '--team', 'image', '--json'], env),
    );
    expect(created).toMatchObject({ ok: true });
    const listed = JSON.parse(await microstax(['token', 'list', '--user', 'image', '--json'], env));
    expect(listed.tokens).toHaveLength(1);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const applied = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
      expect(applied.rows.map((row) => `${row.name}.sql`)).toEqual(
        (await readdir('store/migrations')).sort(),
      );
    } finally {
      await client.end();
    }
  });

  it("snapshots and restores through the compiled snapshot engine with the image's PostgreSQL 17 tools, into the stack's Postgres 15", async () => {
    // The engine as the worker runs it: capture (pg_dump), then restore (pg_restore | psql) over changed data.
    const engine = [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      "import { DirectoryArtifactStore } from '/app/dist/activities/artifact-store.js';",
      "import { PostgresDumpEngine } from '/app/dist/activities/postgres-dump-engine.js';",
      "const engine = new PostgresDumpEngine({ store: new DirectoryArtifactStore('/tmp/snapshots'), connectionFor: async () => process.env.DATABASE_URL });",
      "const base = { environmentId: 'env-image', service: { name: 'db', image: 'postgres:16-alpine' }, heartbeat: () => {}, signal: new AbortController().signal };",
      "if (process.argv[1] === 'capture') {",
      "  const artifact = await engine.capture({ ...base, snapshotId: 'snap-image' });",
      "  writeFileSync('/tmp/artifact.json', JSON.stringify({ ...artifact, service: 'db', engine: engine.name }));",
      "} else await engine.restore({ ...base, artifact: JSON.parse(readFileSync('/tmp/artifact.json', 'utf8')) });",
    ].join('\n');
    const output = await runInImage(image, {
      args: [
        'sh',
        '-euc',
        [
          "psql -qv ON_ERROR_STOP=1 \"$DATABASE_URL\" -c \"CREATE TABLE snap (note text); INSERT INTO snap VALUES ('SET transaction_timeout = 0;'), ('b'), ('c')\"",
          'node --input-type=module -e "$ENGINE" capture',
          'psql -qv ON_ERROR_STOP=1 "$DATABASE_URL" -c "DELETE FROM snap"',
          'node --input-type=module -e "$ENGINE" restore',
          'psql -At "$DATABASE_URL" -c "SELECT string_agg(note, \'|\' ORDER BY note) FROM snap"',
          'pg_dump --version',
          'psql -At "$DATABASE_URL" -c "SHOW server_version"',
        ].join('\n'),
      ],
      env: { DATABASE_URL: database.url, ENGINE: engine },
      readOnlyRoot: true,
    });
    expect(output.trim().split('\n')).toEqual([
      'SET transaction_timeout = 0;|b|c',
      expect.stringMatching(/^pg_dump \(PostgreSQL\) 17\./),
      expect.stringMatching(/^15\./),
    ]);
  });

  it("runs the worker on the stack's Temporal with the prebuilt workflow bundle (no webpack at start)", async () => {
    const endpoints = await readStackEndpoints();
    // Readable by the image's user, inside the (read-only) rootfs.
    const kubeconfig = '/etc/microstax/kubeconfig';
    await mkdir(path.join(image.rootfs, path.dirname(kubeconfig)), { recursive: true });
    await copyFile(endpoints.kubeconfigPath, path.join(image.rootfs, kubeconfig));
    await chmod(path.join(image.rootfs, kubeconfig), 0o644);
    const taskQueue = `microstax-image-${randomUUID()}`;
    const worker = startImage(image, {
      args: [...CLI, 'worker', '--no-schedules', '--task-queue', taskQueue],
      env: {
        TEMPORAL_ADDRESS: endpoints.temporal.address,
        TEMPORAL_NAMESPACE: endpoints.temporal.namespace,
        MICROSTAX_CODEC_KEY: randomBytes(32).toString('base64'),
        KUBECONFIG: kubeconfig,
        DATABASE_URL: database.url,
        MICROSTAX_SNAPSHOT_DIR: '/tmp/snapshots',
      },
      readOnlyRoot: true,
    });
    running.push(worker);
    await waitUntil(
      async () => {
        if (worker.child.exitCode !== null) throw new Error(`the worker exited:\n${worker.output()}`);
        if (!worker.output().includes(`polling task queue ${taskQueue}`)) throw new Error('not polling yet');
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.output()}`);
    });
    expect(worker.output()).toContain('workflows prebuilt /app/dist/workflow-bundle.js');
    await worker.stop();
    expect(worker.output()).toContain('microstax worker: stopped');
  }, 120_000);

  it('a second run builds and pushes nothing (dist/ is fresh, node_modules are cached)', async () => {
    const second = await ensureImages({
      registry: testRegistry.part.address,
      progress: silentProgress,
      only: ['microstax'],
    });
    expect(second.builds.every((b) => b.cached)).toBe(true);
    expect(second.images.map((published) => [published.digest, published.push])).toEqual([
      [build.digest, 'present'],
    ]);
    console.info(`microstax image: warm run ${(second.totalMs / 1000).toFixed(1)}s`);
  }, 300_000);
});
