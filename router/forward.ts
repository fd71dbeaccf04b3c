import { type Agent, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';

/**
 * The reverse-proxy step shared by the header router and the gateway: streams one request to a
 * backend and its response back, without buffering either body.
 */

/** Hop-by-hop headers a proxy must not forward (RFC 9110 7.6.1), plus the de-facto proxy-connection. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Header names the Connection header lists are hop-by-hop too (RFC 9110 7.6.1). */
function connectionListed(value: string | string[] | undefined): Set<string> {
  const listed = new Set<string>();
  for (const item of [value ?? []].flat()) {
    for (const name of item.split(',')) if (name.trim()) listed.add(name.trim().toLowerCase());
  }
  return listed;
}

/** The end-to-end headers of a message: hop-by-hop ones and those its Connection header names dropped. */
export function endToEndHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const listed = connectionListed(headers.connection);
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !listed.has(name)) result[name] = value;
  }
  return result;
}

/** Appends the client to X-Forwarded-For; at the edge, sets X-Forwarded-Host and -Proto from this hop. */
function addForwardedHeaders(
  headers: Record<string, string | string[]>,
  req: IncomingMessage,
  edge: boolean | undefined,
): void {
  const clientAddress = req.socket.remoteAddress;
  if (clientAddress) {
    const prior = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = prior ? `${[prior].flat().join(', ')}, ${clientAddress}` : clientAddress;
  }
  if (edge) {
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    headers['x-forwarded-proto'] = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  }
}

export interface ForwardParams {
  req: IncomingMessage;
  res: ServerResponse;
  /** Backend address (IP or name) and port. */
  host: string;
  port: number;
  /** Extra response headers, e.g. which environment served the request. */
  responseHeaders?: Record<string, string>;
  /**
   * True at the edge (the gateway): X-Forwarded-Host and -Proto describe this hop's request,
   * replacing what the client sent. False behind another proxy: they pass through unchanged.
   */
  edge?: boolean;
  /** Connection pool to backends (keep-alive); default: Node's global agent. */
  agent?: Agent;
  /** A backend connection idle this long (no answer, or a stalled body) is dropped: 502 or a cut response. */
  idleTimeoutMs?: number;
  /**
   * For this long, a connection that is refused, unreachable, not established within 1 s or reset
   * before an answer is tried again every 100 ms, for a request without a body: a Service whose
   * endpoints just changed. Default 0: never.
   */
  retryRefusedForMs?: number;
  /**
   * Where a retry goes (the stale-connection one, or within `retryRefusedForMs`); default: host and
   * port again. The gateway picks a ready endpoint afresh: the one it tried may have just left.
   */
  retarget?: () => { host: string; port: number } | undefined;
  /** Answers the client when the backend cannot be reached (before any response header was sent). */
  onUnreachable: (error: Error) => void;
  /** Called once the backend's status is known (or 502 when it failed). */
  onDone: (status: number) => void;
}

/**
 * Forwards `req` to host:port and streams the answer back: hop-by-hop headers removed both ways,
 * X-Forwarded-For appended. A client that goes away aborts the backend request.
 */
