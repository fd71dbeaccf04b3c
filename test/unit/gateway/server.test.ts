import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { V1Ingress, V1Service } from '@kubernetes/client-node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterViewStatus } from '../../../gateway/cluster-view.js';
import { buildHostTable } from '../../../gateway/host-table.js';
import { createGatewayMetrics } from '../../../gateway/metrics.js';
import { createGatewayServer, HEALTH_PATH, METRICS_PATH } from '../../../gateway/server.js';
import { ROUTED_TO_HEADER } from '../../../router/server.js';

/** The gateway server over a fixed view whose "ClusterIPs" are loopback listeners of this test. */
const servers: Server[] = [];
const agent = new Agent({ keepAlive: true });
let gatewayPort = 0;
let deadPort = 0;
/** How often the gateway asked the "API server" to confirm an unknown host. */
let confirmations = 0;

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function ingress(environment: string, service: string, port: number): V1Ingress {
  return {
    metadata: {
      name: service,
      namespace: `msx-${environment}`,
      labels: { 'microstax.dev/environment': environment, 'app.kubernetes.io/managed-by': 'microstax' },
    },
    spec: {
      ingressClassName: 'microstax',
      rules: [
        {
          host: `${service}.${environment}.microstax.localhost`,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: service, port: { number: port } } },
              },
            ],
          },
        },
      ],
    },
  };
}

function loopbackService(namespace: string, name: string, port: number): V1Service {
  return {
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', clusterIP: '127.0.0.1', ports: [{ port }] },
  };
}

/** Sends one request through the gateway and collects the answer. */
function send(params: {
  host: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: gatewayPort,
        path: params.path ?? '/',
        method: params.method ?? 'GET',
        headers: { host: params.host, ...params.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(params.body);
  });
}

