import { z } from 'zod';
import { sanitizeHeaders } from './sensitive-headers.js';

/**
 * A request a diff replays: to which exposed service of the environment, the method, the path
 * with its query string, the headers (sanitised) and the body (text).
 */
export interface ReplayRequest {
  service: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Largest request set one diff takes, and largest body per request. */
export const MAX_REQUESTS = 1000;
export const MAX_BODY_BYTES = 64 * 1024;

const METHOD = z
  .string()
  .regex(/^[A-Za-z]{1,16}$/, 'expected an HTTP method such as GET')
  .transform((m) => m.toUpperCase());
const SERVICE = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'expected a service name (a DNS label)');
const PATH = z
  .string()
  .max(8192)
  .regex(/^\/[^\s]*$/, 'expected a path starting with / (query string allowed)');
const BODY = z
  .string()
  .refine((body) => Buffer.byteLength(body) <= MAX_BODY_BYTES, `larger than ${MAX_BODY_BYTES} bytes`);

/** The documented JSON format: `{ "requests": [{ "service", "method", "path", "headers"?, "body"? }] }`. */
export const RequestListSchema = z.object({
  requests: z
    .array(
      z.object({
        service: SERVICE,
        method: METHOD,
        path: PATH,
        headers: z.record(z.string(), z.string()).optional(),
        body: BODY.optional(),
      }),
    )
    .min(1, 'no requests')
    .max(MAX_REQUESTS, `more than ${MAX_REQUESTS} requests`),
});

/** The parts of HAR 1.2 (`log.entries[].request`) a replay needs. */
const HarSchema = z.object({
  log: z.object({
    entries: z
      .array(
        z.object({
          request: z.object({
            method: METHOD,
            url: z.string().url('expected an absolute URL'),
            headers: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
            postData: z.object({ text: BODY.optional() }).optional(),
          }),
        }),
      )
      .min(1, 'no entries')
      .max(MAX_REQUESTS, `more than ${MAX_REQUESTS} entries`),
  }),
});

/** A request set that cannot be used; the message names the entry and the field. */
export class RequestSetError extends Error {
  readonly type = 'invalid-request-set';
  readonly params: { entry?: number; field?: string };

  constructor(message: string, params: { entry?: number; field?: string } = {}) {
    super(message);
    this.name = 'RequestSetError';
    this.params = params;
  }

  toJSON(): { type: string; message: string; params: { entry?: number; field?: string } } {
    return { type: this.type, message: this.message, params: this.params };
  }
}

function issueError(source: string, issue: z.core.$ZodIssue, entriesAt: number): RequestSetError {
  const field = issue.path.join('.');
  const entry = typeof issue.path[entriesAt] === 'number' ? (issue.path[entriesAt] as number) : undefined;
  const where = entry === undefined ? field || 'document' : `entry ${entry} (${field})`;
  return new RequestSetError(`${source}: ${where}: ${issue.message}`, { entry, field });
}

/** The service a HAR entry's URL names: the first label of `<service>.<environment>.<domain>`. */
function serviceOfUrl(url: URL, index: number, source: string): string {
  const service = url.hostname.split('.')[0] ?? '';
  if (!SERVICE.safeParse(service).success) {
    throw new RequestSetError(
      `${source}: entry ${index} (log.entries.${index}.request.url): host ${url.hostname} does not start with a service name`,
      {
        entry: index,
        field: `log.entries.${index}.request.url`,
      },
    );
  }
  return service;
}

/**
 * Reads a request set: a HAR file (`log.entries`) or the JSON list format (`requests`). `source`
 * names the file in errors. Sensitive headers are replaced by a placeholder before anything else.
 */
export function parseRequestSet(text: string, source: string): ReplayRequest[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RequestSetError(`${source}: not JSON: ${(error as Error).message}`);
  }
  if (typeof document === 'object' && document !== null && 'log' in document) {
    const parsed = HarSchema.safeParse(document);
    if (!parsed.success) throw issueError(source, parsed.error.issues[0]!, 2);
    return parsed.data.log.entries.map(({ request }, index) => {
      const url = new URL(request.url);
      const headers = Object.fromEntries(request.headers.map((h) => [h.name, h.value]));
      return {
        service: serviceOfUrl(url, index, source),
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: sanitizeHeaders(headers),
        ...(request.postData?.text ? { body: request.postData.text } : {}),
      };
    });
  }
  const parsed = RequestListSchema.safeParse(document);
  if (!parsed.success) throw issueError(source, parsed.error.issues[0]!, 1);
  return parsed.data.requests.map((request) => ({
    service: request.service,
    method: request.method,
    path: request.path,
    headers: sanitizeHeaders(request.headers ?? {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  }));
}
