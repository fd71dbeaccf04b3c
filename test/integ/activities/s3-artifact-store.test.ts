import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../activities/artifact-store.js';
import { S3ArtifactStore } from '../../../activities/s3-artifact-store.js';
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
});
