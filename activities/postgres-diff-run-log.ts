import type { Queryable } from '../store/database.js';
import { finishDiffRun } from '../store/diff-runs.js';
import type { DiffRunLog } from './ports.js';

/** Diff runs' outcomes in the metadata database, on the row the API wrote when it started the run. */
export function postgresDiffRunLog(db: Queryable): DiffRunLog {
  return {
    async finish(runId, outcome) {
      await finishDiffRun(db, runId, outcome);
    },
  };
}
