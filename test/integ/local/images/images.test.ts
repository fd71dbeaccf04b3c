import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EnsureImagesResult,
  ensureImages,
  IMAGE_SPECS,
  PUBLISHED_IMAGES,
} from '../../../../local/images/index.js';
import { registryManifestDigest } from '../../../../local/images/registry-push.js';
import { waitUntil } from '../../../../local/stack/probes.js';
import { silentProgress } from '../../../../local/stack/progress.js';
import type { RegistryPart } from '../../../../local/stack/registry.js';
import { freePort, type RunningImage, runInImage, startImage, unpackImage } from './support/rootfs-runner.js';
import { startTestRegistry, type TestRegistry } from './support/test-registry.js';

/**
 * The images, built from Debian packages and pushed to a real docker-registry started for this
 * file (a free port, a temporary storage dir). The cache is the machine's: a cold build happens
 * once per machine, later runs only push. Then the images themselves run: Postgres initialises
 * and serves with a password, Redis answers, and checkout-api serves seeded products through both.
 */

const SEED_SQL = path.resolve('blueprints/examples/checkout-dev/scripts/seed.sql');

let testRegistry: TestRegistry;
let registry: RegistryPart;
let workDir: string;
let first: EnsureImagesResult;

beforeAll(async () => {
  testRegistry = await startTestRegistry();
  registry = testRegistry.part;
  workDir = testRegistry.dir;
}, 120_000);

afterAll(async () => {
  await testRegistry?.stop();
});

describe('ensureImages', () => {
  it('builds every image and pushes each published name; the registry answers their manifests', async () => {
    first = await ensureImages({ registry: registry.address, progress: silentProgress });
    expect(first.images.map((image) => image.reference).sort()).toEqual(
      PUBLISHED_IMAGES.map((image) => image.reference).sort(),
    );
    // A fresh registry: everything was pushed.
    expect(first.images.every((image) => image.push === 'pushed')).toBe(true);
    for (const image of first.images) {
      const digest = await registryManifestDigest({
        registry: registry.address,
        repository: image.repository,
        tag: image.tag,
      });
      expect(digest, image.reference).toBe(image.digest);
    }
    const byReference = new Map(first.images.map((image) => [image.reference, image]));
    expect(byReference.get('docker.io/library/postgres:16-alpine')?.repository).toBe('library/postgres');
    expect(byReference.get('registry.k8s.io/pause:3.10')?.repository).toBe('pause');
    // latest and 1.0 are one image; 2.0 is another.
    const latest = byReference.get('ghcr.io/acme/checkout-api:latest')!;
    expect(byReference.get('ghcr.io/acme/checkout-api:1.0')?.digest).toBe(latest.digest);
    expect(byReference.get('ghcr.io/acme/checkout-api:2.0')?.digest).not.toBe(latest.digest);
    console.info(
      `images: ${first.builds.map((b) => `${b.id} ${b.cached ? 'cached' : `built in ${(b.buildMs / 1000).toFixed(1)}s`} ${(b.size / 1e6).toFixed(1)} MB`).join('; ')}; total ${(first.totalMs / 1000).toFixed(1)}s`,
    );
  }, 900_000);

  it('a second run builds and pushes nothing', async () => {
    const second = await ensureImages({ registry: registry.address, progress: silentProgress });
    expect(second.builds.every((build) => build.cached)).toBe(true);
    expect(second.images.every((image) => image.push === 'present')).toBe(true);
    expect(second.images.map((image) => image.digest)).toEqual(first.images.map((image) => image.digest));
    console.info(`images: warm run ${(second.totalMs / 1000).toFixed(1)}s`);
  }, 120_000);

  it('labels the postgres image with the real Debian PostgreSQL version', async () => {
    const postgres = first.builds.find((build) => build.id === 'postgres')!;
    const layoutDir = path.join(first.cacheDir, 'oci');
    const blob = async <T>(digest: string) =>
      JSON.parse(
        await readFile(path.join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length)), 'utf8'),
      ) as T;
    const manifest = await blob<{ config: { digest: string } }>(postgres.digest);
    const config = await blob<{ config: { Labels: Record<string, string>; Env: string[] } }>(
      manifest.config.digest,
    );
    expect(config.config.Labels['org.opencontainers.image.version']).toMatch(/^15\.\d+/);
    expect(config.config.Env).toContain('PGDATA=/var/lib/postgresql/data');
  });
});

