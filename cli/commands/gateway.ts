import { existsSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Level } from 'pino';
import { API_CONFIG_ENV } from '../../api/config.js';
import { DEFAULT_INGRESS_CLASS, loadDeployConfig } from '../../deploy/config.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { GatewayStartError } from '../../gateway/errors.js';
import { startGateway } from '../../gateway/gateway.js';
import { createGatewayLogger } from '../../gateway/log.js';
import { HEALTH_PATH } from '../../gateway/server.js';
import { loadGatewaySettings } from '../../gateway/settings.js';
import { ENV, resolveStackConfig, STACK_UP_COMMAND, withPortOffset } from '../../local/stack/config.js';
import { useLocalStackSettings } from '../../local/stack/process-settings.js';
import { readStackState } from '../../local/stack/state.js';
import { parseDuration } from '../../workflows/duration.js';
import { ExitCode } from '../exit-codes.js';

interface GatewayOptions {
  port?: number;
  host: string;
  kubeconfig?: string;
  jsonLogs: boolean;
  logLevel: Level;
  ingressClass: string;
  ownHost: string[];
  idleTimeout: number;
  metrics: boolean;
  wake: boolean;
  wakeTimeout: number;
  /** Connect to Services' ready pods (default true; --no-pod-endpoints: ClusterIPs only). */
  podEndpoints: boolean;
  maxHeld: number;
  activity: boolean;
  activityFlushEvery: number;
  tlsCert?: string;
  tlsKey?: string;
  httpRedirectPort?: number;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port, 0-65535');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return n;
}

function durationMs(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('must be a duration such as 30s or 2m');
  return ms;
}

/** The stack's gateway port, as recorded by `stack up` (offset included). */
async function stackGatewayPort(): Promise<number> {
  const config = resolveStackConfig();
  const state = await readStackState(config.stateFile).catch(() => undefined);
  const ports =
    config.portOffsetFromEnv || !state ? config.ports : withPortOffset(config, state.portOffset).ports;
  return ports.gateway;
}

