import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { ApiClient } from '../../api/client.js';
import { IDLE_ACTIONS, type IdleAction } from '../../workflows/idle-actions.js';
import type { PolicyCheckBody, PolicyHistoryBody, PolicyViewBody } from '../api-types.js';
import { CliError } from '../cli-error.js';
import { clientSettings } from '../contexts.js';
import { reportError } from '../error-report.js';
import { ExitCode } from '../exit-codes.js';
import { parseLabel } from '../label-option.js';
import { addOutputOptions, type OutputOptions, outputFormat, printResult } from '../output.js';
import { blueprintBody } from './env-apply.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

interface ScopeOptions extends OutputOptions {
  team?: string;
  company: boolean;
}

/** The API path of the scope `--team T` or `--company` names; exactly one is required. */
function scopePath(opts: ScopeOptions): string {
  if (opts.company === Boolean(opts.team)) {
    throw new CliError({
      type: 'usage',
      message: 'name the policy: --team TEAM or --company',
      field: 'team',
      exitCode: ExitCode.Usage,
    });
  }
  return opts.company ? '/v1/policies/company' : `/v1/policies/teams/${encodeURIComponent(opts.team!)}`;
}

function addScopeOptions(command: Command): Command {
  return addOutputOptions(
    command.option('--team <id>', "a team's policy").option('--company', 'the company policy', false),
  );
}

async function client(): Promise<ApiClient> {
  return new ApiClient(await clientSettings());
}

function describePolicy(policy: PolicyViewBody): string {
  const scope = policy.team ? `team ${policy.team}` : 'company';
  if (policy.version === 0) return `${scope}: no policy set`;
  const body = JSON.stringify(policy.policy, null, 2);
  return `${scope} policy v${policy.version}, set by ${policy.changedBy} at ${policy.changedAt}\n${body}`;
}

function describeCheck(result: PolicyCheckBody): string {
  const lines = [
    `${result.allowed ? 'allowed' : 'refused'}: ${result.action} in team ${result.team} (${result.resources.cpu} CPU, ${result.resources.memory} memory, ${result.resources.storage} storage)`,
  ];
  for (const v of result.violations) {
    lines.push(`  ${v.layer} ${v.policy}: asked ${v.requested}, limit ${v.limit}`);
    lines.push(`    ${v.message}`);
  }
  for (const [key, value] of Object.entries(result.defaults)) lines.push(`  default ${key}: ${value}`);
  return lines.join('\n');
}

const run =
  <A extends unknown[]>(options: (args: A) => Partial<OutputOptions>, work: (...args: A) => Promise<void>) =>
  async (...args: A) => {
    try {
      await work(...args);
    } catch (error) {
      process.exitCode = await reportError(error, outputFormat(options(args)));
    }
  };

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number >= 0');
  return n;
};

/**
 * `microstax policy get|set|history|check`: the company's and teams' policies through the API. Members
 * read; team admins set their team's, admins any team's and the company's.
 */
