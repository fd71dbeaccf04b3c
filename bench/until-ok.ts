import { httpAt } from '../test/integ/real-node/support.js';

/**
 * Polls an environment URL every 100 ms until it answers 200, through the stack's gateway or the one
 * at `via` (host:port); the poll interval bounds how late a first 200 is seen.
 */
export async function untilOk(
  url: string,
  options: { via?: string; timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  let last = 'no answer';
  while (Date.now() < deadline) {
    const answer = await httpAt(url, { via: options.via }).catch((error: Error) => {
      last = error.message;
      return undefined;
    });
    if (answer?.status === 200) return;
    if (answer) last = `${answer.status} ${answer.body.slice(0, 300)}`;
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
  throw new Error(`${url} never answered 200; the last answer: ${last}`);
}
