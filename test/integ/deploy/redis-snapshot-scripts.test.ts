import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryArtifactStore } from '../../../activities/artifact-store.js';
import { RedisRdbEngine } from '../../../activities/redis-rdb-engine.js';
import type { ResolvedService } from '../../../blueprints/resolved.js';
import { renderSnapshotJob, type SnapshotJobKind } from '../../../deploy/manifests/snapshot-job.js';
import { ensureDebianPackages } from '../../../local/stack/debian-packages.js';
import { waitUntil } from '../../../local/stack/probes.js';
import { silentProgress } from '../../../local/stack/progress.js';
import { freePort } from '../local/images/support/rootfs-runner.js';

/**
 * The Redis snapshot scripts, as a Job runs them and as the worker's RedisRdbEngine does. The Job's own
 * shell scripts (dump: redis-cli --rdb; restore: a scratch redis-server and
 * MIGRATE), run on this host against real redis-servers on free loopback ports, with the Job's /work
 * and scratch port moved to this run's: what the real-node round trip cannot cheaply show, the
 * failures (an unreadable RDB, a refused FLUSHALL) and keys of any bytes in several databases.
 */
const ODD_KEY = 'line\nbreak "quoted" \\ key\x00nul';

/** A password redis-cli must read back byte for byte: a quote, a backslash, a space. */
const TARGET_PASSWORD = 'ta"rget\\se cret';

