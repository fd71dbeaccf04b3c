import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ApiClient, ApiClientError } from '../../api/client.js';
import { IDLE_ACTIONS, type IdleAction } from '../../workflows/idle-actions.js';
import type {
  CreatedShareBody,
  EnvironmentBody,
  EnvironmentListBody,
  ExtendBody,
  ShareBody,
  SnapshotBody,
  TeardownBody,
  WorkflowsStartedBody,
} from '../api-types.js';
import { CliError } from '../cli-error.js';
import { clientSettings } from '../contexts.js';
import { reportError } from '../error-report.js';
import { ExitCode } from '../exit-codes.js';
import { parseLabel } from '../label-option.js';
import { addOutputOptions, isDocument, type OutputOptions, outputFormat, printResult } from '../output.js';
import { progress, startActivity } from '../progress.js';
import { serviceUrl } from '../service-url.js';
import { addTimeoutOption, DEFAULT_WAIT_TIMEOUT, followEnvironment } from '../wait.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

export type { EnvironmentBody };

const FINISHED = new Set(['deleted', 'failed']);

/** The API client of the current context. */
export async function client(): Promise<ApiClient> {
  return new ApiClient(await clientSettings());
}

/**
 * Runs an action that talks to the API; a failure prints one line (and, for -o json|yaml, the error
 * document) and sets exit code 1.
 */
export function act<A extends unknown[]>(
  options: (args: A) => Partial<OutputOptions>,
  run: (...args: A) => Promise<void>,
) {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = await reportError(error, outputFormat(options(args)));
    }
  };
}

/** A --tail count: 1 to 10000 lines, as the API allows. */
function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) {
    throw new InvalidArgumentError('a whole number of lines from 1 to 10000');
  }
  return value;
}

/** The environment's id as `-o name` prints it. */
const names =
  (...ids: string[]) =>
  () =>
    ids;

/** "  create 8.81 s: accepted 0.05 s, planned 0.01 s, ..." — where the last operation's time went. */
function describeTimings(timings: NonNullable<EnvironmentBody['timings']>): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const phases = timings.phases.map((p) => `${p.phase} ${s(p.ms)}`).join(', ');
  return `  ${timings.operation} took ${s(timings.totalMs)}: ${phases}`;
}

function describeEnvironment(env: EnvironmentBody): string {
  const lines = [
    `${env.id}${env.name ? ` (${env.name})` : ''}  ${env.phase}${env.blueprint ? `  ${env.blueprint.name} v${env.blueprint.version}` : ''}${env.owner ? `  owner ${env.owner} (${env.team})` : ''}`,
  ];
  if (env.parent) {
    const root = env.baseline && env.baseline !== env.parent ? ` (root ${env.baseline})` : '';
    lines.push(`  branch of ${env.parent}${root}`);
  }
  if (env.expiresAt) lines.push(`  expires ${env.expiresAt}`);
  const labels = Object.entries(env.labels ?? {});
  if (labels.length) lines.push(`  labels ${labels.map(([k, v]) => `${k}=${v}`).join(',')}`);
  if (env.costPerHour !== undefined && env.costPerHour !== null)
    lines.push(`  cost ${env.costPerHour.toFixed(4)}/h now`);
  if (env.cost) lines.push(`  cost so far ${describeCost(env.cost)}`);
  for (const s of env.services) {
    const replicas = s.replicas !== undefined ? ` ${s.readyReplicas ?? 0}/${s.replicas}` : '';
    const pools = Object.entries(s.pools ?? {})
      .map(([pool, pods]) => `${pool}x${pods}`)
      .join(',');
    lines.push(
      `  ${s.name.padEnd(24)} ${s.state.padEnd(10)}${s.action ? ` ${s.action}` : ''}${replicas}${pools ? `  on ${pools}` : ''}${s.message ? `  ${s.message}` : ''}`,
    );
  }
  for (const [service, url] of Object.entries(env.urls)) lines.push(`  url ${service}: ${url}`);
  if (env.error) lines.push(`  error ${env.error.type}: ${env.error.message}`);
  if (env.timings) lines.push(describeTimings(env.timings));
  return lines.join('\n');
}

