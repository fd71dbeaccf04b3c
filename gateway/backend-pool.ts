import { Agent, type AgentOptions, type ClientRequestArgs } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The gateway's keep-alive pool to backends, which can retire every connection to one address.
 * A kept-alive connection stays on the pod it first reached (a pod's own address, or a ClusterIP,
 * DNAT'd once when the connection opens) even after that pod stopped being an endpoint (an updated
 * Deployment's old pod answers on it until it exits). Retired connections close at once when idle, or as soon as
 * their response is done; the next request connects afresh, to an endpoint of now. While the
 * address settles, no connection to it is kept.
 */
export class BackendPool extends Agent {
  /** Per address, bumped by each retire: a connection opened under an older one is retired. */
  readonly #generations = new Map<string, number>();
  readonly #opened = new WeakMap<Duplex, { address: string; generation: number }>();
  /** Per address (or Service), when it last started settling. */
  readonly #settlingSince = new Map<string, number>();
  readonly #settleMs: number;

  /** `settleMs`: how long after a retire the address counts as settling (see settlingFor). */
  constructor(options: AgentOptions & { settleMs: number }) {
    const { settleMs, ...agentOptions } = options;
    super(agentOptions);
    this.#settleMs = settleMs;
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options, callback);
    const address = String(options.host);
    if (socket) this.#opened.set(socket, { address, generation: this.#generations.get(address) ?? 0 });
    return socket;
  }

  /**
   * A retired connection is closed when its response is done instead of going back to the pool; so
   * is any connection to a settling address: until kube-proxy's rules have caught up, a new
   * connection may still have reached the pod that left, and must not stay on it.
   */
  override keepSocketAlive(socket: Duplex): boolean {
    const opened = this.#opened.get(socket);
    if (this.#retired(socket) || (opened && this.settlingFor(opened.address) > 0)) return false;
    // Node's own: TCP keep-alive, unref, the idle timeout; typed void, returns true.
    return super.keepSocketAlive(socket) as unknown as boolean;
  }

  /** Retires every connection to `address` (idle ones close now, busy ones once answered). */
  retire(address: string): void {
    // One number per address ever retired: ClusterIPs and pod addresses, bounded by their ranges.
    this.#generations.set(address, (this.#generations.get(address) ?? 0) + 1);
    this.settle(address);
    for (const sockets of Object.values(this.freeSockets)) {
      for (const socket of sockets ?? []) if (this.#retired(socket)) socket.destroy();
    }
  }

  /**
   * Starts `key` (an address, or a Service's `namespace/name`) settling for the settle time,
   * without retiring anything: a Service whose endpoints just changed.
   */
  settle(key: string): void {
    const now = Date.now();
    for (const [other, at] of this.#settlingSince) {
      if (at + this.#settleMs <= now) this.#settlingSince.delete(other);
    }
    this.#settlingSince.set(key, now);
  }

  /**
   * How much longer `key` is settling after its last retire or settle (0 when it is not): the
   * Service's endpoints just changed and kube-proxy's rules may still send a new connection to
   * the pod that left, or to a new pod that does not listen yet.
   */
  settlingFor(key: string): number {
    const since = this.#settlingSince.get(key);
    if (since === undefined) return 0;
    const left = since + this.#settleMs - Date.now();
    if (left > 0) return left;
    this.#settlingSince.delete(key);
    return 0;
  }

  #retired(socket: Duplex): boolean {
    const opened = this.#opened.get(socket);
    return opened !== undefined && opened.generation !== (this.#generations.get(opened.address) ?? 0);
  }
}
