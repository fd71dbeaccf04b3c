/**
 * Progress lines on stderr (phases, per-service changes, reconnects): for people, so `--quiet`
 * drops them. The CLI prints no colours at all, so NO_COLOR holds by construction.
 */
let quiet = false;

/** Set once per run from the global `--quiet`. */
export function setQuiet(value: boolean): void {
  quiet = value;
}

/** Writes one progress line to stderr unless --quiet. */
export function progress(line: string): void {
  if (!quiet) process.stderr.write(`${line}\n`);
}
