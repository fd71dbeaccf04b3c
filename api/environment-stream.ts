import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type EnvironmentRecord, getEnvironment } from '../store/environments.js';
import { listEnvironmentEvents } from '../store/events.js';
import { auditEventView, environmentView } from './environment-view.js';
import { isTerminalPhase } from './status-mirror.js';

/** How often a stream looks for changes; the mirror refreshes the environment from its workflow each time. */
const POLL_MS = 1_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Streams an environment's progress as server-sent events until its workflow finishes or the client
 * goes away: `status` with the whole environment on every change, `audit` for each new audit event
 * (its id is the SSE id, so a reconnect with Last-Event-ID resumes), and `end` when it is deleted or failed.
 * The caller's access is checked again every `recheckMs`: a revoked token gets an `error` event and the
 * stream ends.
 */
export async function streamEnvironment(params: {
  app: FastifyInstance;
  request: FastifyRequest;
  reply: FastifyReply;
  environmentId: string;
  refresh: (env: EnvironmentRecord) => Promise<unknown>;
  /** Whether the caller may still watch (its token live, the environment still visible to it). */
  stillAllowed: () => Promise<boolean>;
  /** How often `stillAllowed` is asked. */
  recheckMs: number;
  /** Aborted when the API shuts down: the stream ends before the connections it polls with close. */
  shutdown: AbortSignal;
}): Promise<void> {
  const { app, request, reply, environmentId, refresh, stillAllowed, recheckMs, shutdown } = params;
  const lastEventHeader = Number(request.headers['last-event-id']);
  let lastEventId = Number.isInteger(lastEventHeader) && lastEventHeader > 0 ? lastEventHeader : 0;
  let lastUpdate = '';
  let closed = false;
  let wake: (() => void) | undefined;
  request.raw.on('close', () => {
    closed = true;
    wake?.();
  });

  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-request-id': request.id,
  });
  const send = (event: string, data: unknown, id?: number) => {
    if (out.writableEnded) return;
    out.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  /** Ends the stream now, even while the loop waits on a slow status query. */
  const stop = (event: string, data: unknown) => {
    send(event, data);
    out.end();
    closed = true;
    wake?.();
  };

  const onShutdown = () => stop('end', { id: environmentId, reason: 'the API is shutting down; reconnect' });
  if (shutdown.aborted) onShutdown();
  shutdown.addEventListener('abort', onShutdown, { once: true });

  // On its own timer, so a slow refresh cannot hold a revoked token's stream open.
  let checking = false;
  const recheck = setInterval(() => {
    if (checking || closed) return;
    checking = true;
    stillAllowed()
      .then((allowed) => {
        if (!allowed)
          stop('error', { code: 'unauthorized', message: 'the token is no longer valid; stream closed' });
      })
      .catch((error: unknown) => {
        request.log.warn({ err: error, environmentId }, 'event stream access re-check failed');
        stop('error', { code: 'internal', message: `stream failed; quote request id ${request.id}` });
      })
      .finally(() => {
        checking = false;
      });
  }, recheckMs);

  let sinceKeepalive = 0;
  try {
    while (!closed) {
      let env = await getEnvironment(app.db, environmentId);
      if (!env) break;
      if (!isTerminalPhase(env.phase) && (await refresh(env)))
        env = (await getEnvironment(app.db, environmentId)) ?? env;
      const update = env.updatedAt.toISOString();
      if (update !== lastUpdate) {
        lastUpdate = update;
        send('status', environmentView(env));
      }
      for (const event of await listEnvironmentEvents(app.db, { environmentId, afterId: lastEventId })) {
        lastEventId = event.id;
        send('audit', auditEventView(event), event.id);
      }
      if (isTerminalPhase(env.phase)) {
        send('end', { id: env.id, phase: env.phase });
        break;
      }
      if (closed) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      sinceKeepalive += POLL_MS;
      if (sinceKeepalive >= KEEPALIVE_MS && !out.writableEnded) {
        sinceKeepalive = 0;
        out.write(': keep-alive\n\n');
      }
    }
  } catch (error) {
    request.log.warn({ err: error, environmentId }, 'event stream failed');
    send('error', { code: 'internal', message: `stream failed; quote request id ${request.id}` });
  } finally {
    shutdown.removeEventListener('abort', onShutdown);
    clearInterval(recheck);
    if (!out.writableEnded) out.end();
  }
}
