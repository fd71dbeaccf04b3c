import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { sanitizeBody, sanitizeHeaders, sanitizePath } from '../diff/sensitive-headers.js';
import type { Queryable } from '../store/database.js';
import {
  type CapturedRequest,
  type CaptureSettings,
  insertCapturedRequests,
  listCaptureSettings,
} from '../store/traffic-capture.js';

/**
 * Records a sample of the requests that reach environments with capture on, for traffic diffs
 * (diff/). Off the hot path: the per-request cost is a map lookup (and, when sampled, copying the
 * body's first bytes as they stream past); rows are written in batches by a timer.
 */
export interface TrafficCapture {
  /** Called as a request is forwarded to `environment`'s `service`; never delays or alters it. */
  observe(req: IncomingMessage, target: { environment: string; service: string }): void;
  /** Writes what is queued and stops the timers. */
  close(): Promise<void>;
}

export interface TrafficCaptureOptions {
  db: Queryable;
  log: Logger;
  /** How often the settings are re-read (default 5 s): turning capture on or off takes at most this long. */
  settingsEveryMs?: number;
  /** How often the queue is written (default 500 ms), and the largest batch (default 200). */
  flushEveryMs?: number;
  batchSize?: number;
  /** Most requests queued in memory; beyond it samples are dropped and counted (default 2000). */
  maxQueued?: number;
  /** Sampling decision, `Math.random` unless a test needs it fixed. */
  random?: () => number;
}

export function createTrafficCapture(options: TrafficCaptureOptions): TrafficCapture & {
  /** Re-reads the settings now (tests, and the first read at start). */
  refresh(): Promise<void>;
  /** Writes the queue now. */
  flush(): Promise<void>;
  stats(): { queued: number; dropped: number; written: number };
} {
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 200;
  const maxQueued = options.maxQueued ?? 2000;
  let settings = new Map<string, CaptureSettings>();
  const queue: CapturedRequest[] = [];
  let dropped = 0;
  let written = 0;
  let flushing: Promise<void> | undefined;
  let lastProblem: string | undefined;

  const refresh = async () => {
    try {
      settings = new Map((await listCaptureSettings(options.db)).map((s) => [s.environmentId, s]));
      lastProblem = undefined;
    } catch (error) {
      // Keep the last settings: a database blip neither starts nor stops capturing. Logged once per problem.
      if (String(error) !== lastProblem)
        options.log.warn({ error: String(error) }, 'traffic capture: could not read settings');
      lastProblem = String(error);
    }
  };

  const writeBatch = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, batchSize);
      const limits = new Map([...settings].map(([id, s]) => [id, s.maxRequests]));
      try {
        await insertCapturedRequests(options.db, batch, limits);
        written += batch.length;
      } catch (error) {
        dropped += batch.length;
        options.log.warn(
          { error: String(error), requests: batch.length },
          'traffic capture: batch not written',
        );
        return;
      }
    }
  };
  const flush = () => {
    flushing ??= writeBatch().finally(() => {
      flushing = undefined;
    });
    return flushing;
  };

  const settingsTimer = setInterval(() => void refresh(), options.settingsEveryMs ?? 5_000);
  const flushTimer = setInterval(() => void flush(), options.flushEveryMs ?? 500);
  settingsTimer.unref();
  flushTimer.unref();

  const observe: TrafficCapture['observe'] = (req, target) => {
    const setting = settings.get(target.environment);
    if (!setting || random() >= setting.sampleRate) return;
    if (queue.length >= maxQueued) {
      dropped += 1;
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    // A second 'data' listener sees the same chunks the forwarding pipe does; it never pauses the stream.
    req.on('data', (chunk: Buffer) => {
      if (truncated) return;
      size += chunk.length;
      if (size > setting.maxBodyBytes) {
        truncated = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.once('end', () => {
      queue.push({
        environmentId: target.environment,
        // The gateway names Services `<namespace>/<name>`; a replay looks the name up in each environment.
        service: target.service.slice(target.service.lastIndexOf('/') + 1),
        method: req.method ?? 'GET',
        path: sanitizePath(req.url ?? '/'),
        headers: sanitizeHeaders(req.headers),
        body:
          truncated || size === 0
            ? null
            : sanitizeBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']),
        bodyTruncated: truncated,
      });
      if (queue.length >= batchSize) void flush();
    });
  };

  return {
    observe,
    refresh,
    flush,
    stats: () => ({ queued: queue.length, dropped, written }),
    async close() {
      clearInterval(settingsTimer);
      clearInterval(flushTimer);
      await flush();
    },
  };
}
