import { connect } from 'node:net';
import type { Logger } from 'pino';
import { withTimeout } from '../temporal/timeouts.js';
import { WakeError } from './errors.js';
import type { GatewayMetrics } from './metrics.js';
import type { SleepingEnvironment } from './sleep-index.js';
import type { EnvironmentWaker } from './temporal-waker.js';

/**
 * Holds requests to sleeping environments while they wake: one wake per environment however many
 * requests arrive, each request bounded by a timeout, and a cap on how many are held at once.
 */

/** What became of one held request. */
export type HoldOutcome =
  /** Awake and the backend accepts connections: forward the request now. */
  | { kind: 'ready'; waitedMs: number }
  /** Still waking when the request's time ran out: answer "waking up" (HTML) or 503 + Retry-After. */
  | { kind: 'still-waking'; waitedMs: number }
  /** The wake cannot happen or failed: 503 with the reason. */
  | { kind: 'cannot-wake'; error: WakeError }
  /** Too many requests held already: 503 at once. */
  | { kind: 'too-many-held' }
  /** The client went away while held: nothing to answer. */
  | { kind: 'client-gone' };

export interface WakeCoordinatorOptions {
  waker: EnvironmentWaker;
  log: Logger;
  metrics?: GatewayMetrics;
  /** How long one request is held at most (default 60 s). */
  holdTimeoutMs?: number;
  /** How many requests may be held at once, over all environments (default 256). */
  maxHeld?: number;
  /** A wake still running after this long is given up by the gateway (default 10 min). */
  wakeDeadlineMs?: number;
  /**
   * Resolves once the backend accepts a connection (default: a TCP connect, retried every 100 ms,
   * each try to `current()` when given, else to address:port).
   */
  reachable?: (
    params: BackendAddress & { current?: () => BackendAddress; signal: AbortSignal },
  ) => Promise<void>;
}

export interface BackendAddress {
  address: string;
  port: number;
}

/**
 * A backend to wait for: its address when the request was decided (the probes' key) and, when it
 * can move, where it is now: a Service with no ready pod resolves to its ClusterIP, and to a pod
 * the moment its EndpointSlice has a ready one.
 */
export type HeldBackend = BackendAddress & { current?: () => BackendAddress };

export interface WakeCoordinator {
  /**
   * Wakes the environment (once) and waits, within the hold timeout, until the request's backend
   * accepts connections (whether or not the rest of the environment is awake yet), then up to a few
   * seconds more for `siblings`, the Services it reaches (its database, its cache): their new endpoints
   * may not be in kube-proxy's rules yet when the workloads report ready. A sibling that never listens
   * only costs those few seconds.
   */
  hold(params: {
    sleeping: SleepingEnvironment;
    /** The request's service (its workload's name): asleep again after this wake woke it, a new wake is sent. */
    service?: string;
    backend: HeldBackend;
    siblings?: HeldBackend[];
    /** Aborted when the client goes away. */
    signal: AbortSignal;
  }): Promise<HoldOutcome>;
  /**
   * Starts the wake (once) without holding anything: for Upgrade requests, answered at once. With the
   * request's service, a wake that service already saw end is not joined (as in `hold`).
   */
  wakeInBackground(sleeping: SleepingEnvironment, service?: string): void;
  /** The environment of this namespace while this gateway is waking it (its workloads may not sleep any more). */
  waking(namespace: string): SleepingEnvironment | undefined;
  /** Requests held right now. */
  held(): number;
  /** Gives up every hold (client-gone) and closes the waker. */
  close(): Promise<void>;
  readonly holdTimeoutMs: number;
}

interface Wake {
  sleeping: SleepingEnvironment;
  startedAt: number;
  done: Promise<void>;
  /** The backends being probed, by address:port, shared by the requests held for them. */
  probes: Map<string, Probe>;
  /** Set once a backend answered after the wake: new requests need not wait any more. */
  answered: boolean;
  /** The services whose backend answered during this wake. */
  answeredServices: Set<string>;
  /** Set once `done` settled (the workflow answered, or the gateway gave up). */
  settled: boolean;
  /** Aborted when the wake fails: its probes stop. */
  failed: AbortController;
}

/** One backend probed during a wake until it accepts a connection. */
interface Probe {
  key: string;
  /** Resolves once it accepted a connection; rejects when the wake failed or the probe stopped. */
  answered: Promise<void>;
  /** Requests holding on to it; the probe stops when none is left. */
  holders: number;
  stop: AbortController;
}

