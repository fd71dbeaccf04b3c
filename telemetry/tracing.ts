import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { z } from 'zod';

/**
 * OpenTelemetry traces, off unless the standard OTLP settings ask for them: OTEL_EXPORTER_OTLP_ENDPOINT
 * (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) turns them on, OTEL_SERVICE_NAME names the process,
 * OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none turns them off again; the OTLP exporter reads
 * the rest (headers, timeout) itself. The SDK loads only when traces are on.
 */
const TracingSettings = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional().describe('OTLP/HTTP endpoint; sets traces on'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional().describe('OTLP/HTTP traces endpoint (full path)'),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
});

/** The variables tracing reads (the README's settings table names each). */
export const TRACING_SETTINGS_ENV = Object.keys(
  TracingSettings.shape,
) as (keyof typeof TracingSettings.shape)[];

/** Whether `env` asks for traces. Throws, naming the variable, on a malformed value. */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const parsed = TracingSettings.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  const s = parsed.data;
  if (s.OTEL_SDK_DISABLED === 'true' || s.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(s.OTEL_EXPORTER_OTLP_ENDPOINT ?? s.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let started = false;

/**
 * Whether this process started tracing. Temporal clients take the tracing interceptor only then: with
 * it, an aborted call (withAbortSignal) went on retrying.
 */
export function tracingStarted(): boolean {
  return started;
}

/** A running tracer: the worker hands its processor and resource to Temporal's workflow span sink. */
export interface Tracing {
  provider: NodeTracerProvider;
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing for this process when `env` asks for it (see above): a global tracer provider with
 * W3C trace context, spans batched to OTLP/HTTP. Returns undefined when traces are off.
 */
export async function startTracing(params: {
  /** service.name unless OTEL_SERVICE_NAME says otherwise, e.g. microstax-api. */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
}): Promise<Tracing | undefined> {
  const env = params.env ?? process.env;
  if (!tracingRequested(env)) return undefined;
  const [{ NodeTracerProvider }, { BatchSpanProcessor }, { Resource }, { OTLPTraceExporter }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/exporter-trace-otlp-http'),
    ]);
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? params.serviceName });
  // Short batches: a control plane's spans are few, and a trace should show up within a second or two.
  const url =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    `${env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/+$/, '')}/v1/traces`;
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url }), {
    scheduledDelayMillis: 500,
  });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  started = true;
  return { provider, resource, spanProcessor, shutdown: () => provider.shutdown() };
}

/**
 * The workflow bundle's tracing interceptors (Temporal's, behind a `patched()` marker), bundled always:
 * a prebuilt bundle cannot take them later; without tracing their spans go to a sink that drops them.
 */
export const WORKFLOW_TRACING_INTERCEPTORS = fileURLToPath(
  new URL(
    `../workflows/tracing-interceptors${path.extname(fileURLToPath(import.meta.url))}`,
    import.meta.url,
  ),
);