/** "0.0123 (1.20 h running, 0.30 h asleep; saved 0.0040 by sleeping, 0.0100 by reuse)" */
export function describeCost(cost: NonNullable<EnvironmentBody['cost']>): string {
  const saved = [
    cost.savedBySleeping > 0 ? `${cost.savedBySleeping.toFixed(4)} by sleeping` : '',
    cost.savedByReuse > 0 ? `${cost.savedByReuse.toFixed(4)} by reuse` : '',
  ].filter(Boolean);
  return `${cost.accrued.toFixed(4)} (${cost.runningHours.toFixed(2)} h running, ${cost.asleepHours.toFixed(2)} h asleep${saved.length ? `; saved ${saved.join(', ')}` : ''})`;
}

/** Prints one environment in the format asked for (`ok` false when a wait did not get there). */
function printEnvironment(options: Partial<OutputOptions>, env: EnvironmentBody, ok = true): Promise<void> {
  return printResult(outputFormat(options), {
    document: { ok, environment: env },
    table: () => describeEnvironment(env),
    names: names(env.id),
  });
}

/**
 * Follows the environment's event stream until `until` says done (see followEnvironment), with the
 * default timeout. Kept for the demo.
 */
export function follow(
  api: ApiClient,
  id: string,
  until: (phase: string, env: EnvironmentBody) => boolean,
  timeoutMs = 15 * 60_000,
): Promise<EnvironmentBody> {
  return followEnvironment({ api, id, until, timeoutMs, goal: 'done' });
}

/** Phases after which an environment will not become ready any more. */
export const FINISHED_PHASES: ReadonlySet<string> = FINISHED;

/** Calls `create` and retries it (same Idempotency-Key) while the API is briefly unavailable. */
async function withRetries<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ApiClientError) || !error.retryable || attempt >= attempts) throw error;
      process.stderr.write(`microstax: ${error.message}; retrying (${attempt}/${attempts - 1})\n`);
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

export interface CreateEnvironmentParams {
  api: ApiClient;
  /** The blueprint file; its init scripts and overlays are sent along. */
  file: string;
  overlays: string[];
  context: Record<string, string>;
  branchOf?: string;
  /** Start the data services from this snapshot (id or name) of the team's. */
  fromSnapshot?: string;
  ttl?: string;
  idleAfter?: string;
  idle?: IdleAction;
  labels?: Record<string, string>;
  /** The same key finds the same environment: a repeated create replays the first one. */
  idempotencyKey: string;
}

/**
 * Resolves the blueprint locally (problems come back as FILE:LINE:COL and nothing is sent), then
 * creates the environment through the API, retrying with the same Idempotency-Key while the API is
 * briefly unavailable. Throws ApiClientError on API errors.
 */
export async function createEnvironment(
  params: CreateEnvironmentParams,
): Promise<
  | { ok: true; environment: EnvironmentBody; replayed: boolean }
  | { ok: false; problems: Parameters<typeof printProblems>[0] }
> {
  // Loaded here: the blueprint resolver is the heaviest module the env commands use.
  const { resolveBlueprintFile } = await import('../../blueprints/resolve.js');
  const local = await resolveBlueprintFile({
    file: params.file,
    overlays: params.overlays,
    context: params.context,
  });
  if (!local.ok) return { ok: false, problems: local.problems };
  const scripts: Record<string, string> = {};
  for (const service of local.blueprint.services)
    for (const step of service.init) if (step.type === 'sql') scripts[step.script] = step.content;
  const overlays = await Promise.all(
    params.overlays.map(async (file) => ({ fileName: basename(file), source: await readFile(file, 'utf8') })),
  );
  const source = await readFile(params.file, 'utf8');
  const created = await withRetries(() =>
    params.api.request<EnvironmentBody>({
      method: 'POST',
      path: '/v1/environments',
      headers: { 'idempotency-key': params.idempotencyKey },
      body: {
        blueprint: { source, fileName: basename(params.file), scripts },
        ...(overlays.length ? { overlays } : {}),
        ...(Object.keys(params.context).length ? { context: params.context } : {}),
        ...(params.branchOf ? { branchOf: params.branchOf } : {}),
        ...(params.fromSnapshot ? { fromSnapshot: params.fromSnapshot } : {}),
        ...(params.ttl ? { ttl: params.ttl } : {}),
        ...(params.idleAfter ? { idleAfter: params.idleAfter } : {}),
        ...(params.idle ? { idle: params.idle } : {}),
        ...(params.labels && Object.keys(params.labels).length ? { labels: params.labels } : {}),
      },
    }),
  );
  return {
    ok: true,
    environment: created.body,
    replayed: created.headers.get('idempotent-replayed') === 'true',
  };
}

