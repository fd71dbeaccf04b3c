import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../activities/artifact-store.js';
import { S3ArtifactStore } from '../../../activities/s3-artifact-store.js';
import { RESULT_PREFIX, renderSnapshotJob } from '../../../deploy/manifests/snapshot-job.js';
import { stackObjectStore } from '../../support/object-store.js';

/** Snapshot artifacts in the stack's object store (versitygw), through the S3 API the worker uses. */

let dir: string;
let stack: Awaited<ReturnType<typeof stackObjectStore>>;
const prefix = `s3-test-${randomBytes(4).toString('hex')}/`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 's3-store-'));
  stack = await stackObjectStore(prefix);
});
afterAll(async () => {
  await stack?.store.discard('snap-a');
  await stack?.store.discard('snap-b');
  await stack?.store.discard('snap-c');
  stack?.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3ArtifactStore against the stack object store', () => {
  it('keeps a file of several multipart parts and gives back the same bytes', async () => {
    // 40 MiB: three parts of 16 MiB, so the multipart path is the one tested.
    const file = path.join(dir, 'big.dump');
    await writeFile(file, randomBytes(40 * 1024 * 1024));
    const stored = await stack.store.put({ snapshotId: 'snap-a', name: 'db.dump', file });
    expect(stored).toMatchObject({
      location: `s3://${stack.bucket}/${prefix}snap-a/db.dump`,
      bytes: 40 * 1024 * 1024,
      sha256: await sha256File(file),
    });
    const back = path.join(dir, 'back.dump');
    await stack.store.get({ location: stored.location, file: back });
    expect(await sha256File(back)).toBe(stored.sha256);
  });

  it("discards one snapshot's artifacts only, and again when they are gone", async () => {
    const file = path.join(dir, 'small.dump');
    await writeFile(file, 'rows');
    const keep = await stack.store.put({ snapshotId: 'snap-b', name: 'db.dump', file });
    const gone = await stack.store.put({ snapshotId: 'snap-a', name: 'cache.rdb', file });
    await stack.store.discard('snap-a');
    await stack.store.discard('snap-a');
    await expect(stack.store.get({ location: gone.location, file: path.join(dir, 'x') })).rejects.toThrow(
      /^object store: reading s3:.* failed: NoSuchKey: /,
    );
    await stack.store.get({ location: keep.location, file: path.join(dir, 'kept') });
    expect(await readFile(path.join(dir, 'kept'), 'utf8')).toBe('rows');
  });

  it('refuses keys that leave the snapshot, locations of another bucket or scheme, and wrong keys', async () => {
    const file = path.join(dir, 'small.dump');
    await writeFile(file, 'rows');
    await expect(stack.store.put({ snapshotId: '../x', name: 'db.dump', file })).rejects.toThrow(
      /not a snapshot id/,
    );
    await expect(stack.store.put({ snapshotId: 'snap-b', name: '../db', file })).rejects.toThrow(
      /not an artifact name/,
    );
    await expect(
      stack.store.get({ location: 's3://another-bucket/snap-b/db.dump', file: path.join(dir, 'y') }),
    ).rejects.toThrow(/not in this store's bucket/);
    await expect(
      stack.store.get({ location: 'file:///etc/passwd', file: path.join(dir, 'y') }),
    ).rejects.toThrow(/cannot read file: artifacts/);
    const wrong = new S3ArtifactStore({
      bucket: stack.bucket,
      prefix,
      region: 'us-east-1',
      endpoint: stack.endpoint,
      credentials: { ...stack.credentials, secretAccessKey: 'not-the-secret' },
    });
    try {
      await expect(wrong.put({ snapshotId: 'snap-b', name: 'other.dump', file })).rejects.toThrow(
        /^object store: storing s3:\/\/microstax-snapshots\/s3-test-\w+\/snap-b\/other\.dump failed: SignatureDoesNotMatch: /,
      );
    } finally {
      wrong.close();
    }
  });

  it("moves a snapshot Job's file through presigned URLs only: the Job's own upload and download scripts", async () => {
    const work = path.join(dir, 'work');
    await mkdir(work, { recursive: true });
    const content = randomBytes(3 * 1024 * 1024 + 7);
    await writeFile(path.join(work, 'artifact.dump'), content);
    const location = stack.store.locationOf('snap-c', 'db.dump');
    const put = await stack.store.presign({ method: 'PUT', location, expiresInSeconds: 300 });
    expect(put).not.toContain(stack.credentials.secretAccessKey);
    const uploaded = await transfer('dump', work, put);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    const line = uploaded.stdout.trim().split('\n').at(-1)!;
    expect(line.startsWith(RESULT_PREFIX)).toBe(true);
    const result = JSON.parse(line.slice(RESULT_PREFIX.length));
    expect(result).toEqual({
      sha256: await sha256File(path.join(work, 'artifact.dump')),
      bytes: content.length,
    });
    // What the Job stored is what the worker's own client reads.
    await stack.store.get({ location, file: path.join(dir, 'via-s3') });
    expect(await sha256File(path.join(dir, 'via-s3'))).toBe(result.sha256);

    const get = await stack.store.presign({ method: 'GET', location, expiresInSeconds: 300 });
    await rm(path.join(work, 'artifact.dump'));
    const downloaded = await transfer('restore', work, get, result.sha256);
    expect(downloaded.code, downloaded.stderr).toBe(0);
    expect(await sha256File(path.join(work, 'artifact.dump'))).toBe(result.sha256);
    const mismatch = await transfer('restore', work, get, '0'.repeat(64));
    expect([mismatch.code, mismatch.stderr.trim()]).toEqual([4, 'the artifact does not match its sha256']);
    // A URL for GET does not write, and a tampered one is refused: the store's answer, no URL echoed.
    // A small body: the store answers and closes at once, and a big one still unread would reset the
    // connection before its answer is read (exit 2, "write ECONNRESET").
    await writeFile(path.join(work, 'artifact.dump'), 'rows');
    const refused = await transfer('dump', work, get);
    expect(refused.code, refused.stderr).toBe(3);
    expect(refused.stderr).toMatch(/^object store answered 403 SignatureDoesNotMatch/);
    expect(refused.stderr + refused.stdout).not.toContain('X-Amz-Signature');
  });
});

/** Runs the transfer container's script of a rendered Job with this host's node, in `work` for /work. */
async function transfer(
  kind: 'dump' | 'restore',
  work: string,
  url: string,
  sha256?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const job = renderSnapshotJob({
    kind,
    name: 'snapshot-test',
    namespace: 'msx-test',
    environmentId: 'test',
    service: 'db',
    image: 'postgres:16-alpine',
    host: 'db',
    port: 5432,
    engine: 'postgres',
    databaseEnv: [],
    transferImage: 'node',
    sha256,
    scheduling: {},
    storePort: 9000,
    deadlineSeconds: 60,
  });
  const pod = job.spec!.template.spec!;
  const container = [...pod.initContainers!, ...pod.containers].find((c) => c.command![0] === 'node')!;
  const script = container.command![2]!.replaceAll("'/work/", `'${work}/`);
  const child = spawn(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH, ARTIFACT_URL: url, ...(sha256 && { ARTIFACT_SHA256: sha256 }) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
