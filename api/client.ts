import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { DEFAULT_API_PORT } from './config.js';

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
  ) {
    super(message);
    this.name = 'ApiClientError';
  }

  /** Worth retrying with the same Idempotency-Key: the API or Temporal was briefly unavailable. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 429;
  }
}

/** A thin typed client over fetch for the CLI; every call sends the bearer token. */
export class ApiClient {
  constructor(private readonly settings: ClientSettings) {}

  get url(): string {
    return this.settings.url;
  }

  async request<T>(params: {
    method?: 'GET' | 'POST' | 'DELETE';
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<{ status: number; body: T; headers: Headers }> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.url}${params.path}`, {
        method: params.method ?? 'GET',
        headers: {
          ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
          ...(params.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...params.headers,
        },
        body: params.body === undefined ? undefined : JSON.stringify(params.body),
      });
    } catch (error) {
      throw new ApiClientError(
        0,
        'unreachable',
        `cannot reach the API at ${this.settings.url}: ${(error as Error).message}`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string; field?: string } } | undefined)
        ?.error;
      throw new ApiClientError(
        response.status,
        error?.code ?? 'http_error',
        error?.message ?? `HTTP ${response.status} from ${params.path}`,
        error?.field,
      );
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /**
   * Follows a server-sent event stream, calling `onEvent` for each event until it returns true (stop),
   * or the server ends the stream.
   */
  async stream(params: {
    path: string;
    onEvent: (event: string, data: unknown) => boolean | Promise<boolean>;
  }): Promise<void> {
    const controller = new AbortController();
    let response: Response;
    try {
      response = await fetch(`${this.settings.url}${params.path}`, {
        headers: {
          accept: 'text/event-stream',
          ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
        },
        signal: controller.signal,
      });
    } catch (error) {
      throw new ApiClientError(
        0,
        'unreachable',
        `cannot reach the API at ${this.settings.url}: ${(error as Error).message}`,
      );
    }
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { code: string; message: string } }
        | undefined;
      throw new ApiClientError(
        response.status,
        body?.error?.code ?? 'http_error',
        body?.error?.message ?? `HTTP ${response.status}`,
      );
    }
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue;
          if (await params.onEvent(event, JSON.parse(data.join('\n')))) return;
        }
      }
    } finally {
      controller.abort();
    }
  }
}
