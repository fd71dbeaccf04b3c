import type { V1ContainerStatus, V1EnvVar, V1Job, V1Pod } from '@kubernetes/client-node';
import { imageEngine } from '../blueprints/data-engines.js';
import type { ResolvedService } from '../blueprints/resolved.js';
import type { DeployConfig } from '../deploy/config.js';
import { liveDataWorkload } from '../deploy/data-endpoints.js';
import type { KubeClient } from '../deploy/kube-client.js';
import {
  RESULT_PREFIX,
  renderSnapshotJob,
  renderSnapshotNetworkPolicy,
  renderSnapshotUrlSecret,
  SHA256_MISMATCH_EXIT,
  SNAPSHOT_JOB_LABEL,
  type SnapshotJobEngine,
  type SnapshotJobKind,
  type SnapshotJobParams,
  snapshotJobName,
} from '../deploy/manifests/snapshot-job.js';
import { namespaceFor } from '../deploy/names.js';
import { checkArtifactKey } from './artifact-store.js';
import type { SnapshotEngine } from './ports.js';
import { isPostgresService } from './postgres-dump-engine.js';
import type { S3ArtifactStore } from './s3-artifact-store.js';

/** How long a dump or restore Job may run, and its presigned URL stays valid. */
const JOB_DEADLINE_SECONDS = 3600;
const POLL_MS = 2000;
const LOG_TAIL_LINES = 20;
/** Waiting reasons that do not pass by themselves. */
const STUCK_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
]);

/** What differs between the engines a Job dumps and restores. */
export interface JobEngineFlavour {
  /** The engine's name on the artifacts (what a restore picks the engine by). */
  name: string;
  engine: SnapshotJobEngine;
  supports(service: ResolvedService): boolean;
  /** The artifact's file name after the service's: `db.dump`, `cache.rdb`. */
  extension: string;
  /** The service's port when the blueprint names none. */
  defaultPort: number;
  /** The engine's credentials from the running workload's env (values or Secret references). */
  databaseEnv(env: V1EnvVar[]): V1EnvVar[];
}

/**
 * Postgres logical dumps: the same custom-format dumps PostgresDumpEngine writes, so either restores
 * the other's.
 */
export const POSTGRES_JOB_FLAVOUR: JobEngineFlavour = {
  name: 'postgres-logical',
  engine: 'postgres',
  supports: isPostgresService,
  extension: 'dump',
  defaultPort: 5432,
  databaseEnv: (env) => pgEnvOf(env),
};

/** Redis RDB files (redis-cli --rdb), restored key by key with MIGRATE (snapshot-job.ts says why). */
export const REDIS_JOB_FLAVOUR: JobEngineFlavour = {
  name: 'redis-rdb',
  engine: 'redis',
  supports: (service) => imageEngine(service.image) === 'redis',
  extension: 'rdb',
  defaultPort: 6379,
  databaseEnv: (env) => env.filter((v) => v.name === 'REDIS_PASSWORD'),
};

/**
 * Snapshots as Jobs next to the data service (deploy/manifests/snapshot-job.ts): the worker needs no
 * database tools and no route to pods, only the Kubernetes API and the object store. One instance per
 * engine (its flavour).
 */
export class JobSnapshotEngine implements SnapshotEngine {
  readonly name: string;

  constructor(
    private readonly params: {
      kube: KubeClient;
      config: DeployConfig;
      store: S3ArtifactStore;
      /** An image with Node for the transfer container (MicroStax's own). */
      transferImage: string;
      flavour: JobEngineFlavour;
      pollMs?: number;
    },
  ) {
    this.name = params.flavour.name;
  }

  supports(service: ResolvedService): boolean {
    return this.params.flavour.supports(service);
  }

  async discard(params: { snapshotId: string }) {
    await this.params.store.discard(params.snapshotId);
  }

  async capture(params: Parameters<SnapshotEngine['capture']>[0]) {
    const name = `${params.service.name}.${this.params.flavour.extension}`;
    checkArtifactKey(params.snapshotId, name);
    const location = this.params.store.locationOf(params.snapshotId, name);
    const result = await this.runJob({
      kind: 'dump',
      snapshotId: params.snapshotId,
      environmentId: params.environmentId,
      service: params.service,
      location,
      heartbeat: params.heartbeat,
      signal: params.signal,
    });
    return { location, ...result };
  }

