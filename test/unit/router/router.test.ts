import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutingTable } from '../../../deploy/manifests/routing-table.js';
import { parseBaggage } from '../../../router/baggage.js';
import {
  baselineFromHost,
  pickRoute,
  portFromHost,
  selectTables,
  serviceFromHost,
} from '../../../router/routes.js';
import { createRouterServer, ROUTED_TO_HEADER } from '../../../router/server.js';

function table(environment: string, services: RoutingTable['services'], baseline?: string): RoutingTable {
  return {
    version: 1,
    environment,
    header: 'baggage',
    baggageKey: 'microstax-env',
    services,
    ...(baseline ? { baseline } : {}),
  };
}

describe('parseBaggage', () => {
  it('reads W3C baggage members, decoding values and dropping properties', () => {
    const entries = parseBaggage('userId=alice, microstax-env=pr-42;ttl=3 ,note=a%20b');
    expect(entries.get('microstax-env')).toBe('pr-42');
    expect(entries.get('note')).toBe('a b');
    expect(entries.get('userId')).toBe('alice');
  });

  it('survives junk and keeps the first member of a key across several headers', () => {
    expect(parseBaggage(['=x,,bad%zz=1', 'microstax-env=a', 'microstax-env=b']).get('microstax-env')).toBe(
      'a',
    );
    expect(parseBaggage(undefined).size).toBe(0);
  });
});

describe('pickRoute', () => {
  const tables = selectTables({
    baselineId: 'main',
    tables: [
      table('main', {
        api: { host: 'api.msx-main.svc', ports: [8080] },
        db: { host: 'db.msx-main.svc', ports: [5432] },
      }),
      table('pr-42', { api: { host: 'api.msx-pr-42.svc', ports: [8080] } }, 'main'),
      table('pr-7', { api: { host: 'api.msx-pr-7.svc', ports: [8080] } }, 'other-baseline'),
    ],
  });

  it('sends a branch request to the branch copy, everything else to the baseline', () => {
    expect(pickRoute({ tables, service: 'api', port: 8080, environment: 'pr-42' })).toEqual({
      host: 'api.msx-pr-42.svc',
      port: 8080,
      environment: 'pr-42',
    });
    expect(pickRoute({ tables, service: 'db', port: 5432, environment: 'pr-42' })?.environment).toBe('main');
    expect(pickRoute({ tables, service: 'api', port: 8080 })?.environment).toBe('main');
    // A branch of another baseline is not ours.
    expect(pickRoute({ tables, service: 'api', port: 8080, environment: 'pr-7' })?.environment).toBe('main');
    expect(pickRoute({ tables, service: 'ghost', port: 80 })).toBeUndefined();
  });

  it('finds the baseline a namespaced Host names, for a router that fronts every baseline', () => {
    const tables = [
      table('main', { payments: { host: 'payments.msx-main.svc.cluster.local', ports: [8080] } }),
      table('pr-42', { payments: { host: 'payments.msx-pr-42.svc.cluster.local', ports: [8080] } }, 'main'),
      table('other', { payments: { host: 'payments.msx-other.svc.cluster.local', ports: [8080] } }),
    ];
    expect(baselineFromHost({ host: 'payments.msx-main:8080', tables })).toBe('main');
    expect(baselineFromHost({ host: 'Payments.MSX-other.svc.cluster.local', tables })).toBe('other');
    // A branch's own namespace is no baseline, and a bare or unknown name names none.
    expect(baselineFromHost({ host: 'payments.msx-pr-42', tables })).toBeUndefined();
    expect(baselineFromHost({ host: 'payments:8080', tables })).toBeUndefined();
    expect(baselineFromHost({ host: 'search.msx-main', tables })).toBeUndefined();
    expect(baselineFromHost({ host: undefined, tables })).toBeUndefined();
    expect(portFromHost('payments.msx-main:8080')).toBe(8080);
    expect(portFromHost('payments.msx-main')).toBeUndefined();
  });

  it('takes the service from the Host header', () => {
    expect(serviceFromHost('api:8080')).toBe('api');
    expect(serviceFromHost('API.msx-main.svc.cluster.local')).toBe('api');
    expect(serviceFromHost(undefined)).toBeUndefined();
  });
});

describe('createRouterServer', () => {
  const servers: Server[] = [];
  let routerPort = 0;

  async function listen(server: Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  const upstream = (name: string) =>
    createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ name, method: req.method, path: req.url, body, baggage: req.headers.baggage }),
        );
      });
    });

  beforeAll(async () => {
    const basePort = await listen(upstream('baseline'));
    const branchPort = await listen(upstream('branch'));
    const tables = selectTables({
      baselineId: 'main',
      tables: [
        table('main', { api: { host: '127.0.0.1', ports: [basePort] } }),
        table('pr-42', { api: { host: '127.0.0.1', ports: [branchPort] } }, 'main'),
      ],
    });
    routerPort = await listen(createRouterServer({ tables: () => tables, port: 80, service: 'api' }));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('routes by the baggage header and passes method, path, body and baggage through', async () => {
    const toBranch = await fetch(`http://127.0.0.1:${routerPort}/orders?x=1`, {
      method: 'POST',
      headers: { baggage: 'microstax-env=pr-42', 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(toBranch.headers.get(ROUTED_TO_HEADER)).toBe('pr-42');
    expect(await toBranch.json()).toEqual({
      name: 'branch',
      method: 'POST',
      path: '/orders?x=1',
      body: 'hello',
      baggage: 'microstax-env=pr-42',
    });
    const toBaseline = await fetch(`http://127.0.0.1:${routerPort}/orders`);
    expect(toBaseline.headers.get(ROUTED_TO_HEADER)).toBe('main');
    expect(((await toBaseline.json()) as { name: string }).name).toBe('baseline');
    const unknownBranch = await fetch(`http://127.0.0.1:${routerPort}/`, {
      headers: { baggage: 'microstax-env=pr-9' },
    });
    expect(((await unknownBranch.json()) as { name: string }).name).toBe('baseline');
  });

  it('answers 502 with a reason when no copy exists', async () => {
    const tables = selectTables({ baselineId: 'main', tables: [] });
    const port = await listen(createRouterServer({ tables: () => tables, port: 80 }));
    // fetch() may not set Host, so this one goes through node:http.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/', headers: { host: 'billing:80' } }, (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      }).on('error', reject);
    });
    expect(status).toBe(502);
    expect(body).toContain('no route for service "billing"');
  });
});
