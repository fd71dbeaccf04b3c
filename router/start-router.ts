import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { KubeClient } from '../deploy/kube-client.js';
import { baselineFromHost, selectTables } from './routes.js';
import { createRouterServer } from './server.js';
import { kubernetesTableSource } from './table-source.js';

export interface RunningRouter {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Stops listening, lets open requests finish, stops the watch. */
  close(): Promise<void>;
}

/**
 * The header router in a cluster: watches every routing-table ConfigMap (the first list must
 * succeed, so missing RBAC fails here), then listens. Without `baseline`, each request names its
 * baseline by a namespaced Host ("payments.msx-main:8080"), so one Deployment fronts them all.
 */
export async function startRouter(params: {
  kube: KubeClient;
  log: Logger;
  host: string;
  /** 0 picks a free port. */
  port: number;
  baseline?: string;
  baggageKey?: string;
}): Promise<RunningRouter> {
  const { log } = params;
  const source = await kubernetesTableSource({
    kube: params.kube,
    onProblem: (problem) => log.warn(problem, 'routing table skipped'),
  });
  const server = createRouterServer({
    tables: (host) => {
      const tables = source.current();
      const baselineId = params.baseline ?? baselineFromHost({ host, tables });
      return baselineId ? selectTables({ baselineId, tables }) : { branches: new Map() };
    },
    port: params.port,
    // Fronting many services on one port: the port a caller meant is in its Host header.
    portFromHost: true,
    baggageKey: params.baggageKey,
    onRequest: (entry) => log.info(entry, 'routed'),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(params.port, params.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await source.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  log.info({ host: params.host, port, baseline: params.baseline ?? '(from Host)' }, 'router listening');
  return {
    url: `http://${params.host.includes(':') ? `[${params.host}]` : params.host}:${port}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await source.stop();
    },
  };
}
