import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import {
  type Client,
  type Connection,
  ServiceError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowUpdateHandle,
  WorkflowUpdateStage,
} from '@temporalio/client';
import type { Logger } from 'pino';
import { createTemporalClient, type TemporalClientHandle } from '../temporal/client.js';
import { loadTemporalConfig } from '../temporal/config.js';
import { isPassingUpdateRefusal } from '../temporal/lifecycle-client.js';
import { withTimeout } from '../temporal/timeouts.js';
import {
  type EnvironmentStatus,
  statusQuery,
  TERMINAL_PHASES,
  WorkflowType,
  wakeUpdate,
  workflowIds,
} from '../workflows/contracts.js';
import { WakeError } from './errors.js';

/**
 * Wakes environments through their Temporal workflow (the `wake` update of `env-<id>`), for the
 * gateway. Temporal may be down when the gateway starts or later: every call is bounded, and after a
 * failed connect the next one is tried only after a pause, so requests get an answer, never a hang.
 */

/** What the gateway needs to wake an environment; tests pass their own. */
export interface EnvironmentWaker {
  /**
   * Wakes the environment whose namespace carries this runtime id and resolves once its workflow
   * says it is ready again (with the workflow's environment id). Throws a WakeError otherwise.
   */
  wake(params: { runtimeId: string }): Promise<{ environmentId: string }>;
  close(): Promise<void>;
}

/** The Temporal client the waker calls through (`createTemporalClient`'s handle). */
type OpenClient = Pick<TemporalClientHandle, 'client' | 'connection' | 'close'>;

export interface TemporalWakerOptions {
  log: Logger;
  /** The settings: TEMPORAL_ADDRESS and the rest of the Temporal and codec settings (default process.env, read at first use). */
  env?: NodeJS.ProcessEnv;
  /** A connect that takes longer fails (default 3 s). */
  connectTimeoutMs?: number;
  /** After a failed connect (or a call the server did not answer), wakes fail at once for this long (default 5 s). */
  reconnectPauseMs?: number;
  /** Bound on each short call: describe, query, the update being accepted by the worker (default 20 s). */
  callTimeoutMs?: number;
  /** Recorded in the update as who asked (default "gateway"). */
  requestedBy?: string;
  /** While a wake runs, its status is read this often to notice a failed scale (default 3 s). */
  statusPollMs?: number;
  /**
   * A wake the workflow has not accepted this long after it was first asked (its update RPC keeps
   * timing out, or its workflow task keeps failing) fails (default 2 min).
   */
  acceptWithinMs?: number;
  /** Opens the client (default: a connection to `config`'s Temporal); tests pass a stand-in server. */
  open?: () => Promise<OpenClient>;
}

/** Between two asks of an update the server refused for a passing reason. */
const RETRY_PAUSE_MS = 500;

/**
 * A bounded call's own guard fires this much after the deadline the call carries to the server, so
 * that the server's answer to a timed-out call (a typed error: an update RPC timeout is retried)
 * comes first; the guard is for a call that ignores its deadline.
 */
const GUARD_GRACE_MS = 1_000;