/** After the request's own backend answers, how long it may wait for the environment's other Services. */
const SIBLING_WAIT_MS = 5_000;

/** How long a finished wake is remembered, so requests right after it still wait for the backend. */
const POST_WAKE_GRACE_MS = 5_000;

export function createWakeCoordinator(options: WakeCoordinatorOptions): WakeCoordinator {
  const holdTimeoutMs = options.holdTimeoutMs ?? 60_000;
  const maxHeld = options.maxHeld ?? 256;
  const wakeDeadlineMs = options.wakeDeadlineMs ?? 600_000;
  const reachable = options.reachable ?? waitReachable;
  const wakes = new Map<string, Wake>();
  const closing = new AbortController();
  let heldNow = 0;

  const setHeld = (delta: number) => {
    heldNow += delta;
    options.metrics?.setHeld(heldNow);
  };

  /**
   * The wake of this namespace: the one in flight, or a new one when there is none or the request's
   * service sleeps again after it woke it (its backend answered, or the wake is over): the environment
   * went back to sleep meanwhile, and that wake's update may never answer. An extra wake is harmless:
   * the workflow answers a wake of a ready or waking environment at once.
   */
  const wakeFor = (sleeping: SleepingEnvironment, service?: string): Wake => {
    const running = wakes.get(sleeping.namespace);
    if (running && !sleptAgain(running, sleeping, service)) return running;
    const startedAt = Date.now();
    const log = options.log.child({ environment: sleeping.runtimeId, namespace: sleeping.namespace });
    log.info({ services: sleeping.services }, 'waking environment on its first request');
    const done = withTimeout(options.waker.wake({ runtimeId: sleeping.runtimeId }), {
      ms: wakeDeadlineMs,
      // A wake that hangs must not keep a gateway that is shutting down alive.
      unref: true,
      error: () =>
        new WakeError('failed', {
          environment: sleeping.runtimeId,
          cause: `not awake after ${Math.round(wakeDeadlineMs / 1000)} s`,
        }),
    }).then(
      ({ environmentId }) => {
        const seconds = (Date.now() - startedAt) / 1000;
        log.info({ environmentId, seconds }, 'environment awake');
        options.metrics?.observeWake({ result: 'woken', seconds });
      },
      (error: unknown) => {
        const wakeError =
          error instanceof WakeError
            ? error
            : new WakeError('failed', { environment: sleeping.runtimeId, cause: String(error) });
        log.warn({ type: wakeError.type, error: wakeError.message }, 'environment not woken');
        options.metrics?.observeWake({ result: wakeError.type, seconds: (Date.now() - startedAt) / 1000 });
        throw wakeError;
      },
    );
    const wake: Wake = {
      sleeping,
      startedAt,
      done,
      probes: new Map(),
      answered: false,
      answeredServices: new Set(),
      settled: false,
      failed: new AbortController(),
    };
    wakes.set(sleeping.namespace, wake);
    // Forgotten once settled (a later request to a namespace that sleeps again starts a new wake); after
    // a success a few seconds later, so requests arriving meanwhile still wait for kube-proxy's rules.
    const forget = () => {
      if (wakes.get(sleeping.namespace) === wake) wakes.delete(sleeping.namespace);
    };
    done.then(
      () => {
        wake.settled = true;
        setTimeout(forget, POST_WAKE_GRACE_MS).unref();
      },
      () => {
        wake.settled = true;
        wake.failed.abort();
        forget();
      },
    );
    return wake;
  };

  /**
   * The backend accepts connections (it has a ready endpoint), probed from the start of the wake, not
   * its end: a wake in dependency order makes the backend ready once its own dependencies are, and the
   * request need not wait for the rest of the environment. A failed wake ends the probe with its error.
   * One probe per backend, shared by the requests held for it; it stops with its last holder, and
   * after the wake deadline at the latest (a sibling that never listens is not probed for ever).
   */
  const acquireProbe = (wake: Wake, backend: HeldBackend): Probe => {
    const key = `${backend.address}:${backend.port}`;
    let probe = wake.probes.get(key);
    if (!probe) {
      const stop = new AbortController();
      const signal = AbortSignal.any([
        closing.signal,
        wake.failed.signal,
        stop.signal,
        AbortSignal.timeout(wakeDeadlineMs),
      ]);
      const answered = new Promise<void>((resolve, reject) => {
        wake.done.catch(reject);
        reachable({ ...backend, signal }).then(resolve, reject);
      });
      // A holder that gave up (its timeout) lets it go unobserved.
      answered.catch(() => undefined);
      probe = { key, answered, holders: 0, stop };
      wake.probes.set(key, probe);
    }
    probe.holders++;
    return probe;
  };
  const releaseProbe = (wake: Wake, probe: Probe) => {
    if (--probe.holders > 0) return;
    probe.stop.abort();
    if (wake.probes.get(probe.key) === probe) wake.probes.delete(probe.key);
  };

  return {
    holdTimeoutMs,
    async hold({ sleeping, service, backend, siblings = [], signal }) {
      if (heldNow >= maxHeld) return { kind: 'too-many-held' };
      const started = Date.now();
      setHeld(1);
      const wake = wakeFor(sleeping, service);
      const probes: Probe[] = [];
      // Set once this hold is over: its chain, still running (the backend answered after a timeout),
      // must not take new probes, which nobody would release.
      let released = false;
      const probe = (b: HeldBackend) => {
        if (released) return Promise.reject(new Error('the hold is over'));
        const held = acquireProbe(wake, b);
        probes.push(held);
        return held.answered;
      };
      try {
        const outcome = await raceAbort({
          work: probe(backend)
            .then(() =>
              Promise.race([
                Promise.all(siblings.map((b) => probe(b).catch(() => {}))),
                new Promise((resolve) => setTimeout(resolve, SIBLING_WAIT_MS).unref()),
              ]),
            )
            .then(() => 'ready' as const),
          timeoutMs: holdTimeoutMs,
          signals: [signal, closing.signal],
        });
        const waitedMs = Date.now() - started;
        if (outcome === 'ready') {
          wake.answered = true;
          if (service !== undefined) wake.answeredServices.add(service);
          return { kind: 'ready', waitedMs };
        }
        if (signal.aborted) return { kind: 'client-gone' };
        // Timed out, or the gateway is closing: the client is told to come back.
        return { kind: 'still-waking', waitedMs };
      } catch (error) {
        return {
          kind: 'cannot-wake',
          error:
            error instanceof WakeError
              ? error
              : new WakeError('failed', { environment: sleeping.runtimeId, cause: String(error) }),
        };
      } finally {
        released = true;
        for (const held of probes) releaseProbe(wake, held);
        setHeld(-1);
      }
    },
    wakeInBackground(sleeping, service) {
      wakeFor(sleeping, service).done.catch(() => {});
    },
    waking(namespace) {
      const wake = wakes.get(namespace);
      return wake && !wake.answered ? wake.sleeping : undefined;
    },
    held: () => heldNow,
    async close() {
      closing.abort();
      await options.waker.close();
    },
  };
}

