import type { Ora } from 'ora';

/**
 * Progress on stderr (phases, per-service changes, reconnects), for people: `--quiet` drops it.
 * On a terminal a long task shows a spinner (ora) with each finished step ticked and timed; in CI
 * (`CI` set), without a TTY or with `-o json|yaml`, the same progress is plain lines. NO_COLOR holds:
 * the spinner then has no colour, and the ticks' colours follow Node's own NO_COLOR check.
 */
let quiet = false;
let live = false;
/** The running spinner: plain progress lines are written above it. */
let spinner: Ora | undefined;

/** Set once per run from the global `--quiet` and the command's output format. */
export function configureProgress(params: { quiet: boolean; document: boolean }): void {
  quiet = params.quiet;
  live =
    !params.quiet &&
    !params.document &&
    Boolean(process.stderr.isTTY) &&
    // A terminal without a width (a bare pty) cannot redraw a line in place.
    Boolean(process.stderr.columns) &&
    !process.env.CI &&
    process.env.TERM !== 'dumb';
}

/** Writes one progress line to stderr unless --quiet (above the spinner when one runs). */
export function progress(line: string): void {
  if (quiet) return;
  if (!spinner?.isSpinning) {
    process.stderr.write(`${line}\n`);
    return;
  }
  spinner.clear();
  process.stderr.write(`${line}\n`);
  spinner.render();
}

/** A long task (create, apply, a wait, a snapshot, a delete) as a sequence of steps. */
export interface Activity {
  /** A new step (a phase): on a terminal the previous one is ticked with its time; elsewhere one line. */
  step(text: string): void;
  /** A detail of the current step: the spinner's text on a terminal; one line elsewhere. */
  detail(text: string): void;
  /** Ends the task: the last step ticked, or crossed when it did not get where it was going. */
  end(ok: boolean): void;
}

const plain: Activity = { step: progress, detail: progress, end: () => {} };

/** Starts a task's progress: a spinner on a terminal (ora loads only then), plain lines elsewhere. */
export async function startActivity(): Promise<Activity> {
  if (!live) return plain;
  const { default: ora } = await import('ora');
  const running = ora({ stream: process.stderr, ...(process.env.NO_COLOR ? { color: false } : {}) });
  spinner = running;
  let current: { text: string; started: number } | undefined;
  const finish = (ok: boolean) => {
    if (!current) return running.stop();
    const text = `${current.text} (${((Date.now() - current.started) / 1000).toFixed(1)} s)`;
    if (ok) running.succeed(text);
    else running.fail(text);
  };
  return {
    step(text) {
      finish(true);
      current = { text, started: Date.now() };
      running.start(text);
    },
    detail(text) {
      if (current) running.text = `${current.text}  ${text.trim()}`;
    },
    end(ok) {
      finish(ok);
      current = undefined;
      spinner = undefined;
    },
  };
}
