import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { DEFAULT_API_PORT } from './default-port.js';
import { type HttpAnswer, httpRequest } from './http-request.js';

/** Where the CLI finds the API and its token. */
export interface ClientSettings {
  url: string;
  token: string | undefined;
}

/** The CLI's config file: `{ "url": "...", "token": "..." }`; MICROSTAX_URL and MICROSTAX_TOKEN win. */
export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.MICROSTAX_CONFIG ??
    path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'microstax', 'config.json')
  );
}

/** Reads MICROSTAX_URL / MICROSTAX_TOKEN, falling back to the config file, then to the local API. */
export async function loadClientSettings(env: NodeJS.ProcessEnv = process.env): Promise<ClientSettings> {
  let file: { url?: string; token?: string } = {};
  try {
    file = JSON.parse(await readFile(defaultConfigFile(env), 'utf8')) as typeof file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`cannot read ${defaultConfigFile(env)}: ${(error as Error).message}`);
    }
  }
  return {
    url: (env.MICROSTAX_URL ?? file.url ?? `http://127.0.0.1:${DEFAULT_API_PORT}`).replace(/\/+$/, ''),
    token: env.MICROSTAX_TOKEN ?? file.token,
  };
}

/** An error answer of the API (its `{ error: { code, message, field } }` body), or a transport failure. */
export class ApiClientError extends Error {
  readonly type = 'api-client';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** What to do about it, when the client knows (an unreachable server, a missing token). */
    readonly hint?: string,
    /** The URL the request went to. */
    readonly url?: string,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }

  /** Worth retrying with the same Idempotency-Key: the API or Temporal was briefly unavailable. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 429 || this.status === 502;
  }
}

/** Why a request never got an answer, from fetch's `cause` (e.g. "connection refused (ECONNREFUSED)"). */
export function transportCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'name lookup failed',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed',
    EHOSTUNREACH: 'host unreachable',
  };
  if (code) return `${known[code] ?? cause?.message ?? 'network error'} (${code})`;
  return cause?.message ?? (error as Error)?.message ?? String(error);
}

const UNREACHABLE_HINT =
  'check that the API runs there (`microstax api`), or point MICROSTAX_URL or the current context (`microstax context`) at it';

/** An ApiClientError for a request that got no answer: names the URL, the cause and what to do. */
export function unreachable(url: string, error: unknown): ApiClientError {
  return new ApiClientError(
    0,
    'unreachable',
    `cannot reach the API at ${url}: ${transportCause(error)}`,
    undefined,
    UNREACHABLE_HINT,
    url,
  );
}

