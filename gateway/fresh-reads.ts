/**
 * Shares one read among callers while guaranteeing each caller a read that started after it asked,
 * and starts reads at most once per `spacingMs`. For confirming a routing miss against the API server:
 * a flood of unknown hosts costs a few lists a second, and no caller gets an answer older than its
 * question.
 */
export function freshReads<T>(read: () => Promise<T>, spacingMs: number): () => Promise<T> {
  /** A read callers can still join: it has not started yet. */
  let pending: Promise<T> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastStart = Number.NEGATIVE_INFINITY;

  return () => {
    if (pending) return pending;
    const previous = running;
    pending = (async () => {
      await previous.catch(() => undefined);
      const wait = lastStart + spacingMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending = undefined;
      lastStart = Date.now();
      return read();
    })();
    running = pending;
    return pending;
  };
}
