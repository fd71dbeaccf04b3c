/** Exit codes that scripts and CI can rely on. */
export const ExitCode = {
  Ok: 0,
  /** The command ran and failed, or its input is invalid. */
  Failure: 1,
  /** The command line itself is wrong (unknown option, missing argument). */
  Usage: 2,
} as const;