export function createTemporalWaker(options: TemporalWakerOptions): EnvironmentWaker {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
  const reconnectPauseMs = options.reconnectPauseMs ?? 5_000;
  const callTimeoutMs = options.callTimeoutMs ?? 20_000;
  const requestedBy = options.requestedBy ?? 'gateway';
  const statusPollMs = options.statusPollMs ?? 3_000;
  const acceptWithinMs = options.acceptWithinMs ?? 120_000;
  const open =
    options.open ??
    (async () => {
      const handle = await createTemporalClient({ env: options.env, connectTimeoutMs }).catch(
        (error: unknown) => {
          throw new Error(`Temporal at ${loadTemporalConfig(options.env).address}: ${messageOf(error)}`);
        },
      );
      const { address, namespace } = handle.config;
      options.log.info({ address, namespace }, 'connected to Temporal');
      return handle;
    });
  let connecting: Promise<OpenClient> | undefined;
  let lastFailure: { at: number; message: string } | undefined;
  let closed = false;
  /** A claimed warm environment's runtime id → the claimer's environment id (stable for its life). */
  const claimers = new Map<string, string>();

  const connect = (runtimeId: string) => {
    if (closed)
      throw new WakeError('temporal-unreachable', {
        environment: runtimeId,
        cause: 'the gateway is closing',
      });
    // Also while connected: a server that stopped answering a moment ago is not asked again at once.
    if (lastFailure && Date.now() - lastFailure.at < reconnectPauseMs) {
      throw new WakeError('temporal-unreachable', { environment: runtimeId, cause: lastFailure.message });
    }
    connecting ??= open();
    return connecting.catch((error: unknown) => {
      connecting = undefined;
      lastFailure = { at: Date.now(), message: messageOf(error) };
      options.log.warn(
        { error: lastFailure.message },
        'cannot reach Temporal; sleeping environments get 503',
      );
      throw new WakeError('temporal-unreachable', { environment: runtimeId, cause: lastFailure.message });
    });
  };

  /**
   * A short call, bounded; an unreachable server is a WakeError of its own type. An update refused
   * for a passing reason (its RPC timed out, its workflow task is being retried) comes out as the
   * SDK's error, for the caller to ask again.
   */
  const bounded = async <T>(params: {
    runtimeId: string;
    what: string;
    connection: Connection;
    call: () => Promise<T>;
  }): Promise<T> => {
    const deadline = Date.now() + callTimeoutMs;
    try {
      return await withTimeout(params.connection.withDeadline(deadline, params.call), {
        ms: callTimeoutMs + GUARD_GRACE_MS,
        error: () =>
          new Error(`${params.what} took longer than ${callTimeoutMs} ms (is the lifecycle worker running?)`),
      });
    } catch (error) {
      if (error instanceof WakeError || error instanceof WorkflowNotFoundError) throw error;
      if (isPassingUpdateRefusal(error)) throw error;
      // Only an update's validator refuses at the start (e.g. the environment is being torn down).
      if (error instanceof WorkflowUpdateFailedError) {
        throw new WakeError('refused', {
          environment: params.runtimeId,
          cause: error.cause?.message ?? error.message,
        });
      }
      const cause = `${params.what}: ${messageOf(error)}`;
      if (isUnavailable(error)) {
        lastFailure = { at: Date.now(), message: cause };
        throw new WakeError('temporal-unreachable', { environment: params.runtimeId, cause });
      }
      throw new WakeError('failed', { environment: params.runtimeId, cause });
    }
  };

  /**
   * The workflow that owns the namespace: `env-<runtimeId>` while it runs, else (a claimed warm
   * environment keeps its namespace, its claimer's workflow owns it) the running environment workflow
   * whose status names this runtime id, found among the sleeping ones.
   */
  const environmentIdFor = async (params: {
    runtimeId: string;
    client: Client;
    connection: Connection;
  }): Promise<string> => {
    const { runtimeId, client, connection } = params;
    const known = claimers.get(runtimeId);
    if (known) return known;
    const own = await bounded({
      runtimeId,
      what: `describe workflow ${workflowIds.environment(runtimeId)}`,
      connection,
      call: () => client.workflow.getHandle(workflowIds.environment(runtimeId)).describe(),
    }).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    });
    if (own?.status.name === 'RUNNING') return runtimeId;

    const query = `WorkflowType = '${WorkflowType.environment}' AND ExecutionStatus = 'Running' AND (Phase = 'sleeping' OR Phase = 'waking')`;
    const candidates = await bounded({
      runtimeId,
      what: 'list sleeping environments',
      connection,
      call: async () => {
        const ids: string[] = [];
        for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
        return ids;
      },
    });
    for (const workflowId of candidates) {
      const status = await bounded<EnvironmentStatus>({
        runtimeId,
        what: `query ${workflowId}`,
        connection,
        call: () => client.workflow.getHandle(workflowId).query(statusQuery),
      }).catch(() => undefined);
      if (status?.runtimeId === runtimeId && !TERMINAL_PHASES.includes(status.phase)) {
        claimers.set(runtimeId, status.environmentId);
        return status.environmentId;
      }
    }
    throw new WakeError('no-workflow', {
      environment: runtimeId,
      cause: `${workflowIds.environment(runtimeId)} is ${own ? own.status.name.toLowerCase() : 'not found'} and no running environment workflow names it as its runtime`,
    });
  };

  return {
    async wake({ runtimeId }) {
      const { client, connection } = await connect(runtimeId);
      const environmentId = await environmentIdFor({ runtimeId, client, connection });
      const workflowId = workflowIds.environment(environmentId);
      const handle = client.workflow.getHandle(workflowId);
      // One update id for every retry of this wake: the server answers a repeat with the same update.
      const updateId = `gateway-wake-${randomUUID()}`;
      let acceptBy = Date.now() + acceptWithinMs;
      for (;;) {
        if (closed) {
          throw new WakeError('temporal-unreachable', {
            environment: runtimeId,
            cause: 'the gateway is closing',
          });
        }
        let update: WorkflowUpdateHandle<EnvironmentStatus>;
        try {
          // A refusal by the update's validator is a WakeError `refused` (from bounded).
          update = await bounded({
            runtimeId,
            what: `wake update of ${workflowId}`,
            connection,
            call: () =>
              handle.startUpdate(wakeUpdate, {
                // The wake's breakdown starts with the request that woke it.
                args: [{ requestedBy, requestedAt: new Date().toISOString() }],
                updateId,
                waitForStage: WorkflowUpdateStage.ACCEPTED,
              }),
          });
        } catch (error) {
          if (!isPassingUpdateRefusal(error)) throw error;
          if (Date.now() >= acceptBy) {
            throw new WakeError('failed', {
              environment: runtimeId,
              cause: `${workflowId} did not accept the wake within ${Math.round(acceptWithinMs / 1000)} s (is the lifecycle worker running?): ${messageOf(error)}`,
            });
          }
          // The update's RPC timed out before the workflow took it, or its workflow task is being
          // retried (the server refuses updates meanwhile): ask again.
          await pause(RETRY_PAUSE_MS);
          continue;
        }
        try {
          // Accepted: the workflow now scales everything back and answers once ready (minutes at most).
          const watching = new AbortController();
          const status = await Promise.race([
            update.result(),
            failedWake({
              runtimeId,
              handle,
              connection,
              everyMs: statusPollMs,
              startedAt: Date.now(),
              signal: watching.signal,
            }),
          ]).finally(() => watching.abort());
          if (status === 'slept-again') return { environmentId };
          if (status.phase !== 'ready') {
            throw new WakeError('failed', {
              environment: runtimeId,
              cause: status.error?.message ?? `the environment is ${status.phase} after the wake`,
            });
          }
          return { environmentId };
        } catch (error) {
          if (error instanceof WakeError) throw error;
          // The accepted update failed: the workflow's scale failed and it is asleep again.
          if (error instanceof WorkflowUpdateFailedError) {
            throw new WakeError('failed', {
              environment: runtimeId,
              cause: (error.cause?.message ?? error.message).replace(/^wake failed: /, ''),
            });
          }
          if (!isPassingUpdateRefusal(error)) {
            throw new WakeError('failed', {
              environment: runtimeId,
              cause: `waiting for the wake update of ${workflowId}: ${messageOf(error)}`,
            });
          }
          // The result's long poll timed out: ask again; the same update id finds the accepted update.
          acceptBy = Date.now() + acceptWithinMs;
          await pause(RETRY_PAUSE_MS);
        }
      }
    },
    async close() {
      closed = true;
      const current = connecting;
      connecting = undefined;
      await current?.then((handle) => handle.close()).catch(() => {});
    },
  };
}

