import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import app, { type AppOptions } from './app.js';
import type { ApiConfig } from './config.js';
import { QuietRequestLog } from './request-log.js';

/** Log paths that may carry credentials or blueprint sources with inline secrets: never logged. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.token',
  '*.source',
  '*.databaseUrl',
  '*.password',
];

/** Fastify's trustProxy from MICROSTAX_API_TRUST_PROXY: a hop count, addresses/CIDRs, or off. */
function trustProxySetting(
  value: string | undefined,
): ((address: string, hop: number) => boolean) | string[] | false {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((part) => part.trim());
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the API (not listening): Fastify with JSON logs (request ids, secrets redacted), the body
 * limit, zod validation and serialisation, and the app plugin. server.ts listens on it; tests call
 * `inject()` on it.
 */
export async function createApiInstance(
  opts: Omit<AppOptions, 'config'> & {
    config: ApiConfig;
    /** Where JSON log lines go (default stdout); tests collect them to check nothing secret is logged. */
    logStream?: NodeJS.WritableStream;
  },
): Promise<FastifyInstance> {
  const instance = Fastify({
    logger: {
      level: opts.config.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: opts.config.bodyLimitBytes,
    // Honour a caller's well-formed request id (e.g. from a gateway) so logs line up end to end;
    // anything else (too long, odd characters that could forge log lines) gets a fresh one.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // The client address keys rate limits of calls without a valid token: X-Forwarded-For is believed only
    // from the proxies configured (a hop count or their addresses), or an attacker could pick a fresh one.
    trustProxy: trustProxySetting(opts.config.trustProxy),
    return503OnClosing: true,
    logController: new QuietRequestLog(),
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only (SSE out); anything else is a 415, not a confusing validation error.
  instance.removeContentTypeParser('text/plain');
  instance.setValidatorCompiler(validatorCompiler);
  instance.setSerializerCompiler(serializerCompiler);
  instance.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await instance.register(app, {
    lifecycle: opts.lifecycle,
    statusSync: opts.statusSync,
    config: opts.config,
    env: opts.env,
    now: opts.now,
  });
  return instance;
}
