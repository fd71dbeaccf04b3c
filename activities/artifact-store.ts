import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where snapshot artifacts are kept: a directory (`file:`, one worker host or a shared volume) or an
 * object store with the S3 API (`s3:`, what an install in a cluster uses). Engines write each artifact
 * to a local file first and hand it over, and get one back as a local file to restore from, so a
 * store only moves whole files and a checksum guards every restore.
 */
export interface ArtifactStore {
  /** The URL scheme of the locations this store hands out, e.g. `s3:`. */
  readonly protocol: string;
  /** Stores a local file as `<snapshotId>/<name>`; returns its location, size and sha256. */
  put(params: { snapshotId: string; name: string; file: string }): Promise<StoredArtifact>;
  /** Copies the artifact at `location` into the local file `file`. */
  get(params: { location: string; file: string }): Promise<void>;
  /** Removes everything stored for the snapshot; succeeds when nothing is there. */
  discard(snapshotId: string): Promise<void>;
}

export interface StoredArtifact {
  location: string;
  bytes: number;
  sha256: string;
}

/** What a snapshot id may look like: it becomes a directory name or key prefix, so no dots or separators. */
const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ARTIFACT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Refuses a snapshot id or artifact name that could step outside the store's own place. */
export function checkArtifactKey(snapshotId: string, name?: string): void {
  if (!SNAPSHOT_ID.test(snapshotId)) throw new Error(`not a snapshot id: ${snapshotId}`);
  if (name !== undefined && !ARTIFACT_NAME.test(name)) throw new Error(`not an artifact name: ${name}`);
}

/** Refuses, for good (not retried), an artifact this engine's store cannot read: another store made it. */
export function checkArtifactStore(engine: string, store: ArtifactStore, location: string): void {
  const { protocol } = new URL(location);
  if (protocol !== store.protocol) {
    throw Object.assign(
      new Error(`${engine} keeps artifacts in a ${store.protocol} store; cannot read ${protocol} artifacts`),
      { retryable: false },
    );
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A store in a directory of this host (or a volume mounted on every worker). */
export class DirectoryArtifactStore implements ArtifactStore {
  readonly protocol = 'file:';

  constructor(private readonly dir: string) {}

  async put(params: { snapshotId: string; name: string; file: string }): Promise<StoredArtifact> {
    checkArtifactKey(params.snapshotId, params.name);
    const target = join(this.dir, params.snapshotId, params.name);
    await mkdir(dirname(target), { recursive: true });
    // A temp name and a rename: a retried capture never leaves half a file under the final name.
    const partial = `${target}.${process.pid}.partial`;
    await copyFile(params.file, partial);
    await rename(partial, target);
    const { size } = await stat(target);
    return { location: pathToFileURL(target).href, bytes: size, sha256: await sha256File(target) };
  }

  async get(params: { location: string; file: string }): Promise<void> {
    const url = new URL(params.location);
    if (url.protocol !== this.protocol) throw new Error(`this store cannot read ${url.protocol} artifacts`);
    await copyFile(fileURLToPath(url), params.file);
  }

  async discard(snapshotId: string): Promise<void> {
    checkArtifactKey(snapshotId);
    await rm(join(this.dir, snapshotId), { recursive: true, force: true });
  }
}