export function forwardRequest(params: ForwardParams): void {
  const { req, res } = params;
  const headers = endToEndHeaders(req.headers);
  addForwardedHeaders(headers, req, params.edge);
  let settled = false;
  const done = (status: number) => {
    if (settled) return;
    settled = true;
    params.onDone(status);
  };
  const refusedRetryUntil = Date.now() + (params.retryRefusedForMs ?? 0);
  let clientGone = false;
  res.once('close', () => {
    clientGone = !res.writableFinished;
  });
  const send = (attempt: number) => {
    const target = (attempt > 0 && params.retarget?.()) || params;
    const upstream = request(
      {
        host: target.host,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        agent: params.agent,
        timeout: params.idleTimeoutMs,
      },
      (upstreamRes) => {
        const responseHeaders: Record<string, string | string[]> = {
          ...endToEndHeaders(upstreamRes.headers),
          ...params.responseHeaders,
        };
        const status = upstreamRes.statusCode ?? 502;
        res.writeHead(status, responseHeaders);
        upstreamRes.pipe(res);
        upstreamRes.on('error', (error) => res.destroy(error));
        done(status);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error(`idle for ${params.idleTimeoutMs} ms`)));
    if (Date.now() < refusedRetryUntil) {
      // A fresh connection to a pod that just became an endpoint can lose its SYNs (one that
      // NetworkPolicy enforcement does not know yet): another connection gets through sooner.
      upstream.once('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => {
          // Only while another try may follow: past the window, the connection keeps its chance.
          if (socket.connecting && Date.now() < refusedRetryUntil) {
            upstream.destroy(Object.assign(new Error('not connected in 1 s'), { code: 'ECONNTIMEOUT' }));
          }
        }, CONNECT_TIMEOUT_MS);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
    }
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the backend (or a replaced pod) closed meanwhile: one fresh try,
      // only for requests without a body, which are safe to send again.
      if (
        attempt === 0 &&
        upstream.reusedSocket &&
        STALE_SOCKET_CODES.has(error.code ?? '') &&
        !hasBody(req)
      ) {
        send(attempt + 1);
        return;
      }
      // A Service that settles: the connection may have met the pod that left, or a new one not
      // listening (or reachable) yet. Bodiless requests only, before any answer, within the window.
      const code = error.code ?? '';
      if (
        (NOT_CONNECTED_CODES.has(code) || STALE_SOCKET_CODES.has(code)) &&
        Date.now() < refusedRetryUntil &&
        !res.headersSent &&
        !hasBody(req)
      ) {
        setTimeout(() => {
          if (clientGone) done(502);
          else send(attempt + 1);
        }, REFUSED_RETRY_EVERY_MS);
        return;
      }
      if (!res.headersSent) params.onUnreachable(error);
      else res.destroy(error);
      done(502);
    });
    // The client went away before the answer was complete: stop the backend's work too.
    const stopUpstream = () => {
      if (!res.writableFinished) upstream.destroy();
    };
    res.once('close', stopUpstream);
    upstream.once('close', () => res.off('close', stopUpstream));
    if (attempt === 0) req.pipe(upstream);
    else upstream.end();
  };
  send(0);
}

const REFUSED_RETRY_EVERY_MS = 100;
const CONNECT_TIMEOUT_MS = 1_000;
/** A connection that never reached the backend: refused, no route, or not established in time. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ECONNTIMEOUT']);

/** Errors of a kept-alive socket the other side had already closed. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** Whether a request carries a body (RFC 9112 6.3): a non-zero length or a transfer coding. */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export interface ForwardUpgradeParams {
  req: IncomingMessage;
  /** The client's socket and the bytes already read past the request head (server 'upgrade' event). */
  socket: Duplex;
  head: Buffer;
  host: string;
  port: number;
  /** As in ForwardParams: X-Forwarded-Host and -Proto describe this hop's request. */
  edge?: boolean;
  /** Answers the client (raw, on its socket) when the backend cannot be reached. */
  onUnreachable: (error: Error) => void;
  /** Called once the tunnel is open, or the backend could not be reached. */
  onDone: (outcome: 'tunnel' | 'unreachable') => void;
}

/**
 * Forwards an `Upgrade` request (WebSocket, e.g. a dev server's hot reload): replays the request
 * head to the backend over a new connection, then pipes bytes both ways until either side closes.
 * The backend's own answer (101 or a refusal) reaches the client unchanged.
 */
export function forwardUpgrade(params: ForwardUpgradeParams): void {
  const { req, socket } = params;
  const headers: Record<string, string | string[]> = { ...req.headers } as Record<string, string | string[]>;
  addForwardedHeaders(headers, req, params.edge);
  const lines = [`${req.method} ${req.url} HTTP/1.1`];
  for (const [name, value] of Object.entries(headers)) {
    for (const item of [value].flat()) lines.push(`${name}: ${item}`);
  }
  const backend = connect({ host: params.host, port: params.port });
  let connected = false;
  backend.once('connect', () => {
    connected = true;
    backend.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (params.head.length > 0) backend.write(params.head);
    backend.pipe(socket);
    socket.pipe(backend);
    params.onDone('tunnel');
  });
  backend.on('error', (error) => {
    if (connected) {
      socket.destroy();
      return;
    }
    params.onUnreachable(error);
    params.onDone('unreachable');
  });
  socket.on('error', () => backend.destroy());
  socket.on('close', () => backend.destroy());
  backend.on('close', () => socket.destroy());
}