/**
 * The sleep index lists the service asleep although this wake woke it (its backend answered, or the
 * wake is over). `sleeping` being the wake's own record means it came from `waking()`, not the index.
 */
function sleptAgain(wake: Wake, sleeping: SleepingEnvironment, service: string | undefined): boolean {
  if (service === undefined || sleeping === wake.sleeping || !sleeping.services.includes(service))
    return false;
  return wake.settled || wake.answeredServices.has(service);
}

/** Settles with the work's result, 'timeout', or 'aborted' (a signal fired), whichever comes first. */
async function raceAbort<T>(params: {
  work: Promise<T>;
  timeoutMs: number;
  signals: AbortSignal[];
}): Promise<T | 'timeout' | 'aborted'> {
  let timer: NodeJS.Timeout | undefined;
  const cleanups: (() => void)[] = [];
  const stop = new Promise<'timeout' | 'aborted'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), params.timeoutMs);
    for (const signal of params.signals) {
      if (signal.aborted) resolve('aborted');
      const onAbort = () => resolve('aborted');
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
  });
  try {
    return await Promise.race([params.work, stop]);
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups) cleanup();
  }
}

/**
 * Resolves once a TCP connection to the backend opens. Right after a wake the Service's new
 * endpoints may not be in kube-proxy's rules yet (the connection is refused), or the EndpointSlice
 * not name the ready pod yet: try again shortly, where the backend is then.
 */
export async function waitReachable(
  params: BackendAddress & { current?: () => BackendAddress; signal: AbortSignal },
): Promise<void> {
  for (;;) {
    if (params.signal.aborted) throw new Error('stopped');
    const { address, port } = params.current?.() ?? params;
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port });
      socket.setTimeout(2_000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
