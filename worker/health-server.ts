import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What the health server asks of the worker: the SDK's state (RUNNING while it polls). */
export interface WorkerStateSource {
  getState(): string;
}

/**
 * The worker's probes for Kubernetes: `/healthz` answers 200 while the process serves at all
 * (liveness), `/readyz` 200 only while the worker polls and 503 while it starts or drains
 * (readiness). They say the state and nothing else.
 */
export async function startWorkerHealthServer(params: {
  worker: WorkerStateSource;
  port: number;
  host?: string;
  /** Served at /metrics (Prometheus text) when given (orphan sweeps, phase histograms). */
  metrics?: Registry;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const state = params.worker.getState();
    const reply = (status: number, body: Record<string, string>) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return reply(405, { error: 'method not allowed' });
    if (path === '/healthz') return reply(200, { status: 'ok', state });
    if (path === '/readyz') return reply(state === 'RUNNING' ? 200 : 503, { state });
    if (path === '/metrics' && params.metrics) {
      const registry = params.metrics;
      registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          response.end(text);
        },
        () => reply(500, { error: 'metrics unavailable' }),
      );
      return;
    }
    return reply(404, { error: 'not found' });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(params.port, params.host ?? '0.0.0.0', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
