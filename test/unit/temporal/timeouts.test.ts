import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../temporal/timeouts.js';

describe('withTimeout', () => {
  it('settles like the work when it is quicker', async () => {
    await expect(withTimeout(Promise.resolve(7), { ms: 1_000, what: 'quick' })).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('no')), { ms: 1_000, what: 'quick' })).rejects.toThrow(
      'no',
    );
  });

  it('rejects naming the work, or with the given error, once the limit passes', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout(never, { ms: 20, what: 'status query' })).rejects.toThrow(
      'status query timed out after 20 ms',
    );
    class Late extends Error {}
    await expect(
      withTimeout(never, { ms: 20, unref: true, error: () => new Late('late') }),
    ).rejects.toBeInstanceOf(Late);
  });

  it('leaves no unhandled rejection when the work fails after the limit', async () => {
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('after')), 40));
    await expect(withTimeout(late, { ms: 10, what: 'slow' })).rejects.toThrow('slow timed out');
    await new Promise((resolve) => setTimeout(resolve, 60));
  });
});
