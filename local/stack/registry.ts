import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { StackConfig } from './config.js';
import { ensureDebianPackages } from './debian-packages.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import type { Progress } from './progress.js';
import { type ProcessRecord, ProcessRecordSchema } from './state.js';

/**
 * The local image registry: Debian's docker-registry (CNCF distribution 2.8) on 127.0.0.1, with its
 * storage in the state dir. Nothing can be pulled from the internet here, so the images the
 * examples need are built locally (images/) and published to it; containerd on the real nodes uses
 * it as a mirror for docker.io, ghcr.io and registry.k8s.io.
 */

const run = promisify(execFile);

/** The Debian package and the binary it installs. */
export const REGISTRY_PACKAGE = 'docker-registry';
export const REGISTRY_BINARY = '/usr/bin/docker-registry';

/** The recorded registry part (same base fields as the other parts of stack/state.ts). */
export const RegistryPartSchema = z.object({
  version: z.string(),
  external: z.boolean(),
  processes: z.array(ProcessRecordSchema),
  /** `host:port` to push to and pull from (plain HTTP, loopback only). */
  address: z.string(),
  /** Where the blobs and manifests live. */
  storageDir: z.string(),
});
export type RegistryPart = z.infer<typeof RegistryPartSchema>;

/** The address, storage and config file the registry part has under this config. */
export function registryLayout(config: StackConfig): {
  address: string;
  storageDir: string;
  configFile: string;
} {
  const dir = path.join(config.stateDir, 'registry');
  return {
    address: `127.0.0.1:${config.ports.registry}`,
    storageDir: path.join(dir, 'storage'),
    configFile: path.join(dir, 'config.yml'),
  };
}

/**
 * The registry's configuration (distribution's YAML; JSON is valid YAML). Deleting is enabled so
 * old tags can be cleaned up; the storage health check is off because an empty registry fails it.
 */
export function registryConfig(options: { address: string; storageDir: string }): string {
  const config = {
    version: 0.1,
    log: { level: 'warn', formatter: 'text', accesslog: { disabled: true } },
    storage: {
      filesystem: { rootdirectory: options.storageDir },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: true, age: '24h', interval: '1h', dryrun: false } },
    },
    http: { addr: options.address, headers: { 'X-Content-Type-Options': ['nosniff'] } },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Health: the registry answers the API version check (`GET /v2/` → 200). */
export async function checkRegistry(address: string): Promise<void> {
  const response = await httpGet(`http://${address}/v2/`);
  if (response.status !== 200) throw new Error(`GET http://${address}/v2/ answered ${response.status}`);
}

/** The installed docker-registry version, e.g. `2.8.2`. */
async function registryVersion(): Promise<string> {
  const { stdout } = await run(REGISTRY_BINARY, ['--version']);
  return stdout.trim().split(/\s+/).pop()?.replace(/\+.*$/, '') ?? 'unknown';
}

/**
 * Starts the registry (installing Debian's docker-registry when missing) and waits until `/v2/`
 * answers. `onStarted` records the process the moment it runs, so `stack down` can stop it.
 */
export async function startRegistry(options: {
  config: StackConfig;
  progress: Progress;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<RegistryPart> {
  const { config } = options;
  await ensureDebianPackages({ part: 'registry', packages: [REGISTRY_PACKAGE], progress: options.progress });
  const layout = registryLayout(config);
  await mkdir(layout.storageDir, { recursive: true });
  await writeFile(layout.configFile, registryConfig(layout));
  const { record } = await startHealthy({
    daemon: {
      name: 'registry',
      binary: REGISTRY_BINARY,
      args: ['serve', layout.configFile],
      logsDir: config.logsDir,
      // distribution lets REGISTRY_* variables override its config: start it from a clean environment.
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    },
    ports: [config.ports.registry],
    healthCheck: () => checkRegistry(layout.address),
    timeoutMs: 30_000,
    fix: `read the log; the registry's data is ${layout.storageDir} (delete it to start empty)`,
    onStarted: options.onStarted,
  });
  return {
    version: await registryVersion(),
    external: false,
    processes: [record],
    address: layout.address,
    storageDir: layout.storageDir,
  };
}
