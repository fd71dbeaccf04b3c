import { randomBytes } from 'node:crypto';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { V1Deployment, V1Ingress, V1Service, V1StatefulSet } from '@kubernetes/client-node';
import { type Logger, pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WakeError } from '../../../gateway/errors.js';
import { buildHostTable } from '../../../gateway/host-table.js';
import { createGatewayMetrics, type GatewayMetrics } from '../../../gateway/metrics.js';
import { createGatewayServer } from '../../../gateway/server.js';
import {
  buildSleepIndex,
  type SleepingEnvironment,
  servicesReachedBy,
} from '../../../gateway/sleep-index.js';
import { createTemporalWaker, type EnvironmentWaker } from '../../../gateway/temporal-waker.js';
import { createWakeCoordinator, type WakeCoordinator } from '../../../gateway/wake-coordinator.js';
import { renderWakingPage, wantsHtml } from '../../../gateway/waking-page.js';
import { freePort } from '../../support/free-port.js';

/**
 * Waking a sleeping environment on its first request, over loopback: a stand-in waker "wakes" the
 * environment by starting its backend (as the scaled-up pod would), so holds, single-flight wakes,
 * timeouts, the cap, the pages and the 503s are checked without a cluster. The real wake through
 * Temporal and the real node is test/integ/real-node/wake-on-request.test.ts.
 */

const silent = pino({ level: 'silent' });

/** A logger whose JSON lines the test reads back. */
function capturingLog(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => written.push(line) });
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

function workload(params: {
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  service: string;
  replicas: number;
  planned?: string;
  environment?: string;
  /** The `microstax.dev/depends-on` annotation (absent: applied before it existed). */
  dependsOn?: string;
}): V1Deployment | V1StatefulSet {
  return {
    kind: params.kind,
    metadata: {
      name: params.service,
      namespace: params.namespace,
      labels: {
        ...(params.environment !== undefined && { 'microstax.dev/environment': params.environment }),
        'microstax.dev/service': params.service,
        'microstax.dev/role': 'workload',
      },
      annotations: {
        ...(params.planned !== undefined && { 'microstax.dev/planned-replicas': params.planned }),
        ...(params.dependsOn !== undefined && { 'microstax.dev/depends-on': params.dependsOn }),
      },
    },
    spec: { replicas: params.replicas } as V1Deployment['spec'],
  };
}

