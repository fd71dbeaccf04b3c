import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ENV, REPO_ROOT, type StackConfig } from './config.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import { type ProcessRecord, ProcessRecordSchema } from './state.js';

/**
 * The gateway part: `microstax gateway` as a detached daemon on the stack's `gateway` port, so the
 * exposed services of environments on the real node answer at their URLs from this machine
 * (`http://<service>.<environment>.microstax.localhost:<port>`). Started by `stack up --real-nodes`.
 */

const CLI = path.join(REPO_ROOT, 'bin', 'microstax.js');
/** tsx compiles the CLI on start: a few seconds, more on a busy 2-core machine. */
const START_TIMEOUT_MS = 60_000;
/** The gateway's own health endpoint (gateway/server.ts HEALTH_PATH; repeated to keep the stack light). */
const HEALTH_PATH = '/__microstax/healthz';

/** The recorded gateway part (same base fields as the other parts of stack/state.ts). */
export const GatewayPartSchema = z.object({
  version: z.string(),
  external: z.boolean(),
  processes: z.array(ProcessRecordSchema),
  /** e.g. http://127.0.0.1:18081: send requests here with the environment's host in the Host header. */
  url: z.string(),
  port: z.number().int(),
});
export type GatewayPart = z.infer<typeof GatewayPartSchema>;

/** MicroStax's own version: the gateway is part of it. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** The gateway's URL under this config. */
export function gatewayUrl(config: StackConfig): string {
  return `http://127.0.0.1:${config.ports.gateway}`;
}

/** Health: the gateway answers its health path with 200 and its watches are live. */
export async function checkGateway(url: string): Promise<void> {
  const { status, body } = await httpGet(`${url}${HEALTH_PATH}`, { timeoutMs: 3000 });
  if (status !== 200) throw new Error(`${url}${HEALTH_PATH} answered ${status}: ${body.slice(0, 200)}`);
  const health = JSON.parse(body) as { status?: string };
  if (health.status !== 'ok') throw new Error(`the gateway is ${health.status}: ${body.slice(0, 300)}`);
}

/**
 * Starts the gateway against the stack's cluster and waits until it is healthy. `onStarted` records
 * the process the moment it runs, so `stack down` stops it even when the health check fails.
 */
export async function startGatewayPart(options: {
  config: StackConfig;
  /** The cluster whose Ingresses it serves (the stack's kubeconfig). */
  kubeconfigPath: string;
  /** The metadata database, where the gateway checks tokens and shares (the stack's Postgres). */
  databaseUrl?: string;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<GatewayPart> {
  const { config } = options;
  const url = gatewayUrl(config);
  const { record } = await startHealthy({
    daemon: {
      name: 'gateway',
      binary: process.execPath,
      args: [
        CLI,
        'gateway',
        '--port',
        String(config.ports.gateway),
        '--kubeconfig',
        options.kubeconfigPath,
        '--json-logs',
      ],
      logsDir: config.logsDir,
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        [ENV.stateDir]: config.stateDir,
        ...(options.databaseUrl && { [ENV.databaseUrl]: options.databaseUrl }),
      },
    },
    ports: [config.ports.gateway],
    healthCheck: () => checkGateway(url),
    timeoutMs: START_TIMEOUT_MS,
    fix: `read the log; \`node bin/microstax.js gateway --port ${config.ports.gateway}\` runs it in the foreground`,
    onStarted: options.onStarted,
  });
  return {
    version: packageVersion(),
    external: false,
    processes: [record],
    url,
    port: config.ports.gateway,
  };
}
