import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3ArtifactStore } from '../../activities/s3-artifact-store.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { readObjectStoreCredentials } from '../../local/stack/object-store.js';

/**
 * The local stack's object store as the worker reaches it (S3 API, its bucket, its keys); fails
 * loudly when the stack runs none. `prefix` keeps a test's artifacts apart from others'.
 */
export async function stackObjectStore(prefix = ''): Promise<{
  store: S3ArtifactStore;
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}> {
  const { objectStore } = await readStackEndpoints();
  if (!objectStore)
    throw new Error('the local stack runs no object store: run `node bin/microstax.js stack up`');
  const credentials = await readObjectStoreCredentials(objectStore.credentialsFile);
  const store = new S3ArtifactStore({
    bucket: objectStore.bucket,
    prefix,
    region: 'us-east-1',
    endpoint: objectStore.endpoint,
    credentials,
  });
  return { store, endpoint: objectStore.endpoint, bucket: objectStore.bucket, credentials };
}

/** The keys under a prefix of the stack's snapshot bucket. */
export async function listStackObjects(prefix: string): Promise<string[]> {
  const { endpoint, bucket, credentials } = await stackObjectStore();
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
  } finally {
    client.destroy();
  }
}

/** Removes every object under a prefix of the stack's snapshot bucket (a test's own artifacts). */
export async function removeStackObjects(prefix: string): Promise<void> {
  const { endpoint, bucket, credentials } = await stackObjectStore();
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  try {
    for (;;) {
      const keys = await listStackObjects(prefix);
      if (keys.length === 0) return;
      await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }),
      );
    }
  } finally {
    client.destroy();
  }
}
