import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes.js';
import { STACK_UP_COMMAND, type StackConfig, TEMPORAL_NAMESPACE } from './config.js';
import { startHealthy } from './part-process.js';
import { httpGet } from './probes.js';
import type { ProcessRecord, TemporalPart } from './state.js';
import { VERSIONS } from './versions.js';

/**
 * Temporal: the `temporal` CLI's dev server (frontend, history, matching, worker and the web UI in
 * one process) with SQLite persistence in the state dir, so workflows survive a restart.
 */

const { IndexedValueType } = proto.temporal.api.enums.v1;

/** The endpoints the Temporal part will have under this config. */
export function temporalEndpoints(
  config: StackConfig,
): Pick<TemporalPart, 'address' | 'namespace' | 'uiUrl'> {
  return {
    address: `127.0.0.1:${config.ports.temporal}`,
    namespace: TEMPORAL_NAMESPACE,
    uiUrl: `http://127.0.0.1:${config.ports.temporalUi}`,
  };
}

/** The dev server's command line. */
export function temporalArgs(config: StackConfig): string[] {
  return [
    'server',
    'start-dev',
    '--db-filename',
    path.join(config.stateDir, 'temporal', 'temporal.db'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(config.ports.temporal),
    '--ui-port',
    String(config.ports.temporalUi),
    '--http-port',
    String(config.ports.temporalHttp),
    '--metrics-port',
    String(config.ports.temporalMetrics),
    '--namespace',
    TEMPORAL_NAMESPACE,
    // The API's codec server: the UI shows plaintext to people signed in to a payload's team.
    '--ui-codec-endpoint',
    `http://127.0.0.1:${config.ports.api}/codec`,
    '--log-level',
    'warn',
  ];
}

/** Starts the dev server, then makes sure the namespace and search attributes exist. */
export async function startTemporal(options: {
  config: StackConfig;
  binary: string;
  onStarted: (record: ProcessRecord) => Promise<void>;
}): Promise<TemporalPart> {
  const { config } = options;
  await mkdir(path.join(config.stateDir, 'temporal'), { recursive: true });
  const endpoints = temporalEndpoints(config);
  const { record } = await startHealthy({
    daemon: { name: 'temporal', binary: options.binary, args: temporalArgs(config), logsDir: config.logsDir },
    ports: [
      config.ports.temporal,
      config.ports.temporalUi,
      config.ports.temporalHttp,
      config.ports.temporalMetrics,
    ],
    healthCheck: async () => {
      await ensureSearchAttributes(endpoints.address);
      await checkTemporal(endpoints);
    },
    timeoutMs: 90_000,
    fix: `read the log; if the SQLite file is corrupt, \`stack down --purge\` then \`${STACK_UP_COMMAND}\``,
    onStarted: options.onStarted,
  });
  return { version: VERSIONS.temporalCli, external: false, processes: [record], ...endpoints };
}

async function withConnection<T>(address: string, use: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: 3000 });
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Registers any missing search attribute (idempotent). The namespace itself is created by the
 * server's `--namespace` flag, on every start.
 */
async function ensureSearchAttributes(address: string, namespace = TEMPORAL_NAMESPACE): Promise<void> {
  await withConnection(address, async (connection) => {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = SEARCH_ATTRIBUTE_KEYS.filter((key) => !(key.name in (existing.customAttributes ?? {})));
    if (missing.length === 0) return;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        missing.map((key) => [key.name, IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`]]),
      ),
    });
  });
}

/**
 * Another namespace on the stack's server, ready for MicroStax (its search attributes registered):
 * for a second installation, such as MicroStax installed into the local cluster, that must not share
 * workflows, schedules and sweeps with the processes on this machine. Idempotent.
 */
export async function ensureTemporalNamespace(address: string, namespace: string): Promise<void> {
  await withConnection(address, async (connection) => {
    await connection.workflowService
      .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') })
      .catch((error: { code?: number }) => {
        if (error.code !== 6) throw error; // ALREADY_EXISTS
      });
  });
  // A new namespace reaches the frontend's cache within seconds; until then it is "not found".
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await ensureSearchAttributes(address, namespace);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Health: the frontend answers, the namespace and every search attribute exist, the UI serves. */
export async function checkTemporal(
  endpoints: Pick<TemporalPart, 'address' | 'namespace' | 'uiUrl'>,
): Promise<void> {
  await withConnection(endpoints.address, async (connection) => {
    await connection.workflowService.describeNamespace({ namespace: endpoints.namespace }).catch((error) => {
      throw new Error(`namespace ${endpoints.namespace} is missing: ${String(error)}`);
    });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({
      namespace: endpoints.namespace,
    });
    const missing = SEARCH_ATTRIBUTE_KEYS.filter((key) => !(key.name in (customAttributes ?? {})));
    if (missing.length > 0) {
      throw new Error(`search attributes missing: ${missing.map((key) => key.name).join(', ')}`);
    }
  });
  const ui = await httpGet(endpoints.uiUrl);
  if (ui.status !== 200) throw new Error(`the web UI at ${endpoints.uiUrl} answered ${ui.status}`);
}