  async restore(params: Parameters<SnapshotEngine['restore']>[0]) {
    if (new URL(params.artifact.location).protocol !== this.params.store.protocol) {
      throw Object.assign(
        new Error(`${this.name} Jobs read s3: artifacts; cannot read ${params.artifact.location}`),
        {
          retryable: false,
        },
      );
    }
    const snapshotId = params.artifact.location.split('/').at(-2) ?? '';
    await this.runJob({
      kind: 'restore',
      snapshotId,
      environmentId: params.environmentId,
      service: params.service,
      location: params.artifact.location,
      sha256: params.artifact.sha256,
      heartbeat: params.heartbeat,
      signal: params.signal,
    });
  }

  /**
   * Creates the Job (or finds the one an earlier attempt created: same name), heartbeats until it
   * ends, reads its outcome, and removes it with its Secret and NetworkPolicy whatever happened.
   */
  private async runJob(params: {
    kind: SnapshotJobKind;
    snapshotId: string;
    environmentId: string;
    service: ResolvedService;
    location: string;
    sha256?: string;
    heartbeat: (detail: unknown) => void;
    signal: AbortSignal;
  }): Promise<{ sha256: string; bytes: number }> {
    const { kube, store, flavour } = this.params;
    const namespace = namespaceFor(params.environmentId, this.params.config.namespacePrefix);
    const { pod, container } = await liveDataWorkload({ kube, namespace, service: params.service.name });
    const jobParams: SnapshotJobParams = {
      kind: params.kind,
      engine: flavour.engine,
      name: snapshotJobName({ ...params, service: params.service.name }),
      namespace,
      environmentId: params.environmentId,
      service: params.service.name,
      image: container.image ?? params.service.image,
      host: params.service.name,
      port: params.service.ports[0] ?? flavour.defaultPort,
      databaseEnv: flavour.databaseEnv(container.env ?? []),
      transferImage: this.params.transferImage,
      sha256: params.sha256,
      scheduling: {
        nodeSelector: pod.nodeSelector,
        tolerations: pod.tolerations,
        affinity: pod.affinity,
        imagePullSecrets: pod.imagePullSecrets,
      },
      storePort: store.podPort,
      deadlineSeconds: JOB_DEADLINE_SECONDS,
    };
    const url = await store.presign({
      method: params.kind === 'dump' ? 'PUT' : 'GET',
      location: params.location,
      expiresInSeconds: JOB_DEADLINE_SECONDS,
    });
    const jobRef = { apiVersion: 'batch/v1', kind: 'Job', namespace, name: jobParams.name };
    try {
      // The URL's Secret and the egress policy exist before the pod starts; once the Job exists they
      // name it as owner, so deleting the Job removes them (the worker needs no Secret delete right).
      const secret = renderSnapshotUrlSecret(jobParams, url);
      await kube.apply(secret);
      await kube.apply(renderSnapshotNetworkPolicy(jobParams));
      // An earlier attempt's Job is awaited, not replaced (its template is immutable).
      const job = (await kube.readOrNull<V1Job>(jobRef)) ?? (await kube.apply(renderSnapshotJob(jobParams)));
      const owner = { uid: job.metadata!.uid! };
      await kube.apply(renderSnapshotUrlSecret(jobParams, url, owner));
      await kube.apply(renderSnapshotNetworkPolicy(jobParams, owner));
      const finished = await this.untilFinished(jobRef, jobParams, params);
      if (!finished.status?.succeeded) throw await this.failure(jobParams, finished);
      if (params.kind === 'restore') return { sha256: params.sha256 ?? '', bytes: 0 };
      return await this.dumpResult(jobParams);
    } finally {
      // Its pods, URL Secret and NetworkPolicy go with it (owner references).
      await kube.delete(jobRef).catch(() => {});
    }
  }

