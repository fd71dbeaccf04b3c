import type {
  V1Container,
  V1EnvVar,
  V1Job,
  V1NetworkPolicy,
  V1ObjectMeta,
  V1PodSpec,
  V1Secret,
} from '@kubernetes/client-node';
import { LABELS } from '../labels.js';
import { shortHash } from '../names.js';
import { redisDumpScript, redisRestoreScript } from './redis-snapshot-script.js';
import { containerSecurityContext, podSecurityContext } from './security.js';

/**
 * A snapshot's dump or restore as a Job next to the data service: the service's own image runs its
 * engine's tools against it by cluster DNS (Postgres: pg_dump, or pg_restore and psql; Redis: redis-cli
 * --rdb, or a scratch redis-server loading the RDB and MIGRATE), and a transfer container (an image with
 * Node: MicroStax's own) moves the file to or from the object store through a presigned URL. The URL
 * reaches the pod through a Secret the worker deletes with the Job; no store credential ever does.
 */

export type SnapshotJobKind = 'dump' | 'restore';
/** The data engines a Job can dump and restore. */
export type SnapshotJobEngine = 'postgres' | 'redis';

/** Where the dump waits between the two containers. */
const WORK_DIR = '/work';
const ARTIFACT = `${WORK_DIR}/artifact.dump`;
/** What the upload container prints last: the stored file's sha256 and size, as JSON. */
export const RESULT_PREFIX = 'microstax-artifact ';
/** The download container's exit code when the artifact does not match its sha256. */
export const SHA256_MISMATCH_EXIT = 4;
/** Names the Job on its pod, Secret and NetworkPolicy. */
export const SNAPSHOT_JOB_LABEL = 'microstax.dev/snapshot-job';

/** Job (and Secret, NetworkPolicy) name: the same for a retried attempt of the same work. */
export function snapshotJobName(params: {
  kind: SnapshotJobKind;
  snapshotId: string;
  service: string;
  environmentId: string;
}): string {
  const hash = shortHash(`${params.kind}:${params.snapshotId}:${params.service}:${params.environmentId}`);
  return `snapshot-${params.kind}-${params.service.slice(0, 63 - 26)}-${hash}`;
}

/**
 * Uploads ARTIFACT to the presigned PUT URL in $ARTIFACT_URL with Content-Length (S3 takes no chunked
 * body); prints RESULT_PREFIX + {sha256, bytes}. node:http(s), so any Node the image has will do.
 */
const UPLOAD_SCRIPT = `
const fs = require('node:fs');
const crypto = require('node:crypto');
(async () => {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream('${ARTIFACT}')) hash.update(chunk);
  const bytes = fs.statSync('${ARTIFACT}').size;
  const url = new URL(process.env.ARTIFACT_URL);
  const client = require(url.protocol === 'https:' ? 'node:https' : 'node:http');
  const response = await new Promise((resolve, reject) => {
    const request = client.request(url, { method: 'PUT', headers: { 'content-length': bytes } }, resolve);
    request.on('error', reject);
    fs.createReadStream('${ARTIFACT}').on('error', reject).pipe(request);
  });
  let body = '';
  for await (const chunk of response) body += chunk;
  if (response.statusCode !== 200) {
    const code = /<Code>([^<]*)<\\/Code>/.exec(body)?.[1] ?? '';
    console.error('object store answered ' + response.statusCode + ' ' + code);
    process.exit(3);
  }
  console.log('${RESULT_PREFIX}' + JSON.stringify({ sha256: hash.digest('hex'), bytes }));
})().catch((error) => { console.error(String(error && error.message)); process.exit(2); });
`.trim();

/** Downloads $ARTIFACT_URL to ARTIFACT and checks it against $ARTIFACT_SHA256. */
const DOWNLOAD_SCRIPT = `
const fs = require('node:fs');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');
(async () => {
  const url = new URL(process.env.ARTIFACT_URL);
  const client = require(url.protocol === 'https:' ? 'node:https' : 'node:http');
  const response = await new Promise((resolve, reject) => client.get(url, resolve).on('error', reject));
  if (response.statusCode !== 200) {
    console.error('object store answered ' + response.statusCode);
    process.exit(3);
  }
  const hash = crypto.createHash('sha256');
  response.on('data', (chunk) => hash.update(chunk));
  await pipeline(response, fs.createWriteStream('${ARTIFACT}'));
  if (hash.digest('hex') !== process.env.ARTIFACT_SHA256) {
    console.error('the artifact does not match its sha256');
    process.exit(${SHA256_MISMATCH_EXIT});
  }
})().catch((error) => { console.error(String(error && error.message)); process.exit(2); });
`.trim();

/** pg_restore writes the script to a file first: sh has no pipefail, and psql must not run half a script. */
const RESTORE_COMMAND = [
  'set -eu',
  `pg_restore --clean --if-exists --no-owner --no-privileges --file=${WORK_DIR}/restore.sql ${ARTIFACT}`,
  `psql --no-psqlrc --quiet --single-transaction --set=ON_ERROR_STOP=1 --file=${WORK_DIR}/restore.sql`,
].join('\n');

const DUMP_COMMAND = `set -eu\npg_dump --format=custom --no-owner --no-privileges --file=${ARTIFACT}`;

/** The Job's Redis scripts: the RDB in the shared work volume, the scratch server on the pod's loopback. */
const REDIS_PLACE = { workDir: WORK_DIR, rdbName: ARTIFACT.slice(WORK_DIR.length + 1), scratchPort: 6390 };

