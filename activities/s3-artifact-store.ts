import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type ArtifactStore, checkArtifactKey, type StoredArtifact, sha256File } from './artifact-store.js';

/**
 * Artifacts in an object store with the S3 API: AWS S3, or any compatible server (MinIO, Ceph, R2,
 * versitygw) through `endpoint` with path-style addressing. Keys are the ones given (the worker passes
 * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY of its environment) or the SDK's default chain (a web
 * identity token, an instance role). Locations are `s3://<bucket>/<prefix><snapshotId>/<name>`.
 */
export class S3ArtifactStore implements ArtifactStore {
  readonly protocol = 's3:';
  private readonly client: S3Client;
  /** Signs URLs for pods: the endpoint as they reach it (the host is part of the signature). */
  private readonly presigner: S3Client;

  constructor(
    private readonly params: {
      bucket: string;
      /** Key prefix, '' or ending in '/'. */
      prefix: string;
      region: string;
      endpoint?: string;
      /** Keys to sign with; absent: the AWS SDK's default chain (environment, web identity, role). */
      credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
      /** The endpoint as pods in the cluster reach it, for presigned URLs; unset: `endpoint`. */
      podEndpoint?: string;
    },
  ) {
    const config: S3ClientConfig = { region: params.region };
    if (params.credentials) config.credentials = params.credentials;
    if (params.endpoint) Object.assign(config, { endpoint: params.endpoint, forcePathStyle: true });
    this.client = new S3Client(config);
    const podEndpoint = params.podEndpoint ?? params.endpoint;
    this.presigner = podEndpoint
      ? new S3Client({ ...config, endpoint: podEndpoint, forcePathStyle: true })
      : this.client;
  }

  /** The location `put` gives the artifact `<snapshotId>/<name>`. */
  locationOf(snapshotId: string, name: string): string {
    checkArtifactKey(snapshotId, name);
    return `s3://${this.params.bucket}/${this.key(snapshotId, name)}`;
  }

  /**
   * A URL that writes (PUT) or reads (GET) one artifact for `expiresInSeconds`, and nothing else: what a
   * snapshot Job gets instead of the store's keys.
   */
  async presign(params: {
    method: 'PUT' | 'GET';
    location: string;
    expiresInSeconds: number;
  }): Promise<string> {
    const { bucket, key } = this.objectOf(params.location);
    const command =
      params.method === 'PUT'
        ? new PutObjectCommand({ Bucket: bucket, Key: key })
        : new GetObjectCommand({ Bucket: bucket, Key: key });
    return getSignedUrl(this.presigner, command, { expiresIn: params.expiresInSeconds });
  }

  /** The port presigned URLs connect to (a snapshot Job's pod may reach only it). */
  get podPort(): number {
    const endpoint = this.params.podEndpoint ?? this.params.endpoint;
    if (!endpoint) return 443;
    const url = new URL(endpoint);
    return Number(url.port) || (url.protocol === 'http:' ? 80 : 443);
  }

  private objectOf(location: string): { bucket: string; key: string } {
    const url = new URL(location);
    if (url.protocol !== this.protocol) throw new Error(`this store cannot read ${url.protocol} artifacts`);
    if (url.host !== this.params.bucket) {
      throw new Error(`artifact ${location} is not in this store's bucket ${this.params.bucket}`);
    }
    return { bucket: url.host, key: decodeURIComponent(url.pathname.slice(1)) };
  }

  private key(snapshotId: string, name = ''): string {
    return `${this.params.prefix}${snapshotId}/${name}`;
  }

  async put(params: { snapshotId: string; name: string; file: string }): Promise<StoredArtifact> {
    checkArtifactKey(params.snapshotId, params.name);
    const key = this.key(params.snapshotId, params.name);
    // Multipart in parts of 16 MiB, a few at a time: a dump of any size in bounded memory.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.params.bucket, Key: key, Body: createReadStream(params.file) },
      partSize: 16 * 1024 * 1024,
      queueSize: 2,
    });
    await upload.done().catch(failed(`storing s3://${this.params.bucket}/${key}`));
    const { size } = await stat(params.file);
    return {
      location: `s3://${this.params.bucket}/${key}`,
      bytes: size,
      sha256: await sha256File(params.file),
    };
  }

  async get(params: { location: string; file: string }): Promise<void> {
    const url = new URL(params.location);
    if (url.protocol !== this.protocol) throw new Error(`this store cannot read ${url.protocol} artifacts`);
    if (url.host !== this.params.bucket) {
      throw new Error(`artifact ${params.location} is not in this store's bucket ${this.params.bucket}`);
    }
    const object = await this.client
      .send(new GetObjectCommand({ Bucket: url.host, Key: decodeURIComponent(url.pathname.slice(1)) }))
      .catch(failed(`reading ${params.location}`));
    await pipeline(object.Body as Readable, createWriteStream(params.file));
  }

  async discard(snapshotId: string): Promise<void> {
    checkArtifactKey(snapshotId);
    for (;;) {
      const listed = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.params.bucket, Prefix: this.key(snapshotId) }))
        .catch(failed(`listing s3://${this.params.bucket}/${this.key(snapshotId)}`));
      const keys = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length === 0) return;
      await this.client
        .send(
          new DeleteObjectsCommand({ Bucket: this.params.bucket, Delete: { Objects: keys, Quiet: true } }),
        )
        .catch(failed(`deleting under s3://${this.params.bucket}/${this.key(snapshotId)}`));
    }
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
    if (this.presigner !== this.client) this.presigner.destroy();
  }
}

/** An SDK error named by what was being done and the S3 error code (the message alone is vague). */
function failed(doing: string): (error: unknown) => never {
  return (error) => {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`object store: ${doing} failed: ${name}: ${message}`, { cause: error });
  };
}

/** Parses `s3://bucket[/prefix]` into the bucket and a prefix that is '' or ends in '/'. */
export function parseS3Url(value: string): { bucket: string; prefix: string } {
  const url = new URL(value);
  if (url.protocol !== 's3:' || !url.host) throw new Error(`not an s3://bucket[/prefix] URL: ${value}`);
  const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  return { bucket: url.host, prefix: path ? `${path}/` : '' };
}
