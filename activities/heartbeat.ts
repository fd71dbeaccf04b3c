import { Context } from '@temporalio/activity';

/**
 * Runs a long step while heartbeating: on every progress report and at a steady pace in between, so
 * the server notices a dead worker within the heartbeat timeout and a cancellation reaches us.
 * Returns what `work` returns; `work` gets a reporter and the activity's cancellation signal.
 */
export async function withHeartbeat<T>(params: {
  everyMs: number;
  work: (report: (detail: unknown) => void, signal: AbortSignal) => Promise<T>;
}): Promise<T> {
  const context = Context.current();
  let last: unknown;
  const report = (detail: unknown) => {
    last = detail;
    context.heartbeat(detail);
  };
  const timer = setInterval(() => context.heartbeat(last), params.everyMs);
  try {
    return await params.work(report, context.cancellationSignal);
  } finally {
    clearInterval(timer);
  }
}
