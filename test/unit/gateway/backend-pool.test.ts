import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendPool } from '../../../gateway/backend-pool.js';

/**
 * The gateway's backend pool over a loopback backend that answers with the client port of the
 * connection it came on: the same port means the same kept-alive connection.
 */
let server: Server;
let port = 0;
const pool = new BackendPool({ keepAlive: true, scheduling: 'lifo', settleMs: 1_000 });

beforeAll(async () => {
  server = createServer((req, res) => {
    const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
    setTimeout(() => res.end(String(req.socket.remotePort)), delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  pool.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** GET through the pool; resolves with the connection (its client port) the backend saw. */
function connectionOf(path = '/'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: pool }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => setImmediate(() => resolve(body)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('BackendPool', () => {
  it('leaves the connections to other addresses alone', async () => {
    const first = await connectionOf();
    pool.retire('10.96.0.10');
    expect(await connectionOf()).toBe(first);
  });

  it('keeps a connection alive until its address is retired, then opens a new one', async () => {
    const first = await connectionOf();
    expect(await connectionOf()).toBe(first);
    pool.retire('127.0.0.1');
    expect(await connectionOf()).not.toBe(first);
  });

  it('closes a connection retired while busy once its response is done, instead of reusing it', async () => {
    const busy = connectionOf('/?delay=100');
    await new Promise((resolve) => setTimeout(resolve, 20));
    pool.retire('127.0.0.1');
    const answeredOn = await busy;
    expect(await connectionOf()).not.toBe(answeredOn);
  });

  it('keeps no connection to an address while it settles, and keeps them again afterwards', async () => {
    pool.retire('127.0.0.1');
    const during = await connectionOf();
    expect(await connectionOf()).not.toBe(during);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await connectionOf();
    expect(await connectionOf()).toBe(after);
  });

  it('counts a retired address as settling for settleMs, others not at all', () => {
    pool.retire('10.96.0.11');
    expect(pool.settlingFor('10.96.0.11')).toBeGreaterThan(900);
    expect(pool.settlingFor('10.96.0.11')).toBeLessThanOrEqual(1_000);
    expect(pool.settlingFor('10.96.0.12')).toBe(0);
  });

  it("settles a Service's key without retiring any connection", async () => {
    const kept = await connectionOf();
    pool.settle('msx-a/api');
    expect(pool.settlingFor('msx-a/api')).toBeGreaterThan(900);
    expect(pool.settlingFor('127.0.0.1')).toBe(0);
    expect(await connectionOf()).toBe(kept);
  });
});