export function register(program: Command): void {
  const policy = program
    .command('policy')
    .description(
      'policies: limits and defaults for environments, per company and team (get, set, history, check)',
    )
    .addHelpText(
      'after',
      `
A policy document (YAML or JSON) has optional sections: environments {maxPerTeam, maxPerUser},
resources {perEnvironment, perTeam: {cpu, memory, storage}}, ttl {default, max}, idle {action, after},
images {allowed: [globs]}, labels {required: [keys]}, baselines {allowed: [globs]}, urls {public: false},
overlay (an overlay's YAML text, applied to every create). See README "Policies".`,
    );

  addScopeOptions(policy.command('get').description("print the company's or a team's current policy")).action(
    run(
      ([opts]) => opts,
      async (opts: ScopeOptions) => {
        const path = scopePath(opts);
        const { body } = await (await client()).request<PolicyViewBody>({ method: 'GET', path });
        await printResult(outputFormat(opts), {
          document: { ok: true, ...body },
          table: () => describePolicy(body),
          names: () => [String(body.version)],
        });
      },
    ),
  );

  addScopeOptions(
    policy
      .command('set')
      .description('store a new version of a policy (team admins: their team; admins: any team, the company)')
      .requiredOption('-f, --file <policy>', 'the policy document, YAML or JSON')
      .option(
        '--expected-version <n>',
        'only if the current version is this one (0: none yet); else exit 1',
        positiveInt,
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  microstax policy set --team payments -f payments-policy.yaml --expected-version 3 -o json',
    )
    .action(
      run(
        ([opts]) => opts,
        async (opts: ScopeOptions & { file: string; expectedVersion?: number }) => {
          const path = scopePath(opts);
          let document: unknown;
          try {
            document = parseYaml(await readFile(opts.file, 'utf8'));
          } catch (error) {
            throw new CliError({
              type: 'invalid-input',
              message: `${opts.file}: ${(error as Error).message.split('\n')[0]}`,
              field: 'file',
            });
          }
          const { body } = await (await client()).request<PolicyViewBody>({
            method: 'PUT',
            path,
            body: {
              policy: document ?? {},
              ...(opts.expectedVersion === undefined ? {} : { expectedVersion: opts.expectedVersion }),
            },
          });
          await printResult(outputFormat(opts), {
            document: { ok: true, ...body },
            table: () => describePolicy(body),
            names: () => [String(body.version)],
          });
        },
      ),
    );

  addScopeOptions(
    policy
      .command('history')
      .description('every version of a policy, newest first: who set it, when, and which sections changed')
      .option('--limit <n>', 'at most this many versions', positiveInt, 50),
  ).action(
    run(
      ([opts]) => opts,
      async (opts: ScopeOptions & { limit: number }) => {
        const path = `${scopePath(opts)}/history?limit=${opts.limit}`;
        const { body } = await (await client()).request<PolicyHistoryBody>({ method: 'GET', path });
        await printResult(outputFormat(opts), {
          document: { ok: true, ...body },
          table: () =>
            body.items
              .map(
                (v) =>
                  `v${v.version}  ${v.changedAt}  ${v.changedBy}  changed: ${v.changed.join(', ') || '-'}`,
              )
              .join('\n') || 'no versions',
          names: () => body.items.map((v) => String(v.version)),
        });
      },
    ),
  );

  addOutputOptions(
    addBlueprintInputOptions(
      policy
        .command('check')
        .description(
          'the verdict a create (or, with --name, an apply) of this blueprint would get; nothing is created',
        )
        .requiredOption('-f, --file <blueprint>', 'blueprint file')
        .option('--name <name>', 'check as env apply --name would (an update when it exists)')
        .option('--branch-of <env>', 'as a branch of this environment')
        .option('--ttl <duration>', 'the ttl the create would ask for')
        .option('--idle-after <duration>', 'the idleAfter the create would ask for')
        .addOption(new Option('--idle <action>', 'the idle action').choices(IDLE_ACTIONS))
        .addOption(new Option('--label <K=V>', 'a label; repeatable').argParser(parseLabel).default({}))
        .option('--team <id>', 'for another team (admins)'),
    ),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 allowed, 1 refused (each rule broken is printed) or failed, 2 usage.',
    )
    .action(
      run(
        ([opts]) => opts,
        async (
          opts: BlueprintInputOptions &
            OutputOptions & {
              file: string;
              name?: string;
              branchOf?: string;
              ttl?: string;
              idleAfter?: string;
              idle?: IdleAction;
              label: Record<string, string>;
              team?: string;
            },
        ) => {
          const format = outputFormat(opts);
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
          const { body } = await (await client()).request<PolicyCheckBody>({
            method: 'POST',
            path: '/v1/policies/check',
            body: {
              ...local.body,
              ...(opts.name ? { name: opts.name } : {}),
              ...(opts.branchOf ? { branchOf: opts.branchOf } : {}),
              ...(opts.ttl ? { ttl: opts.ttl } : {}),
              ...(opts.idleAfter ? { idleAfter: opts.idleAfter } : {}),
              ...(opts.idle ? { idle: opts.idle } : {}),
              ...(Object.keys(opts.label).length ? { labels: opts.label } : {}),
              ...(opts.team ? { team: opts.team } : {}),
            },
          });
          if (!body.allowed) process.exitCode = ExitCode.Failure;
          const { blueprint: _blueprint, provenance: _provenance, ...verdict } = body;
          await printResult(format, {
            document: { ok: body.allowed, ...body },
            table: () => describeCheck(body),
            names: () => verdict.violations.map((v) => `${v.layer}:${v.policy}`),
          });
        },
      ),
    );
}
