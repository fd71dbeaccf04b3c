import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageEngine } from '../blueprints/data-engines.js';
import type { ResolvedService } from '../blueprints/resolved.js';
import type { RedisEndpoint } from '../deploy/data-endpoints.js';
import {
  REDIS_RESTORE_EXIT,
  type RedisScriptPlace,
  redisDumpScript,
  redisRestoreScript,
} from '../deploy/manifests/redis-snapshot-script.js';
import { type ArtifactStore, checkArtifactKey, checkArtifactStore, sha256File } from './artifact-store.js';
import type { SnapshotEngine } from './ports.js';
import { runTool } from './tool-process.js';

/** Where a Redis data service of an environment can be reached from the worker's host. */
export type RedisEndpointResolver = (params: {
  environmentId: string;
  service: ResolvedService;
}) => Promise<RedisEndpoint>;

const RDB_NAME = 'artifact.rdb';

/**
 * Snapshots of Redis data services on the worker's host (the `worker` runner): the same scripts and
 * RDB files as the snapshot Job's (deploy/manifests/redis-snapshot-script.ts), so either engine
 * restores the other's artifacts. A dump is `redis-cli --rdb` into a scratch directory, then kept by the
 * artifact store; a restore fetches it back, checks its sha256, and moves its keys into the service
 * from a scratch redis-server on a free loopback port of this host. The worker needs redis-cli and
 * redis-server (Debian's redis-server package) and a route to the service's cluster IP.
 */
export class RedisRdbEngine implements SnapshotEngine {
  readonly name = 'redis-rdb';

  constructor(
    private readonly params: {
      store: ArtifactStore;
      endpointFor: RedisEndpointResolver;
      /** Scratch directory for an RDB on its way to or from the store (default: the OS's temp dir). */
      scratchDir?: string;
    },
  ) {}

  supports(service: ResolvedService): boolean {
    return imageEngine(service.image) === 'redis';
  }

  async capture(params: Parameters<SnapshotEngine['capture']>[0]) {
    const name = `${params.service.name}.rdb`;
    checkArtifactKey(params.snapshotId, name);
    const endpoint = await this.params.endpointFor(params);
    return this.withScratch(async (place) => {
      const file = join(place.workDir, place.rdbName);
      await this.runScript({
        script: redisDumpScript(place),
        endpoint,
        signal: params.signal,
        onTick: async () => params.heartbeat({ bytes: (await stat(file).catch(() => ({ size: 0 }))).size }),
      });
      params.heartbeat({ storing: params.service.name });
      return this.params.store.put({ snapshotId: params.snapshotId, name, file });
    });
  }

  async discard(params: { snapshotId: string }) {
    await this.params.store.discard(params.snapshotId);
  }

  async restore(params: Parameters<SnapshotEngine['restore']>[0]) {
    checkArtifactStore(this.name, this.params.store, params.artifact.location);
    const endpoint = await this.params.endpointFor(params);
    await this.withScratch(async (place) => {
      const file = join(place.workDir, place.rdbName);
      params.heartbeat({ fetching: params.artifact.service });
      await this.params.store.get({ location: params.artifact.location, file });
      if ((await sha256File(file)) !== params.artifact.sha256) {
        throw Object.assign(
          new Error(`snapshot artifact ${params.artifact.location} does not match its sha256`),
          { retryable: false },
        );
      }
      try {
        await this.runScript({
          script: redisRestoreScript(place),
          endpoint,
          signal: params.signal,
          onTick: () => params.heartbeat({ restoring: params.artifact.service }),
        });
      } catch (error) {
        // An RDB the scratch server cannot read stays so (the service was not touched): no retry.
        const unreadable = (error as { exitCode?: number }).exitCode === REDIS_RESTORE_EXIT.unreadable;
        throw unreadable ? Object.assign(error as Error, { retryable: false }) : error;
      }
    });
  }

  /** The script under sh, told where the service is; the password only ever in the environment. */
  private runScript(params: {
    script: string;
    endpoint: RedisEndpoint;
    signal: AbortSignal;
    onTick: () => unknown;
  }): Promise<void> {
    const { host, port, password } = params.endpoint;
    return runTool({
      command: 'sh',
      args: ['-c', params.script],
      env: { REDIS_HOST: host, REDIS_PORT: String(port), ...(password ? { REDIS_PASSWORD: password } : {}) },
      signal: params.signal,
      onTick: params.onTick,
      stdout: true,
    });
  }

  /** Runs `work` with a fresh scratch directory and scratch port, removed afterwards whatever happens. */
  private async withScratch<T>(work: (place: RedisScriptPlace) => Promise<T>): Promise<T> {
    const workDir = await mkdtemp(join(this.params.scratchDir ?? tmpdir(), 'microstax-rdb-'));
    try {
      return await work({ workDir, rdbName: RDB_NAME, scratchPort: await freeLoopbackPort() });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}

/** A loopback port nothing listens on now, for the scratch server. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
