import type { Connection, GrpcRetryOptions } from '@temporalio/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClosableRetries } from '../../../temporal/client.js';

type Status = Parameters<GrpcRetryOptions['retryableDecider']>[1];
/** gRPC's UNAVAILABLE (14), which the client retries. */
const unavailable = { code: 14, details: 'down', metadata: {} } as unknown as Status;

function fakeConnection() {
  const close = vi.fn(async () => {});
  return { connection: { close } as unknown as Connection, close };
}

describe('ClosableRetries', () => {
  afterEach(() => vi.useRealTimers());

  it('retries like the client by default, and no more once closing', async () => {
    const retries = new ClosableRetries();
    expect(retries.options.retryableDecider(1, unavailable)).toBe(true);
    expect(retries.options.retryableDecider(10, unavailable)).toBe(false);
    await retries.closeWhenSettled(fakeConnection().connection);
    expect(retries.options.retryableDecider(1, unavailable)).toBe(false);
  });

  it('closes at once with no retry pending, else just after the last scheduled retry', async () => {
    const idle = fakeConnection();
    await new ClosableRetries().closeWhenSettled(idle.connection);
    expect(idle.close).toHaveBeenCalledOnce();

    vi.useFakeTimers();
    const retries = new ClosableRetries();
    const delay = retries.options.delayFunction(8, unavailable);
    const busy = fakeConnection();
    await retries.closeWhenSettled(busy.connection);
    vi.advanceTimersByTime(delay - 1);
    expect(busy.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(busy.close).toHaveBeenCalledOnce();
  });
});
