import http from 'node:http';
import { answerEnvelope, type CheckoutDeps, handleCheckoutRequest } from './handlers.js';

/** Largest request body accepted (a cart is a few bytes). */
const MAX_BODY_BYTES = 64 * 1024;

/** The HTTP server around the handlers: JSON in and out, `X-Checkout-Version` on every response. */
export function createCheckoutServer(deps: CheckoutDeps & { log: (line: string) => void }): http.Server {
  return http.createServer((request, response) => {
    const send = (status: number, body: Record<string, unknown>) => {
      const text = JSON.stringify(body);
      response.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        'X-Checkout-Version': deps.version,
      });
      response.end(text);
    };
    readJsonBody(request)
      .then((body) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        return handleCheckoutRequest(deps, { method: request.method ?? 'GET', path, body });
      })
      .then(
        (result) => {
          send(result.status, result.body);
          if (request.url !== '/healthz') deps.log(`${request.method} ${request.url} ${result.status}`);
        },
        (error: Error & { status?: number }) => {
          const status = error.status ?? 500;
          // Client errors say what was wrong; server errors are logged, never shown.
          if (status >= 500)
            deps.log(`${request.method} ${request.url} failed: ${error.stack ?? error.message}`);
          send(status, {
            ...answerEnvelope(deps.version),
            error: status >= 500 ? 'internal error' : error.message,
          });
        },
      );
  });
}

async function readJsonBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('body: invalid JSON'), { status: 400 });
  }
}