/**
 * Rejects when a wake failed, and resolves `slept-again` when the environment woke and went back to
 * sleep before the update answered: in runs started before the `wake-update-own-wake` patch, a sleep
 * asked as the wake ended keeps the update waiting for a later wake, so the wake ends there. When the
 * scale fails the workflow goes back to `sleeping` with `error` set, and (since its
 * `wake-update-answers-failures` patch) its wake update fails with "wake failed: <reason>". Runs started before that patch answer the update only once awake, so it would wait
 * forever: the status is read meanwhile, and `waking` then `sleeping` again means this wake failed.
 */
async function failedWake(params: {
  runtimeId: string;
  handle: WorkflowHandle;
  connection: Connection;
  everyMs: number;
  /** When the update was accepted (this machine's clock; the workflow's `sleepingSince` is compared with it). */
  startedAt: number;
  /** Aborted once the update answered: the watcher stops. */
  signal: AbortSignal;
}): Promise<'slept-again'> {
  const never = new Promise<never>(() => {});
  let sawWaking = false;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, params.everyMs));
    if (params.signal.aborted) return never;
    const status = await params.connection
      .withDeadline(Date.now() + params.everyMs * 3, () => params.handle.query(statusQuery))
      .catch(() => undefined);
    if (!status) continue;
    if (status.phase === 'waking') sawWaking = true;
    // Only a sleep that succeeded sets `sleepingSince`: one later than the wake's start followed it.
    if (
      status.phase === 'sleeping' &&
      status.sleepingSince !== undefined &&
      Date.parse(status.sleepingSince) > params.startedAt
    ) {
      return 'slept-again';
    }
    if (sawWaking && status.phase === 'sleeping') {
      throw new WakeError('failed', {
        environment: params.runtimeId,
        cause: status.error?.message ?? 'the workflow went back to sleeping',
      });
    }
    // Ready: the update answers by itself, unless a sleep comes first (watched on). Ended: it never will.
    if (TERMINAL_PHASES.includes(status.phase)) return never;
  }
}

/** gRPC UNAVAILABLE (14) or DEADLINE_EXCEEDED (4) from the server: it is down or not answering. */
function isUnavailable(error: unknown): boolean {
  const code = (
    error instanceof ServiceError ? (error.cause as { code?: number }) : (error as { code?: number })
  )?.code;
  return code === 14 || code === 4;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