/** What each engine runs in the data image, and how it is told where the service is. */
const ENGINES: Record<
  SnapshotJobEngine,
  { commands: Record<SnapshotJobKind, string>; hostEnv: string; portEnv: string }
> = {
  postgres: {
    commands: { dump: DUMP_COMMAND, restore: RESTORE_COMMAND },
    hostEnv: 'PGHOST',
    portEnv: 'PGPORT',
  },
  redis: {
    commands: { dump: redisDumpScript(REDIS_PLACE), restore: redisRestoreScript(REDIS_PLACE) },
    hostEnv: 'REDIS_HOST',
    portEnv: 'REDIS_PORT',
  },
};

export interface SnapshotJobParams {
  kind: SnapshotJobKind;
  engine: SnapshotJobEngine;
  name: string;
  namespace: string;
  environmentId: string;
  service: string;
  /** The data service's image (it has the engine's tools: pg_dump, pg_restore, psql; redis-cli, redis-server). */
  image: string;
  host: string;
  port: number;
  /**
   * The engine's credentials as the running workload has them (values or Secret references): PGUSER,
   * PGPASSWORD, PGDATABASE; REDISCLI_AUTH.
   */
  databaseEnv: V1EnvVar[];
  /** An image with Node for the transfer container. */
  transferImage: string;
  /** For a restore: the sha256 the downloaded artifact must have. */
  sha256?: string;
  /** Copied from the data workload, so the Job runs where the service's pods may. */
  scheduling: Pick<V1PodSpec, 'nodeSelector' | 'tolerations' | 'affinity' | 'imagePullSecrets'>;
  /** The object store's port, which the Job's pod alone may reach. */
  storePort: number;
  deadlineSeconds: number;
}

/**
 * Not the environment's or the service's labels: status, sleep, prune and `env logs` select by those,
 * and must not take the Job's pod for the service's own.
 */
function labels(params: SnapshotJobParams): Record<string, string> {
  return {
    [LABELS.managedBy]: 'microstax',
    [LABELS.role]: 'snapshot',
    [SNAPSHOT_JOB_LABEL]: params.name,
  };
}

/** The Job as owner: Kubernetes deletes the Secret and NetworkPolicy with it (no delete right needed). */
export interface JobOwner {
  uid: string;
}

function metadata(params: SnapshotJobParams, owner?: JobOwner): V1ObjectMeta {
  return {
    name: params.name,
    namespace: params.namespace,
    labels: labels(params),
    ...(owner && {
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: params.name, uid: owner.uid }],
    }),
  };
}

/** The Secret holding the presigned URL (key `url`), owned by the Job once it exists. */
export function renderSnapshotUrlSecret(params: SnapshotJobParams, url: string, owner?: JobOwner): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadata(params, owner),
    type: 'Opaque',
    stringData: { url },
  };
}

/** Lets the Job's pod reach the object store's port (the environment's egress policy blocks the outside). */
export function renderSnapshotNetworkPolicy(params: SnapshotJobParams, owner?: JobOwner): V1NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(params, owner),
    spec: {
      podSelector: { matchLabels: { [SNAPSHOT_JOB_LABEL]: params.name } },
      policyTypes: ['Egress'],
      egress: [{ ports: [{ protocol: 'TCP', port: params.storePort }] }],
    },
  };
}

/**
 * The Job: for a dump, the data image's dump (init container) then the upload; for a restore, the
 * download (init container, checking the sha256) then the engine's restore (Postgres: pg_restore into
 * psql in one transaction; Redis: redisRestoreScript).
 */
export function renderSnapshotJob(params: SnapshotJobParams): V1Job {
  const urlEnv: V1EnvVar = {
    name: 'ARTIFACT_URL',
    valueFrom: { secretKeyRef: { name: params.name, key: 'url' } },
  };
  const mounts = [{ name: 'work', mountPath: WORK_DIR }];
  const engine = ENGINES[params.engine];
  const database: V1Container = {
    name: params.kind === 'dump' ? 'dump' : 'restore',
    image: params.image,
    command: ['sh', '-c', engine.commands[params.kind]],
    env: [
      { name: engine.hostEnv, value: params.host },
      { name: engine.portEnv, value: String(params.port) },
      ...params.databaseEnv,
    ],
    volumeMounts: mounts,
    securityContext: containerSecurityContext(),
  };
  const transfer: V1Container = {
    name: params.kind === 'dump' ? 'upload' : 'download',
    image: params.transferImage,
    command: ['node', '-e', params.kind === 'dump' ? UPLOAD_SCRIPT : DOWNLOAD_SCRIPT],
    env: [
      urlEnv,
      ...(params.sha256 ? [{ name: 'ARTIFACT_SHA256', value: params.sha256 }] : []),
      { name: 'HOME', value: '/tmp' },
    ],
    volumeMounts: mounts,
    securityContext: containerSecurityContext(),
  };
  const [first, second] = params.kind === 'dump' ? [database, transfer] : [transfer, database];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: params.name, namespace: params.namespace, labels: labels(params) },
    spec: {
      // The worker's activity retries; a Job of its own retrying would hide the first failure's log.
      backoffLimit: 0,
      activeDeadlineSeconds: params.deadlineSeconds,
      // A backstop: the worker deletes the Job when it has read its outcome.
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: labels(params) },
        spec: {
          restartPolicy: 'Never',
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext(),
          ...params.scheduling,
          initContainers: [first],
          containers: [second],
          volumes: [{ name: 'work', emptyDir: {} }],
        },
      },
    },
  };
}
