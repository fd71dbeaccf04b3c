/**
 * A benchmark suite: one file in bench/suites/ whose default export is a BenchSuite.
 * Suites report ratios measured side by side in the same run, since these machines are noisy.
 */
export interface BenchSuite {
  /** Short id, used as the results file name: bench/results/<name>.json. */
  name: string;
  /** What the suite measures, one line. */
  description: string;
  /** Needs the local stack (Temporal, Postgres, Kubernetes) to be up. */
  needsStack?: boolean;
  run(): Promise<BenchResult>;
}

/** Free-form metrics plus the targets the issue sets, so the summary can say pass or miss. */
export interface BenchResult {
  metrics: Record<string, number | string | boolean | Record<string, unknown>>;
  targets?: BenchTarget[];
}

export interface BenchTarget {
  /** e.g. "pods: smart branch vs clone-all" */
  what: string;
  /** e.g. ">= 10x fewer" */
  target: string;
  /** The measured value, e.g. "19x fewer" */
  measured: string;
  met: boolean;
}
