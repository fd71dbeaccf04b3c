import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { V1Ingress, V1Service } from '@kubernetes/client-node';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  type AccessStore,
  cachedAccessStore,
  type ShareGrant,
  type TokenGrant,
} from '../../../gateway/access/access-store.js';
import { type AccessTarget, createAccessCheck } from '../../../gateway/access/check-access.js';
import {
  cookieDomain,
  parseCookies,
  presentedCredentials,
  shareCookie,
  stripCredentials,
  withoutShareParam,
} from '../../../gateway/access/credentials.js';
import { buildHostTable } from '../../../gateway/host-table.js';
import { createGatewayServer } from '../../../gateway/server.js';
import { generateSecretToken, hashSecretToken } from '../../../store/secret-tokens.js';

/** The check's own logic over an in-memory store (the Postgres store: test/integ/gateway/access.test.ts). */
class TableStore implements AccessStore {
  readonly tokens = new Map<string, TokenGrant>();
  readonly shares = new Map<string, ShareGrant>();
  readonly teams = new Map<string, string>();
  reads = 0;
  principal = async (hash: string) => {
    this.reads++;
    return this.tokens.get(hash) ?? null;
  };
  share = async (hash: string) => {
    this.reads++;
    return this.shares.get(hash) ?? null;
  };
  teamOf = async (id: string) => {
    this.reads++;
    return this.teams.get(id) ?? null;
  };
}

const target = (over: Partial<AccessTarget> = {}): AccessTarget => ({
  host: 'api.e1.microstax.localhost',
  environment: 'e1',
  routedTo: 'e1',
  public: false,
  ...over,
});
const req = (url: string, headers: Record<string, string> = {}) => ({ url, headers });

