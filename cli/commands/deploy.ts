import { dumpYaml, type KubernetesObject } from '@kubernetes/client-node';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { resolveBlueprintFile } from '../../blueprints/resolve.js';
import { loadDeployConfig } from '../../deploy/config.js';
import { deployEnvironment } from '../../deploy/deploy-environment.js';
import { KubeClient } from '../../deploy/kube-client.js';
import { renderEnvironment } from '../../deploy/manifests/render.js';
import { getEnvironmentStatus } from '../../deploy/status.js';
import { teardownEnvironment } from '../../deploy/teardown.js';
import type { EnvironmentStatus } from '../../deploy/types.js';
import { useLocalStackSettings } from '../../local/stack/process-settings.js';
import { reportError } from '../error-report.js';
import { ExitCode } from '../exit-codes.js';
import { addOutputOptions, type OutputOptions, outputFormat, printResult } from '../output.js';
import { progress } from '../progress.js';
import { parseTimeout } from '../wait.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

const REDACTED = Buffer.from('<redacted>').toString('base64');

/** The cluster: KUBECONFIG when set (the local stack is not even looked at), else the local stack's. */
async function kubeClient(): Promise<KubeClient> {
  if (!process.env.KUBECONFIG) await useLocalStackSettings();
  return KubeClient.fromEnvironment();
}

/** Secret values are replaced unless asked for: output ends up in terminals, logs and CI. */
function redactSecrets(objects: KubernetesObject[], showSecrets: boolean): KubernetesObject[] {
  if (showSecrets) return objects;
  return objects.map((o) => {
    if (o.kind !== 'Secret') return o;
    const data = (o as { data?: Record<string, string> }).data ?? {};
    return {
      ...o,
      data: Object.fromEntries(Object.keys(data).map((k) => [k, REDACTED])),
    } as KubernetesObject;
  });
}

/** Reports a failure the one way every command does (see cli/error-report.ts); returns exit code 1. */
function fail(error: unknown, options: Partial<OutputOptions>): Promise<number> {
  return reportError(error, outputFormat(options));
}

function formatStatus(status: EnvironmentStatus): string {
  const lines = [`${status.environmentId} (namespace ${status.namespace}): ${status.phase}`];
  for (const s of status.services) lines.push(`  ${s.service.padEnd(20)} ${s.phase.padEnd(12)} ${s.detail}`);
  for (const r of status.reused) lines.push(`  ${r.service.padEnd(20)} ${'reused'.padEnd(12)} ${r.target}`);
  for (const j of status.initJobs) {
    lines.push(`  init ${j.job}: ${j.phase}${j.reason ? ` (${j.reason}: ${j.message})` : ''}`);
  }
  for (const [service, urls] of Object.entries(status.urls))
    lines.push(`  url ${service}: ${urls.join(' ')}`);
  return lines.join('\n');
}