describe('buildSleepIndex', () => {
  it('marks a namespace asleep when sleep scaled its workloads to zero and kept the planned count', () => {
    const index = buildSleepIndex([
      workload({
        kind: 'Deployment',
        namespace: 'msx-a',
        service: 'api',
        replicas: 0,
        planned: '1',
        environment: 'a',
      }),
      workload({
        kind: 'StatefulSet',
        namespace: 'msx-a',
        service: 'db',
        replicas: 0,
        planned: '1',
        environment: 'a',
      }),
      // Awake: no annotation (waking removed it), or scaled but not by sleep.
      workload({ kind: 'Deployment', namespace: 'msx-b', service: 'api', replicas: 1, environment: 'b' }),
      workload({ kind: 'Deployment', namespace: 'msx-c', service: 'api', replicas: 0, environment: 'c' }),
      // Being woken: the annotation is gone as the replicas come back.
      workload({
        kind: 'Deployment',
        namespace: 'msx-d',
        service: 'api',
        replicas: 2,
        planned: '2',
        environment: 'd',
      }),
      // Not ours: no environment label.
      workload({ kind: 'Deployment', namespace: 'other', service: 'x', replicas: 0, planned: '1' }),
    ]);
    expect([...index.keys()]).toEqual(['msx-a']);
    expect(index.get('msx-a')).toEqual({ namespace: 'msx-a', runtimeId: 'a', services: ['api', 'db'] });
  });

  it("keeps the sleeping services' dependencies when every workload carries them: a request waits for its backend's only", () => {
    const asleep = (service: string, dependsOn?: string) =>
      workload({
        kind: 'Deployment',
        namespace: 'msx-a',
        service,
        replicas: 0,
        planned: '1',
        environment: 'a',
        dependsOn,
      });
    const index = buildSleepIndex([
      asleep('web', 'api'),
      asleep('api', 'cache,db'),
      asleep('db', ''),
      asleep('cache', ''),
      asleep('worker', 'db'),
    ]);
    const sleeping = index.get('msx-a')!;
    expect(sleeping.dependsOn).toEqual({
      web: ['api'],
      api: ['cache', 'db'],
      db: [],
      cache: [],
      worker: ['db'],
    });
    expect(servicesReachedBy(sleeping, 'web')).toEqual(['api', 'cache', 'db']);
    expect(servicesReachedBy(sleeping, 'api')).toEqual(['cache', 'db']);
    expect(servicesReachedBy(sleeping, 'db')).toEqual([]);
    // A partial wake: the walk goes through an awake service to the sleeping ones behind it.
    const awake = (service: string, dependsOn: string) =>
      workload({ kind: 'Deployment', namespace: 'msx-a', service, replicas: 1, environment: 'a', dependsOn });
    const partial = buildSleepIndex([asleep('api', 'queue'), awake('queue', 'db'), asleep('db', '')]).get(
      'msx-a',
    )!;
    expect(partial.services).toEqual(['api', 'db']);
    expect(servicesReachedBy(partial, 'api')).toEqual(['db']);
    // One workload from before the annotation: no graph, every other sleeping service as before.
    const old = buildSleepIndex([asleep('api', 'db'), asleep('db')]).get('msx-a')!;
    expect(old.dependsOn).toBeUndefined();
    expect(servicesReachedBy(old, 'api')).toEqual(['db']);
    expect(servicesReachedBy(old, 'db')).toEqual(['api']);
  });
});

