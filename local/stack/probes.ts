import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Small network probes the health checks are made of. */

export interface HttpProbeResult {
  status: number;
  body: string;
}

export interface HttpProbeOptions {
  /** TLS material for https URLs (PEM). */
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Accept a self-signed serving certificate (controller-manager and scheduler make their own). */
  insecure?: boolean;
  timeoutMs?: number;
}

/** GETs a URL; rejects on connection errors and timeouts, resolves with any HTTP status. */
export function httpGet(url: string, options: HttpProbeOptions = {}): Promise<HttpProbeResult> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      target,
      {
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        rejectUnauthorized: !options.insecure,
        timeout: options.timeoutMs ?? 3000,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`timed out after ${options.timeoutMs ?? 3000} ms`)),
    );
    request.on('error', reject);
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitUntilOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Called between attempts; throw from it to stop waiting early (e.g. the process died). */
  abortIf?: () => Promise<void>;
}

/**
 * Calls `check` until it returns without throwing, and returns its value. On timeout, rethrows the
 * last failure so the caller can say what was still wrong.
 */
export async function waitUntil<T>(check: () => Promise<T>, options: WaitUntilOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await options.abortIf?.();
    await sleep(options.intervalMs ?? 250);
  }
}
