/**
 * Bounds how long a promise may take: a call to a server that stopped answering (a query to a
 * workflow with no live worker, an RPC past its deadline) would otherwise hang its caller.
 */

/** How long the work may take, and what it is called in the error: "<what> timed out after <ms> ms". */
export type TimeLimit = {
  ms: number;
  /**
   * Lets the process exit while only this timer is left (for long limits on background work).
   * Default false: a CLI awaiting the work still gets its timeout error.
   */
  unref?: boolean;
} & ({ what: string } | { error: () => Error });

/**
 * Settles like `work`, or rejects once `limit.ms` has passed first (with `limit.error()`, or a plain
 * Error naming `limit.what`). The work is not cancelled; its later result or rejection is ignored.
 */
export async function withTimeout<T>(work: Promise<T>, limit: TimeLimit): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject('error' in limit ? limit.error() : new Error(`${limit.what} timed out after ${limit.ms} ms`)),
      limit.ms,
    );
    if (limit.unref) timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