describe('the waking page', () => {
  it('is HTML for browsers only, reloads itself and escapes what it shows', () => {
    expect(wantsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
    const page = renderWakingPage({
      environment: 'pr-7',
      service: 'msx-pr-7/api',
      refreshSeconds: 5,
      detail: 'waited <60> s',
      waking: true,
    });
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('<title>pr-7 is waking up</title>');
    expect(page).toContain('waited &lt;60&gt; s');
    expect(page).not.toContain('<script');
  });
});

/** A waker whose wakes the test resolves or fails; counts calls. */
class ScriptedWaker implements EnvironmentWaker {
  calls: string[] = [];
  private pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  onWake?: () => Promise<void>;

  wake({ runtimeId }: { runtimeId: string }) {
    this.calls.push(runtimeId);
    return new Promise<{ environmentId: string }>((resolve, reject) => {
      this.pending.push({ resolve: () => resolve({ environmentId: runtimeId }), reject });
      void this.onWake?.().then(() => this.resolveAll());
    });
  }
  resolveAll() {
    for (const p of this.pending.splice(0)) p.resolve();
    this.markAwake();
  }
  private markAwake: () => void = () => {};
  /** Resolves once a wake was resolved: the stand-in backend accepts connections from then on. */
  readonly awake = new Promise<void>((resolve) => {
    this.markAwake = resolve;
  });
  rejectAll(error: Error) {
    for (const p of this.pending.splice(0)) p.reject(error);
  }
  async close() {}
}

const sleepingA: SleepingEnvironment = { namespace: 'msx-a', runtimeId: 'a', services: ['api'] };

describe('createWakeCoordinator', () => {
  const coordinators: WakeCoordinator[] = [];
  afterEach(async () => {
    await Promise.all(coordinators.splice(0).map((c) => c.close()));
  });
  const make = (waker: EnvironmentWaker, extra: { holdTimeoutMs?: number; maxHeld?: number } = {}) => {
    const coordinator = createWakeCoordinator({
      waker,
      log: silent,
      // The backend listens once the wake is over (its dependencies' Services are in test below).
      reachable: () => (waker instanceof ScriptedWaker ? waker.awake : Promise.resolve()),
      ...extra,
    });
    coordinators.push(coordinator);
    return coordinator;
  };
  const hold = (coordinator: WakeCoordinator, signal = new AbortController().signal) =>
    coordinator.hold({ sleeping: sleepingA, backend: { address: '127.0.0.1', port: 1 }, signal });

  it('wakes an environment once however many requests wait, and releases them all', async () => {
    const waker = new ScriptedWaker();
    const coordinator = make(waker);
    const held = Array.from({ length: 50 }, () => hold(coordinator));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(coordinator.held()).toBe(50);
    expect(coordinator.waking('msx-a')).toEqual(sleepingA);
    waker.resolveAll();
    const outcomes = await Promise.all(held);
    expect(outcomes.every((o) => o.kind === 'ready')).toBe(true);
    expect(waker.calls).toEqual(['a']);
    expect(coordinator.held()).toBe(0);
  });

  it('answers still-waking after the hold timeout; the wake goes on and a later request joins it', async () => {
    const waker = new ScriptedWaker();
    const coordinator = make(waker, { holdTimeoutMs: 100 });
    expect(await hold(coordinator)).toMatchObject({ kind: 'still-waking' });
    const later = hold(coordinator);
    waker.resolveAll();
    expect(await later).toMatchObject({ kind: 'ready' });
    expect(waker.calls).toEqual(['a']);
  });

  it("after the wake waits for the environment's other Services too, but not for long", async () => {
    const probed: number[] = [];
    const waker = new ScriptedWaker();
    const coordinator = createWakeCoordinator({
      waker,
      log: silent,
      // Port 3 never listens: the request is released all the same, a few seconds later.
      reachable: ({ port }) => {
        probed.push(port);
        return port === 3 ? new Promise(() => {}) : Promise.resolve();
      },
    });
    coordinators.push(coordinator);
    const held = coordinator.hold({
      sleeping: sleepingA,
      backend: { address: '127.0.0.1', port: 1 },
      siblings: [
        { address: '127.0.0.1', port: 2 },
        { address: '127.0.0.1', port: 3 },
      ],
      signal: new AbortController().signal,
    });
    waker.resolveAll();
    const outcome = await held;
    expect(outcome).toMatchObject({ kind: 'ready' });
    expect(probed.sort()).toEqual([1, 2, 3]);
    expect((outcome as { waitedMs: number }).waitedMs).toBeGreaterThanOrEqual(4_900);
    expect(coordinator.waking('msx-a')).toBeUndefined();
  }, 10_000);

  it('releases a request as soon as its backend answers, while the rest of the environment still wakes', async () => {
    const waker = new ScriptedWaker();
    let backendUp: () => void = () => {};
    const up = new Promise<void>((resolve) => {
      backendUp = resolve;
    });
    const coordinator = createWakeCoordinator({ waker, log: silent, reachable: () => up });
    coordinators.push(coordinator);
    const held = hold(coordinator);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(coordinator.held()).toBe(1);
    // The backend's service (and those it depends on) ready: the wake, still running, is not waited for.
    backendUp();
    expect(await held).toMatchObject({ kind: 'ready' });
    expect(waker.calls).toEqual(['a']);
    waker.resolveAll();
  });

  it('stops probing the backend when the wake fails', async () => {
    const waker = new ScriptedWaker();
    let probeSignal: AbortSignal | undefined;
    const coordinator = createWakeCoordinator({
      waker,
      log: silent,
      reachable: ({ signal }) => {
        probeSignal = signal;
        return new Promise(() => {});
      },
    });
    coordinators.push(coordinator);
    const held = hold(coordinator);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(probeSignal?.aborted).toBe(false);
    waker.rejectAll(new WakeError('failed', { environment: 'a', cause: 'wake failed: db never ready' }));
    expect(await held).toMatchObject({ kind: 'cannot-wake', error: { type: 'failed' } });
    expect(probeSignal?.aborted).toBe(true);
  });

  it('sends a new wake when the environment went back to sleep after its backend answered, though the first wake never finished', async () => {
    // The wake update of an environment put back to sleep before the workflow saw it awake may never
    // answer: the next request to the sleeping environment must not join it.
    const waker = new ScriptedWaker();
    const coordinator = createWakeCoordinator({ waker, log: silent, reachable: () => Promise.resolve() });
    coordinators.push(coordinator);
    const request = (sleeping: SleepingEnvironment) =>
      coordinator.hold({
        sleeping,
        service: 'api',
        backend: { address: '127.0.0.1', port: 1 },
        signal: new AbortController().signal,
      });
    expect(await request(sleepingA)).toMatchObject({ kind: 'ready' });
    expect(waker.calls).toEqual(['a']);
    // The sleep index, rebuilt once the workloads were scaled to zero again, lists api asleep.
    const asleepAgain: SleepingEnvironment = { ...sleepingA, services: ['api'] };
    expect(await request(asleepAgain)).toMatchObject({ kind: 'ready' });
    expect(waker.calls).toEqual(['a', 'a']);
    waker.resolveAll();
  });

  it('sends a new wake when the environment went back to sleep within the grace after its wake', async () => {
    const waker = new ScriptedWaker();
    const coordinator = make(waker);
    const first = hold(coordinator);
    waker.resolveAll();
    expect(await first).toMatchObject({ kind: 'ready' });
    const again = coordinator.hold({
      sleeping: { ...sleepingA },
      service: 'api',
      backend: { address: '127.0.0.1', port: 1 },
      signal: new AbortController().signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(waker.calls).toEqual(['a', 'a']);
    waker.resolveAll();
    expect(await again).toMatchObject({ kind: 'ready' });
  });

  it('starts a new wake for an Upgrade request when the environment went back to sleep within the grace', async () => {
    const waker = new ScriptedWaker();
    const coordinator = make(waker);
    coordinator.wakeInBackground(sleepingA, 'api');
    waker.resolveAll();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The sleep index lists api asleep again: the settled wake is not joined.
    coordinator.wakeInBackground({ ...sleepingA }, 'api');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(waker.calls).toEqual(['a', 'a']);
    waker.resolveAll();
  });

  it('takes no sibling probe for a request that left before its backend answered', async () => {
    // Two requests share the backend's probe; the first leaves, then the backend answers: the first's
    // chain must not start probing its siblings, which nobody would stop.
    const waker = new ScriptedWaker();
    const signals = new Map<number, AbortSignal>();
    let backendUp: () => void = () => {};
    const up = new Promise<void>((resolve) => {
      backendUp = resolve;
    });
    const coordinator = createWakeCoordinator({
      waker,
      log: silent,
      reachable: ({ port, signal }) => {
        signals.set(port, signal);
        return port === 1 ? up : new Promise(() => {});
      },
    });
    coordinators.push(coordinator);
    const gone = new AbortController();
    const first = coordinator.hold({
      sleeping: sleepingA,
      backend: { address: '127.0.0.1', port: 1 },
      siblings: [{ address: '127.0.0.1', port: 3 }],
      signal: gone.signal,
    });
    const second = hold(coordinator);
    gone.abort();
    expect(await first).toEqual({ kind: 'client-gone' });
    backendUp();
    expect(await second).toMatchObject({ kind: 'ready' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(signals.get(1)?.aborted).toBe(true);
    expect(signals.get(3)?.aborted ?? true).toBe(true);
    waker.resolveAll();
  });

  it('caps the requests held at once', async () => {
    const waker = new ScriptedWaker();
    const coordinator = make(waker, { maxHeld: 2 });
    const first = [hold(coordinator), hold(coordinator)];
    expect(await hold(coordinator)).toEqual({ kind: 'too-many-held' });
    waker.resolveAll();
    expect((await Promise.all(first)).map((o) => o.kind)).toEqual(['ready', 'ready']);
  });

  it('passes a failed wake to every holder, and the next request tries again', async () => {
    const waker = new ScriptedWaker();
    const coordinator = make(waker);
    const held = [hold(coordinator), hold(coordinator)];
    await new Promise((resolve) => setTimeout(resolve, 10));
    waker.rejectAll(new WakeError('refused', { environment: 'a', cause: 'environment a is tearing-down' }));
    for (const outcome of await Promise.all(held)) {
      expect(outcome).toMatchObject({ kind: 'cannot-wake', error: { type: 'refused' } });
    }
    const again = hold(coordinator);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(waker.calls).toEqual(['a', 'a']);
    waker.resolveAll();
    expect(await again).toMatchObject({ kind: 'ready' });
  });

  it('lets a client that went away go without an answer', async () => {
    const coordinator = make(new ScriptedWaker());
    const gone = new AbortController();
    const held = hold(coordinator, gone.signal);
    gone.abort();
    expect(await held).toEqual({ kind: 'client-gone' });
    expect(coordinator.held()).toBe(0);
  });
});

describe('the gateway server with a sleeping environment', () => {
  const servers: Server[] = [];
  const agent = new Agent({ keepAlive: true });

  async function listen(server: Server, port = 0): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  function ingress(environment: string, port: number): V1Ingress {
    return {
      metadata: {
        name: 'api',
        namespace: `msx-${environment}`,
        labels: { 'microstax.dev/environment': environment, 'app.kubernetes.io/managed-by': 'microstax' },
      },
      spec: {
        ingressClassName: 'microstax',
        rules: [
          {
            host: `api.${environment}.microstax.localhost`,
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
  }

  /**
   * A gateway whose cluster view has environment `env` asleep until the waker starts its backend.
   * Returns the gateway's port and the pieces the test drives.
   */
  async function gatewayWithSleeper(params: {
    env: string;
    waker?: EnvironmentWaker;
    /** A gateway started with --no-wake. */
    noWake?: boolean;
    holdTimeoutMs?: number;
    wakeDelayMs?: number;
    /** The gateway's log (default: silent). */
    log?: Logger;
    /**
     * The backend is a pod endpoint that the EndpointSlice names once awake; the ClusterIP never
     * answers (kube-proxy has not synced): the held request must reach the pod.
     */
    podEndpoint?: boolean;
  }) {
    const backendPort = await freePort();
    const servicePort = params.podEndpoint ? await freePort() : backendPort;
    let asleep = true;
    const backend = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ awake: true, path: req.url, ...(body && { body }) }));
      });
    });
    const scripted = new ScriptedWaker();
    scripted.onWake = async () => {
      await new Promise((resolve) => setTimeout(resolve, params.wakeDelayMs ?? 150));
      await listen(backend, backendPort);
      asleep = false;
    };
    const metrics = createGatewayMetrics();
    const namespace = `msx-${params.env}`;
    const service: V1Service = {
      metadata: { name: 'api', namespace },
      spec: { type: 'ClusterIP', clusterIP: '127.0.0.1', ports: [{ port: servicePort }] },
    };
    const sleeping: SleepingEnvironment = { namespace, runtimeId: params.env, services: ['api'] };
    const wake = createWakeCoordinator({
      waker: params.waker ?? scripted,
      log: params.log ?? silent,
      metrics,
      holdTimeoutMs: params.holdTimeoutMs ?? 10_000,
    });
    const view = {
      snapshot: () => ({
        hosts: buildHostTable([ingress(params.env, servicePort)]).table,
        services: (ns: string, name: string) => (ns === namespace && name === 'api' ? service : undefined),
        ...(params.podEndpoint && {
          endpoints: (ns: string, name: string) =>
            ns === namespace && name === 'api' && !asleep
              ? [{ address: '127.0.0.1', port: backendPort }]
              : [],
        }),
        tables: [],
      }),
      status: () => ({
        ingresses: 1,
        hosts: 1,
        services: 1,
        endpointServices: 0,
        routingTables: 0,
        sleeping: asleep ? 1 : 0,
        reconnecting: 0,
        conflicts: [],
      }),
      sleeping: () => new Map(asleep ? [[namespace, sleeping]] : []),
    };
    const port = await listen(
      createGatewayServer({
        view,
        agent,
        log: params.log ?? silent,
        metrics,
        wake: params.noWake ? undefined : wake,
        retryAfterSeconds: 3,
      }),
    );
    return { port, scripted, metrics, wake, host: `api.${params.env}.microstax.localhost` };
  }

  function send(params: {
    port: number;
    host: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: params.port,
          method: params.body === undefined ? 'GET' : 'POST',
          path: params.path ?? '/',
          headers: { host: params.host, ...params.headers },
          agent: false,
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

  async function metricValue(metrics: GatewayMetrics, name: string, label: string): Promise<number> {
    const text = await metrics.registry.metrics();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  afterAll(async () => {
    agent.destroy();
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it("sends a held request to the pod its EndpointSlice names once awake, not the Service's ClusterIP", async () => {
    const { port, scripted, host } = await gatewayWithSleeper({ env: 'w-pod', podEndpoint: true });
    const answers = await Promise.all([send({ port, host }), send({ port, host, body: 'held body' })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(JSON.parse(answers[1]!.body)).toMatchObject({ awake: true, body: 'held body' });
    expect(scripted.calls).toEqual(['w-pod']);
  });

  it('holds concurrent requests while one wake runs, then forwards every one of them', async () => {
    const { port, scripted, metrics, host } = await gatewayWithSleeper({ env: 'w1' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        // One of them carries a body: it waits unread during the hold and arrives whole.
        send({ port, host, path: `/products?i=${i}`, ...(i === 3 && { body: 'held body' }) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(JSON.parse(answers[7]!.body)).toEqual({ awake: true, path: '/products?i=7' });
    expect(JSON.parse(answers[3]!.body)).toEqual({ awake: true, path: '/products?i=3', body: 'held body' });
    expect(answers[0]!.headers['x-microstax-routed-to']).toBe('w1');
    expect(scripted.calls).toEqual(['w1']);
    expect(await metricValue(metrics, 'microstax_gateway_wakes_total', 'result="woken"')).toBe(1);
    expect(await metricValue(metrics, 'microstax_gateway_requests_total', 'outcome="woken"')).toBe(20);
    expect(await metricValue(metrics, 'microstax_gateway_held_requests', '')).toBe(0);
    // Awake now: the next request goes straight through.
    expect((await send({ port, host })).status).toBe(200);
    expect(await metricValue(metrics, 'microstax_gateway_requests_total', 'outcome="proxied"')).toBe(1);
  });

  it('past the hold timeout: a page that reloads itself for browsers, 503 + Retry-After for API clients', async () => {
    const { port, host } = await gatewayWithSleeper({ env: 'w2', holdTimeoutMs: 100, wakeDelayMs: 60_000 });
    const browser = await send({
      port,
      host,
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(browser.status).toBe(503);
    expect(browser.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(browser.headers['retry-after']).toBe('3');
    expect(browser.body).toContain('<meta http-equiv="refresh" content="3">');
    expect(browser.body).toContain('w2 is waking up');

    const api = await send({ port, host, headers: { accept: 'application/json' } });
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('3');
    expect(JSON.parse(api.body)).toMatchObject({ error: 'waking', environment: 'w2', service: 'msx-w2/api' });
    const plain = await send({ port, host });
    expect(plain.body).toMatch(/^environment w2 is waking up \(waited 0 s\); retry in 3 s\n$/);
  });

  it('without Temporal: 503 at once with a generic reason (the details in the log), and the gateway keeps routing', async () => {
    const closedPort = await freePort();
    const log = capturingLog();
    const waker = createTemporalWaker({
      log: silent,
      env: {
        TEMPORAL_ADDRESS: `127.0.0.1:${closedPort}`,
        MICROSTAX_CODEC_KEY: randomBytes(32).toString('hex'),
      },
      connectTimeoutMs: 1_000,
    });
    const { port, host, metrics, wake } = await gatewayWithSleeper({ env: 'w3', waker, log: log.logger });
    const started = Date.now();
    const first = await send({ port, host, headers: { accept: 'application/json' } });
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('3');
    const body = JSON.parse(first.body);
    expect(body).toMatchObject({ error: 'asleep', wakeError: 'temporal-unreachable', environment: 'w3' });
    expect(body.message).toBe(
      'environment w3 is asleep and could not be woken; try again in 3 s or ask its owner',
    );
    expect(first.body).not.toContain(String(closedPort));
    // The access log line keeps what the caller is not told.
    const request = log.lines().find((line) => line.msg === 'request' && line.status === 503);
    expect(request?.wakeError).toMatchObject({ type: 'temporal-unreachable' });
    expect(JSON.stringify(request?.wakeError)).toContain(`127.0.0.1:${closedPort}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Within the reconnect pause the answer is immediate.
    const again = Date.now();
    expect((await send({ port, host })).status).toBe(503);
    expect(Date.now() - again).toBeLessThan(500);
    expect(await metricValue(metrics, 'microstax_gateway_wakes_total', 'result="temporal-unreachable"')).toBe(
      2,
    );
    await wake.close();
  });

  it('a failed wake: the page and the text line say so without the internal reason, which is logged', async () => {
    const log = capturingLog();
    const scaleError = 'deployments.apps "api" is forbidden: User "system:serviceaccount:microstax:worker"';
    const failing: EnvironmentWaker = {
      wake: async () => {
        throw new WakeError('failed', { environment: 'w6', cause: `env-w6: ${scaleError}` });
      },
      close: async () => {},
    };
    const { port, host } = await gatewayWithSleeper({ env: 'w6', waker: failing, log: log.logger });
    const browser = await send({ port, host, headers: { accept: 'text/html' } });
    expect(browser.status).toBe(503);
    expect(browser.headers['retry-after']).toBe('3');
    expect(browser.body).toContain('w6 is asleep and could not be woken');
    expect(browser.body).toContain('try again in 3 s or ask its owner');
    expect(browser.body).not.toContain('forbidden');
    expect(browser.body).not.toContain('env-w6');
    const plain = await send({ port, host });
    expect(plain.body).toBe(
      'environment w6 is asleep and could not be woken; try again in 3 s or ask its owner\n',
    );
    const logged = log.lines().filter((line) => line.msg === 'request' && line.status === 503);
    expect(logged).toHaveLength(2);
    expect(logged[0]?.wakeError).toEqual({
      type: 'failed',
      message: `environment w6 is asleep and waking it failed: env-w6: ${scaleError}`,
    });
  });

  it('with --no-wake: 503 at once, saying so', async () => {
    const { port, host, scripted } = await gatewayWithSleeper({ env: 'w5', noWake: true });
    const answer = await send({ port, host });
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('3');
    expect(answer.body).toContain('environment w5 is asleep and this gateway does not wake environments');
    expect(scripted.calls).toEqual([]);
  });

  it('an Upgrade request starts the wake and is answered 503 at once', async () => {
    const { port, host, scripted } = await gatewayWithSleeper({ env: 'w4', wakeDelayMs: 50 });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.write(
          `GET /hot HTTP/1.1\r\nhost: ${host}\r\nconnection: Upgrade\r\nupgrade: websocket\r\n\r\n`,
        );
      });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toContain('retry-after: 3');
    expect(scripted.calls).toEqual(['w4']);
    // The wake went on: a plain request now finds it awake.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await send({ port, host })).status).toBe(200);
  });
});