  private async untilFinished(
    ref: { apiVersion: string; kind: string; namespace: string; name: string },
    jobParams: SnapshotJobParams,
    params: {
      kind: SnapshotJobKind;
      service: ResolvedService;
      heartbeat: (d: unknown) => void;
      signal: AbortSignal;
    },
  ): Promise<V1Job> {
    for (let round = 1; ; round++) {
      params.signal.throwIfAborted();
      const job = await this.params.kube.read<V1Job>(ref);
      const done = job.status?.conditions?.find(
        (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
      );
      if (done) return job;
      // An image that cannot be pulled or a missing reference would wait out the deadline: say so now.
      if (round % 5 === 0) {
        const pod = await this.podOf(jobParams);
        const stuck = [
          ...(pod?.status?.initContainerStatuses ?? []),
          ...(pod?.status?.containerStatuses ?? []),
        ].find((s) => STUCK_REASONS.has(s.state?.waiting?.reason ?? ''));
        if (stuck) {
          throw new Error(
            `snapshot ${jobParams.kind} Job ${ref.namespace}/${ref.name}: container ${stuck.name} (${stuck.image}) is waiting: ${stuck.state?.waiting?.reason} ${stuck.state?.waiting?.message ?? ''}`.trim(),
          );
        }
      }
      params.heartbeat({
        [params.kind === 'dump' ? 'dumping' : 'restoring']: params.service.name,
        job: ref.name,
      });
      await new Promise((resolve) => setTimeout(resolve, this.params.pollMs ?? POLL_MS));
    }
  }

  /** The pod of the Job (the last one, should there be more). */
  private async podOf(params: SnapshotJobParams): Promise<V1Pod | undefined> {
    const pods = await this.params.kube.list<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: params.namespace,
      labelSelector: `${SNAPSHOT_JOB_LABEL}=${params.name}`,
    });
    return pods.items.at(-1);
  }

  private async logTail(params: SnapshotJobParams, pod: string, container: string): Promise<string> {
    try {
      const log = await this.params.kube.core.readNamespacedPodLog({
        name: pod,
        namespace: params.namespace,
        container,
        tailLines: LOG_TAIL_LINES,
      });
      return String(log).trim();
    } catch (error) {
      return `(no log: ${error instanceof Error ? error.message : String(error)})`;
    }
  }

  private async dumpResult(params: SnapshotJobParams): Promise<{ sha256: string; bytes: number }> {
    const pod = await this.podOf(params);
    const log = pod?.metadata?.name ? await this.logTail(params, pod.metadata.name, 'upload') : '';
    const line = log.split('\n').findLast((l) => l.startsWith(RESULT_PREFIX));
    if (!line)
      throw new Error(`snapshot Job ${params.namespace}/${params.name} succeeded without a result line`);
    const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as { sha256: string; bytes: number };
    return { sha256: result.sha256, bytes: result.bytes };
  }

  /** The Job's failure: the container that failed, its exit code and its log's tail. */
  private async failure(params: SnapshotJobParams, job: V1Job): Promise<Error> {
    const condition = job.status?.conditions?.find((c) => c.type === 'Failed');
    const pod = await this.podOf(params);
    const statuses: V1ContainerStatus[] = [
      ...(pod?.status?.initContainerStatuses ?? []),
      ...(pod?.status?.containerStatuses ?? []),
    ];
    const failed = statuses.find((s) => (s.state?.terminated?.exitCode ?? 0) !== 0);
    const waiting = statuses.find((s) => s.state?.waiting?.reason);
    let detail = `${condition?.reason ?? 'Failed'}: ${condition?.message ?? ''}`.trim();
    if (failed && pod?.metadata?.name) {
      const tail = await this.logTail(params, pod.metadata.name, failed.name);
      detail = `container ${failed.name} exited with ${failed.state?.terminated?.exitCode}: ${tail}`;
    } else if (waiting) {
      detail += `; container ${waiting.name} is waiting: ${waiting.state?.waiting?.reason} ${waiting.state?.waiting?.message ?? ''}`;
    }
    const error = new Error(
      `snapshot ${params.kind} Job ${params.namespace}/${params.name} failed: ${detail}`.trim(),
    );
    // An artifact that does not match its checksum stays so: retrying cannot help.
    const mismatch =
      failed?.name === 'download' && failed.state?.terminated?.exitCode === SHA256_MISMATCH_EXIT;
    return mismatch ? Object.assign(error, { retryable: false }) : error;
  }
}

/** PGUSER/PGPASSWORD/PGDATABASE from the official image's POSTGRES_* variables (values or references). */
export function pgEnvOf(env: V1EnvVar[]): V1EnvVar[] {
  const find = (name: string) => env.find((v) => v.name === name);
  const as = (from: string, to: string): V1EnvVar[] => {
    const found = find(from);
    return found ? [{ ...found, name: to }] : [];
  };
  const user = as('POSTGRES_USER', 'PGUSER');
  const database = as('POSTGRES_DB', 'PGDATABASE');
  return [
    ...(user.length > 0 ? user : [{ name: 'PGUSER', value: 'postgres' }]),
    ...as('POSTGRES_PASSWORD', 'PGPASSWORD'),
    // The image's default database is the user's name.
    ...(database.length > 0 ? database : [{ ...(user[0] ?? { value: 'postgres' }), name: 'PGDATABASE' }]),
  ];
}
