import type { Server } from 'node:http';
import type { KubernetesObject, V1Ingress } from '@kubernetes/client-node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient, WatchListOptions } from '../../../deploy/kube-client.js';
import { ANNOTATIONS, LABELS } from '../../../deploy/labels.js';
import { ROUTING_BAGGAGE_KEY } from '../../../deploy/manifests/routing-table.js';
import { type AccessOptions, type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { HEALTH_PATH } from '../../../gateway/server.js';
import { ROUTED_TO_HEADER } from '../../../router/server.js';
import { stackEnv } from '../../support/stack-env.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import {
  assertBridgeUp,
  bridgedService,
  createNamespace,
  eventually,
  get,
  ingressFor,
  routingTableConfigMap,
  startBackend,
} from './support.js';

/**
 * The gateway against the real cluster: Ingresses and Services in real namespaces, their
 * EndpointSlices' endpoints (the gateway connects to them, not to the ClusterIPs), backends
 * listening on the node tier's bridge address.
 */

const DOMAIN = 'microstax.localhost';
const env = {
  a: uniqueId('gw-a'),
  b: uniqueId('gw-b'),
  down: uniqueId('gw-down'),
  main: uniqueId('gw-main'),
  branch: uniqueId('gw-br'),
  moved: uniqueId('gw-mv'),
};
const ns = (id: string) => `msx-${id}`;
const host = (service: string, id: string) => `${service}.${id}.${DOMAIN}`;

let kube: KubeClient;
let gateway: RunningGateway | undefined;
let access: AccessOptions;
/** These tests are about routing: their Ingresses are public (access: test/integ/gateway/access.test.ts). */
const PUBLIC = { [ANNOTATIONS.access]: 'public' };
const backends: Server[] = [];

async function backend(name: string): Promise<number> {
  const { server, port } = await startBackend(name);
  backends.push(server);
  return port;
}

/** One environment: a namespace, the api Service bridged to a backend, and its Ingress. */
async function environment(params: { id: string; backendPort: number; ingressPort?: number | string }) {
  await createNamespace(kube, ns(params.id));
  const objects = [
    ...bridgedService({
      namespace: ns(params.id),
      name: 'api',
      servicePort: 80,
      backendPort: params.backendPort,
    }),
    ingressFor({
      namespace: ns(params.id),
      environment: params.id,
      service: 'api',
      host: host('api', params.id),
      port: params.ingressPort ?? 80,
      annotations: PUBLIC,
    }),
  ];
  for (const object of objects) await kube.apply(object);
}

/** Another Ingress named `name` for b's api, at host `name.<b>`. */
async function applyIngressToB(name: string) {
  const ingress = ingressFor({
    namespace: ns(env.b),
    environment: env.b,
    service: 'api',
    host: host(name, env.b),
    port: 80,
    annotations: PUBLIC,
  });
  await kube.apply({ ...ingress, metadata: { ...ingress.metadata, name } });
}

const through = (hostName: string, headers?: Record<string, string>) =>
  get({ base: gateway!.url, host: hostName, headers });

beforeAll(async () => {
  await assertBridgeUp();
  kube = await stackKube();
  const closedPort = await backend('closed');
  await new Promise((resolve) => backends.pop()!.close(resolve));

  await environment({ id: env.a, backendPort: await backend('a') });
  await environment({ id: env.b, backendPort: await backend('b'), ingressPort: 'http' });
  await environment({ id: env.down, backendPort: closedPort });
  await environment({ id: env.main, backendPort: await backend('main') });
  await environment({ id: env.branch, backendPort: await backend('branch') });
  await environment({ id: env.moved, backendPort: await backend('old') });
  // main routes by header; the branch runs its own api (deploy writes these tables).
  await kube.apply(
    routingTableConfigMap(ns(env.main), {
      version: 1,
      environment: env.main,
      header: 'baggage',
      baggageKey: ROUTING_BAGGAGE_KEY,
      services: { api: { host: `api.${ns(env.main)}.svc.cluster.local`, ports: [80] } },
    }),
  );
  await kube.apply(
    routingTableConfigMap(ns(env.branch), {
      version: 1,
      environment: env.branch,
      baseline: env.main,
      header: 'baggage',
      baggageKey: ROUTING_BAGGAGE_KEY,
      services: { api: { host: `api.${ns(env.branch)}.svc.cluster.local`, ports: [80] } },
    }),
  );

  // No wait for kube-proxy to program the ClusterIPs: the gateway connects to the slices' endpoints.
  access = { databaseUrl: (await stackEnv()).DATABASE_URL, secureCookies: false };
  gateway = await startGateway({ kube, log: pino({ level: 'silent' }), port: 0, access });
});