beforeAll(async () => {
  const echo = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'keep-alive': 'timeout=99',
        'x-secret-hop': 'no',
      });
      res.end(JSON.stringify({ method: req.method, path: req.url, body, headers: req.headers }));
    });
  });
  // An Upgrade (as a WebSocket server answers it): 101, then echo every byte back.
  echo.on('upgrade', (req, socket) => {
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nupgrade: echo\r\nconnection: Upgrade\r\nx-seen-host: ${req.headers.host}\r\n\r\n`,
    );
    socket.pipe(socket);
  });
  const echoPort = await listen(echo);
  const dead = createServer();
  deadPort = await listen(dead);
  await new Promise((resolve) => dead.close(resolve));
  servers.splice(servers.indexOf(dead), 1);

  const ingresses = [ingress('a', 'api', echoPort), ingress('b', 'api', deadPort)];
  const services = new Map([
    ['msx-a/api', loopbackService('msx-a', 'api', echoPort)],
    ['msx-b/api', loopbackService('msx-b', 'api', deadPort)],
  ]);
  const status: ClusterViewStatus = {
    ingresses: 2,
    hosts: 2,
    services: 2,
    endpointServices: 0,
    routingTables: 0,
    sleeping: 0,
    reconnecting: 0,
    conflicts: [],
  };
  // An Ingress the watch has not delivered yet: only a confirmation (a fresh list) finds it.
  const undelivered = ingress('a', 'late', echoPort);
  services.set('msx-a/late', loopbackService('msx-a', 'late', echoPort));
  const view = {
    confirmMiss: async () => {
      confirmations++;
      if (ingresses.includes(undelivered)) return false;
      ingresses.push(undelivered);
      return true;
    },
    snapshot: () => ({
      hosts: buildHostTable(ingresses).table,
      services: (ns: string, name: string) => services.get(`${ns}/${name}`),
      tables: [],
    }),
    status: () => status,
  };
  gatewayPort = await listen(
    createGatewayServer({
      view,
      agent,
      log: pino({ level: 'silent' }),
      metrics: createGatewayMetrics(),
      ownHosts: ['gateway.microstax.localhost'],
    }),
  );
});

afterAll(async () => {
  agent.destroy();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('the gateway server', () => {
  it('forwards method, path, body and end-to-end headers; adds X-Forwarded-*; names the environment', async () => {
    const answer = await send({
      host: 'API.a.microstax.localhost:18081',
      path: '/orders?id=7',
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        connection: 'keep-alive, x-hop',
        'x-hop': 'drop me',
        'x-forwarded-for': '192.0.2.1',
        'x-forwarded-host': 'spoofed.example',
      },
      body: 'a streamed body',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers[ROUTED_TO_HEADER]).toBe('a');
    expect(answer.headers['x-secret-hop']).toBe('no');
    // The backend's own keep-alive parameters stay on its hop (the gateway may send its own).
    expect(answer.headers['keep-alive']).not.toBe('timeout=99');
    const seen = JSON.parse(answer.body) as {
      method: string;
      path: string;
      body: string;
      headers: Record<string, string>;
    };
    expect(seen).toMatchObject({ method: 'POST', path: '/orders?id=7', body: 'a streamed body' });
    expect(seen.headers.host).toBe('API.a.microstax.localhost:18081');
    expect(seen.headers['x-hop']).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBe('192.0.2.1, 127.0.0.1');
    expect(seen.headers['x-forwarded-host']).toBe('API.a.microstax.localhost:18081');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
  });

  it('confirms an unknown host with the API server before answering: an Ingress not yet delivered routes', async () => {
    const before = confirmations;
    const late = await send({ host: 'late.a.microstax.localhost', headers: { accept: 'application/json' } });
    expect(late.status).toBe(200);
    expect(confirmations).toBe(before + 1);
    // Known now: no second confirmation.
    expect((await send({ host: 'late.a.microstax.localhost' })).status).toBe(200);
    expect(confirmations).toBe(before + 1);
  });

  it('answers 404 naming an unknown host, as text or JSON', async () => {
    const text = await send({ host: 'web.a.microstax.localhost' });
    expect(text.status).toBe(404);
    expect(text.body).toContain('"web.a.microstax.localhost"');
    const json = await send({ host: 'web.a.microstax.localhost', headers: { accept: 'application/json' } });
    expect(JSON.parse(json.body)).toMatchObject({ error: 'unknown-host', host: 'web.a.microstax.localhost' });
  });

  it('answers 502 naming the service, not its address, when the backend does not answer', async () => {
    const answer = await send({ host: 'api.b.microstax.localhost', headers: { accept: 'application/json' } });
    expect(answer.status).toBe(502);
    expect(answer.headers[ROUTED_TO_HEADER]).toBe('b');
    expect(JSON.parse(answer.body)).toMatchObject({
      error: 'backend-unreachable',
      service: 'msx-b/api',
      environment: 'b',
    });
    // Where the backend lives is for the log, not for whoever sent the request.
    expect(answer.body).not.toContain(`${deadPort}`);
  });

  it('serves its health and metrics only on its own hosts, saying nothing internal', async () => {
    for (const host of ['127.0.0.1:8080', '[::1]', 'localhost', 'Gateway.microstax.localhost:18081']) {
      const health = await send({ host, path: HEALTH_PATH });
      expect(health.status, host).toBe(200);
      // ok or degraded, and nothing about what it routes (hosts, Services, conflicts, counts).
      expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    }
    const metrics = await send({ host: '10.0.0.7:8080', path: METRICS_PATH });
    expect(metrics.body).toMatch(
      /microstax_gateway_requests_total\{outcome="proxied",status="200",header_routed="false"\} \d+/,
    );
    expect(metrics.body).toMatch(/outcome="unknown-host",status="404"/);
    expect((await send({ host: '127.0.0.1', path: '/__microstax/nope' })).status).toBe(404);
    // On an environment's host (or any other name) the reserved paths are nobody's: a bare 404.
    for (const path of [HEALTH_PATH, METRICS_PATH, `${HEALTH_PATH}?x=1`]) {
      for (const host of ['api.a.microstax.localhost', 'unknown.example']) {
        const answer = await send({ host, path });
        expect(answer.status, `${host}${path}`).toBe(404);
        expect(answer.body).not.toMatch(/ingresses|microstax_gateway|msx-a/);
      }
    }
  });

  it('tunnels an Upgrade request (WebSocket) to the backend, and refuses one for an unknown host', async () => {
    const upgrade = (host: string) =>
      new Promise<{ status: number; echoed?: string; seenHost?: string }>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: gatewayPort,
          path: '/hmr',
          headers: { host, connection: 'Upgrade', upgrade: 'echo' },
          agent: false,
        });
        req.on('upgrade', (res, socket) => {
          socket.once('data', (data: Buffer) => {
            resolve({
              status: res.statusCode ?? 0,
              echoed: data.toString(),
              seenHost: String(res.headers['x-seen-host']),
            });
            socket.destroy();
          });
          socket.write('ping');
        });
        req.on('response', (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0 });
        });
        req.on('error', reject);
        req.end();
      });
    expect(await upgrade('api.a.microstax.localhost')).toEqual({
      status: 101,
      echoed: 'ping',
      seenHost: 'api.a.microstax.localhost',
    });
    expect((await upgrade('web.a.microstax.localhost')).status).toBe(404);
    expect((await upgrade('api.b.microstax.localhost')).status).toBe(502);
  });
});