/** `microstax gateway`: serves every environment's exposed services on one local port until a signal. */
export async function runGateway(options: GatewayOptions): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`microstax gateway: ${message}\n`);
    return ExitCode.Failure;
  };
  if (options.kubeconfig) process.env[ENV.kubeconfig] = options.kubeconfig;
  await useLocalStackSettings();
  const kubeconfig = process.env[ENV.kubeconfig];
  if (kubeconfig && !existsSync(kubeconfig)) return fail(`kubeconfig ${kubeconfig} does not exist`);
  const cluster = kubeconfig ? `kubeconfig ${kubeconfig}` : "the pod's ServiceAccount";
  const log = createGatewayLogger({ json: options.jsonLogs, level: options.logLevel });
  let kube: KubeClient;
  try {
    kube = KubeClient.fromEnvironment();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      `no usable cluster (${reason}): pass --kubeconfig FILE, set KUBECONFIG, or run \`${STACK_UP_COMMAND}\``,
    );
  }
  const { baseDomain, ingressScheme, ingressPort } = loadDeployConfig();
  let settings: ReturnType<typeof loadGatewaySettings>;
  try {
    settings = loadGatewaySettings(process.env, {
      tlsCertFile: options.tlsCert,
      tlsKeyFile: options.tlsKey,
      httpRedirectPort: options.httpRedirectPort,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const tls = settings.tlsCertFile &&
    settings.tlsKeyFile && {
      certFile: settings.tlsCertFile,
      keyFile: settings.tlsKeyFile,
      redirectPort: settings.httpRedirectPort,
      publicPort: ingressScheme === 'https' ? ingressPort : undefined,
    };
  const { startTracing } = await import('../../telemetry/tracing.js');
  const tracing = await startTracing({ serviceName: 'microstax-gateway' });
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    gateway = await startGateway({
      access: {
        databaseUrl: process.env[API_CONFIG_ENV.databaseUrl],
        secureCookies: ingressScheme === 'https' || Boolean(tls),
      },
      kube,
      log,
      port: options.port ?? (await stackGatewayPort()),
      host: options.host,
      ingressClass: options.ingressClass,
      ownHosts: options.ownHost,
      idleTimeoutMs: options.idleTimeout,
      metrics: options.metrics,
      podEndpoints: options.podEndpoints,
      wake: options.wake && { holdTimeoutMs: options.wakeTimeout, maxHeld: options.maxHeld },
      activity: options.activity && { flushEveryMs: options.activityFlushEvery },
      tls: tls || undefined,
    });
  } catch (error) {
    if (error instanceof GatewayStartError && error.type === 'watch-failed') {
      return fail(`${error.message} (${cluster})`);
    }
    return fail(error instanceof Error ? error.message : String(error));
  }
  process.stderr.write(
    `microstax gateway: serving *.${baseDomain} on ${gateway.url} (health ${gateway.url}${HEALTH_PATH}); Ctrl-C to stop\n`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log.info({ signal }, 'stopping');
  await gateway.close();
  await tracing?.shutdown();
  return ExitCode.Ok;
}

export function register(program: Command): void {
  program
    .command('gateway')
    .description(
      "Run the local gateway: routes <service>.<environment>.<base domain> to the environment's Service (by Host header), and baggage-carrying requests of header-routed baselines to the branch's copy",
    )
    .addOption(
      new Option('--port <port>', "port to listen on (default: the stack's gateway port, 18081)").argParser(
        port,
      ),
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--kubeconfig <file>', "cluster to watch (default: KUBECONFIG, else the local stack's)")
    .option('--json-logs', 'log JSON lines instead of short human-readable lines', false)
    .addOption(
      new Option('--log-level <level>', 'least severe level logged (info logs every request)')
        .choices(['debug', 'info', 'warn', 'error'])
        .default('info'),
    )
    .option(
      '--ingress-class <name>',
      "serve only MicroStax's Ingresses (label app.kubernetes.io/managed-by=microstax) of this IngressClass",
      DEFAULT_INGRESS_CLASS,
    )
    .option(
      '--own-host <name...>',
      'host names on which health and metrics answer, besides IP addresses and localhost',
      [],
    )
    .addOption(
      new Option('--idle-timeout <duration>', 'drop a backend connection idle this long')
        .default(60_000, '60s')
        .argParser(durationMs),
    )
    .option('--no-metrics', `do not serve Prometheus metrics at /__microstax/metrics`)
    .option('--no-activity', "do not record environments' use for the idle sweep")
    .addOption(
      new Option(
        '--activity-flush-every <duration>',
        "how often environments' use is written to the database",
      )
        .default(5_000, '5s')
        .argParser(durationMs),
    )
    .option(
      '--tls-cert <file>',
      'serve HTTPS with this PEM certificate chain, re-read when it changes (default: MICROSTAX_GATEWAY_TLS_CERT_FILE)',
    )
    .option('--tls-key <file>', "the certificate's PEM private key (default: MICROSTAX_GATEWAY_TLS_KEY_FILE)")
    .addOption(
      new Option(
        '--http-redirect-port <port>',
        'with TLS, also listen for plain HTTP here and redirect to HTTPS (default: MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT)',
      ).argParser(port),
    )
    .option('--no-wake', 'answer requests to sleeping environments 503 instead of waking them')
    .option(
      '--no-pod-endpoints',
      "connect to Services' ClusterIPs (through kube-proxy) instead of their ready pods: for a gateway that cannot reach pod addresses",
    )
    .addOption(
      new Option(
        '--wake-timeout <duration>',
        'how long a request to a sleeping environment waits for it to wake',
      )
        .default(60_000, '60s')
        .argParser(durationMs),
    )
    .addOption(
      new Option(
        '--max-held <n>',
        'how many requests may wait for wakes at once (more get 503 + Retry-After)',
      )
        .default(256)
        .argParser(positiveInteger),
    )
    .addHelpText(
      'after',
      `
Only Ingresses of the --ingress-class labelled app.kubernetes.io/managed-by=microstax are served,
and only their rules with a host (never default backends). Every path under /__microstax/ belongs
to the gateway: ${HEALTH_PATH} (JSON: ok or degraded) and /__microstax/metrics (Prometheus), on
IP-address hosts, localhost and --own-host names only (404 on environment hosts). Unknown hosts get
404, unreachable services 502; responses carry x-microstax-routed-to: <environment>. Requests go to
a ready pod of the Service (its EndpointSlices), else to its ClusterIP.

A request to a sleeping environment wakes it (the wake update of its Temporal workflow, once however
many requests arrive) and waits until its service answers, then is forwarded. Past --wake-timeout,
browsers get a "waking up" page that reloads itself, other clients 503 with Retry-After. Temporal is
TEMPORAL_ADDRESS, else the local stack's; when it cannot be reached, such requests get 503 at once.

With --tls-cert and --tls-key the gateway serves HTTPS (share cookies are then Secure). The files
are checked every 10 s and a new valid pair is served without a restart (a Secret that cert-manager
renews); a pair that does not load is logged and the last good one stays.

Examples:
  microstax gateway                          # the local stack's cluster, port 18081
  curl -H 'Host: api.checkout-dev.microstax.localhost' http://127.0.0.1:18081/
  curl -H 'baggage: microstax-env=pr-42' http://api.main.microstax.localhost:18081/   # the branch's copy
`,
    )
    .action(async (options: GatewayOptions) => {
      process.exitCode = await runGateway(options);
    });
}