/** Registers `microstax deploy manifests|up|status|down`: the deploy layer without the control plane. */
export function register(program: Command): void {
  const deploy = program
    .command('deploy')
    .description('Deploy a blueprint straight to Kubernetes, inspect or remove it (no control plane needed)');

  addBlueprintInputOptions(
    deploy
      .command('manifests')
      .description(
        'Print the Kubernetes objects an environment of this blueprint is made of (YAML, kubectl-ready)',
      )
      .argument('<file>', 'blueprint file')
      .requiredOption('--env <id>', 'environment id (names the namespace msx-<id>)')
      .option('--json', 'print a JSON array instead of YAML', false)
      .option('--show-secrets', 'print Secret values (they are redacted by default)', false),
  ).action(
    async (
      file: string,
      opts: BlueprintInputOptions & { env: string; json: boolean; showSecrets: boolean },
    ) => {
      const resolved = await resolveBlueprintFile({ file, overlays: opts.overlay, context: opts.context });
      if (!resolved.ok) {
        printProblems(resolved.problems);
        process.exitCode = ExitCode.Failure;
        return;
      }
      try {
        const rendered = renderEnvironment({
          environment: { id: opts.env },
          blueprint: resolved.blueprint,
          config: loadDeployConfig(),
          volumeProvisioning: 'dynamic',
        });
        const objects = redactSecrets(rendered.objects, opts.showSecrets);
        process.stdout.write(
          opts.json
            ? // dumpYaml maps client-node's field names (`_from`, `_default`) back to the API's.
              `${JSON.stringify(
                objects.map((o) => parse(dumpYaml(o))),
                null,
                2,
              )}\n`
            : objects.map((o) => dumpYaml(o)).join('---\n'),
        );
      } catch (error) {
        process.exitCode = await fail(error, opts);
      }
    },
  );

  addOutputOptions(
    addBlueprintInputOptions(
      deploy
        .command('up')
        .description('Deploy an environment of this blueprint and wait until every service is ready')
        .argument('<file>', 'blueprint file')
        .requiredOption('--env <id>', 'environment id (names the namespace msx-<id>)')
        .option('--owner <owner>', 'owner label')
        .option('--team <team>', 'team label')
        .option(
          '--timeout <duration>',
          'give up waiting for ready after this long (default 10m)',
          parseTimeout,
        ),
    ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  microstax deploy up blueprints/examples/checkout-dev/checkout-dev.yaml --env ana-dev',
    )
    .action(
      async (
        file: string,
        opts: BlueprintInputOptions &
          OutputOptions & { env: string; owner?: string; team?: string; timeout?: number },
      ) => {
        const resolved = await resolveBlueprintFile({ file, overlays: opts.overlay, context: opts.context });
        if (!resolved.ok) {
          printProblems(resolved.problems);
          process.exitCode = ExitCode.Failure;
          return;
        }
        try {
          const result = await deployEnvironment({
            kube: await kubeClient(),
            environment: { id: opts.env, owner: opts.owner, team: opts.team },
            blueprint: resolved.blueprint,
            config: {
              ...loadDeployConfig(),
              ...(opts.timeout ? { readyTimeoutMs: opts.timeout } : {}),
            },
            onProgress: (p) =>
              progress(
                `[${p.readyCount}/${p.total}] ${p.changed.service}: ${p.changed.phase} (${p.changed.detail})`,
              ),
          });
          await printResult(outputFormat(opts), {
            document: { ok: true, ...result },
            table: () =>
              [
                `${result.environmentId} ready in ${(result.durationMs / 1000).toFixed(1)}s`,
                ...Object.entries(result.urls).map(([service, urls]) => `  ${service}: ${urls.join(' ')}`),
              ].join('\n'),
            names: () => [result.environmentId],
          });
        } catch (error) {
          process.exitCode = await fail(error, opts);
        }
      },
    );

  addOutputOptions(
    deploy
      .command('status')
      .description('Show where an environment stands: services, causes of failure, init jobs, URLs')
      .argument('<id>', 'environment id'),
  ).action(async (id: string, opts: OutputOptions) => {
    try {
      const status = await getEnvironmentStatus({
        kube: await kubeClient(),
        environmentId: id,
        config: loadDeployConfig(),
      });
      await printResult(outputFormat(opts), {
        document: status,
        table: () => formatStatus(status),
        names: () => [status.environmentId],
      });
    } catch (error) {
      process.exitCode = await fail(error, opts);
    }
  });

  addOutputOptions(
    deploy
      .command('down')
      .description('Delete an environment and wait until it is gone (safe to repeat)')
      .argument('<id>', 'environment id')
      .option('--timeout <duration>', 'give up waiting for it to be gone after this long', parseTimeout),
  ).action(async (id: string, opts: OutputOptions & { timeout?: number }) => {
    try {
      const result = await teardownEnvironment({
        kube: await kubeClient(),
        environmentId: id,
        config: loadDeployConfig(),
      });
      await printResult(outputFormat(opts), {
        document: { ok: true, ...result },
        table: () => `${id}: ${result.deleted ? 'deleted' : 'nothing to delete'}`,
        names: () => [id],
      });
    } catch (error) {
      process.exitCode = await fail(error, opts);
    }
  });
}
