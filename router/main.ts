import { KubeConfig } from '@kubernetes/client-node';
import { Command, InvalidArgumentError } from 'commander';
import { pino } from 'pino';
import { KubeClient } from '../deploy/kube-client.js';
import { ROUTING_BAGGAGE_KEY } from '../deploy/manifests/routing-table.js';
import { selectTables } from './routes.js';
import { createRouterServer } from './server.js';
import { directoryTableSource, kubernetesTableSource } from './table-source.js';

/**
 * The header router as a program:
 *   tsx router/main.ts --baseline main --listen 8080 [--service api] (--tables-dir DIR | --kubernetes)
 */
function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port, 1-65535');
  return n;
}

const program = new Command('microstax-router')
  .description(
    'Routes each request to the branch copy of a service named by its `baggage: microstax-env=<id>` header, else to the baseline copy',
  )
  .requiredOption('--baseline <id>', 'the baseline environment whose shared services this router fronts')
  .requiredOption('--listen <port>', 'port to listen on (the service port it stands for)', port)
  .option('--service <name>', 'route every request to this service (default: from the Host header)')
  .option('--tables-dir <dir>', 'read routing tables (JSON files) from this directory')
  .option('--kubernetes', 'read routing tables from ConfigMaps in the cluster (in-cluster or KUBECONFIG)')
  .option('--baggage-key <key>', 'baggage member naming the environment', ROUTING_BAGGAGE_KEY)
  .showHelpAfterError();

program.parse();
const opts = program.opts<{
  baseline: string;
  listen: number;
  service?: string;
  tablesDir?: string;
  kubernetes?: boolean;
  baggageKey: string;
}>();
if (Boolean(opts.tablesDir) === Boolean(opts.kubernetes)) {
  program.error('give exactly one of --tables-dir or --kubernetes', { exitCode: 2 });
}

const log = pino({ name: 'microstax-router' });
const onProblem = (p: { source: string; message: string }) => log.warn(p, 'routing table skipped');
const source = opts.tablesDir
  ? await directoryTableSource({ dir: opts.tablesDir, onProblem })
  : await kubernetesTableSource({
      kube: new KubeClient(
        (() => {
          const config = new KubeConfig();
          config.loadFromDefault();
          return config;
        })(),
      ),
      onProblem,
    });

const server = createRouterServer({
  tables: () => selectTables({ baselineId: opts.baseline, tables: source.current() }),
  port: opts.listen,
  service: opts.service,
  baggageKey: opts.baggageKey,
  onRequest: (entry) => log.info(entry, 'routed'),
});
server.listen(opts.listen, () =>
  log.info({ port: opts.listen, baseline: opts.baseline }, 'router listening'),
);

const shutdown = () => {
  server.close(() => {
    void source.stop().finally(() => process.exit(0));
  });
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
