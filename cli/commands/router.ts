import { existsSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { KubeClient } from '../../deploy/kube-client.js';
import { ROUTING_BAGGAGE_KEY } from '../../deploy/manifests/routing-table.js';
import { useLocalStackSettings } from '../../local/stack/process-settings.js';
import { type RunningRouter, startRouter } from '../../router/start-router.js';
import { ExitCode } from '../exit-codes.js';

interface RouterOptions {
  port: number;
  host: string;
  baseline?: string;
  kubeconfig?: string;
  baggageKey: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port, 0-65535');
  return n;
}

/** `microstax router`: the header router in the cluster, over every routing-table ConfigMap, until a signal. */
export async function runRouter(options: RouterOptions): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`microstax router: ${message}\n`);
    return ExitCode.Failure;
  };
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) return fail(`kubeconfig ${options.kubeconfig} does not exist`);
    process.env.KUBECONFIG = options.kubeconfig;
  }
  // Outside a pod without KUBECONFIG: the local stack's cluster, as `microstax gateway` does.
  await useLocalStackSettings();
  const log = pino({ name: 'microstax-router' });
  let router: RunningRouter;
  try {
    router = await startRouter({
      kube: KubeClient.fromEnvironment(),
      log,
      host: options.host,
      port: options.port,
      baseline: options.baseline,
      baggageKey: options.baggageKey,
    });
  } catch (error) {
    return fail(
      `cannot start (watching ConfigMaps labelled microstax.dev/role=routing-table, listening on ${options.host}:${options.port}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log.info({ signal }, 'stopping');
  await router.close();
  return ExitCode.Ok;
}

export function register(program: Command): void {
  program
    .command('router')
    .description(
      "Run the header router: sends each request to the branch's copy of a service named by its `baggage: microstax-env=<id>` header, else to the baseline's",
    )
    .addOption(new Option('--port <port>', 'port to listen on').default(8080).argParser(port))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option(
      '--baseline <id>',
      'front this one baseline (default: the baseline whose table puts the Host header\'s "<service>.<namespace>" there)',
    )
    .option(
      '--kubeconfig <file>',
      "cluster to watch (default: KUBECONFIG, else the local stack's, else the pod's ServiceAccount)",
    )
    .option('--baggage-key <key>', 'baggage member naming the environment', ROUTING_BAGGAGE_KEY)
    .addHelpText(
      'after',
      `
Routing tables are the ConfigMaps labelled microstax.dev/role=routing-table that the worker writes for
\`routing: header\` environments, watched in every namespace. Without --baseline a request names its
baseline by a namespaced Host ("payments.msx-main:8080" or "payments.msx-main.svc.cluster.local"); the
Host's port (else --port) picks the service port. Unknown services get 502, a request with no Host 400.
Responses carry x-microstax-routed-to: <environment>.

Examples:
  microstax router --host 0.0.0.0 --port 8080
  curl -H 'Host: payments.msx-main:8080' -H 'baggage: microstax-env=pr-42' http://127.0.0.1:8080/
`,
    )
    .action(async (options: RouterOptions) => {
      process.exitCode = await runRouter(options);
    });
}