/** An ApiClientError from an error answer (its `{ error }` body when it has one). */
function answerError(url: string, status: number, body: unknown): ApiClientError {
  const error = (body as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
  const code = error?.code ?? 'http_error';
  const hint =
    status === 401
      ? 'set MICROSTAX_TOKEN (an admin makes one with `microstax token create`)'
      : status === 403
        ? "the token's team may not do this"
        : undefined;
  return new ApiClientError(
    status,
    code,
    error?.message ?? `HTTP ${status} from ${url}`,
    error?.field,
    hint,
    url,
  );
}

/** A server-sent event, as the stream hands it to its caller. */
export interface StreamEvent {
  event: string;
  data: unknown;
  id: string | undefined;
}

/** A thin typed client over fetch for the CLI; every call sends the bearer token. */
export class ApiClient {
  constructor(private readonly settings: ClientSettings) {}

  get url(): string {
    return this.settings.url;
  }

  private authorization(): Record<string, string> {
    return this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {};
  }

  async request<T>(params: {
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  }): Promise<{ status: number; body: T; headers: Headers }> {
    const url = `${this.settings.url}${params.path}`;
    let response: HttpAnswer;
    try {
      response = await httpRequest({
        url,
        method: params.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...this.authorization(),
          ...(params.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...params.headers,
        },
        body: params.body === undefined ? undefined : JSON.stringify(params.body),
        signal: params.signal,
      });
    } catch (error) {
      if (params.signal?.aborted) throw params.signal.reason;
      throw unreachable(url, error);
    }
    const { text } = response;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.status < 200 || response.status > 299) throw answerError(url, response.status, body);
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /**
   * Copies a plain-text answer (a service's logs) to `write` as it arrives; refusals throw as
   * `request` does. Resolves when the server ends the answer.
   */
  async text(params: { path: string; write: (chunk: string) => void; signal?: AbortSignal }): Promise<void> {
    const url = `${this.settings.url}${params.path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'text/plain', ...this.authorization() },
        signal: params.signal,
      });
    } catch (error) {
      if (params.signal?.aborted) throw params.signal.reason;
      throw unreachable(url, error);
    }
    if (!response.ok || !response.body) {
      throw answerError(url, response.status, await response.json().catch(() => undefined));
    }
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body)
        params.write(decoder.decode(chunk as Uint8Array, { stream: true }));
    } catch (error) {
      if (params.signal?.aborted) return;
      throw new Error(`the log stream of ${url} broke: ${transportCause(error)}`);
    }
  }

  /**
   * Follows a server-sent event stream, calling `onEvent` for each event until it returns true or
   * the server sends `end`. A dropped connection, an API restart or a 502/503 does not end it: it
   * reconnects with backoff and sends Last-Event-ID, so the server resumes after the last event
   * seen. It stops only when `signal` aborts (rejecting with the signal's reason) or the API refuses.
   */
  async stream(params: {
    path: string;
    onEvent: (event: StreamEvent) => boolean | Promise<boolean>;
    signal?: AbortSignal;
    /** Told before each reconnect, with why the last connection ended. */
    onReconnect?: (reason: string) => void;
  }): Promise<void> {
    const { createParser } = await import('eventsource-parser');
    const url = `${this.settings.url}${params.path}`;
    let lastEventId: string | undefined;
    let delayMs = 250;
    for (;;) {
      const outcome = await this.streamOnce({ url, params, lastEventId, createParser });
      lastEventId = outcome.lastEventId;
      if (outcome.done) return;
      if (params.signal?.aborted) throw params.signal.reason;
      // A stream that was up reconnects soon; a server that stays away is asked less and less often.
      if (outcome.connected) delayMs = 250;
      params.onReconnect?.(outcome.reason);
      await sleep(delayMs, params.signal);
      delayMs = Math.min(delayMs * 2, 4_000);
    }
  }

  /** One connection of {@link stream}: whether the stream is over, or why it should reconnect. */
  private async streamOnce(options: {
    url: string;
    params: Parameters<ApiClient['stream']>[0];
    lastEventId: string | undefined;
    createParser: typeof import('eventsource-parser').createParser;
  }): Promise<{ done: boolean; connected: boolean; reason: string; lastEventId: string | undefined }> {
    const { url, params } = options;
    let lastEventId = options.lastEventId;
    const controller = new AbortController();
    const signal = params.signal ? AbortSignal.any([params.signal, controller.signal]) : controller.signal;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'text/event-stream',
          ...this.authorization(),
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
        signal,
      });
    } catch (error) {
      if (params.signal?.aborted) throw params.signal.reason;
      return { done: false, connected: false, reason: unreachable(url, error).message, lastEventId };
    }
    if (!response.ok || !response.body) {
      const body = await response.json().catch(() => undefined);
      const error = answerError(url, response.status, body);
      if (error.retryable) return { done: false, connected: false, reason: error.message, lastEventId };
      throw error;
    }
    const events: StreamEvent[] = [];
    const parser = options.createParser({
      onEvent: (message) => {
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          data = message.data;
        }
        events.push({ event: message.event ?? 'message', data, id: message.id });
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
        for (const event of events.splice(0)) {
          if (event.id) lastEventId = event.id;
          if ((await params.onEvent(event)) || event.event === 'end')
            return { done: true, connected: true, reason: '', lastEventId };
        }
      }
      return { done: false, connected: true, reason: `the event stream of ${url} closed`, lastEventId };
    } catch (error) {
      if (params.signal?.aborted) throw params.signal.reason;
      return {
        done: false,
        connected: true,
        reason: `the event stream of ${url} broke: ${transportCause(error)}`,
        lastEventId,
      };
    } finally {
      controller.abort();
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
