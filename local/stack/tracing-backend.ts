import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StackConfig } from './config.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import type { ProcessRecord, TracingPart } from './state.js';
import { VERSIONS } from './versions.js';

/**
 * The stack's tracing backend: Jaeger v2 (built from its Go module) on loopback, receiving OTLP/HTTP
 * and keeping traces in memory (a restart forgets them: they are for looking at the last runs), with
 * its query API for people and tests.
 */

/** Jaeger's configuration: OTLP/HTTP receiver, memory storage, query API, health; nothing else listens. */
export function jaegerConfig(ports: {
  otlp: number;
  query: number;
  queryGrpc: number;
  health: number;
}): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_storage:
    backends:
      memory_store:
        memory:
          max_traces: 20000
  jaeger_query:
    storage:
      traces: memory_store
    http:
      endpoint: 127.0.0.1:${ports.query}
    grpc:
      endpoint: 127.0.0.1:${ports.queryGrpc}
  healthcheckv2:
    use_v2: true
    http:
      endpoint: 127.0.0.1:${ports.health}
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${ports.otlp}
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memory_store
`;
}

/** Health: the query API answers its services list. */
export async function checkTracingBackend(queryUrl: string): Promise<void> {
  const response = await httpGet(`${queryUrl}/api/services`);
  if (response.status !== 200) throw new Error(`GET ${queryUrl}/api/services answered ${response.status}`);
}

/** Starts Jaeger on the stack's tracing ports (or on `ports`, for a test's own backend). */
export async function startTracingBackend(options: {
  config: StackConfig;
  binary: string;
  onStarted: (record: ProcessRecord) => Promise<void>;
  /** A directory for its config (default the state dir's `tracing/`). */
  dir?: string;
  ports?: { otlp: number; query: number; queryGrpc: number; health: number };
}): Promise<TracingPart> {
  const { config } = options;
  const ports = options.ports ?? {
    otlp: config.ports.tracingOtlp,
    query: config.ports.tracingQuery,
    queryGrpc: config.ports.tracingQueryGrpc,
    health: config.ports.tracingHealth,
  };
  const dir = options.dir ?? path.join(config.stateDir, 'tracing');
  await mkdir(dir, { recursive: true });
  const configFile = path.join(dir, 'jaeger.yaml');
  await writeFile(configFile, jaegerConfig(ports));
  const queryUrl = `http://127.0.0.1:${ports.query}`;
  const { record } = await startHealthy({
    daemon: {
      name: 'jaeger',
      binary: options.binary,
      args: ['--config', configFile],
      logsDir: config.logsDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    },
    ports: [ports.otlp, ports.query, ports.queryGrpc, ports.health],
    healthCheck: () => checkTracingBackend(queryUrl),
    timeoutMs: 30_000,
    fix: `read the log; its configuration is ${configFile}`,
    onStarted: options.onStarted,
  });
  return {
    version: VERSIONS.jaeger,
    external: false,
    processes: [record],
    otlpEndpoint: `http://127.0.0.1:${ports.otlp}`,
    queryUrl,
  };
}
