import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { PlannerError } from '../errors.js';
import type { SolverTask } from './solver-worker.js';
import type { ExactOutcome, HeuristicOutcome, PlacementSolvers } from './solvers.js';

/**
 * The placement solvers in a worker thread (a piscina pool), so a plan request never blocks the
 * server's event loop. Each task has a deadline (the thread is terminated when it passes) and the
 * thread a heap limit; an exact solve that hits either gives up and the plan keeps the heuristic's
 * answer. The queue is bounded, so a burst of plan requests is refused (solver-busy) rather than
 * piling up.
 */

export interface SolverLimits {
  /** Deadline of one heuristic run (it takes about 1.5 s at PLACEMENT_LIMITS). */
  heuristicMs: number;
  /** Deadline of one exact solve; HiGHS is told 80% of it, so it can still return what it found. */
  exactMs: number;
  /** Old-generation heap of a solver thread, in MB (the LP model text lives there). */
  memoryMb: number;
  /** Solver threads; one per spare core. */
  threads: number;
  /** Tasks that may wait for a thread; more are refused. */
  queue: number;
}

export const DEFAULT_SOLVER_LIMITS: SolverLimits = {
  heuristicMs: 20_000,
  exactMs: 12_000,
  memoryMb: 512,
  threads: 1,
  queue: 16,
};

/** The worker entry: compiled .js in dist/, else the .ts source through tsx's loader. */
export function solverWorkerEntry(): { filename: string; execArgv?: string[] } {
  const compiled = new URL('./solver-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { filename: compiled.href };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename: new URL('./solver-worker.ts', import.meta.url).href, execArgv: ['--import', tsx] };
}

export interface OffThreadSolvers extends PlacementSolvers {
  /** Ends the solver threads (running tasks are cancelled). */
  close(): Promise<void>;
}

export function createOffThreadSolvers(overrides: Partial<SolverLimits> = {}): OffThreadSolvers {
  const limits = { ...DEFAULT_SOLVER_LIMITS, ...overrides };
  const entry = solverWorkerEntry();
  const pool = new Piscina({
    filename: entry.filename,
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    minThreads: 0,
    maxThreads: limits.threads,
    // On a busy host the solver thread yields the CPU to the server's event loop (Linux thread nice).
    niceIncrement: 10,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
  });
  // A crashed thread (out of memory while idle or starting) is replaced; its task already failed.
  pool.on('error', () => {});
  // Admission is counted here: piscina's own maxQueue let a cold pool's burst through.
  let admitted = 0;
  const run = async <T>(task: SolverTask, deadlineMs: number): Promise<T> => {
    if (admitted >= limits.threads + limits.queue) throw new QueueFull();
    admitted++;
    try {
      return (await pool.run(task, { signal: AbortSignal.timeout(deadlineMs) })) as T;
    } finally {
      admitted--;
    }
  };

  return {
    async heuristic(problem) {
      try {
        return await run<HeuristicOutcome>({ kind: 'heuristic', problem }, limits.heuristicMs);
      } catch (error) {
        const limit = limitName(error);
        throw new PlannerError(
          limit === 'error' ? 'solver-failed' : 'solver-busy',
          `the placement heuristic ${limitHit(error, limits, 'heuristicMs')}`,
          { limit },
        );
      }
    },
    async exact(problem, options) {
      try {
        return await run<ExactOutcome>(
          {
            kind: 'exact',
            problem,
            costBound: options.costBound,
            timeLimitSeconds: (limits.exactMs * 0.8) / 1000,
          },
          limits.exactMs,
        );
      } catch (error) {
        return { status: 'gave-up', reason: `the exact solve ${limitHit(error, limits, 'exactMs')}` };
      }
    },
    close: () => pool.close({ force: true }),
  };
}

class QueueFull extends Error {
  override readonly name = 'QueueFull';
}

type LimitName = 'time' | 'memory' | 'queue' | 'error';

function limitName(error: unknown): LimitName {
  const e = error as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError') return 'time';
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'memory';
  if (error instanceof QueueFull) return 'queue';
  return 'error';
}

/** What stopped a solver task, as the end of a sentence. */
function limitHit(error: unknown, limits: SolverLimits, deadline: 'heuristicMs' | 'exactMs'): string {
  switch (limitName(error)) {
    case 'time':
      return `ran past its ${limits[deadline] / 1000} s time limit`;
    case 'memory':
      return `ran out of its ${limits.memoryMb} MB memory limit`;
    case 'queue':
      return `was refused: all ${limits.threads} solver thread(s) are busy and ${limits.queue} request(s) wait; retry`;
    default:
      return `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
