import { pino } from 'pino';
import { KubeClient } from '../deploy/kube-client.js';
import { type RunningGateway, type StartGatewayOptions, startGateway } from '../gateway/gateway.js';
import { readStackEndpoints } from '../local/stack/endpoints.js';
import { createMigratedDatabase, type MigratedDatabase } from '../test/integ/store/test-database.js';
import { apiIngress, bridgedApi } from './bridged-api.js';
import { loadGenerator } from './load/constant-rate.js';
import { startBackend } from './suites/gateway.js';

/**
 * What the gateway's load benches stand on: the stack's cluster, a fresh migrated database for the
 * access check, one backend process on the host bridged into each environment's namespace as its
 * Service `api`, and the gateways they start. `close()` removes all of it, in reverse.
 */
export interface GatewayRig {
  kube: KubeClient;
  database: MigratedDatabase;
  /** Bridges the backend into `msx-<environment>` with an Ingress per host `<name>.<environment>.microstax.localhost`. */
  bridge(environment: string, ingresses: { name: string; isPublic: boolean }[]): Promise<void>;
  /** A quiet gateway on a free port, checking access against the rig's database unless `access` is given. */
  gateway(options?: Partial<StartGatewayOptions>): Promise<RunningGateway>;
  close(): Promise<void>;
}

export async function openGatewayRig(label: string): Promise<GatewayRig> {
  await loadGenerator();
  const endpoints = await readStackEndpoints();
  const kube = KubeClient.fromKubeconfigFile(endpoints.kubeconfigPath);
  const database = await createMigratedDatabase(`bench_${label}`);
  const backend = await startBackend();
  const namespaces: string[] = [];
  const gateways: RunningGateway[] = [];
  return {
    kube,
    database,
    async bridge(environment, ingresses) {
      const namespace = `msx-${environment}`;
      namespaces.push(namespace);
      for (const object of [
        ...bridgedApi(namespace, backend.port),
        ...ingresses.map((ingress) => apiIngress({ namespace, environment, ...ingress })),
      ])
        await kube.apply(object);
    },
    async gateway(options = {}) {
      const gateway = await startGateway({
        kube,
        port: 0,
        log: pino({ level: 'warn' }),
        metrics: false,
        access: { databaseUrl: database.url, secureCookies: false },
        ...options,
      });
      // Closed once, whether by the bench (to flush it early) or by the rig's close.
      let closing: Promise<void> | undefined;
      const closeOnce = () => {
        closing ??= gateway.close();
        return closing;
      };
      const once = { ...gateway, close: closeOnce };
      gateways.push(once);
      return once;
    },
    async close() {
      for (const gateway of gateways) await gateway.close();
      backend.child.removeAllListeners('exit');
      backend.child.kill('SIGTERM');
      for (const name of namespaces) await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name });
      await database.close();
    },
  };
}
