import { Writable } from 'node:stream';

/**
 * A log destination that only counts lines: a server under benchmark logs at its production level
 * without flooding the output, and the suite can report how many lines a request cost.
 */
export function countingLogStream(): { stream: Writable; lines: () => number } {
  let lines = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 10) lines++;
      done();
    },
  });
  return { stream, lines: () => lines };
}
