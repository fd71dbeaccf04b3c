/**
 * Progress lines for long work (builds, waiting for parts). Plain lines on stderr, so they read well
 * in CI logs and never mix with `--json` output on stdout.
 */
export interface Progress {
  /** A new step starts. */
  step(message: string): void;
  /** A detail worth knowing. */
  info(message: string): void;
  /** A still-running step; printed at most every `tickEveryMs`, with the elapsed time. */
  tick(message: string, startedAt: number): void;
  /** A step finished. */
  done(message: string, startedAt: number): void;
}

/** Formats a duration as `4m05s` or `12.3s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

/** Progress written as plain lines to a stream (stderr by default). */
export function lineProgress(
  write: (line: string) => void = (line) => process.stderr.write(line),
  tickEveryMs = 15_000,
): Progress {
  let lastTick = 0;
  return {
    step: (message) => write(`==> ${message}\n`),
    info: (message) => write(`    ${message}\n`),
    tick: (message, startedAt) => {
      const now = Date.now();
      if (now - lastTick < tickEveryMs) return;
      lastTick = now;
      write(`    ... ${message} (${formatDuration(now - startedAt)})\n`);
    },
    done: (message, startedAt) => write(`    ${message} in ${formatDuration(Date.now() - startedAt)}\n`),
  };
}

/** Progress that prints nothing (tests, `--json` callers that only want the result). */
export const silentProgress: Progress = { step() {}, info() {}, tick() {}, done() {} };