afterAll(async () => {
  await gateway?.close();
  for (const server of backends) server.closeAllConnections();
  await Promise.all(backends.map((server) => new Promise((resolve) => server.close(resolve))));
  if (kube) {
    for (const id of Object.values(env))
      await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns(id) });
  }
});

describe('the gateway on the real cluster', () => {
  it('routes two environments with the same service name by Host header (port number or name)', async () => {
    const a = await through(host('api', env.a));
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toMatchObject({ name: 'a', forwardedFor: '127.0.0.1' });
    expect(a.headers[ROUTED_TO_HEADER]).toBe(env.a);
    const b = await through(`API.${env.b}.${DOMAIN}:8080`);
    expect(JSON.parse(b.body).name).toBe('b');
    expect(b.headers[ROUTED_TO_HEADER]).toBe(env.b);
  });

  it('answers 404 naming an unknown host', async () => {
    const answer = await through(host('web', env.a));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'unknown-host', host: host('web', env.a) });
  });

  it('answers 502 naming the service when its backend is down', async () => {
    const answer = await through(host('api', env.down));
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toMatchObject({ service: `${ns(env.down)}/api`, environment: env.down });
  });

  it("sends a baseline request that carries the branch's baggage to the branch's copy, others to the baseline", async () => {
    const plain = await through(host('api', env.main));
    expect(JSON.parse(plain.body).name).toBe('main');
    expect(plain.headers[ROUTED_TO_HEADER]).toBe(env.main);

    const branched = await through(host('api', env.main), {
      baggage: `userId=7,${ROUTING_BAGGAGE_KEY}=${env.branch}`,
    });
    expect(JSON.parse(branched.body).name).toBe('branch');
    expect(branched.headers[ROUTED_TO_HEADER]).toBe(env.branch);

    const stranger = await through(host('api', env.main), { baggage: `${ROUTING_BAGGAGE_KEY}=${env.a}` });
    expect(JSON.parse(stranger.body).name).toBe('main');

    const own = await through(host('api', env.branch));
    expect(JSON.parse(own.body).name).toBe('branch');
    expect(own.headers[ROUTED_TO_HEADER]).toBe(env.branch);
  });

  it('stops header routing when the branch’s routing table goes away', async () => {
    await kube.delete({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'microstax-routes',
      namespace: ns(env.branch),
    });
    const answer = await eventually(
      () => through(host('api', env.main), { baggage: `${ROUTING_BAGGAGE_KEY}=${env.branch}` }),
      (a) => a.headers[ROUTED_TO_HEADER] === env.main,
      5_000,
    );
    expect(JSON.parse(answer.body).name).toBe('main');
  });

  it('routes an Ingress created a moment before the request (confirmed with the API server, never a 404)', async () => {
    // As after "ready": the Ingress exists, the request comes at once; the watch event may still be on its way.
    for (const name of ['late-1', 'late-2', 'late-3', 'late-4', 'late-5']) {
      await applyIngressToB(name);
      const answer = await through(host(name, env.b));
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).name).toBe('b');
    }
  });

  it('recovers from an Ingress watch that fell behind: the miss is confirmed, the watch re-opened', async () => {
    // The API server is real; only the gateway's Ingress watch is made to stop seeing changes, as the
    // stack's gateway once did for a minute. Its other watches are real.
    const frozen: KubeClient = Object.create(kube);
    frozen.watchList = async <T extends KubernetesObject>(options: WatchListOptions) => {
      if (options.kind !== 'Ingress') return kube.watchList<T>(options);
      const items = (await kube.list<T>(options)).items;
      return { list: () => items, stop: async () => {} };
    };
    const problems: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => problems.push(line) });
    const stale = await startGateway({ kube: frozen, log, port: 0, access });
    try {
      const name = 'behind';
      await applyIngressToB(name);
      const answer = await get({ base: stale.url, host: host(name, env.b) });
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).name).toBe('b');
      // Just created, so not yet "late": re-opened quietly. A host nobody serves stays a 404.
      expect(problems.join('')).not.toContain('had not delivered');
      expect((await get({ base: stale.url, host: host('nobody', env.b) })).status).toBe(404);
    } finally {
      await stale.close();
    }
  });

  it("routes only MicroStax's Ingresses: not another class, a class-less one, an unlabelled one, a host-less rule or a default backend", async () => {
    const mine = ingressFor({
      namespace: ns(env.b),
      environment: env.b,
      service: 'api',
      host: host('api', env.b),
      port: 80,
      annotations: PUBLIC,
    }) as V1Ingress;
    const variant = (name: string, change: (ingress: V1Ingress) => void): V1Ingress => {
      const copy = structuredClone(mine);
      copy.metadata!.name = name;
      copy.spec!.rules![0]!.host = host(name, env.b);
      change(copy);
      return copy;
    };
    const foreign = [
      variant('other-class', (i) => {
        i.spec!.ingressClassName = 'nginx';
      }),
      variant('classless', (i) => {
        delete i.spec!.ingressClassName;
        i.metadata!.annotations = { ...PUBLIC, 'kubernetes.io/ingress.class': 'microstax' };
      }),
      variant('unlabelled', (i) => {
        delete i.metadata!.labels![LABELS.managedBy];
      }),
      // Ours in every other respect, but a rule without a host and a default backend: they would match any Host.
      variant('hostless', (i) => {
        delete i.spec!.rules![0]!.host;
        i.spec!.defaultBackend = { service: { name: 'api', port: { number: 80 } } };
      }),
    ];
    for (const ingress of foreign) await kube.apply(ingress);
    // A fresh Ingress of ours, applied last, routes: the watch has delivered everything before it.
    await applyIngressToB('after-foreign');
    expect((await through(host('after-foreign', env.b))).status).toBe(200);
    for (const name of ['other-class', 'classless', 'unlabelled', 'hostless', 'not-a-host']) {
      const answer = await through(host(name, env.b));
      expect(answer.status, `${name}: ${answer.body}`).toBe(404);
      expect(answer.headers[ROUTED_TO_HEADER]).toBeUndefined();
    }
    const elsewhere = await through('foreign.example.test');
    expect(elsewhere.status).toBe(404);
  });

  it('answers health only on its own host, with nothing internal', async () => {
    const own = await get({ base: gateway!.url, host: '127.0.0.1', path: HEALTH_PATH });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ status: 'ok' });
    const onEnvironment = await through(host('api', env.b), {});
    expect(onEnvironment.status).toBe(200);
    const health = await get({ base: gateway!.url, host: host('api', env.b), path: HEALTH_PATH });
    expect(health.status).toBe(404);
    expect(health.body).not.toMatch(/ingress|status/i);
  });

  it('leaves a kept-alive connection whose endpoint left: the next requests reach the new one, none fails', async () => {
    // The old backend keeps answering on its connection, as an updated Deployment's old pod does until it exits.
    expect(JSON.parse((await through(host('api', env.moved))).body).name).toBe('old');
    const [, slice] = bridgedService({
      namespace: ns(env.moved),
      name: 'api',
      servicePort: 80,
      backendPort: await backend('new'),
    });
    await kube.apply(slice!);
    // Polled every 100 ms, the old connection never idles out: only a retire moves it (once
    // kube-proxy's rules name the new endpoint, which takes a sync or two on a busy machine).
    const answer = await eventually(
      () => through(host('api', env.moved)),
      (a) => a.status !== 200 || JSON.parse(a.body).name === 'new',
      15_000,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).name).toBe('new');
  });

  it("connects to a Service's ready endpoint from its EndpointSlice: a headless Service (no ClusterIP) is served", async () => {
    const [service, slice] = bridgedService({
      namespace: ns(env.a),
      name: 'web',
      servicePort: 80,
      backendPort: await backend('web'),
    });
    const headless = { ...service, spec: { ...(service as { spec: object }).spec, clusterIP: 'None' } };
    for (const object of [
      headless,
      slice!,
      ingressFor({
        namespace: ns(env.a),
        environment: env.a,
        service: 'web',
        host: host('web', env.a),
        port: 80,
        annotations: PUBLIC,
      }),
    ]) {
      await kube.apply(object as KubernetesObject);
    }
    // Through a ClusterIP this would be a 502 ("headless"): it is the endpoint that answers.
    const answer = await eventually(
      () => through(host('web', env.a)),
      (a) => a.status === 200,
      10_000,
    );
    expect(JSON.parse(answer.body).name).toBe('web');
  });

  it('answers 404 within a watch event once the Ingress is deleted', async () => {
    await kube.delete({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      name: 'api',
      namespace: ns(env.a),
    });
    const started = Date.now();
    const answer = await eventually(
      () => through(host('api', env.a)),
      (a) => a.status === 404,
      5_000,
    );
    expect(answer.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
