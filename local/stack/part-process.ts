import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './errors.js';
import { isPortOpen, waitUntil } from './probes.js';
import { isRunning, type StartDaemonOptions, startDaemon } from './processes.js';
import type { ProcessRecord } from './state.js';

/** Helpers shared by the parts: start a daemon, wait for its health check, fail with its log. */

/** The last lines of a log file, to quote in an error. */
export async function logTail(logFile: string, lines = 12): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Fails when something else already listens on a port the stack needs. */
export async function assertPortFree(options: { part: string; port: number }): Promise<void> {
  // A process stopped a moment ago may still be releasing its sockets: give it a few seconds.
  const deadline = Date.now() + 5_000;
  while (await isPortOpen(options.port)) {
    if (Date.now() > deadline) portInUse(options);
    await sleep(200);
  }
}

function portInUse(options: { part: string; port: number }): never {
  throw new StackError(
    'part-failed',
    `${options.part}: port ${options.port} is already in use by another program.`,
    {
      part: options.part,
      fix:
        `stop that program (\`ss -ltnp 'sport = :${options.port}'\` shows it; if it is another checkout's stack, ` +
        `run \`stack down\` there) or shift the stack's ports with MICROSTAX_STACK_PORT_OFFSET=<n>`,
    },
  );
}

export interface StartHealthyOptions<T> {
  daemon: StartDaemonOptions;
  /** Ports the daemon will listen on, checked free before starting. */
  ports: number[];
  /** Resolves when the daemon is healthy; throws what is still wrong. */
  healthCheck: () => Promise<T>;
  timeoutMs: number;
  /** How to fix a failure, shown with the error. */
  fix: string;
}

/**
 * Starts a daemon and waits until its health check passes. If the daemon exits or the check still
 * fails at the deadline, throws a StackError with the log tail; the record is passed to
 * `onStarted` first so the caller can record it (and `stack down` stop it) either way.
 */
export async function startHealthy<T>(
  options: StartHealthyOptions<T> & { onStarted: (record: ProcessRecord) => Promise<void> },
): Promise<{ record: ProcessRecord; health: T }> {
  const part = options.daemon.name;
  for (const port of options.ports) await assertPortFree({ part, port });
  const record = await startDaemon(options.daemon);
  await options.onStarted(record);
  try {
    const health = await waitUntil(options.healthCheck, {
      timeoutMs: options.timeoutMs,
      intervalMs: 300,
      abortIf: async () => {
        if (!(await isRunning(record))) throw new Error('the process exited');
      },
    });
    return { record, health };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StackError(
      'part-failed',
      `${part} did not become healthy: ${reason}\n${await logTail(record.logFile)}`,
      { part, logFile: record.logFile, fix: options.fix },
      { cause: error },
    );
  }
}
