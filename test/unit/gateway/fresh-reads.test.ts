import { describe, expect, it } from 'vitest';
import { freshReads } from '../../../gateway/fresh-reads.js';

/** A read that counts its starts and finishes when told to. */
function controlledRead() {
  const finishers: (() => void)[] = [];
  let starts = 0;
  const read = () =>
    new Promise<number>((resolve) => {
      const n = ++starts;
      finishers.push(() => resolve(n));
    });
  return { read, starts: () => starts, finish: () => finishers.shift()?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('freshReads', () => {
  it('shares one read among callers that ask before it starts', async () => {
    const c = controlledRead();
    const next = freshReads(c.read, 0);
    const answers = [next(), next(), next()];
    await tick();
    expect(c.starts()).toBe(1);
    c.finish();
    expect(await Promise.all(answers)).toEqual([1, 1, 1]);
  });

  it('gives a caller who asks during a read the next read, never the one already under way', async () => {
    const c = controlledRead();
    const next = freshReads(c.read, 0);
    const first = next();
    await tick();
    const second = next();
    const third = next();
    c.finish();
    expect(await first).toBe(1);
    await tick();
    expect(c.starts()).toBe(2);
    c.finish();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });

  it('starts reads at most once per spacing', async () => {
    let starts = 0;
    const next = freshReads(async () => ++starts, 100);
    const t0 = Date.now();
    await next();
    await next();
    expect(starts).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
  });
});
