import { createParser } from 'eventsource-parser';
import { type Environment, reportUnauthorized } from './client';

/**
 * Follows an environment's server-sent events (GET /v1/environments/{id}/stream) with fetch rather than
 * EventSource, so the same credentials go with it as with every other call (a cookie, or a header a
 * proxy or test adds) and a 401 is seen as such. Reconnects after a dropped connection, resuming from
 * the last event id, until `end`, an `error` event, or `signal` aborts.
 */
export async function followEnvironment(params: {
  id: string;
  onStatus: (env: Environment) => void;
  signal: AbortSignal;
  /** Called when following stops for good, with why (undefined: the environment's workflow ended). */
  onStop?: (reason?: string) => void;
}): Promise<void> {
  const { id, onStatus, signal } = params;
  let lastEventId = '';
  let retryMs = 1_000;
  while (!signal.aborted) {
    let finished: string | undefined | null = null;
    try {
      const response = await fetch(`/v1/environments/${encodeURIComponent(id)}/stream`, {
        credentials: 'same-origin',
        headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal,
      });
      if (response.status === 401) reportUnauthorized();
      if (!response.ok || !response.body) {
        // 429 (too many open streams) or a transient failure: back off, then try again.
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          params.onStop?.(`the stream answered ${response.status}`);
          return;
        }
        throw new Error(`stream answered ${response.status}`);
      }
      retryMs = 1_000;
      const parser = createParser({
        onEvent(event) {
          if (event.id) lastEventId = event.id;
          if (event.event === 'status') onStatus(JSON.parse(event.data) as Environment);
          else if (event.event === 'end') finished = undefined;
          else if (event.event === 'error')
            finished = (JSON.parse(event.data) as { message?: string }).message;
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      if (finished !== null) {
        params.onStop?.(finished);
        return;
      }
    } catch (error) {
      if (signal.aborted) return;
      void error;
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(retryMs * 2, 15_000);
  }
}
