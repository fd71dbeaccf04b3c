import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  type GrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
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
 * MicroStax namespace with the payload codec installed. The API, the CLI, the gateway and tests use this; never
 * build a Client by hand, or workflow inputs would reach history unencrypted and results would not decode.
 */
export async function createTemporalClient(
  options: { config?: TemporalConfig; env?: NodeJS.ProcessEnv; connectTimeoutMs?: number } = {},
): Promise<TemporalClientHandle> {
  const config = options.config ?? loadTemporalConfig(options.env);
  const dataConverter = await loadDataConverter(options.env);
  const retries = new ClosableRetries();
  const connection = await Connection.connect({
    ...(await temporalConnectionOptions(config)),
    ...(options.connectTimeoutMs !== undefined && { connectTimeout: options.connectTimeoutMs }),
    interceptors: [makeGrpcRetryInterceptor(retries.options)],
  });
  const client = new Client({
    connection,
    namespace: config.namespace,
    dataConverter,
    // Carries the caller's trace into the workflow, when this process traces.
    ...(tracingStarted() && { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }),
  });
  return { client, connection, config, close: () => retries.closeWhenSettled(connection) };
}

/**
 * The client's default gRPC retries, made safe to close under: a retry runs from a timer, and one that
 * fires after the connection closed throws "Channel has been shut down" where nobody can catch it. Once
 * closing, no call is retried any more, and the connection closes after the last retry already scheduled.
 */
export class ClosableRetries {
  private closing = false;
  private lastRetryAt = 0;
  private readonly defaults = defaultGrpcRetryOptions();

  readonly options: GrpcRetryOptions = {
    retryableDecider: (attempt, status) => !this.closing && this.defaults.retryableDecider(attempt, status),
    delayFunction: (attempt, status) => {
      const delay = this.defaults.delayFunction(attempt, status);
      this.lastRetryAt = Math.max(this.lastRetryAt, Date.now() + delay);
      return delay;
    },
  };

  async closeWhenSettled(connection: Connection): Promise<void> {
    this.closing = true;
    const wait = this.lastRetryAt - Date.now();
    if (wait < 0) return connection.close();
    // Timers fire in order of their deadline: this one runs after the last retry has started its call.
    setTimeout(() => void connection.close().catch(() => {}), wait + 1).unref();
  }
}
