import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { ApiClient } from '../../api/client.js';
import type { ApplyResponse } from '../../api/schemas/apply.js';
import { resolveBlueprintFile } from '../../blueprints/resolve.js';
import { IDLE_ACTIONS, type IdleAction } from '../../workflows/idle-actions.js';
import { CliError } from '../cli-error.js';
import { clientSettings } from '../contexts.js';
import { reportError } from '../error-report.js';
import { ExitCode } from '../exit-codes.js';
import { parseLabel } from '../label-option.js';
import { addOutputOptions, type OutputFormat, outputFormat, printResult } from '../output.js';
import { progress } from '../progress.js';
import { addTimeoutOption, followEnvironment } from '../wait.js';
import { type EnvironmentBody, FINISHED_PHASES } from './env.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

type Applied = z.infer<typeof ApplyResponse>;

interface ApplyOptions extends BlueprintInputOptions {
  file: string;
  name: string;
  branchOf?: string;
  set: string[];
  label: Record<string, string>;
  ttl?: string;
  idleAfter?: string;
  idle?: IdleAction;
  wait: boolean;
  /** Milliseconds (addTimeoutOption). */
  timeout: number;
  output: OutputFormat;
  json: boolean;
}

/** The blueprint file, its init scripts and overlays as the API takes them; problems found locally stop here. */
export async function blueprintBody(opts: { file: string } & BlueprintInputOptions) {
  const local = await resolveBlueprintFile({
    file: opts.file,
    overlays: opts.overlay,
    context: opts.context,
  });
  if (!local.ok) return { ok: false as const, problems: local.problems };
  const scripts: Record<string, string> = {};
  for (const service of local.blueprint.services)
    for (const step of service.init) if (step.type === 'sql') scripts[step.script] = step.content;
  const overlays = await Promise.all(
    opts.overlay.map(async (file) => ({ fileName: basename(file), source: await readFile(file, 'utf8') })),
  );
  return {
    ok: true as const,
    body: {
      blueprint: { source: await readFile(opts.file, 'utf8'), fileName: basename(opts.file), scripts },
      ...(overlays.length ? { overlays } : {}),
      ...(Object.keys(opts.context).length ? { context: opts.context } : {}),
    },
  };
}

function describePlan(applied: Applied): string {
  const env = applied.environment;
  const lines = [
    `${applied.created ? 'created' : 'updating'} ${env.id} (${env.name ?? '-'}) ${env.phase}`,
    ...applied.plan.services.map(
      (s) => `  ${s.name.padEnd(24)} ${s.change.padEnd(10)} ${s.reasons.join('; ')}`,
    ),
  ];
  const { labels } = applied.plan;
  for (const [what, keys] of Object.entries(labels))
    if (keys.length) lines.push(`  labels ${what}: ${keys.join(', ')}`);
  return lines.join('\n');
}

function describeResult(env: EnvironmentBody): string {
  const lines = [`${env.id}  ${env.phase}`];
  for (const [service, url] of Object.entries(env.urls)) lines.push(`  url ${service}: ${url}`);
  if (env.error) lines.push(`  error ${env.error.type}: ${env.error.message}`);
  return lines.join('\n');
}

/**
 * `microstax env apply -f BLUEPRINT --name NAME ...`: creates the environment of that name, or updates
 * it in place (same id and URLs; only changed services are re-applied), printing the plan of the change.
 */
export function register(program: Command): void {
  const env = program.commands.find((c) => c.name() === 'env');
  if (!env) throw new Error('register the env command before env apply');
  const apply = env
    .command('apply')
    .description(
      'create the environment of this name, or update it in place (only what changed is re-applied)',
    )
    .requiredOption('-f, --file <blueprint>', 'blueprint file')
    .requiredOption('--name <name>', 'environment name, unique in your team, e.g. pr-42')
    .option('--branch-of <env>', 'on create: make a branch of this environment (id or name)')
    .addOption(
      new Option('--set <SERVICE.image=REF|SERVICE.env.KEY=VALUE>', 'change the blueprint; repeatable')
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([]),
    )
    .addOption(
      new Option('--label <K=V>', 'label the environment (replaces its labels); repeatable')
        .argParser(parseLabel)
        .default({}),
    )
    .option('--ttl <duration>', 'on create: delete after this long, e.g. 24h')
    .option('--idle-after <duration>', 'on create: the idle action applies after this long without activity')
    .addOption(new Option('--idle <action>', 'on create: teardown or sleep once idle').choices(IDLE_ACTIONS))
    .option('--wait', 'follow progress until the environment is ready (exit 1 if it fails)', false);
  addOutputOptions(addTimeoutOption(addBlueprintInputOptions(apply), '--wait'))
    .addHelpText(
      'after',
      '\nExample:\n  microstax env apply -f checkout-dev.yaml --name pr-42 --set api.image=ghcr.io/acme/checkout-api:2.0 --label pr=42 --wait -o json',
    )
    .action(async (opts: ApplyOptions) => {
      const format = outputFormat(opts);
      try {
        const local = await blueprintBody(opts);
        if (!local.ok) {
          printProblems(local.problems);
          const error = new CliError({
            type: 'invalid-input',
            message: `${opts.file} is not a valid blueprint (${local.problems.length} problem(s) above); nothing was sent`,
            field: 'file',
          });
          process.exitCode = await reportError(error, format, { problems: local.problems });
          return;
        }
        const api = new ApiClient(await clientSettings());
        const { body: applied } = await api.request<Applied>({
          method: 'POST',
          path: '/v1/environments/apply',
          body: {
            ...local.body,
            name: opts.name,
            ...(opts.set.length ? { set: opts.set } : {}),
            ...(Object.keys(opts.label).length ? { labels: opts.label } : {}),
            ...(opts.branchOf ? { branchOf: opts.branchOf } : {}),
            ...(opts.ttl ? { ttl: opts.ttl } : {}),
            ...(opts.idleAfter ? { idleAfter: opts.idleAfter } : {}),
            ...(opts.idle ? { idle: opts.idle } : {}),
          },
        });
        progress(describePlan(applied));
        let environment: EnvironmentBody = applied.environment;
        if (opts.wait) {
          environment = await followEnvironment({
            api,
            id: environment.id,
            until: (phase) => phase === 'ready' || FINISHED_PHASES.has(phase),
            timeoutMs: opts.timeout,
            goal: 'ready',
          });
          if (environment.phase !== 'ready' || environment.error) process.exitCode = ExitCode.Failure;
        }
        const ok = process.exitCode !== ExitCode.Failure;
        await printResult(format, {
          document: {
            ok,
            created: applied.created,
            id: environment.id,
            name: opts.name,
            urls: environment.urls,
            environment,
            plan: applied.plan,
          },
          table: () => describeResult(environment),
          names: () => [environment.id],
        });
      } catch (error) {
        process.exitCode = await reportError(error, format);
      }
    });
}