describe('the images run', () => {
  const running: RunningImage[] = [];
  let postgresPort = 0;
  afterAll(async () => {
    for (const image of running.reverse()) await image.stop();
  });

  const unpack = async (id: string, bundleName = id) => {
    const build = first.builds.find((candidate) => candidate.id === id);
    if (!build) throw new Error(`no build ${id}; known: ${IMAGE_SPECS.map((spec) => spec.id).join(', ')}`);
    return unpackImage({
      layoutDir: path.join(first.cacheDir, 'oci'),
      tag: build.tag,
      bundle: path.join(workDir, `bundle-${bundleName}`),
    });
  };

  it('postgres: the entrypoint initialises the data dir, creates the database, and serves with password auth; psql applies the seed', async () => {
    const image = await unpack('postgres');
    const port = await freePort();
    postgresPort = port;
    const server = startImage(image, {
      env: { POSTGRES_PASSWORD: 'secret', POSTGRES_DB: 'checkout', PGPORT: String(port) },
      asRoot: true,
    });
    running.push(server);
    const url = `postgres://postgres:secret@127.0.0.1:${port}/checkout`;
    const version = await waitUntil(
      async () => {
        if (server.child.exitCode !== null) throw new Error(`postgres exited:\n${server.output()}`);
        const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
        try {
          await client.connect();
          return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!
            .server_version;
        } finally {
          await client.end().catch(() => {});
        }
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${server.output()}`);
    });
    expect(version).toMatch(/^15\./);
    expect(server.output()).toContain('database initialised in /var/lib/postgresql/data');
    // Superuser postgres: the cluster made at build time, not initdb; the password is still this one.
    expect(server.output()).toContain(
      'prepared cluster copied from /usr/local/share/postgresql/prepared-data',
    );
    expect(server.output()).not.toContain('initdb');
    expect(server.output()).not.toContain('secret');

    const wrongPassword = new pg.Client({ connectionString: url.replace('secret', 'wrong') });
    await expect(wrongPassword.connect()).rejects.toThrow(/password authentication failed/);
    await wrongPassword.end().catch(() => {});

    // The image is also the init Jobs' SQL client: pg_isready and psql, as deploy/manifests/init-job.ts runs them.
    const seed = await readFile(SEED_SQL, 'utf8');
    await runInImage(image, {
      args: [
        'sh',
        '-euc',
        `until pg_isready -q -h 127.0.0.1 -p ${port}; do sleep 1; done; printf '%s' "$SEED" | psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -p ${port} -U postgres -d checkout -f -`,
      ],
      env: { PGPASSWORD: 'secret', SEED: seed },
    });
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const products = await check.query('SELECT sku FROM products ORDER BY id');
    await check.end();
    expect(products.rows.map((row) => row.sku)).toEqual(['TEE-BLK-M', 'MUG-WHT', 'CAP-NVY']);
  }, 180_000);

  it('redis and checkout-api: products come from the seeded database, then from the cache; carts are written', async () => {
    expect(postgresPort, 'the postgres test above must have run').toBeGreaterThan(0);
    const redisPort = await freePort();
    const redis = startImage(await unpack('redis'), { env: { REDIS_PORT: String(redisPort) }, asRoot: true });
    running.push(redis);
    await waitUntil(
      async () => {
        if (!redis.output().includes('Ready to accept connections'))
          throw new Error(`redis not ready:\n${redis.output()}`);
      },
      { timeoutMs: 30_000 },
    );

    const appPort = await freePort();
    const app = startImage(await unpack('checkout-api-2.0'), {
      env: {
        DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${postgresPort}/checkout`,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        PORT: String(appPort),
      },
    });
    running.push(app);
    const base = `http://127.0.0.1:${appPort}`;
    const status = await waitUntil(
      async () => {
        if (app.child.exitCode !== null) throw new Error(`checkout-api exited:\n${app.output()}`);
        const response = await fetch(`${base}/`);
        const body = (await response.json()) as Record<string, unknown>;
        if (response.status !== 200) throw new Error(JSON.stringify(body));
        return { body, header: response.headers.get('x-checkout-version') };
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(status.body).toMatchObject({
      service: 'checkout-api',
      version: '2.0',
      database: 'ok',
      cache: 'ok',
    });
    expect(status.header).toBe('2.0');

    const products = async () => (await fetch(`${base}/products`)).json() as Promise<Record<string, unknown>>;
    const fromDatabase = await products();
    expect(fromDatabase).toMatchObject({ version: '2.0', source: 'database' });
    expect((fromDatabase.products as { sku: string }[]).map((product) => product.sku)).toEqual([
      'TEE-BLK-M',
      'MUG-WHT',
      'CAP-NVY',
    ]);
    expect(await products()).toMatchObject({ source: 'cache', products: fromDatabase.products });

    const created = await fetch(`${base}/carts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: 'bob@example.com' }),
    });
    expect(created.status).toBe(201);
    const { cart } = (await created.json()) as { cart: { id: number } };
    const read = (await (await fetch(`${base}/carts/${cart.id}`)).json()) as Record<string, unknown>;
    expect(read).toMatchObject({
      version: '2.0',
      cart: { id: cart.id, customer: 'bob@example.com', items: [] },
    });
  }, 180_000);

  it('checkout-api 1.0 and hello answer with the version baked into their image', async () => {
    const appPort = await freePort();
    const app = startImage(await unpack('checkout-api-1.0'), {
      env: {
        DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${postgresPort}/checkout`,
        REDIS_URL: 'redis://127.0.0.1:1',
        PORT: String(appPort),
      },
    });
    running.push(app);
    const helloPort = await freePort();
    const hello = startImage(await unpack('hello'), {
      env: { SERVICE_NAME: 'svc-07', SERVICE_VERSION: '3', PORT: String(helloPort) },
    });
    running.push(hello);
    const answer = (url: string, process: RunningImage) =>
      waitUntil(
        async () => {
          if (process.child.exitCode !== null) throw new Error(`exited:\n${process.output()}`);
          const response = await fetch(url);
          return { status: response.status, headers: response.headers, body: await response.json() };
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    const healthz = await answer(`http://127.0.0.1:${appPort}/healthz`, app);
    expect(healthz).toMatchObject({ status: 200, body: { version: '1.0' } });
    expect(healthz.headers.get('x-checkout-version')).toBe('1.0');
    const greeting = await answer(`http://127.0.0.1:${helloPort}/anything`, hello);
    expect(greeting).toMatchObject({
      status: 200,
      body: { service: 'svc-07', version: '3', path: '/anything' },
    });
  }, 120_000);

  it('pause: as PID 1 it reaps orphaned children and exits 0 on SIGTERM', async () => {
    const image = await unpack('pause');
    expect(image.args).toEqual(['/pause']);
    expect([image.uid, image.gid]).toEqual([65535, 65535]);
    // sh forks a short-lived child, then becomes pause (same PID): the child's exit is pause's to reap.
    const sandbox = spawn(
      'unshare',
      [
        '--pid',
        '--fork',
        '--kill-child=SIGKILL',
        'sh',
        '-c',
        `sleep 0.2 & exec ${path.join(image.rootfs, 'pause')}`,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => sandbox.once('exit', resolve));
    const pausePid = await waitUntil(
      async () => {
        const children = (await readFile(`/proc/${sandbox.pid}/task/${sandbox.pid}/children`, 'utf8')).trim();
        if (!children) throw new Error('pause has not started');
        return Number(children.split(' ')[0]);
      },
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const leftovers = (await readFile(`/proc/${pausePid}/task/${pausePid}/children`, 'utf8')).trim();
    expect(leftovers, 'zombie children of pause').toBe('');
    process.kill(pausePid, 'SIGTERM');
    expect(await exited).toBe(0);
  });

  it('postgres without a password: trusts every connection, names the database after POSTGRES_USER, runs /docker-entrypoint-initdb.d', async () => {
    const image = await unpack('postgres', 'postgres-trust');
    await writeFile(
      path.join(image.rootfs, 'docker-entrypoint-initdb.d', '01-greeting.sql'),
      "CREATE TABLE greeting (text text); INSERT INTO greeting VALUES ('hello');\n",
    );
    const port = await freePort();
    const server = startImage(image, { env: { POSTGRES_USER: 'app', PGPORT: String(port) }, asRoot: true });
    running.push(server);
    const rows = await waitUntil(
      async () => {
        if (server.child.exitCode !== null) throw new Error(`postgres exited:\n${server.output()}`);
        const client = new pg.Client({
          connectionString: `postgres://app@127.0.0.1:${port}/app`,
          connectionTimeoutMillis: 2000,
        });
        try {
          await client.connect();
          return (await client.query<{ text: string }>('SELECT text FROM greeting')).rows;
        } finally {
          await client.end().catch(() => {});
        }
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${server.output()}`);
    });
    expect(rows).toEqual([{ text: 'hello' }]);
    expect(server.output()).toContain('POSTGRES_PASSWORD is not set: every connection is trusted');
    // Another superuser name: initdb makes the cluster (the prepared one's superuser is postgres).
    expect(server.output()).not.toContain('prepared cluster copied');
  }, 180_000);

  it("postgres from the prepared cluster: a copy cut short is made again, init scripts run (a .sh editing pg_hba.conf too), the data dir is the server user's alone", async () => {
    const image = await unpack('postgres', 'postgres-prepared');
    const initDir = path.join(image.rootfs, 'docker-entrypoint-initdb.d');
    await writeFile(
      path.join(initDir, '01-greeting.sql'),
      "CREATE TABLE greeting (text text); INSERT INTO greeting VALUES ('hi');\n",
    );
    // As deploy/manifests/data-fork.ts's replication script does.
    await writeFile(
      path.join(initDir, '02-hba.sh'),
      'printf "host replication all all trust\\n" >> "$PGDATA/pg_hba.conf"\n',
    );
    // What a first start killed while copying leaves: its mark and half the files.
    const data = path.join(image.rootfs, 'var/lib/postgresql/data');
    await writeFile(path.join(data, '.microstax-copying-prepared'), '');
    await writeFile(path.join(data, 'PG_VERSION'), '15\n');
    const port = await freePort();
    const server = startImage(image, { env: { POSTGRES_DB: 'shop', PGPORT: String(port) }, asRoot: true });
    running.push(server);
    const rows = await waitUntil(
      async () => {
        if (server.child.exitCode !== null) throw new Error(`postgres exited:\n${server.output()}`);
        const client = new pg.Client({
          connectionString: `postgres://postgres@127.0.0.1:${port}/shop`,
          connectionTimeoutMillis: 2000,
        });
        try {
          await client.connect();
          const greeting = await client.query<{ text: string }>('SELECT text FROM greeting');
          const hba = await client.query<{ type: string; database: string[]; auth_method: string }>(
            "SELECT type, database, auth_method FROM pg_hba_file_rules WHERE address IS DISTINCT FROM '127.0.0.1' AND address IS DISTINCT FROM '::1' ORDER BY line_number",
          );
          return { greeting: greeting.rows, hba: hba.rows };
        } finally {
          await client.end().catch(() => {});
        }
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${server.output()}`);
    });
    expect(server.output()).toContain('a copy of the prepared cluster was cut short: copying again');
    expect(server.output()).toContain('prepared cluster copied');
    expect(rows.greeting).toEqual([{ text: 'hi' }]);
    expect(rows.hba).toEqual([
      { type: 'local', database: ['all'], auth_method: 'trust' },
      { type: 'local', database: ['replication'], auth_method: 'trust' },
      { type: 'host', database: ['all'], auth_method: 'trust' },
      { type: 'host', database: ['replication'], auth_method: 'trust' },
    ]);
    await expect(stat(path.join(data, '.microstax-copying-prepared'))).rejects.toThrow(/ENOENT/);
    const postgresUid = (await readFile(path.join(image.rootfs, 'etc/passwd'), 'utf8')).match(
      /^postgres:x:(\d+):/m,
    )?.[1];
    for (const entry of ['', 'PG_VERSION', 'base', 'global/pg_control']) {
      const info = await stat(path.join(data, entry));
      expect(info.uid, entry).toBe(Number(postgresUid));
      expect(info.mode & 0o077, entry).toBe(0);
    }
  }, 180_000);
});
