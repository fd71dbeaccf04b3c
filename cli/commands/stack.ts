import type { Command } from 'commander';
import { resolveStackConfig } from '../../local/stack/config.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { StackError } from '../../local/stack/errors.js';
import { redactUrl } from '../../local/stack/postgres.js';
import { lineProgress } from '../../local/stack/progress.js';
import { type StackStatus, stackDown, stackStatus, stackUp } from '../../local/stack/stack.js';
import { ExitCode } from '../exit-codes.js';

/** Prints a stack failure (what failed, its log, the fix) and returns the failure exit code. */
export function reportStackError(error: unknown, json: boolean): number {
  if (!(error instanceof StackError)) throw error;
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: error.toJSON() }, null, 2)}\n`);
  process.stderr.write(`microstax: ${error.message}\n`);
  return ExitCode.Failure;
}

function formatStatus(status: StackStatus): string {
  const lines = [`stack state: ${status.stateDir}`];
  for (const part of status.parts) {
    const health = part.healthy ? 'healthy' : `UNHEALTHY: ${part.problem}`;
    lines.push(`${part.part.padEnd(11)} ${(part.version ?? '-').padEnd(8)} ${health}`);
    if (part.endpoint) lines.push(`            ${part.external ? 'external ' : ''}${part.endpoint}`);
    for (const process of part.processes) {
      lines.push(
        `            ${process.name} pid ${process.pid} ${process.running ? 'running' : 'NOT running'}, log ${process.logFile}`,
      );
    }
  }
  const control = status.controlPlane;
  if (control.processes.length > 0) {
    const health = control.healthy ? 'healthy' : `UNHEALTHY: ${control.problem}`;
    lines.push(`${'control'.padEnd(11)} ${'-'.padEnd(8)} ${health}`);
    if (control.apiUrl) lines.push(`            API ${control.apiUrl} (docs ${control.apiUrl}/docs)`);
    for (const process of control.processes) {
      lines.push(
        `            ${process.name} pid ${process.pid} ${process.running ? 'running' : 'NOT running'}, log ${process.logFile}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `microstax stack up | down | status | env`: the local Temporal, Postgres and Kubernetes. */
export function register(program: Command): void {
  const stack = program
    .command('stack')
    .description(
      'the local stack: Temporal dev server, Postgres and a Kubernetes cluster with simulated nodes',
    )
    .addHelpText(
      'after',
      `
State (data, logs, kubeconfig) lives in <repo>/.microstax/stack (MICROSTAX_STATE_DIR); binaries are built
once from pinned Go modules into ~/.cache/microstax/bin (MICROSTAX_CACHE_DIR). DATABASE_URL and KUBECONFIG
point the stack at your own Postgres or cluster instead. MICROSTAX_STACK_PORT_OFFSET shifts every port.`,
    );

  stack
    .command('up')
    .description('start every part that is not running and healthy (idempotent); builds missing binaries')
    .option(
      '--real-nodes',
      'also run a real node (containerd, kubelet, kube-proxy, CoreDNS, local registry, ingress gateway) so environments really serve traffic; kept by later `up`s',
    )
    .option('--json', 'print the endpoints as JSON on stdout')
    .action(async (opts: { json?: boolean; realNodes?: boolean }) => {
      try {
        const started = Date.now();
        const result = await stackUp({ progress: lineProgress(), realNodes: Boolean(opts.realNodes) });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ok: true, changed: result.changed, endpoints: result.endpoints }, null, 2)}\n`,
          );
        } else {
          const { endpoints } = result;
          process.stdout.write(
            [
              result.changed.length === 0
                ? 'stack already up; nothing changed'
                : `stack up (${result.changed.join(', ')} started) in ${seconds}s`,
              `  Temporal     ${endpoints.temporal.address} (namespace ${endpoints.temporal.namespace})`,
              `  Temporal UI  ${endpoints.temporal.uiUrl}`,
              `  Postgres     ${redactUrl(endpoints.databaseUrl)}`,
              `  Kubernetes   KUBECONFIG=${endpoints.kubeconfigPath}`,
              ...(endpoints.objectStore
                ? [
                    `  Objects      ${endpoints.objectStore.endpoint} (S3, bucket ${endpoints.objectStore.bucket})`,
                  ]
                : []),
              ...(endpoints.realNode
                ? [
                    `  Real node    ${endpoints.realNode.nodeName} (images from ${endpoints.realNode.registry})`,
                    ...(endpoints.realNode.gatewayUrl
                      ? [`  Ingress      ${endpoints.realNode.gatewayUrl}`]
                      : []),
                  ]
                : []),
              '',
            ].join('\n'),
          );
        }
      } catch (error) {
        process.exitCode = reportStackError(error, Boolean(opts.json));
      }
    });

  stack
    .command('down')
    .description('stop exactly the processes `stack up` started; data is kept unless --purge')
    .option('--purge', "also delete the stack's data (Temporal history, Postgres, etcd, certificates, logs)")
    .option('--json', 'print what was stopped as JSON')
    .action(async (opts: { purge?: boolean; json?: boolean }) => {
      try {
        const result = await stackDown({ purge: Boolean(opts.purge), progress: lineProgress() });
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ok: true, purged: result.purged, stopped: result.stopped.map(({ name, pid }) => ({ name, pid })) }, null, 2)}\n`,
          );
        } else {
          process.stdout.write(
            `stack down: ${result.stopped.length} process(es) stopped${result.purged ? ', data removed' : ', data kept'}\n`,
          );
        }
      } catch (error) {
        process.exitCode = reportStackError(error, Boolean(opts.json));
      }
    });

  stack
    .command('status')
    .description("each part's version, endpoint, processes and live health; exit code 1 when not all healthy")
    .option('--json', 'print the status as JSON')
    .action(async (opts: { json?: boolean }) => {
      const status = await stackStatus();
      process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
      process.exitCode = status.up ? ExitCode.Ok : ExitCode.Failure;
    });

  stack
    .command('env')
    .description('print shell exports for the running stack: eval "$(microstax stack env)"')
    .option('--json', 'print the endpoints as JSON')
    .action(async (opts: { json?: boolean }) => {
      try {
        const endpoints = await readStackEndpoints();
        const config = resolveStackConfig();
        // A URL with a password is the user's own DATABASE_URL, already in their environment: never print it.
        const hasPassword = redactUrl(endpoints.databaseUrl) !== endpoints.databaseUrl;
        const exports = {
          TEMPORAL_ADDRESS: endpoints.temporal.address,
          TEMPORAL_NAMESPACE: endpoints.temporal.namespace,
          ...(hasPassword ? {} : { DATABASE_URL: endpoints.databaseUrl }),
          KUBECONFIG: endpoints.kubeconfigPath,
          MICROSTAX_API_PORT: String(config.ports.api),
        };
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(exports, null, 2)}\n`
            : Object.entries(exports)
                .map(([name, value]) => `export ${name}='${value}'\n`)
                .join(''),
        );
      } catch (error) {
        process.exitCode = reportStackError(error, Boolean(opts.json));
      }
    });
}
