import http from 'node:http';
import https from 'node:https';

/** One buffered HTTP exchange: what the CLI's API client needs from a request. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends one request with node:http(s) and buffers the answer. The CLI uses it instead of fetch for
 * short requests: fetch instantiates undici's WebAssembly HTTP parser on first use (about 30 MiB
 * and 60 ms per run of a short-lived process); node:http parses natively. Errors keep Node's
 * `code` (ECONNREFUSED...) on `cause`, as fetch's do.
 */
export function httpRequest(params: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(params.url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) {
      reject(
        new TypeError(`unsupported protocol ${target.protocol}`, { cause: { code: 'ERR_INVALID_URL' } }),
      );
      return;
    }
    const request = client.request(
      target,
      {
        method: params.method,
        headers: {
          ...params.headers,
          ...(params.body !== undefined ? { 'content-length': Buffer.byteLength(params.body) } : {}),
        },
        ...(params.signal ? { signal: params.signal } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', (error) => reject(new TypeError('response failed', { cause: error })));
        response.once('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.once('error', (error) => reject(new TypeError('request failed', { cause: error })));
    request.end(params.body);
  });
}
