import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StackConfig } from './config.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import type { ObjectStorePart, ProcessRecord } from './state.js';
import { VERSIONS } from './versions.js';

/**
 * The stack's object store: versitygw (an S3 gateway over a directory, built from its Go module) on
 * loopback, so snapshots take the same S3 path in tests as in an install on a cluster. Its keys are
 * random per stack, kept in a 0600 file of the state dir and handed to processes through the AWS
 * SDK's own variables, never on a command line.
 */

/** The bucket snapshot artifacts go to. */
export const SNAPSHOT_BUCKET = 'microstax-snapshots';
const HEALTH_PATH = '/health';

export interface ObjectStoreCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

function objectStoreLayout(config: StackConfig) {
  const dir = path.join(config.stateDir, 'objects');
  return {
    dataDir: path.join(dir, 'data'),
    credentialsFile: path.join(dir, 'credentials.json'),
    endpoint: `http://127.0.0.1:${config.ports.objectStore}`,
  };
}

export async function readObjectStoreCredentials(file: string): Promise<ObjectStoreCredentials> {
  return JSON.parse(await readFile(file, 'utf8')) as ObjectStoreCredentials;
}

/** The stack's keys: made once, kept across restarts (artifacts stay readable). */
async function ensureCredentials(file: string): Promise<ObjectStoreCredentials> {
  const existing = await readObjectStoreCredentials(file).catch(() => undefined);
  if (existing) return existing;
  const credentials = {
    accessKeyId: `msx${randomBytes(8).toString('hex')}`,
    secretAccessKey: randomBytes(24).toString('base64url'),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials)}\n`, { mode: 0o600 });
  return credentials;
}

/** Health: versitygw answers its health path. */
export async function checkObjectStore(endpoint: string): Promise<void> {
  const response = await httpGet(`${endpoint}${HEALTH_PATH}`);
  if (response.status !== 200) throw new Error(`GET ${endpoint}${HEALTH_PATH} answered ${response.status}`);
}

/** Starts versitygw over the state dir's object data, with the snapshot bucket in place. */
export async function startObjectStore(options: {
  config: StackConfig;
  binary: string;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<ObjectStorePart> {
  const { config } = options;
  const layout = objectStoreLayout(config);
  const credentials = await ensureCredentials(layout.credentialsFile);
  // The posix backend serves each top-level directory as a bucket.
  await mkdir(path.join(layout.dataDir, SNAPSHOT_BUCKET), { recursive: true });
  const { record } = await startHealthy({
    daemon: {
      name: 'versitygw',
      binary: options.binary,
      args: [
        '--port',
        `127.0.0.1:${config.ports.objectStore}`,
        '--health',
        HEALTH_PATH,
        'posix',
        layout.dataDir,
      ],
      logsDir: config.logsDir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ROOT_ACCESS_KEY_ID: credentials.accessKeyId,
        ROOT_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      },
    },
    ports: [config.ports.objectStore],
    healthCheck: () => checkObjectStore(layout.endpoint),
    timeoutMs: 30_000,
    fix: `read the log; the object store's data is ${layout.dataDir}`,
    onStarted: options.onStarted,
  });
  return {
    version: VERSIONS.versitygw,
    external: false,
    processes: [record],
    endpoint: layout.endpoint,
    bucket: SNAPSHOT_BUCKET,
    credentialsFile: layout.credentialsFile,
  };
}
