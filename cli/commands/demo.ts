import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { Command } from 'commander';
import { NODE_POOL_LABELS } from '../../planner/node-pools.js';
import { binaryPath } from '../../stack/binaries.js';
import { resolveStackConfig } from '../../stack/config.js';
import { readStackEndpoints } from '../../stack/endpoints.js';
import { redactUrl } from '../../stack/postgres.js';
import { isPortOpen } from '../../stack/probes.js';
import { reportStackError } from './stack.js';

/** Counts the cluster's nodes per pool, e.g. `11 nodes in 5 pools`. */
async function describeNodes(kubeconfigPath: string): Promise<string> {
  try {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigPath);
    const nodes = (await kubeConfig.makeApiClient(CoreV1Api).listNode()).items;
    const pools = new Set(
      nodes.map((node) => node.metadata?.labels?.[NODE_POOL_LABELS.pool]).filter(Boolean),
    );
    return `${nodes.length} nodes in ${pools.size} pools`;
  } catch (error) {
    return `not answering: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * `microstax demo`: what runs where. `npm run demo` brings the stack up first; the demo grows into
 * a full walk-through as the control plane lands.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description('show what the local stack runs and where (run `npm run demo` to start everything first)')
    .option('--json', 'print the endpoints as JSON')
    .action(async (opts: { json?: boolean }) => {
      try {
        const endpoints = await readStackEndpoints();
        const config = resolveStackConfig();
        const apiPort = Number(process.env.MICROSTAX_API_PORT) || config.ports.api;
        const apiUrl = `http://127.0.0.1:${apiPort}`;
        const apiRunning = await isPortOpen(apiPort);
        const nodes = await describeNodes(endpoints.kubeconfigPath);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ...endpoints, databaseUrl: redactUrl(endpoints.databaseUrl), api: { url: apiUrl, running: apiRunning }, nodes }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(
          [
            'MicroStax local stack',
            `  Temporal UI  ${endpoints.temporal.uiUrl}   (namespace ${endpoints.temporal.namespace})`,
            `  Temporal     ${endpoints.temporal.address}`,
            `  API          ${apiUrl}   (${apiRunning ? 'running' : 'not running yet'})`,
            `  Postgres     ${redactUrl(endpoints.databaseUrl)}`,
            `  Kubernetes   ${endpoints.kubeconfigPath}   (${nodes})`,
            '',
            'Try:',
            `  KUBECONFIG=${endpoints.kubeconfigPath} ${binaryPath(config.binDir, 'kubectl')} get nodes -L ${NODE_POOL_LABELS.pool},${NODE_POOL_LABELS.capacityType}`,
            '  eval "$(node bin/microstax.js stack env)"   # TEMPORAL_ADDRESS, DATABASE_URL, KUBECONFIG for your shell',
            '  node bin/microstax.js stack status',
            '',
          ].join('\n'),
        );
      } catch (error) {
        process.exitCode = reportStackError(error, Boolean(opts.json));
      }
    });
}
