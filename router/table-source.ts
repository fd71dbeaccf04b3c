import { type FSWatcher, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KubernetesObject, V1ConfigMap } from '@kubernetes/client-node';
import type { KubeClient } from '../deploy/kube-client.js';
import { LABELS } from '../deploy/labels.js';
import {
  ROUTING_TABLE_KEY,
  type RoutingTable,
  RoutingTableSchema,
} from '../deploy/manifests/routing-table.js';

/** Where the router gets routing tables from; `current()` is cheap and always up to date. */
export interface TableSource {
  current(): RoutingTable[];
  stop(): Promise<void>;
}

/** A table that could not be read; the others still route. */
export type TableProblem = (problem: { source: string; message: string }) => void;

function parseTable(text: string, source: string, onProblem: TableProblem): RoutingTable | undefined {
  try {
    const parsed = RoutingTableSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    onProblem({ source, message: `${issue?.path.join('.') || '(root)'}: ${issue?.message}` });
  } catch (error) {
    onProblem({ source, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  return undefined;
}

/**
 * Tables from a directory of JSON files (e.g. the ConfigMaps synced to disk), reloaded when the
 * directory changes.
 */
export async function directoryTableSource(params: {
  dir: string;
  onProblem: TableProblem;
}): Promise<TableSource> {
  let tables: RoutingTable[] = [];
  const load = async () => {
    const files = (await readdir(params.dir)).filter((f) => f.endsWith('.json')).sort();
    const next: RoutingTable[] = [];
    for (const file of files) {
      const path = join(params.dir, file);
      const table = parseTable(await readFile(path, 'utf8'), path, params.onProblem);
      if (table) next.push(table);
    }
    tables = next;
  };
  await load();
  let reloading: Promise<void> | undefined;
  const watcher: FSWatcher = watch(params.dir, () => {
    reloading ??= load()
      .catch((error: unknown) => params.onProblem({ source: params.dir, message: String(error) }))
      .finally(() => {
        reloading = undefined;
      });
  });
  return {
    current: () => tables,
    stop: async () => {
      watcher.close();
      await reloading;
    },
  };
}

/** The routing tables in routing-table ConfigMaps; unreadable ones are reported and skipped. */
export function tablesFromConfigMaps(
  configMaps: readonly V1ConfigMap[],
  onProblem: TableProblem,
): RoutingTable[] {
  const tables: RoutingTable[] = [];
  for (const cm of configMaps) {
    const text = cm.data?.[ROUTING_TABLE_KEY];
    const source = `ConfigMap ${cm.metadata?.namespace}/${cm.metadata?.name}`;
    const table = text ? parseTable(text, source, onProblem) : undefined;
    if (table) tables.push(table);
  }
  return tables;
}

/**
 * Tables straight from the cluster: every ConfigMap labelled role=routing-table, in any namespace,
 * kept current by a watch. A branch's table disappears with its namespace.
 */
export async function kubernetesTableSource(params: {
  kube: KubeClient;
  onProblem: TableProblem;
}): Promise<TableSource> {
  let tables: RoutingTable[] = [];
  let list: { list(): readonly KubernetesObject[]; stop(): Promise<void> } | undefined;
  const rebuild = () => {
    tables = tablesFromConfigMaps((list?.list() ?? []) as V1ConfigMap[], params.onProblem);
  };
  list = await params.kube.watchList({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    labelSelector: `${LABELS.role}=routing-table`,
    onChange: () => rebuild(),
    onError: (error) => params.onProblem({ source: 'watch', message: error.message }),
  });
  rebuild();
  return { current: () => tables, stop: () => list?.stop() ?? Promise.resolve() };
}
