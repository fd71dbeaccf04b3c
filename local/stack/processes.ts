import { spawn } from 'node:child_process';
import { mkdir, open, readdir, readFile, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessRecord } from './state.js';

/**
 * Starting and stopping the stack's daemons. Each runs detached (it outlives the CLI), with its
 * output appended to its own log file, and is remembered by PID plus start time: a PID the kernel
 * reused for someone else's process is never signalled.
 */

export interface StartDaemonOptions {
  /** Short name, also the log file name, e.g. `etcd`. */
  name: string;
  binary: string;
  args: string[];
  logsDir: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (Postgres refuses to run as root). */
  uid?: number;
  gid?: number;
}

/** Starts a daemon in the background and returns its record; check its health separately. */
export async function startDaemon(options: StartDaemonOptions): Promise<ProcessRecord> {
  await mkdir(options.logsDir, { recursive: true });
  const logFile = path.join(options.logsDir, `${options.name}.log`);
  const log = await open(logFile, 'a');
  try {
    await log.write(
      `\n--- ${new Date().toISOString()} starting ${options.binary} ${options.args.join(' ')}\n`,
    );
    const child = spawn(options.binary, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
      uid: options.uid,
      gid: options.gid,
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve(child.pid!));
    });
    child.unref();
    return { name: options.name, pid, startTicks: await readStartTicks(pid), logFile };
  } finally {
    await log.close();
  }
}

/** The process start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export async function readStartTicks(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** True when the recorded process runs this executable (false once its file was replaced or removed). */
export async function runsBinary(record: Pick<ProcessRecord, 'pid'>, binary: string): Promise<boolean> {
  const [exe, wanted] = await Promise.all([
    executableOf(record),
    realpath(binary).catch(() => path.resolve(binary)),
  ]);
  return exe === wanted;
}

/** The executable a recorded process runs (symlinks resolved), or undefined when it is gone. */
export async function executableOf(record: Pick<ProcessRecord, 'pid'>): Promise<string | undefined> {
  return readlink(`/proc/${record.pid}/exe`).catch(() => undefined);
}

/** True when the recorded process still runs (same PID and same start time; zombies count as gone). */
export async function isRunning(record: Pick<ProcessRecord, 'pid' | 'startTicks'>): Promise<boolean> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${record.pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  // A zombie leader whose other threads still exit (Go programs) still holds its sockets.
  if ((state === 'Z' || state === 'X') && (await threadCount(record.pid)) <= 1) return false;
  if (record.startTicks === null) return true;
  return (await readStartTicks(record.pid)) === record.startTicks;
}

async function threadCount(pid: number): Promise<number> {
  return readdir(`/proc/${pid}/task`).then(
    (tasks) => tasks.length,
    () => 0,
  );
}

export interface StopDaemonOptions {
  /** The first signal; Postgres wants SIGINT (fast shutdown), most others SIGTERM. */
  signal?: NodeJS.Signals;
  /** How long to wait before SIGKILL. */
  graceMs?: number;
}

/** Stops exactly the recorded process; returns false when it was not running any more. */
export async function stopDaemon(record: ProcessRecord, options: StopDaemonOptions = {}): Promise<boolean> {
  if (!(await isRunning(record))) return false;
  const deadline = Date.now() + (options.graceMs ?? 15_000);
  signal(record.pid, options.signal ?? 'SIGTERM');
  while (Date.now() < deadline) {
    if (!(await isRunning(record))) return true;
    await sleep(100);
  }
  signal(record.pid, 'SIGKILL');
  while (await isRunning(record)) await sleep(50);
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