describe('credentials', () => {
  const share = generateSecretToken('share');
  const api = generateSecretToken('api');

  it('reads a share link, a share cookie and a MicroStax bearer token, ignoring other shapes', () => {
    expect(presentedCredentials(req(`/a?x=1&microstax_share=${share}`))).toEqual({ shareParam: share });
    expect(presentedCredentials(req('/a?microstax_share=nope'))).toEqual({ malformedShareParam: true });
    expect(
      presentedCredentials(
        req('/', {
          cookie: `a=1; microstax_share=${share}; microstax_session=s`,
          authorization: `bearer ${api}`,
        }),
      ),
    ).toEqual({ shareCookie: share, bearer: api, session: 's' });
    expect(presentedCredentials(req('/', { authorization: 'Bearer someone-elses' }))).toEqual({});
    expect(presentedCredentials(req('/', { authorization: `Bearer ${api}x` }))).toEqual({});
    expect(parseCookies('a=1;b=2; a=3')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
  });

  it('drops the share parameter from the redirect, keeping the rest', () => {
    expect(withoutShareParam(`/cart?x=1&microstax_share=${share}&y=2`)).toBe('/cart?x=1&y=2');
    expect(withoutShareParam(`/?microstax_share=${share}`)).toBe('/');
    expect(withoutShareParam('/plain')).toBe('/plain');
  });

  it("strips MicroStax's cookies and bearer token before forwarding, keeping the service's own", () => {
    const mine = {
      headers: {
        cookie: `theirs=1; microstax_share=${share}; microstax_session=s`,
        authorization: `Bearer ${api}`,
      } as Record<string, string>,
    };
    stripCredentials(mine);
    expect(mine.headers).toEqual({ cookie: 'theirs=1' });
    const theirs = {
      headers: { cookie: `microstax_share=${share}`, authorization: 'Bearer their-jwt' } as Record<
        string,
        string
      >,
    };
    stripCredentials(theirs);
    expect(theirs.headers).toEqual({ authorization: 'Bearer their-jwt' });
  });

  it("scopes the cookie to the environment's hosts, Secure on https", () => {
    expect(cookieDomain('api.e1.microstax.localhost', 'e1')).toBe('e1.microstax.localhost');
    expect(cookieDomain('api.e2.microstax.localhost', 'e1')).toBeUndefined();
    expect(cookieDomain('e1.localhost', 'e1')).toBeUndefined();
    const expiresAt = new Date(10_000_000);
    expect(
      shareCookie({
        token: share,
        host: 'web.e1.example.com',
        environment: 'e1',
        expiresAt,
        secure: true,
        now: 0,
      }),
    ).toBe(
      `microstax_share=${share}; Path=/; Max-Age=10000; Domain=e1.example.com; HttpOnly; SameSite=Lax; Secure`,
    );
  });
});

describe('the access check', () => {
  const setup = () => {
    const store = new TableStore();
    const member = generateSecretToken('api');
    const stranger = generateSecretToken('api');
    const admin = generateSecretToken('api');
    const share = generateSecretToken('share');
    store.tokens.set(hashSecretToken(member), { teamId: 't1', role: 'member', expiresAt: null });
    store.tokens.set(hashSecretToken(stranger), { teamId: 't2', role: 'member', expiresAt: null });
    store.tokens.set(hashSecretToken(admin), { teamId: 't9', role: 'admin', expiresAt: null });
    store.shares.set(hashSecretToken(share), {
      environmentId: 'e1',
      expiresAt: new Date(Date.now() + 60_000),
    });
    store.teams.set('e1', 't1').set('e2', 't1').set('e3', 't2');
    const check = createAccessCheck({ store, secureCookies: false });
    return { store, check, member, stranger, admin, share };
  };

  it('lets public routes through without reading anything', async () => {
    const { store, check } = setup();
    expect(await check(req('/'), target({ public: true }))).toEqual({ kind: 'allow', via: 'public' });
    expect(store.reads).toBe(0);
  });

  it('answers 401 without a credential or with a bad one, 403 with a valid one for elsewhere', async () => {
    const { check, member, stranger, admin } = setup();
    expect(await check(req('/'), target())).toMatchObject({
      kind: 'refuse',
      status: 401,
      reason: 'no-credential',
    });
    expect(
      await check(req('/', { authorization: `Bearer ${generateSecretToken('api')}` }), target()),
    ).toMatchObject({
      status: 401,
      reason: 'invalid',
    });
    expect(await check(req('/', { authorization: `Bearer ${stranger}` }), target())).toMatchObject({
      status: 403,
    });
    expect(await check(req('/', { authorization: `Bearer ${member}` }), target())).toEqual({
      kind: 'allow',
      via: 'token',
    });
    expect(await check(req('/', { authorization: `Bearer ${admin}` }), target())).toEqual({
      kind: 'allow',
      via: 'token',
    });
    // Header routing to another team's environment needs that team too.
    expect(
      await check(req('/', { authorization: `Bearer ${member}` }), target({ routedTo: 'e3' })),
    ).toMatchObject({ status: 403 });
    // An environment the database does not know opens to no team token.
    expect(
      await check(
        req('/', { authorization: `Bearer ${member}` }),
        target({ environment: 'ghost', routedTo: 'ghost' }),
      ),
    ).toMatchObject({ status: 403 });
  });

  it('exchanges a share link for a cookie, which opens its environment only', async () => {
    const { check, share } = setup();
    const exchange = await check(req(`/x?microstax_share=${share}`), target());
    expect(exchange).toMatchObject({ kind: 'exchange', location: '/x' });
    const cookie = { cookie: `microstax_share=${share}` };
    expect(await check(req('/', cookie), target())).toEqual({ kind: 'allow', via: 'share' });
    const other = target({ host: 'api.e2.microstax.localhost', environment: 'e2', routedTo: 'e2' });
    expect(await check(req('/', cookie), other)).toMatchObject({ status: 403 });
    expect(await check(req(`/?microstax_share=${share}`), other)).toMatchObject({ status: 403 });
    expect(await check(req('/', cookie), target({ routedTo: 'e2' }))).toMatchObject({ status: 403 });
  });

  it('refuses a dead share cookie and deletes it', async () => {
    const { check } = setup();
    const dead = generateSecretToken('share');
    const answer = await check(req('/', { cookie: `microstax_share=${dead}` }), target());
    expect(answer).toMatchObject({ kind: 'refuse', status: 401, reason: 'invalid' });
    expect(answer.kind === 'refuse' && answer.setCookie).toMatch(
      /^microstax_share=; Path=\/; Max-Age=0; Domain=e1\.microstax\.localhost/,
    );
  });

  it('asks a session verifier, when there is one (the dashboard seam)', async () => {
    const store = new TableStore();
    store.teams.set('e1', 't1');
    const check = createAccessCheck({
      store,
      secureCookies: false,
      sessions: { principal: async (s) => (s === 'good' ? { teamId: 't1', role: 'member' } : null) },
    });
    expect(await check(req('/', { cookie: 'microstax_session=good' }), target())).toEqual({
      kind: 'allow',
      via: 'session',
    });
    expect(await check(req('/', { cookie: 'microstax_session=bad' }), target())).toMatchObject({
      status: 401,
    });
  });
});

describe('the access cache', () => {
  it('reuses answers (misses too) for its ttl, shares concurrent lookups, and never past a grant’s expiry', async () => {
    let now = 1_000_000;
    const store = new TableStore();
    const cached = cachedAccessStore(store, { ttlMs: 2_000, now: () => now });
    await Promise.all([cached.principal('a'), cached.principal('a'), cached.principal('a')]);
    expect(store.reads).toBe(1);
    now += 1_999;
    await cached.principal('a');
    expect(store.reads).toBe(1);
    now += 2;
    await cached.principal('a');
    expect(store.reads).toBe(2);
    // A grant that expires inside the ttl is read again at once.
    store.shares.set('s', { environmentId: 'e1', expiresAt: new Date(now + 500) });
    await cached.share('s');
    now += 600;
    await cached.share('s');
    expect(store.reads).toBe(4);
  });

  it('refuses a ttl over the 5 s revocation bound and keeps at most maxEntries', async () => {
    expect(() => cachedAccessStore(new TableStore(), { ttlMs: 5_001 })).toThrow(/over 5000 ms/);
    const store = new TableStore();
    const cached = cachedAccessStore(store, { ttlMs: 2_000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c', 'a']) await cached.teamOf(key);
    expect(store.reads).toBe(4);
  });
});

describe('the gateway server with an access check', () => {
  /** A gateway over one private environment whose "ClusterIP" is a loopback backend counting its requests. */
  const setup = async (store: AccessStore) => {
    let reached = 0;
    const backend = createServer((_req, res) => {
      reached++;
      res.end('ok');
    });
    backend.on('upgrade', (_req, socket) => {
      reached++;
      socket.end('HTTP/1.1 101 Switching Protocols\r\nconnection: Upgrade\r\nupgrade: echo\r\n\r\n');
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const port = (backend.address() as AddressInfo).port;
    const ingress: V1Ingress = {
      metadata: {
        name: 'api',
        namespace: 'msx-e1',
        labels: { 'microstax.dev/environment': 'e1', 'app.kubernetes.io/managed-by': 'microstax' },
      },
      spec: {
        ingressClassName: 'microstax',
        rules: [
          {
            host: 'api.e1.microstax.localhost',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'api', port: { number: port } } },
                },
              ],
            },
          },
        ],
      },
    };
    const service: V1Service = {
      metadata: { name: 'api', namespace: 'msx-e1' },
      spec: { type: 'ClusterIP', clusterIP: '127.0.0.1', ports: [{ port }] },
    };
    const gateway = createGatewayServer({
      view: {
        snapshot: () => ({ hosts: buildHostTable([ingress]).table, services: () => service, tables: [] }),
        status: () => ({
          ingresses: 1,
          hosts: 1,
          services: 1,
          endpointServices: 0,
          routingTables: 0,
          sleeping: 0,
          reconnecting: 0,
          conflicts: [],
        }),
      },
      agent: new Agent(),
      log: pino({ level: 'silent' }),
      access: createAccessCheck({ store, secureCookies: true }),
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayPort = (gateway.address() as AddressInfo).port;
    const send = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: gatewayPort,
          path: '/',
          headers: { host: 'api.e1.microstax.localhost', ...headers },
          agent: false,
        });
        req.on('upgrade', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    const close = async () => {
      gateway.closeAllConnections();
      backend.closeAllConnections();
      await Promise.all([gateway, backend].map((s) => new Promise((resolve) => s.close(resolve))));
    };
    return { send, close, reached: () => reached };
  };

  it('refuses an Upgrade (WebSocket) without a credential, and lets a member through', async () => {
    const store = new TableStore();
    const member = generateSecretToken('api');
    store.tokens.set(hashSecretToken(member), { teamId: 't1', role: 'member', expiresAt: null });
    store.teams.set('e1', 't1');
    const gateway = await setup(store);
    try {
      const upgrade = { connection: 'Upgrade', upgrade: 'echo' };
      expect(await gateway.send(upgrade)).toBe(401);
      expect(gateway.reached()).toBe(0);
      expect(await gateway.send({ ...upgrade, authorization: `Bearer ${member}` })).toBe(101);
      expect(gateway.reached()).toBe(1);
    } finally {
      await gateway.close();
    }
  });

  it('answers 503 and forwards nothing when the credential cannot be checked (closed, not open)', async () => {
    const broken: AccessStore = {
      principal: async () => {
        throw new Error('connection refused');
      },
      share: async () => {
        throw new Error('connection refused');
      },
      teamOf: async () => {
        throw new Error('connection refused');
      },
    };
    const gateway = await setup(broken);
    try {
      expect(await gateway.send({ authorization: `Bearer ${generateSecretToken('api')}` })).toBe(503);
      expect(gateway.reached()).toBe(0);
    } finally {
      await gateway.close();
    }
  });
});