describe('Redis snapshot Job scripts against real redis-servers', () => {
  let work: string;
  const servers: ChildProcess[] = [];
  let source: number;
  let target: number;
  let scratchPort: number;

  async function startRedis(extra: string[] = []): Promise<number> {
    const port = await freePort();
    const server = spawn(
      '/usr/bin/redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra],
      { stdio: 'ignore' },
    );
    servers.push(server);
    const password = extra[0] === '--requirepass' ? extra[1] : undefined;
    await waitUntil(async () => (await redisAt(port, 0, password)).destroy(), {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    return port;
  }

  async function redisAt(port: number, database: number, password?: string) {
    const client = createClient({
      url: `redis://127.0.0.1:${port}/${database}`,
      ...(password && { password }),
      socket: { reconnectStrategy: false },
    });
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** Runs the rendered script of the data container with sh, as the Job's pod would. */
  function run(kind: SnapshotJobKind, env: Record<string, string>) {
    const pod = renderSnapshotJob({
      kind,
      engine: 'redis',
      name: 'snapshot-test',
      namespace: 'msx-test',
      environmentId: 'test',
      service: 'cache',
      image: 'redis:7-alpine',
      host: '127.0.0.1',
      port: 6379,
      databaseEnv: [],
      transferImage: 'node',
      scheduling: {},
      storePort: 9000,
      deadlineSeconds: 60,
    }).spec!.template.spec!;
    const container = [...pod.initContainers!, ...pod.containers].find((c) => c.command![0] === 'sh')!;
    const script = container
      .command![2]!.replaceAll('/work/', `${work}/`)
      .replaceAll('/work ', `${work} `)
      .replaceAll('6390', String(scratchPort));
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('sh', ['-c', script], {
        env: { PATH: process.env.PATH, REDIS_HOST: '127.0.0.1', ...env },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => resolve({ code, output }));
    });
  }

  beforeAll(async () => {
    await ensureDebianPackages({
      part: 'redis snapshot scripts test',
      packages: ['redis-server'],
      progress: silentProgress,
    });
    work = await mkdtemp(join(tmpdir(), 'msx-redis-snapshot-'));
    scratchPort = await freePort();
    // A diskless sync waits 5 s for more replicas by default; this test needs no such wait.
    source = await startRedis(['--repl-diskless-sync-delay', '0']);
    target = await startRedis(['--requirepass', TARGET_PASSWORD]);
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('a dump and a restore carry every key (TTL, hash, database 1, odd bytes) and drop what the target had', async () => {
    const [zero, one] = [await redisAt(source, 0), await redisAt(source, 1)];
    await zero.set('plain', 'kept');
    await zero.set('expiring', 'soon', { EX: 3600 });
    await zero.hSet('hash', { a: '1', b: '2' });
    await zero.set(ODD_KEY, 'odd');
    for (let i = 0; i < 250; i++) await one.set(`many:${i}`, String(i));
    zero.destroy();
    one.destroy();
    const dumped = await run('dump', { REDIS_PORT: String(source) });
    expect(dumped, dumped.output).toMatchObject({ code: 0 });
    expect((await stat(join(work, 'artifact.dump'))).size).toBeGreaterThan(0);

    const before = await redisAt(target, 0, TARGET_PASSWORD);
    await before.set('stale', 'from before the restore');
    before.destroy();
    const restored = await run('restore', { REDIS_PORT: String(target), REDIS_PASSWORD: TARGET_PASSWORD });
    expect(restored, restored.output).toMatchObject({ code: 0 });

    const [t0, t1] = [await redisAt(target, 0, TARGET_PASSWORD), await redisAt(target, 1, TARGET_PASSWORD)];
    try {
      expect(await t0.get('stale')).toBeNull();
      expect(await t0.get('plain')).toBe('kept');
      const ttl = await t0.ttl('expiring');
      expect(ttl).toBeGreaterThan(3500);
      expect(await t0.hGetAll('hash')).toEqual({ a: '1', b: '2' });
      expect(await t0.get(ODD_KEY)).toBe('odd');
      expect(await t1.dbSize()).toBe(250);
      expect(await t1.get('many:249')).toBe('249');
    } finally {
      t0.destroy();
      t1.destroy();
    }
  });

  it('an RDB the scratch server cannot read fails before the service is touched; a refused FLUSHALL is named', async () => {
    const client = await redisAt(target, 0, TARGET_PASSWORD);
    await client.set('untouched', 'yes');
    await writeFile(join(work, 'artifact.dump'), 'not an RDB');
    const corrupt = await run('restore', { REDIS_PORT: String(target), REDIS_PASSWORD: TARGET_PASSWORD });
    expect(corrupt.code).toBe(5);
    expect(corrupt.output).toContain('the snapshot does not load:');
    expect(await client.get('untouched')).toBe('yes');

    // A readable RDB again, then a wrong password: the target refuses FLUSHALL and keeps its data.
    expect((await run('dump', { REDIS_PORT: String(source) })).code).toBe(0);
    const refused = await run('restore', { REDIS_PORT: String(target), REDIS_PASSWORD: 'wrong' });
    expect(refused.code).toBe(6);
    expect(refused.output).toMatch(/FLUSHALL on 127\.0\.0\.1 answered: .*WRONGPASS/);
    expect(await client.get('untouched')).toBe('yes');
    client.destroy();
  });

  describe('the worker runner (RedisRdbEngine: the same scripts on this host, an artifact store)', () => {
    const cache = { name: 'cache', image: 'redis:7-alpine' } as ResolvedService;
    const quiet = { heartbeat: () => {}, signal: new AbortController().signal };
    let store: DirectoryArtifactStore;
    let engine: RedisRdbEngine;
    /** The target's password as the engine reads it from the workload; changed to a wrong one by a test. */
    let targetPassword = TARGET_PASSWORD;

    beforeAll(async () => {
      store = new DirectoryArtifactStore(join(work, 'store'));
      engine = new RedisRdbEngine({
        store,
        scratchDir: work,
        endpointFor: async ({ environmentId }) =>
          environmentId === 'source'
            ? { host: '127.0.0.1', port: source }
            : { host: '127.0.0.1', port: target, password: targetPassword },
      });
    });

    const capture = (snapshotId: string) =>
      engine.capture({ snapshotId, environmentId: 'source', service: cache, ...quiet });
    const restore = (artifact: { location: string; bytes: number; sha256: string }) =>
      engine.restore({
        environmentId: 'target',
        service: cache,
        artifact: { service: 'cache', engine: 'redis-rdb', ...artifact },
        ...quiet,
      });

    it('captures an RDB into the store and restores it: every key back, what the target had gone', async () => {
      const two = await redisAt(source, 2);
      await two.set('engine:plain', 'from the worker');
      await two.set('engine:ttl', 'soon', { EX: 3600 });
      await two.set(ODD_KEY, 'odd in 2');
      two.destroy();
      const artifact = await capture('snap-worker-1');
      expect(artifact.location).toMatch(/^file:\/\/.*\/snap-worker-1\/cache\.rdb$/);
      expect(artifact.bytes).toBeGreaterThan(0);
      expect(artifact.sha256).toMatch(/^[0-9a-f]{64}$/);

      const before = await redisAt(target, 2, TARGET_PASSWORD);
      await before.set('stale', 'from before the restore');
      before.destroy();
      await restore(artifact);
      const after = await redisAt(target, 2, TARGET_PASSWORD);
      try {
        expect(await after.get('stale')).toBeNull();
        expect(await after.get('engine:plain')).toBe('from the worker');
        expect(await after.ttl('engine:ttl')).toBeGreaterThan(3500);
        expect(await after.get(ODD_KEY)).toBe('odd in 2');
      } finally {
        after.destroy();
      }
    });

    it('refuses, without retry and before touching the service, an artifact that fails its sha256 or does not load', async () => {
      const client = await redisAt(target, 0, TARGET_PASSWORD);
      await client.set('untouched', 'yes');
      const artifact = await capture('snap-worker-2');
      const tampered = restore({ ...artifact, sha256: 'a'.repeat(64) });
      await expect(tampered).rejects.toThrow(/does not match its sha256/);
      await expect(tampered).rejects.toMatchObject({ retryable: false });

      const garbage = join(work, 'garbage.rdb');
      await writeFile(garbage, 'not an RDB');
      const stored = await store.put({ snapshotId: 'snap-worker-3', name: 'cache.rdb', file: garbage });
      const unreadable = restore(stored);
      await expect(unreadable).rejects.toThrow(/the snapshot does not load/);
      await expect(unreadable).rejects.toMatchObject({ retryable: false });
      expect(await client.get('untouched')).toBe('yes');

      // A refused FLUSHALL is named (and may be retried); the password is in no message.
      targetPassword = 'wrong-password';
      const refused = await restore(artifact).catch((error: Error) => error);
      targetPassword = TARGET_PASSWORD;
      expect(refused).toBeInstanceOf(Error);
      expect((refused as Error).message).toMatch(/FLUSHALL on 127\.0\.0\.1 answered: .*WRONGPASS/);
      expect((refused as Error).message).not.toContain('wrong-password');
      expect((refused as { retryable?: boolean }).retryable).toBeUndefined();
      expect(await client.get('untouched')).toBe('yes');
      client.destroy();
    });
  });
});
