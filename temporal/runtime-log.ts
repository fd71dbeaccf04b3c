import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';

let installedLevel: LogLevel | undefined;

/**
 * Installs the Temporal SDK runtime with a logger at `level` (default WARN): the SDK logs every worker
 * start, poll and shutdown at INFO, which buries real errors in test and worker output. Warnings and
 * errors still print. The runtime is a process-wide singleton, so this must run before the first worker
 * or connection is created; later calls are no-ops.
 */
export function installTemporalRuntimeLogger(level: LogLevel = 'WARN'): void {
  if (installedLevel) return;
  installedLevel = level;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already instantiated by an earlier connection: keep its logger rather than fail the caller.
  }
}
