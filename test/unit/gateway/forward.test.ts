import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardRequest } from '../../../router/forward.js';

/** The shared forwarding step (router/forward.ts) over loopback listeners. */
const servers: Server[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let proxyPort = 0;
let served = 0;

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A proxy to `port` through `via` that retries refused or reset connections when asked to (x-retry). */
function retryingProxy(port: number, via: Agent): Promise<number> {
  return listen(
    createServer((req, res) =>
      forwardRequest({
        req,
        res,
        host: '127.0.0.1',
        port,
        agent: via,
        retryRefusedForMs: req.headers['x-retry'] ? 3_000 : 0,
        onUnreachable: () => {
          res.writeHead(502);
          res.end();
        },
        onDone: () => {},
      }),
    ),
  );
}

beforeAll(async () => {
  // Answers the first request on each connection, then drops the connection at the next one, as a
  // backend that closed an idle kept-alive connection (or a replaced pod) does.
  const seen = new WeakSet<Socket>();
  const backend = createServer((req, res) => {
    if (seen.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    seen.add(req.socket);
    served++;
    res.end(`answer ${served}`);
  });
  const backendPort = await listen(backend);
  proxyPort = await listen(
    createServer((req, res) =>
      forwardRequest({
        req,
        res,
        host: '127.0.0.1',
        port: backendPort,
        agent,
        onUnreachable: (error) => {
          res.writeHead(502);
          res.end(error.message);
        },
        onDone: () => {},
      }),
    ),
  );
});

afterAll(async () => {
  agent.destroy();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('forwardRequest', () => {
  it('retries a bodiless request once on a fresh connection when the kept-alive one was dropped', async () => {
    const first = await fetch(`http://127.0.0.1:${proxyPort}/`);
    expect(await first.text()).toBe('answer 1');
    const second = await fetch(`http://127.0.0.1:${proxyPort}/`);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('answer 2');
  });

  it('does not resend a request with a body: the client gets 502', async () => {
    const answer = await fetch(`http://127.0.0.1:${proxyPort}/`, { method: 'POST', body: 'order' });
    expect(answer.status).toBe(502);
  });

  it('tries a refused connection again within retryRefusedForMs, for a request without a body', async () => {
    // A port nothing listens on yet: refused, until a backend starts there 300 ms later.
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    servers.splice(servers.indexOf(probe), 1);
    const proxy = await retryingProxy(port, agent);
    expect((await fetch(`http://127.0.0.1:${proxy}/`)).status).toBe(502);
    const late = createServer((_req, res) => res.end('late'));
    setTimeout(() => {
      servers.push(late);
      late.listen(port, '127.0.0.1');
    }, 300);
    const posted = fetch(`http://127.0.0.1:${proxy}/`, {
      method: 'POST',
      body: 'order',
      headers: { 'x-retry': '1' },
    });
    expect((await posted).status).toBe(502);
    const answer = await fetch(`http://127.0.0.1:${proxy}/`, { headers: { 'x-retry': '1' } });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('late');
  });

  it('tries a fresh connection reset before any answer again within retryRefusedForMs', async () => {
    // Resets the first connection of each pair, as a pod that is going away does.
    let connections = 0;
    const flaky = createServer((req, res) => {
      if (connections++ % 2 === 0) req.socket.destroy();
      else res.end('second');
    });
    const port = await listen(flaky);
    const fresh = new Agent({ keepAlive: false });
    const proxy = await retryingProxy(port, fresh);
    expect((await fetch(`http://127.0.0.1:${proxy}/`)).status).toBe(502);
    connections = 0;
    const answer = await fetch(`http://127.0.0.1:${proxy}/`, { headers: { 'x-retry': '1' } });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('second');
  });

  it('sends a retry where retarget says (a pod that left is not tried again)', async () => {
    const probe = createServer();
    const gone = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    servers.splice(servers.indexOf(probe), 1);
    const other = await listen(createServer((_req, res) => res.end('the pod still there')));
    const tried: number[] = [];
    const proxy = await listen(
      createServer((req, res) =>
        forwardRequest({
          req,
          res,
          host: '127.0.0.1',
          port: gone,
          agent,
          retryRefusedForMs: 3_000,
          retarget: () => {
            tried.push(other);
            return { host: '127.0.0.1', port: other };
          },
          onUnreachable: () => {
            res.writeHead(502);
            res.end();
          },
          onDone: () => {},
        }),
      ),
    );
    const answer = await fetch(`http://127.0.0.1:${proxy}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('the pod still there');
    expect(tried).toEqual([other]);
  });
});
