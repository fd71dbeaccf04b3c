/**
 * Reads `read()` every `everyMs` until `done` says yes, and returns that value; a read that throws
 * counts as not yet. Fails after `timeoutMs`, naming what it waited for and the last value seen.
 */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => last);
    if (last !== undefined && done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 500));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
}
