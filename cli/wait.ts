import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ApiClient } from '../api/client.js';
import { parseDuration } from '../workflows/duration.js';
import type { EnvironmentBody } from './api-types.js';
import { CliError } from './cli-error.js';
import { progress, startActivity } from './progress.js';

/** How long a wait lasts when --timeout is not given: a cold create of a large blueprint fits. */
export const DEFAULT_WAIT_TIMEOUT = '15m';

/** Parses `--timeout`: a usage error (exit 2) unless a positive duration. */
export function parseTimeout(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('a duration such as 90s, 10m or 1h');
  return ms;
}

/** Adds `--timeout <duration>` (in milliseconds in the options) to a command that waits. */
export function addTimeoutOption(command: Command, what = 'the wait'): Command {
  return command.addOption(
    new Option('--timeout <duration>', `give up ${what} after this long (exit 1), e.g. 90s, 10m`)
      .argParser(parseTimeout)
      .default(parseTimeout(DEFAULT_WAIT_TIMEOUT), DEFAULT_WAIT_TIMEOUT),
  );
}

/** Phases a wait ends on without getting where it was going (on a terminal their step is crossed). */
const FAILED = new Set(['failed']);

/** Thrown (as the abort reason) when a --timeout expires. */
class WaitTimeout extends Error {}

/**
 * Follows the environment's event stream, printing each phase and per-service change as progress,
 * until `until` says done (resolves the last status) or the timeout expires (throws a CliError of
 * type timeout). A dropped stream or an API restart reconnects and resumes (Last-Event-ID).
 */
export async function followEnvironment(params: {
  api: ApiClient;
  id: string;
  until: (phase: string, env: EnvironmentBody) => boolean;
  timeoutMs: number;
  /** What is awaited, for the timeout message, e.g. "ready". */
  goal: string;
}): Promise<EnvironmentBody> {
  const { api, id, until, timeoutMs } = params;
  let last: EnvironmentBody | undefined;
  const seen = new Map<string, string>();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new WaitTimeout()), timeoutMs);
  const activity = await startActivity();
  try {
    await api.stream({
      path: `/v1/environments/${encodeURIComponent(id)}/stream`,
      signal: controller.signal,
      onReconnect: (reason) => progress(`${id}: ${reason}; reconnecting`),
      onEvent: ({ event, data }) => {
        if (event !== 'status') return false;
        const env = data as EnvironmentBody;
        if (env.phase !== last?.phase) activity.step(`${id}: ${env.phase}`);
        const ready = env.services.filter((s) => s.state === 'ready' || s.state === 'reused').length;
        for (const s of env.services) {
          const state = `${s.state}${s.message ? ` (${s.message})` : ''}`;
          if (seen.get(s.name) !== state) {
            seen.set(s.name, state);
            activity.detail(`  [${ready}/${env.services.length}] ${s.name}: ${state}`);
          }
        }
        last = env;
        const done = until(env.phase, env);
        if (done) activity.end(!FAILED.has(env.phase));
        return done;
      },
    });
  } catch (error) {
    activity.end(false);
    if (!(error instanceof WaitTimeout)) throw error;
    throw new CliError({
      type: 'timeout',
      message: `timed out after ${formatMs(timeoutMs)} waiting for ${id} to be ${params.goal}${last ? ` (last phase: ${last.phase})` : ''}`,
      hint: `wait longer with --timeout, or look with \`microstax env get ${id}\``,
    });
  } finally {
    clearTimeout(timer);
  }
  if (!last) throw new CliError({ type: 'api', message: `the event stream of ${id} ended without a status` });
  return last;
}

function formatMs(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}
