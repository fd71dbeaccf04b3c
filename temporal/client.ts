import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { tracingStarted } from '../telemetry/tracing.js';
import { loadTemporalConfig, type TemporalConfig, temporalConnectionOptions } from './config.js';
import { loadDataConverter } from './data-converter.js';

/** A connected Temporal client that encrypts payloads like the worker does. Close it when done. */
export interface TemporalClientHandle {
  client: Client;
  connection: Connection;
  config: TemporalConfig;
  close(): Promise<void>;
}

/**
 * Connects to Temporal (TEMPORAL_ADDRESS and the other Temporal settings of `env`) and returns a client in the
 * MicroStax namespace with the payload codec installed. The API, the CLI and tests use this; never build
 * a Client by hand, or workflow inputs would reach history unencrypted and results would not decode.
 */
export async function createTemporalClient(
  options: { config?: TemporalConfig; env?: NodeJS.ProcessEnv } = {},
): Promise<TemporalClientHandle> {
  const config = options.config ?? loadTemporalConfig(options.env);
  const dataConverter = await loadDataConverter(options.env);
  const connection = await Connection.connect(await temporalConnectionOptions(config));
  const client = new Client({
    connection,
    namespace: config.namespace,
    dataConverter,
    // Carries the caller's trace into the workflow, when this process traces.
    ...(tracingStarted() && { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }),
  });
  return { client, connection, config, close: () => closeAfterRetries(connection) };
}

/** Longer than the client's gRPC retries of one call (10 attempts, at most 5 s apart). */
const CLOSE_AFTER_RETRIES_MS = 30_000;

/**
 * Closes the connection once a call's pending gRPC retry can no longer fire: the client retries from
 * a timer, which throws "Channel has been shut down" when the connection closed meanwhile. The
 * timer does not keep the process alive (an idle channel does not either).
 */
async function closeAfterRetries(connection: Connection): Promise<void> {
  setTimeout(() => void connection.close().catch(() => {}), CLOSE_AFTER_RETRIES_MS).unref();
}