/** How often a snapshot wait asks: snapshots have no event stream of their own. */
const SNAPSHOT_POLL_MS = 1_000;

/** Polls the environment's snapshots until this one is ready or failed, showing it as progress. */
async function waitForSnapshot(params: {
  api: ApiClient;
  id: string;
  snapshot: SnapshotBody;
  timeoutMs: number;
}): Promise<SnapshotBody> {
  const { api, id, timeoutMs } = params;
  const deadline = Date.now() + timeoutMs;
  const activity = await startActivity();
  let current = params.snapshot;
  activity.step(`${id}: snapshot ${current.name} ${current.phase}`);
  while (current.phase === 'pending') {
    if (Date.now() >= deadline) {
      activity.end(false);
      throw new CliError({
        type: 'timeout',
        message: `timed out after ${timeoutMs / 1000}s waiting for snapshot ${current.name} of ${id} to be ready`,
        hint: 'wait longer with --timeout; the snapshot goes on in the background',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_POLL_MS));
    const { body } = await api.request<{ items: SnapshotBody[] }>({
      path: `/v1/environments/${encodeURIComponent(id)}/snapshots`,
    });
    const found = body.items.find((s) => s.id === current.id);
    if (!found) throw new CliError({ type: 'api', message: `snapshot ${current.name} of ${id} is gone` });
    if (found.phase !== current.phase) activity.step(`${id}: snapshot ${found.name} ${found.phase}`);
    current = found;
  }
  activity.end(current.phase === 'ready');
  return current;
}

/** Waits (per --wait / env wait) and prints the environment; exit 1 when it did not get there. */
async function waitAndPrint(params: {
  api: ApiClient;
  id: string;
  options: Partial<OutputOptions>;
  until: (phase: string, env: EnvironmentBody) => boolean;
  reached: (env: EnvironmentBody) => boolean;
  timeoutMs: number;
  goal: string;
}): Promise<void> {
  const result = await followEnvironment(params);
  const ok = params.reached(result);
  if (!ok) process.exitCode = ExitCode.Failure;
  await printEnvironment(params.options, result, ok);
}

/** `microstax env ...`: environments through the control-plane API (MICROSTAX_URL, MICROSTAX_TOKEN). */
export function register(program: Command): void {
  const env = program
    .command('env')
    .description('create, inspect, share and delete environments through the MicroStax API')
    .addHelpText(
      'after',
      `
The API is MICROSTAX_URL (default http://127.0.0.1:18080) with the token MICROSTAX_TOKEN, or the
current context (microstax context add|use; MICROSTAX_CONTEXT picks another) in
~/.config/microstax/config.json (MICROSTAX_CONFIG). Every command takes
-o json|yaml|table|wide|name (--json = -o json); every wait takes --timeout (default ${DEFAULT_WAIT_TIMEOUT}).
A wait survives a dropped connection or an API restart: it reconnects and resumes the event stream.
Exit codes: 0 ok, 1 failure (the API's error code is printed) or an expired --timeout, 2 usage error.`,
    );

  type WaitOptions = OutputOptions & { wait: boolean; timeout: number };

  addTimeoutOption(
    addOutputOptions(
      addBlueprintInputOptions(
        env
          .command('create')
          .description('create an environment from a blueprint file (validated locally first)')
          .requiredOption('-f, --file <blueprint>', 'blueprint file')
          .option(
            '--branch-of <env>',
            'make a branch of this environment (a branch may itself be one): only what changed against it runs',
          )
          .option(
            '--from-snapshot <snapshot>',
            "start the data services from this snapshot (id or name) of your team's, instead of their seed",
          )
          .option('--ttl <duration>', 'delete after this long, e.g. 4h')
          .option('--idle-after <duration>', 'after this long without activity, the idle action applies')
          .addOption(
            new Option(
              '--idle <action>',
              'what happens once idle: teardown, or sleep (scale to zero, keep data)',
            ).choices(IDLE_ACTIONS),
          )
          .addOption(
            new Option('--label <K=V>', 'label the environment (a policy may require some); repeatable')
              .argParser(parseLabel)
              .default({}),
          )
          .option(
            '--idempotency-key <key>',
            'makes a retried create safe (default: a fresh key per invocation)',
          )
          .option('--wait', 'follow progress until the environment is ready (exit 1 if it fails)', false),
      ),
    ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  microstax env create -f checkout-dev.yaml --ttl 4h --wait --timeout 10m\n  microstax env create -f checkout-dev.yaml --from-snapshot before-release --wait',
    )
    .action(
      act(
        ([opts]) => opts,
        async (
          opts: BlueprintInputOptions &
            WaitOptions & {
              file: string;
              branchOf?: string;
              fromSnapshot?: string;
              ttl?: string;
              idleAfter?: string;
              idle?: IdleAction;
              idempotencyKey?: string;
              label: Record<string, string>;
            },
        ) => {
          const api = await client();
          const created = await createEnvironment({
            api,
            file: opts.file,
            overlays: opts.overlay,
            context: opts.context,
            branchOf: opts.branchOf,
            fromSnapshot: opts.fromSnapshot,
            ttl: opts.ttl,
            idleAfter: opts.idleAfter,
            idle: opts.idle,
            labels: opts.label,
            idempotencyKey: opts.idempotencyKey ?? randomUUID(),
          });
          if (!created.ok) {
            printProblems(created.problems);
            const error = new CliError({
              type: 'invalid-input',
              message: `${opts.file} is not a valid blueprint (${created.problems.length} problem(s) above); nothing was sent`,
              field: 'file',
            });
            process.exitCode = await reportError(error, outputFormat(opts), { problems: created.problems });
            return;
          }
          const result = created.environment;
          progress(`created ${result.id} (${result.phase})`);
          if (!opts.wait) return printEnvironment(opts, result);
          await waitAndPrint({
            api,
            id: result.id,
            options: opts,
            until: (phase) => phase === 'ready' || FINISHED.has(phase),
            reached: (env) => env.phase === 'ready',
            timeoutMs: opts.timeout,
            goal: 'ready',
          });
        },
      ),
    );

  addOutputOptions(
    env
      .command('list')
      .description('list environments, newest first')
      .option('--team <team>', 'filter by team (admins)')
      .option('--owner <user>', 'filter by owner')
      .option('--blueprint <name>', 'filter by blueprint')
      .option('--phase <phase>', 'filter by phase, e.g. ready')
      .option('-l, --selector <selector>', 'label selector, e.g. pr=42 or "app in (shop,cart),!draft"')
      .option('--limit <n>', 'at most this many', '50')
      .option('--before <id>', 'the page after this id (the `next` of the previous page)'),
  ).action(
    act(
      ([opts]) => opts,
      async (
        opts: OutputOptions & {
          team?: string;
          owner?: string;
          blueprint?: string;
          phase?: string;
          selector?: string;
          limit: string;
          before?: string;
        },
      ) => {
        const query = new URLSearchParams();
        for (const key of ['team', 'owner', 'blueprint', 'phase', 'limit', 'before'] as const) {
          if (opts[key]) query.set(key, opts[key]);
        }
        if (opts.selector) query.set('labelSelector', opts.selector);
        const { body } = await (await client()).request<EnvironmentListBody>({
          path: `/v1/environments?${query}`,
        });
        const row = (e: EnvironmentBody) =>
          `${e.id.padEnd(22)} ${(e.name ?? '-').padEnd(16)} ${e.phase.padEnd(14)} ${(e.blueprint?.name ?? '').padEnd(20)} ${(e.owner ?? '').padEnd(12)} ${(e.cost?.accrued.toFixed(4) ?? '-').padEnd(10)} ${e.expiresAt ?? '-'}`;
        const header = `${'ID'.padEnd(22)} ${'NAME'.padEnd(16)} ${'PHASE'.padEnd(14)} ${'BLUEPRINT'.padEnd(20)} ${'OWNER'.padEnd(12)} ${'COST'.padEnd(10)} EXPIRES`;
        const wideRow = (e: EnvironmentBody) =>
          `${row(e)}  ${(e.team ?? '-').padEnd(12)} ${(e.parent ?? '-').padEnd(16)} ${e.costPerHour?.toFixed(4) ?? '-'}`;
        await printResult(outputFormat(opts), {
          document: { ok: true, ...body },
          table: () => [header, ...body.items.map(row)].join('\n'),
          wide: () =>
            [
              `${header}  ${'TEAM'.padEnd(12)} ${'PARENT'.padEnd(16)} COST/H`,
              ...body.items.map(wideRow),
            ].join('\n'),
          names: () => body.items.map((e) => e.id),
        });
        if (body.next && !isDocument(outputFormat(opts)) && outputFormat(opts) !== 'name')
          progress(`more: --before ${body.next}`);
      },
    ),
  );

  addOutputOptions(
    env
      .command('get')
      .description('show an environment: phase, per-service status, URLs, cost, lineage')
      .argument('<id>', 'environment id'),
  ).action(
    act(
      ([, opts]) => opts,
      async (id: string, opts: OutputOptions) => {
        const { body } = await (await client()).request<EnvironmentBody>({
          path: `/v1/environments/${encodeURIComponent(id)}`,
        });
        await printEnvironment(opts, body);
      },
    ),
  );

  addOutputOptions(
    env
      .command('url')
      .description("print one service's URL, e.g. for a CI step: URL=$(microstax env url pr-42 api)")
      .argument('<id>', 'environment id or name')
      .argument('<service>', 'an exposed service'),
  ).action(
    act(
      ([, , opts]) => opts,
      async (id: string, service: string, opts: OutputOptions) => {
        const { body } = await (await client()).request<EnvironmentBody>({
          path: `/v1/environments/${encodeURIComponent(id)}`,
        });
        const url = serviceUrl(body, service);
        await printResult(outputFormat(opts), {
          document: { ok: true, id: body.id, service, url },
          table: () => url,
          names: () => [url],
        });
      },
    ),
  );

  env
    .command('logs')
    .description("print a service's logs (every pod's, prefixed [pod] when several); -f follows")
    .argument('<id>', 'environment id or name')
    .argument('<service>', 'a service of its blueprint')
    .option('-f, --follow', 'keep printing new lines until Ctrl-C (the API ends a follow after an hour)')
    .option('--tail <lines>', 'lines from the end of each pod', positiveInteger, 100)
    .option('--since <duration>', 'only lines newer than this: 30s, 10m, 2h')
    .option('--init', "the service's init steps' logs instead of its own")
    .addHelpText(
      'after',
      '\nExamples:\n  microstax env logs pr-42 api --tail 20\n  microstax env logs pr-42 db --init\n',
    )
    .action(
      act(
        () => ({}),
        async (
          id: string,
          service: string,
          opts: { follow?: boolean; tail: number; since?: string; init?: boolean },
        ) => {
          const query = new URLSearchParams({ tail: String(opts.tail) });
          if (opts.follow) query.set('follow', 'true');
          if (opts.since) query.set('since', opts.since);
          if (opts.init) query.set('init', 'true');
          const stop = new AbortController();
          process.once('SIGINT', () => stop.abort());
          await (await client()).text({
            path: `/v1/environments/${encodeURIComponent(id)}/services/${encodeURIComponent(service)}/logs?${query}`,
            write: (chunk) => process.stdout.write(chunk),
            signal: stop.signal,
          });
        },
      ),
    );

  addTimeoutOption(
    addOutputOptions(
      env
        .command('wait')
        .description(
          'wait until an environment is ready (or --for another phase); exit 1 if it cannot get there',
        )
        .argument('<id>', 'environment id')
        .option('--for <phase>', 'the phase to wait for: ready, sleeping or deleted', 'ready'),
    ),
  )
    .addHelpText(
      'after',
      '\nEnds with exit 0 when the phase is reached, 1 when the environment fails (or is deleted) first or\nthe --timeout expires. Example:\n  microstax env wait e1a2b3c4d5e6 --timeout 10m',
    )
    .action(
      act(
        ([, opts]) => opts,
        async (id: string, opts: OutputOptions & { for: string; timeout: number }) => {
          if (!['ready', 'sleeping', 'deleted'].includes(opts.for))
            throw new CliError({
              type: 'usage',
              message: `--for must be ready, sleeping or deleted (got "${opts.for}")`,
              field: 'for',
              exitCode: ExitCode.Usage,
            });
          await waitAndPrint({
            api: await client(),
            id,
            options: opts,
            until: (phase) => phase === opts.for || FINISHED.has(phase),
            reached: (current) => current.phase === opts.for,
            timeoutMs: opts.timeout,
            goal: opts.for,
          });
        },
      ),
    );

  addTimeoutOption(
    addOutputOptions(
      env
        .command('delete')
        .description('tear an environment down (safe to repeat)')
        .argument('<id>', 'environment id')
        .option(
          '--cascade',
          'also tear down every live branch below it, deepest first (without it, live branches refuse the delete)',
          false,
        )
        .option('--wait', 'follow until it is gone', false),
    ),
  )
    .addHelpText(
      'after',
      '\nAn environment that live branches reuse services from is refused (has_branches) and the branches\nare listed; delete them first, or pass --cascade.',
    )
    .action(
      act(
        ([, opts]) => opts,
        async (id: string, opts: WaitOptions & { cascade: boolean }) => {
          const api = await client();
          const { body } = await api.request<TeardownBody>({
            method: 'DELETE',
            path: `/v1/environments/${encodeURIComponent(id)}${opts.cascade ? '?cascade=true' : ''}`,
          });
          const branches = body.branches ?? [];
          if (branches.length > 0)
            progress(`tearing down ${branches.length} branch(es) first: ${branches.join(', ')}`);
          let phase = body.phase;
          if (opts.wait) {
            const result = await followEnvironment({
              api,
              id,
              until: (p) => FINISHED.has(p),
              timeoutMs: opts.timeout,
              goal: 'deleted',
            });
            phase = result.phase;
            if (phase !== 'deleted') process.exitCode = ExitCode.Failure;
          }
          await printResult(outputFormat(opts), {
            document: {
              ok: process.exitCode !== ExitCode.Failure,
              id,
              phase,
              ...(opts.cascade ? { branches } : {}),
            },
            table: () => `${id}: ${phase}`,
            names: names(id),
          });
        },
      ),
    );

  for (const mode of ['sleep', 'wake'] as const) {
    const target = mode === 'sleep' ? 'sleeping' : 'ready';
    addTimeoutOption(
      addOutputOptions(
        env
          .command(mode)
          .description(
            mode === 'sleep'
              ? 'put a ready environment to sleep: workloads scaled to zero; data, Secrets and Services kept'
              : 'wake a sleeping environment: workloads back to their planned replicas',
          )
          .argument('<id>', 'environment id')
          .option('--wait', `follow until it is ${target} (exit 1 if it does not get there)`, false),
      ),
    )
      .addHelpText(
        'after',
        `\nSafe to repeat: an environment already ${target} is left as it is.\nExample:\n  microstax env ${mode} e1a2b3c4d5e6 --wait`,
      )
      .action(
        act(
          ([, opts]) => opts,
          async (id: string, opts: WaitOptions) => {
            const api = await client();
            const { status, body } = await api.request<EnvironmentBody>({
              method: 'POST',
              path: `/v1/environments/${encodeURIComponent(id)}/${mode}`,
            });
            if (status === 202) progress(`${id}: ${mode} requested (${body.phase})`);
            if (!opts.wait || body.phase === target) return printEnvironment(opts, body);
            // A failed change leaves the phase it started from, with `error` set.
            const from = mode === 'sleep' ? 'ready' : 'sleeping';
            await waitAndPrint({
              api,
              id,
              options: opts,
              until: (phase, current) =>
                phase === target || FINISHED.has(phase) || (phase === from && !!current.error),
              reached: (current) => current.phase === target,
              timeoutMs: opts.timeout,
              goal: target,
            });
          },
        ),
      );
  }

  addOutputOptions(
    env
      .command('extend')
      .description('extend the time to live')
      .argument('<id>', 'environment id')
      .requiredOption('--by <duration>', 'how much longer, e.g. 2h'),
  ).action(
    act(
      ([, opts]) => opts,
      async (id: string, opts: OutputOptions & { by: string }) => {
        const { body } = await (await client()).request<ExtendBody>({
          method: 'POST',
          path: `/v1/environments/${encodeURIComponent(id)}/extend`,
          body: { by: opts.by },
        });
        await printResult(outputFormat(opts), {
          document: { ok: true, ...body },
          table: () => `${id}: expires ${body.expiresAt}`,
          names: names(id),
        });
      },
    ),
  );

  addOutputOptions(
    env
      .command('seed')
      .description("re-run data services' init steps")
      .argument('<id>', 'environment id')
      .option('--service <name>', 'only this service'),
  ).action(
    act(
      ([, opts]) => opts,
      async (id: string, opts: OutputOptions & { service?: string }) => {
        const { body } = await (await client()).request<WorkflowsStartedBody>({
          method: 'POST',
          path: `/v1/environments/${encodeURIComponent(id)}/seed`,
          body: opts.service ? { service: opts.service } : {},
        });
        await printResult(outputFormat(opts), {
          document: { ok: true, ...body, id },
          table: () => `${id}: seeding (${body.workflows.join(', ')})`,
          names: () => body.workflows,
        });
      },
    ),
  );

  addTimeoutOption(
    addOutputOptions(
      env
        .command('snapshot')
        .description("snapshot the environment's data services")
        .argument('<id>', 'environment id')
        .option('--name <name>', 'snapshot name (default: a timestamp)')
        .option('--wait', 'follow until the snapshot is ready (exit 1 if it fails)', false),
    ),
  ).action(
    act(
      ([, opts]) => opts,
      async (id: string, opts: WaitOptions & { name?: string }) => {
        const api = await client();
        const { body: started } = await api.request<SnapshotBody>({
          method: 'POST',
          path: `/v1/environments/${encodeURIComponent(id)}/snapshots`,
          body: opts.name ? { name: opts.name } : {},
        });
        const body = opts.wait
          ? await waitForSnapshot({ api, id, snapshot: started, timeoutMs: opts.timeout })
          : started;
        if (body.phase === 'failed') process.exitCode = ExitCode.Failure;
        await printResult(outputFormat(opts), {
          document: { ok: body.phase !== 'failed', snapshot: body },
          table: () => `${id}: snapshot ${body.name} (${body.id}) ${body.phase}`,
          names: names(body.id),
        });
      },
    ),
  );

  addOutputOptions(
    env
      .command('restore')
      .description('load a snapshot back into the environment')
      .argument('<id>', 'environment id')
      .requiredOption('--snapshot <snapshot>', 'snapshot id or name'),
  ).action(
    act(
      ([, opts]) => opts,
      async (id: string, opts: OutputOptions & { snapshot: string }) => {
        const { body } = await (await client()).request<WorkflowsStartedBody>({
          method: 'POST',
          path: `/v1/environments/${encodeURIComponent(id)}/restore`,
          body: { snapshot: opts.snapshot },
        });
        await printResult(outputFormat(opts), {
          document: { ok: true, ...body, id },
          table: () => `${id}: restoring ${opts.snapshot}`,
          names: () => body.workflows,
        });
      },
    ),
  );

  addOutputOptions(
    env
      .command('share')
      .description('share read access to status and URLs; prints the share token once')
      .argument('<id>', 'environment id')
      .option('--ttl <duration>', 'how long the share lasts', '24h')
      .option('--note <text>', 'who it is for', '')
      .option('--revoke <shareId>', 'revoke this share instead'),
  ).action(
    act(
      ([, opts]) => opts,
      async (id: string, opts: OutputOptions & { ttl: string; note: string; revoke?: string }) => {
        const api = await client();
        const format = outputFormat(opts);
        if (opts.revoke) {
          const { body } = await api.request<ShareBody>({
            method: 'DELETE',
            path: `/v1/environments/${encodeURIComponent(id)}/shares/${encodeURIComponent(opts.revoke)}`,
          });
          await printResult(format, {
            document: { ok: true, share: body },
            table: () => `${id}: share ${body.id} ${body.state}`,
            names: names(body.id),
          });
          return;
        }
        const { body } = await api.request<CreatedShareBody>({
          method: 'POST',
          path: `/v1/environments/${encodeURIComponent(id)}/shares`,
          body: { ttl: opts.ttl, note: opts.note },
        });
        if (!isDocument(format)) {
          process.stderr.write(
            `share ${body.id} until ${body.expiresAt}; the token below is shown only now.\n` +
              `read with: curl -H "Authorization: Bearer <token>" ${api.url}/v1/environments/${id}\n`,
          );
        }
        await printResult(format, {
          document: { ok: true, share: body },
          table: () => body.token,
          names: names(body.id),
        });
      },
    ),
  );
}
