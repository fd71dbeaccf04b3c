import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { ApiClient, ApiClientError, loadClientSettings } from '../../api/client.js';
import type { ApplyResponse } from '../../api/schemas/apply.js';
import { labelKeyProblem, labelValueProblem } from '../../api/schemas/apply.js';
import { resolveBlueprintFile } from '../../blueprints/resolve.js';
import { parseDuration } from '../../workflows/duration.js';
import { IDLE_ACTIONS, type IdleAction } from '../../workflows/idle-actions.js';
import { ExitCode } from '../exit-codes.js';
import { type EnvironmentBody, FINISHED_PHASES, follow } from './env.js';
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
  timeout?: string;
  output: 'text' | 'json';
  json: boolean;
}

/** `--label K=V`, checked against Kubernetes' label rules before anything is sent. */
function parseLabel(pair: string, previous: Record<string, string>): Record<string, string> {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`"${pair}" is not KEY=VALUE`);
  const key = pair.slice(0, eq);
  const value = pair.slice(eq + 1);
  const problem = labelKeyProblem(key) ?? labelValueProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  return { ...previous, [key]: value };
}

function parseTimeout(text: string): string {
  if (parseDuration(text) === undefined)
    throw new InvalidArgumentError(`"${text}" is not a duration such as 90s or 5m`);
  return text;
}

/** The blueprint file, its init scripts and overlays as the API takes them; problems found locally stop here. */
async function blueprintBody(opts: ApplyOptions) {
  const local = await resolveBlueprintFile({
    file: opts.file,
    overlays: opts.overlay,
    context: opts.context,
  });
  if (!local.ok) return { ok: false as const, problems: local.problems };
  const scripts: Record<string, string> = {};
  for (const service of local.blueprint.services)
    for (const step of service.init) scripts[step.script] = step.content;
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

/** Follows the environment until ready again (or finished), giving up after `timeout`. */
async function waitForApply(
  api: ApiClient,
  id: string,
  timeout: string | undefined,
): Promise<EnvironmentBody> {
  const following = follow(api, id, (phase) => phase === 'ready' || FINISHED_PHASES.has(phase));
  if (!timeout) return following;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new ApiClientError(0, 'timeout', `${id} was not ready within ${timeout} (the apply goes on)`)),
      parseDuration(timeout),
    );
  });
  try {
    return await Promise.race([following, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `microstax env apply -f BLUEPRINT --name NAME ...`: creates the environment of that name, or updates
 * it in place (same id and URLs; only changed services are re-applied), printing the plan of the change.
 */
export function register(program: Command): void {
  const env = program.commands.find((c) => c.name() === 'env');
  if (!env) throw new Error('register the env command before env apply');
  addBlueprintInputOptions(
    env
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
      .option(
        '--idle-after <duration>',
        'on create: the idle action applies after this long without activity',
      )
      .addOption(
        new Option('--idle <action>', 'on create: teardown or sleep once idle').choices(IDLE_ACTIONS),
      )
      .option('--wait', 'follow progress until the environment is ready (exit 1 if it fails)', false)
      .addOption(
        new Option('--timeout <duration>', 'with --wait: give up after this long (exit 1)').argParser(
          parseTimeout,
        ),
      )
      .addOption(
        new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'),
      )
      .option('--json', 'print JSON (same as -o json)', false),
  )
    .addHelpText(
      'after',
      '\nExample:\n  microstax env apply -f checkout-dev.yaml --name pr-42 --set api.image=ghcr.io/acme/checkout-api:2.0 --label pr=42 --wait -o json',
    )
    .action(async (opts: ApplyOptions) => {
      const json = opts.json || opts.output === 'json';
      try {
        const local = await blueprintBody(opts);
        if (!local.ok) {
          printProblems(local.problems);
          if (json)
            process.stdout.write(`${JSON.stringify({ ok: false, problems: local.problems }, null, 2)}\n`);
          process.exitCode = ExitCode.Failure;
          return;
        }
        const api = new ApiClient(await loadClientSettings());
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
        if (!json) process.stderr.write(`${describePlan(applied)}\n`);
        let environment: EnvironmentBody = applied.environment;
        if (opts.wait) {
          environment = await waitForApply(api, environment.id, opts.timeout);
          if (environment.phase !== 'ready' || environment.error) process.exitCode = ExitCode.Failure;
        }
        const ok = process.exitCode !== ExitCode.Failure;
        if (json) {
          const result = {
            ok,
            created: applied.created,
            id: environment.id,
            name: opts.name,
            urls: environment.urls,
          };
          process.stdout.write(
            `${JSON.stringify({ ...result, environment, plan: applied.plan }, null, 2)}\n`,
          );
        } else process.stdout.write(`${describeResult(environment)}\n`);
      } catch (error) {
        if (!(error instanceof ApiClientError)) throw error;
        if (json) {
          const body = {
            ok: false,
            error: { status: error.status, code: error.code, message: error.message, field: error.field },
          };
          process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
        }
        process.stderr.write(
          `microstax: ${error.message}${error.field ? ` [${error.field}]` : ''} (${error.code})\n`,
        );
        process.exitCode = ExitCode.Failure;
      }
    });
}
